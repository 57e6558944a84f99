// APIs that run a closure on another thread: what they are given is off the runtime's workers.

import { offload, type Entry, type OffloadEntry } from '../entry.js';
import { rs } from './authoring.js';

/** The blocking code the offload examples move off the runtime: hashing a file. */
const BAD = rs`
  async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
      let bytes = std::fs::read(&path)?;
      Ok(bytes.len())
  }
`;

function moveOff(api: string, o: { aliases?: readonly string[]; why: string; good: string; returns?: string }): OffloadEntry {
  return offload({
    id: `rust:${api}`,
    match: [api, ...(o.aliases ?? [])],
    callableArgs: [0],
    why: o.why,
    ...(o.returns ? { returns: o.returns } : {}),
    example: { bad: BAD, good: o.good },
  });
}

export const entries: readonly Entry[] = [
  moveOff('tokio.task.spawn_blocking', {
    aliases: ['tokio.runtime.Handle.spawn_blocking', 'tokio.runtime.Runtime.spawn_blocking', 'tokio.task.JoinSet.spawn_blocking'],
    why: "tokio::task::spawn_blocking runs the closure on tokio's blocking thread pool, sized for work that blocks; the task awaits its JoinHandle and the worker threads keep running other tasks.",
    returns: 'tokio.task.JoinHandle',
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let bytes = tokio::task::spawn_blocking(move || std::fs::read(&path)).await??;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('tokio.task.block_in_place', {
    why: 'tokio::task::block_in_place tells the multi-threaded runtime that this worker is about to block: its other tasks move to another worker while the closure runs (it panics on a current-thread runtime).',
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let bytes = tokio::task::block_in_place(|| std::fs::read(&path))?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('actix_web.web.block', {
    aliases: ['actix_web.rt.task.spawn_blocking', 'actix_rt.task.spawn_blocking'],
    why: "actix_web::web::block runs the closure on actix's blocking thread pool and returns a future of its result, so the actix worker keeps serving requests.",
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let bytes = actix_web::web::block(move || std::fs::read(&path)).await.expect("blocking pool")?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('async_std.task.spawn_blocking', {
    why: "async_std::task::spawn_blocking runs the closure on async-std's blocking thread pool and returns a handle to await.",
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let bytes = async_std::task::spawn_blocking(move || std::fs::read(&path)).await?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('blocking.unblock', {
    aliases: ['smol.unblock'],
    why: "blocking::unblock (re-exported by smol) runs the closure on a thread pool for blocking work and returns a future of its result.",
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let bytes = blocking::unblock(move || std::fs::read(&path)).await?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('std.thread.spawn', {
    aliases: ['std.thread.Builder.spawn', 'std.thread.Builder.spawn_scoped', 'std.thread.Scope.spawn'],
    why: 'std::thread::spawn runs the closure on a new OS thread of its own; the runtime worker only pays for creating it (joining it is a wait of its own).',
    returns: 'std.thread.JoinHandle',
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let (tx, rx) = tokio::sync::oneshot::channel();
          std::thread::spawn(move || {
              let _ = tx.send(std::fs::read(&path));
          });
          let bytes = rx.await.expect("reader thread")?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('rayon.spawn', {
    aliases: ['rayon.spawn_fifo', 'rayon.ThreadPool.spawn', 'rayon.ThreadPool.spawn_fifo', 'threadpool.ThreadPool.execute'],
    why: "rayon::spawn queues the closure on rayon's thread pool and returns at once; send the result back over a channel and await it.",
    good: rs`
      async fn checksum(path: std::path::PathBuf) -> std::io::Result<usize> {
          let (tx, rx) = tokio::sync::oneshot::channel();
          rayon::spawn(move || {
              let _ = tx.send(std::fs::read(&path));
          });
          let bytes = rx.await.expect("rayon task")?;
          Ok(bytes.len())
      }
    `,
  }),
  moveOff('deadpool_sync.SyncWrapper.interact', {
    aliases: ['postgres', 'sqlite', 'mysql'].map((db) => `deadpool_diesel.${db}.Object.interact`).concat(['deadpool_sqlite.Object.interact']),
    why: "deadpool's interact runs the closure with the synchronous connection (diesel, rusqlite) on a blocking thread and returns a future of its result.",
    good: rs`
      async fn checksum(path: std::path::PathBuf, pool: deadpool_sqlite::Pool) -> std::io::Result<usize> {
          let conn = pool.get().await.expect("connection");
          let bytes = conn.interact(move |_conn| std::fs::read(&path)).await.expect("interact")?;
          Ok(bytes.len())
      }
    `,
  }),
];
