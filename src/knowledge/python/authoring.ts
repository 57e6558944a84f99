// Helpers for writing the Python catalog: dedented example source and the thread-offload idiom.

import { exampleSource } from '../example-source.js';

/**
 * Python source written inline in a catalog file: the template's raw text, without the first
 * newline and with the common indentation removed, ending in one newline. A multi-line value
 * interpolated into it is indented like the line it lands on.
 *
 *   py`
 *     import time
 *
 *     async def f():
 *         time.sleep(1)
 *   `
 */
export function py(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return exampleSource(strings, values);
}

/**
 * The offload idiom for one call, per runtime, for APIs with no async counterpart:
 * `toThread('shutil.rmtree, path')` gives the asyncio, anyio and trio forms. anyio and trio take
 * positional arguments only; keyword arguments go through `functools.partial` there.
 */
export function toThread(callableAndArgs: string): readonly string[] {
  return [
    `await asyncio.to_thread(${callableAndArgs})`,
    `await anyio.to_thread.run_sync(${callableAndArgs})`,
    `await trio.to_thread.run_sync(${callableAndArgs})`,
  ];
}
