// APIs that take a future and run it as a task of its own on the runtime: an `async` block given
// to them is an async context (it is one by itself; the entries name the spawn for the reports).

import { callback, type CallbackEntry, type Entry } from '../entry.js';
import { rs } from './authoring.js';

function spawnTask(api: string, o: { aliases?: readonly string[]; call: string; why: string; sleep: string }): CallbackEntry {
  return callback({
    id: `rust:${api}`,
    match: [api, ...(o.aliases ?? [])],
    callableArgs: [0],
    returns: api.startsWith('tokio.') ? 'tokio.task.JoinHandle' : undefined,
    why: o.why,
    example: {
      bad: rs`
        use std::time::Duration;

        fn start_heartbeat() {
            ${o.call}(async move {
                loop {
                    std::thread::sleep(Duration::from_secs(5));
                }
            });
        }
      `,
      good: rs`
        use std::time::Duration;

        fn start_heartbeat() {
            ${o.call}(async move {
                loop {
                    ${o.sleep}(Duration::from_secs(5)).await;
                }
            });
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  spawnTask('tokio.spawn', {
    aliases: ['tokio.task.spawn', 'tokio.runtime.Handle.spawn', 'tokio.runtime.Runtime.spawn', 'tokio.task.JoinSet.spawn'],
    call: 'tokio::spawn',
    sleep: 'tokio::time::sleep',
    why: "tokio::spawn runs the future as a task on the runtime's worker threads, beside every other task: blocking in it stalls them.",
  }),
  spawnTask('tokio.task.spawn_local', {
    aliases: ['tokio.task.LocalSet.spawn_local', 'tokio.task.JoinSet.spawn_local'],
    call: 'tokio::task::spawn_local',
    sleep: 'tokio::time::sleep',
    why: 'tokio::task::spawn_local runs the future on the current thread, inside a LocalSet, beside the other tasks of that thread.',
  }),
  spawnTask('async_std.task.spawn', {
    aliases: ['async_std.task.spawn_local', 'smol.spawn', 'smol.Executor.spawn', 'async_global_executor.spawn'],
    call: 'async_std::task::spawn',
    sleep: 'async_std::task::sleep',
    why: "async_std::task::spawn (and smol::spawn) runs the future as a task on the executor's threads, beside every other task.",
  }),
  spawnTask('actix_rt.spawn', {
    aliases: ['actix_web.rt.spawn', 'actix.spawn'],
    call: 'actix_rt::spawn',
    sleep: 'actix_rt::time::sleep',
    why: "actix_rt::spawn runs the future on the current actix worker's single-threaded runtime, which also serves that worker's requests.",
  }),
];
