// Rust APIs that put the calling thread to sleep.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { rs } from './authoring.js';

/** A thread sleep or park, with its async replacement. */
function threadPause(api: string, o: { what: string; call: string; instead: string; useInstead: readonly string[] }): BlockingEntry {
  return blocking({
    id: `rust:${api}`,
    match: [api],
    category: 'sleep',
    why: `${api} ${o.what}; the runtime worker thread stops with it, and every task scheduled on that worker waits.`,
    does: 'puts the thread to sleep',
    useInstead: o.useInstead,
    example: {
      bad: rs`
        use std::time::Duration;

        async fn retry_later(attempt: u32) {
            ${o.call}
        }
      `,
      good: rs`
        use std::time::Duration;

        async fn retry_later(attempt: u32) {
            ${o.instead}
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  threadPause('std.thread.sleep', {
    what: 'suspends the whole OS thread for the given duration',
    call: 'std::thread::sleep(Duration::from_millis(100 * attempt as u64));',
    instead: 'tokio::time::sleep(Duration::from_millis(100 * attempt as u64)).await;',
    useInstead: ['tokio::time::sleep(duration).await', 'async_std::task::sleep(duration).await', 'smol::Timer::after(duration).await', 'actix_rt::time::sleep(duration).await'],
  }),
  threadPause('std.thread.sleep_ms', {
    what: 'suspends the whole OS thread for the given number of milliseconds',
    call: 'std::thread::sleep_ms(100 * attempt);',
    instead: 'tokio::time::sleep(Duration::from_millis(100 * attempt as u64)).await;',
    useInstead: ['tokio::time::sleep(Duration::from_millis(ms)).await', 'async_std::task::sleep(Duration::from_millis(ms)).await'],
  }),
  threadPause('std.thread.park', {
    what: 'blocks the OS thread until another thread unparks it',
    call: 'std::thread::park();',
    instead: 'tokio::time::sleep(Duration::from_millis(100 * attempt as u64)).await;',
    useInstead: ['notify.notified().await  // notify: tokio::sync::Notify', 'rx.await  // a tokio::sync::oneshot channel'],
  }),
  threadPause('std.thread.park_timeout', {
    what: 'blocks the OS thread until another thread unparks it or the timeout passes',
    call: 'std::thread::park_timeout(Duration::from_millis(100 * attempt as u64));',
    instead: 'tokio::time::sleep(Duration::from_millis(100 * attempt as u64)).await;',
    useInstead: ['tokio::time::timeout(duration, notify.notified()).await  // notify: tokio::sync::Notify'],
  }),
];
