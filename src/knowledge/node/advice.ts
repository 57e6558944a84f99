// What to tell the user about Node findings that no entry names: heavy loops, busy waits and
// unknown third-party calls whose names suggest I/O.

import type { Advice } from '../entry.js';

export const advice: { readonly heavyLoop: Advice; readonly busyWait: Advice; readonly unknownCall: Advice } = {
  heavyLoop: {
    why: 'A loop with millions of iterations runs to the end on the one thread that serves every request: no callback, timer or I/O completion runs until it finishes.',
    useInstead: [
      'await pool.run(data)  // piscina (or workerpool, worker_threads): do the computation in a worker thread',
      "await setImmediate()  // from 'node:timers/promises', every few thousand iterations, to let other work run",
    ],
  },
  busyWait: {
    why: 'A loop that polls the clock without awaiting keeps the event loop thread busy: timers, I/O callbacks and other requests all wait until the deadline passes.',
    useInstead: [
      "await setTimeout(ms)  // from 'node:timers/promises'",
      'await new Promise((resolve) => setTimeout(resolve, ms))',
      "await once(emitter, 'ready')  // from 'node:events': wait for the event instead of polling",
    ],
  },
  unknownCall: {
    why: 'The function comes from a package the catalog does not describe and is called without await; its name suggests I/O, which a synchronous implementation would do on the event loop thread.',
    useInstead: [
      "await the package's promise-returning API if it has one",
      'await pool.run(args)  // piscina, or another worker-thread pool, if the package only offers a synchronous call',
    ],
  },
};
