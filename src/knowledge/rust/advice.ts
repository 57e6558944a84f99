// What to tell the user about Rust findings that no entry names: heavy loops, busy waits and
// unknown third-party calls whose names suggest I/O.

import type { Advice } from '../entry.js';

export const advice: { readonly heavyLoop: Advice; readonly busyWait: Advice; readonly unknownCall: Advice } = {
  heavyLoop: {
    why: 'A loop with millions of iterations runs to the end on the runtime worker thread without reaching an .await: the tasks scheduled on that worker wait until it finishes.',
    useInstead: [
      'tokio::task::spawn_blocking(move || compute(data)).await?',
      'hand the work to rayon and await the result over a tokio::sync::oneshot channel',
      'or tokio::task::yield_now().await every few thousand iterations to let other tasks run',
    ],
  },
  busyWait: {
    why: 'A loop that polls the clock without reaching an .await keeps the runtime worker thread busy and starves the tasks scheduled on it until the deadline passes.',
    useInstead: [
      'tokio::time::sleep(delay).await  // or tokio::time::sleep_until(deadline).await',
      'async_std::task::sleep(delay).await',
      'tokio::time::timeout(delay, notify.notified()).await  // wait for a signal instead of polling',
    ],
  },
  unknownCall: {
    why: 'The function comes from a crate the catalog does not describe and is called without .await; its name suggests it waits for I/O on the runtime worker thread.',
    useInstead: [
      "use the crate's async API if it has one, and .await it",
      'tokio::task::spawn_blocking(move || client.call(args)).await?',
      'actix_web::web::block(move || client.call(args)).await?',
    ],
  },
};
