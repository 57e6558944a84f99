// What to tell the user about Python findings that no entry names: heavy loops, busy waits and
// unknown third-party calls whose names suggest I/O.

import type { Advice } from '../entry.js';

export const advice: { readonly heavyLoop: Advice; readonly busyWait: Advice; readonly unknownCall: Advice } = {
  heavyLoop: {
    why: 'A loop with millions of iterations runs to the end on the event loop thread: no other task runs until it finishes.',
    useInstead: [
      'await asyncio.to_thread(compute, data)  # or loop.run_in_executor(process_pool, compute, data) for CPU-bound work',
      'await anyio.to_thread.run_sync(compute, data)',
      'await trio.to_thread.run_sync(compute, data)',
      'or await asyncio.sleep(0) every few thousand iterations to let other tasks run',
    ],
  },
  busyWait: {
    why: 'A loop that polls the clock without awaiting keeps the event loop thread busy and starves every other task until the deadline passes.',
    useInstead: [
      'await asyncio.sleep(delay)  # or poll with an await asyncio.sleep(interval) inside the loop',
      'await anyio.sleep(delay)',
      'await trio.sleep(delay)',
      'with asyncio.timeout(delay): await event.wait()  # wait for a signal instead of polling',
    ],
  },
  unknownCall: {
    why: 'The function comes from a package the catalog does not describe and is called without await; its name suggests it waits for I/O on the event loop thread.',
    useInstead: [
      "use the package's async API if it has one, and await it",
      'await asyncio.to_thread(fn, *args)',
      'await anyio.to_thread.run_sync(fn, *args)',
      'await trio.to_thread.run_sync(fn, *args)',
    ],
  },
};
