// Thread locks whose guard is held across an `.await` (clippy's await_holding_lock). Taking such a
// lock briefly, in code that does not suspend while holding it, is ordinary in-memory work and is
// not reported: the adapter marks the lock call with the fact `held-across-await` only when the
// guard is still alive (bound by `let`, or a temporary of the statement) at a later `.await` of the
// same async body. Across that await the task may move away while other tasks of the worker wait
// for the lock, which blocks the worker thread, or deadlocks it when the holder runs there.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { rs } from './authoring.js';

function heldLock(type: string, method: string, o: { what: string; imports: string; lock: string; aliases?: readonly string[] }): BlockingEntry {
  const api = `${type}.${method}`;
  const readable = `${type.split('.').slice(-1)[0]}::${method}`;
  return blocking({
    id: `rust:${api}`,
    match: [api, ...(o.aliases ?? [])],
    category: 'lock',
    why: `${readable} ${o.what} and its guard is held across an .await: while the task is suspended other tasks that need the lock block their worker thread, or deadlock it when the holder is scheduled there.`,
    does: 'holds a blocking lock across an .await',
    useInstead: [
      'drop the guard before the .await: take what you need inside a { ... } block, or call drop(guard)',
      'tokio::sync::Mutex / RwLock, whose lock().await suspends instead of blocking, when the lock must be held across the await',
      'keep the shared state in an actor task and talk to it over a tokio::sync::mpsc channel',
    ],
    when: { fact: 'held-across-await' },
    example: {
      bad: rs`
        ${o.imports}

        async fn record(stats: std::sync::Arc<${o.lock}>, tx: tokio::sync::mpsc::Sender<u64>) {
            let mut total = stats.${method}()${type.startsWith('std.') ? '.unwrap()' : ''};
            *total += 1;
            tx.send(*total).await.ok();
        }
      `,
      good: rs`
        ${o.imports}

        async fn record(stats: std::sync::Arc<${o.lock}>, tx: tokio::sync::mpsc::Sender<u64>) {
            let snapshot = {
                let mut total = stats.${method}()${type.startsWith('std.') ? '.unwrap()' : ''};
                *total += 1;
                *total
            };
            tx.send(snapshot).await.ok();
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  heldLock('std.sync.Mutex', 'lock', { what: 'blocks until the mutex is free', imports: 'use std::sync::Mutex;', lock: 'Mutex<u64>' }),
  heldLock('std.sync.RwLock', 'read', { what: 'blocks while a writer holds the lock', imports: 'use std::sync::RwLock;', lock: 'RwLock<u64>' }),
  heldLock('std.sync.RwLock', 'write', { what: 'blocks until no reader or writer holds the lock', imports: 'use std::sync::RwLock;', lock: 'RwLock<u64>' }),
  heldLock('parking_lot.Mutex', 'lock', { what: 'blocks until the mutex is free', imports: 'use parking_lot::Mutex;', lock: 'Mutex<u64>', aliases: ['parking_lot.FairMutex.lock', 'parking_lot.ReentrantMutex.lock', 'spin.Mutex.lock'] }),
  heldLock('parking_lot.RwLock', 'read', { what: 'blocks while a writer holds the lock', imports: 'use parking_lot::RwLock;', lock: 'RwLock<u64>', aliases: ['spin.RwLock.read'] }),
  heldLock('parking_lot.RwLock', 'write', { what: 'blocks until no reader or writer holds the lock', imports: 'use parking_lot::RwLock;', lock: 'RwLock<u64>', aliases: ['spin.RwLock.write'] }),
];
