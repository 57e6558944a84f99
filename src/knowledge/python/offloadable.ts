// Authoring helpers for entries of synchronous library calls whose fix is often a worker thread.

import type { Category } from '../../ir/report.js';
import { blocking, type BlockingEntry } from '../entry.js';
import { py, toThread } from './authoring.js';

/**
 * What `asyncio.to_thread` (and anyio's and trio's `run_sync`) is given to run `fn(args)`: the
 * callable and its arguments, or a lambda when there are keyword arguments, which only
 * `asyncio.to_thread` passes on.
 */
export function threadCall(fn: string, args: string): string {
  if (args === '') return fn;
  return /(^|[(,\s])\w+=/.test(args) ? `lambda: ${fn}(${args})` : `${fn}, ${args}`;
}

/**
 * A blocking call with a worker-thread fix: `bad` makes `fn(args)` in an async function whose
 * parameters are `params`, `good` runs the same call with `asyncio.to_thread`. `instead` lists
 * the library's own async replacements, if any, before the offload idiom.
 */
export function offloadable(api: string, o: {
  match?: readonly string[];
  returns?: string;
  category: Category;
  why: string;
  does: string;
  instead?: readonly string[];
  imports: string;
  params: string;
  fn: string;
  args: string;
}): BlockingEntry {
  const offloaded = threadCall(o.fn, o.args);
  return blocking({
    id: `python:${api}`,
    match: o.match ?? [api],
    ...(o.returns ? { returns: o.returns } : {}),
    category: o.category,
    why: o.why,
    does: o.does,
    useInstead: [...(o.instead ?? []), ...toThread(offloaded)],
    example: {
      bad: py`
        ${o.imports}

        async def handle(${o.params}):
            return ${o.fn}(${o.args})
      `,
      good: py`
        import asyncio
        ${o.imports}

        async def handle(${o.params}):
            return await asyncio.to_thread(${offloaded})
      `,
    },
  });
}
