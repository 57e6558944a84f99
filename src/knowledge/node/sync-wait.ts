// Waiting synchronously on the event loop thread: Atomics.wait, and the packages that turn an
// asynchronous call into a synchronous one (deasync, synckit, make-synchronous). Each holds the
// thread until another thread, process or callback answers.

import { blocking, type, type Entry } from '../entry.js';
import { ts } from './authoring.js';

export const entries: readonly Entry[] = [
  blocking({
    id: 'node:globalThis.Atomics.wait',
    match: ['globalThis.Atomics.wait'],
    category: 'sleep',
    why: 'Atomics.wait suspends the calling thread until another thread notifies the shared memory location or the timeout passes; Node allows it on the main thread, where it freezes the event loop for that whole time.',
    does: 'suspends the event loop thread',
    useInstead: [
      "await setTimeout(ms)  // from 'node:timers/promises', to pause",
      'await Atomics.waitAsync(view, index, value, ms).value  // to wait for a worker\'s notify without blocking',
    ],
    example: {
      bad: ts`
        export async function pause(ms: number): Promise<void> {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
        }
      `,
      good: ts`
        import { setTimeout as sleep } from 'node:timers/promises';

        export async function pause(ms: number): Promise<void> {
          await sleep(ms);
        }
      `,
    },
  }),

  // deasync: runs the libuv loop re-entrantly from inside the current call until a result is in.
  type({ id: 'node:deasync', match: ['deasync'], returns: 'deasync.SyncFunction' }),
  blocking({
    id: 'node:deasync.SyncFunction',
    match: ['deasync.SyncFunction'],
    category: 'sync-wait',
    why: 'A function wrapped by deasync does not return until its callback fires: it pumps the event loop re-entrantly from inside the caller, whose stack stays blocked, so nested waits can deadlock and callbacks run in an order the code does not expect.',
    does: 'waits synchronously for an asynchronous call',
    useInstead: ['await promisify(fn)(...args)  // promisify from node:util: call the original asynchronously'],
    example: {
      bad: ts`
        import { lookup } from 'node:dns';
        import deasync from 'deasync';

        const lookupSync = deasync(lookup);

        export async function resolveHost(host: string): Promise<unknown> {
          return lookupSync(host);
        }
      `,
      good: ts`
        import { lookup } from 'node:dns/promises';

        export async function resolveHost(host: string): Promise<unknown> {
          return await lookup(host);
        }
      `,
    },
  }),
  blocking({
    id: 'node:deasync.sleep',
    match: ['deasync.sleep'],
    category: 'sleep',
    why: "deasync.sleep does not return until the time has passed: it pumps the event loop re-entrantly from inside the caller, whose stack, and every deasync wait beneath it, stays blocked meanwhile.",
    does: 'sleeps synchronously',
    useInstead: ["await setTimeout(ms)  // from 'node:timers/promises'"],
    example: {
      bad: ts`
        import deasync from 'deasync';

        export async function backoff(ms: number): Promise<void> {
          deasync.sleep(ms);
        }
      `,
      good: ts`
        import { setTimeout as sleep } from 'node:timers/promises';

        export async function backoff(ms: number): Promise<void> {
          await sleep(ms);
        }
      `,
    },
  }),
  blocking({
    id: 'node:deasync.loopWhile',
    match: ['deasync.loopWhile'],
    category: 'sync-wait',
    why: 'deasync.loopWhile pumps the event loop re-entrantly from inside the caller until the predicate turns false; the caller stays blocked, and a wait nested in one of the callbacks it runs can deadlock.',
    does: 'waits synchronously for a condition',
    useInstead: ["await once(emitter, 'done')  // from 'node:events'", 'await the promise that settles when the condition holds'],
    example: {
      bad: ts`
        import deasync from 'deasync';

        export async function waitFor(job: { done: boolean }): Promise<void> {
          deasync.loopWhile(() => !job.done);
        }
      `,
      good: ts`
        import { once } from 'node:events';
        import type { EventEmitter } from 'node:events';

        export async function waitFor(job: EventEmitter): Promise<void> {
          await once(job, 'done');
        }
      `,
    },
  }),

  // synckit: a function that posts to a worker and blocks with Atomics.wait until it answers.
  type({ id: 'node:synckit.createSyncFn', match: ['synckit.createSyncFn'], returns: 'synckit.SyncFn' }),
  blocking({
    id: 'node:synckit.SyncFn',
    match: ['synckit.SyncFn'],
    category: 'sync-wait',
    why: "A function made by synckit's createSyncFn posts its arguments to a worker thread and blocks the calling thread with Atomics.wait until the worker answers: the event loop is frozen for the worker's whole run.",
    does: 'waits synchronously for a worker',
    useInstead: ["await the worker module's asynchronous function directly", 'await pool.run(args)  // piscina: the same worker, without blocking'],
    example: {
      bad: ts`
        import { createSyncFn } from 'synckit';

        const formatSync = createSyncFn(new URL('./format-worker.js', import.meta.url).pathname);

        export async function formatSource(code: string): Promise<unknown> {
          return formatSync(code);
        }
      `,
      good: ts`
        import { format } from 'prettier';

        export async function formatSource(code: string): Promise<unknown> {
          return await format(code, { parser: 'typescript' });
        }
      `,
    },
  }),

  // make-synchronous: runs an async function in a child process and waits with execFileSync.
  type({ id: 'node:make-synchronous', match: ['make-synchronous'], returns: 'make-synchronous.SyncFunction' }),
  blocking({
    id: 'node:make-synchronous.SyncFunction',
    match: ['make-synchronous.SyncFunction'],
    category: 'sync-wait',
    why: 'A function made by make-synchronous runs the async function in a new Node process and waits for it with a synchronous child-process call, holding the event loop thread for the start-up and the whole run.',
    does: 'waits synchronously for a child process',
    useInstead: ['await the async function itself'],
    example: {
      bad: ts`
        import makeSynchronous from 'make-synchronous';

        const fetchTextSync = makeSynchronous(async (url: string) => (await fetch(url)).text());

        export async function handle(url: string): Promise<unknown> {
          return fetchTextSync(url);
        }
      `,
      good: ts`
        export async function handle(url: string): Promise<unknown> {
          const response = await fetch(url);
          return await response.text();
        }
      `,
    },
  }),
];
