// Waiting on the runtime thread for something another thread or task must do: running a future to
// completion with a nested executor, tokio's blocking bridges, std and crossbeam channels, condition
// variables and thread joins. Inside a runtime the nested executors also deadlock or panic.

import { type BlockingEntry, type Entry, type } from '../entry.js';
import { blockingInAsyncFn } from './authoring.js';

function syncWait(id: string, o: { match: readonly string[]; why: string; does: string; useInstead: readonly string[]; params: string; goodParams: string; bad: string; good: string; returns?: string; imports?: string }): BlockingEntry {
  return blockingInAsyncFn(id, 'sync-wait', o, { bad: `async fn handle(${o.params})`, good: `async fn handle(${o.goodParams})`, prelude: o.imports ?? '', result: false });
}

const BLOCK_ON = 'runs a future to completion on the calling thread';

export const entries: readonly Entry[] = [
  // Nested executors.
  syncWait('futures.executor.block_on', {
    match: ['futures.executor.block_on', 'futures.executor.LocalPool.run_until'],
    why: 'futures::executor::block_on parks the calling thread until the future completes; on a runtime worker the future it waits for may need that very thread, so it stalls or deadlocks.',
    does: BLOCK_ON,
    useInstead: ['future.await', 'tokio::spawn(future) and keep the JoinHandle'],
    params: 'client: reqwest::Client, url: String',
    goodParams: 'client: reqwest::Client, url: String',
    bad: 'let _resp = futures::executor::block_on(client.get(&url).send())',
    good: 'let _resp = client.get(&url).send().await',
  }),
  syncWait('tokio.runtime.Runtime.block_on', {
    match: ['tokio.runtime.Runtime.block_on', 'tokio.runtime.Handle.block_on'],
    why: 'Runtime::block_on and Handle::block_on park the calling thread until the future completes; called from async code they panic ("Cannot start a runtime from within a runtime") or stall the worker.',
    does: BLOCK_ON,
    useInstead: ['future.await', 'tokio::spawn(future) and keep the JoinHandle', 'in sync code called from async code: tokio::task::block_in_place(|| handle.block_on(future))'],
    params: 'handle: tokio::runtime::Handle, url: String',
    goodParams: 'url: String',
    bad: 'let _resp = handle.block_on(reqwest::get(&url))',
    good: 'let _resp = reqwest::get(&url).await',
  }),
  syncWait('async_std.task.block_on', {
    match: ['async_std.task.block_on', 'smol.block_on', 'futures_lite.future.block_on', 'pollster.block_on', 'pollster.FutureExt.block_on', 'extreme.run'],
    why: 'block_on parks the calling thread until the future completes; on an executor thread it stalls every task scheduled there and can deadlock on them.',
    does: BLOCK_ON,
    useInstead: ['future.await', 'async_std::task::spawn(future) / smol::spawn(future)'],
    params: 'url: String',
    goodParams: 'url: String',
    bad: 'let _resp = async_std::task::block_on(reqwest::get(&url))',
    good: 'let _resp = reqwest::get(&url).await',
  }),
  // tokio's bridges from sync code to async primitives.
  syncWait('tokio.sync.mpsc.Receiver.blocking_recv', {
    match: ['Receiver', 'UnboundedReceiver'].flatMap((r) => [`tokio.sync.mpsc.${r}.blocking_recv`, `tokio.sync.mpsc.${r}.blocking_recv_many`]).concat(['tokio.sync.oneshot.Receiver.blocking_recv', 'tokio.sync.broadcast.Receiver.blocking_recv', 'tokio.sync.watch.Receiver.blocking_recv']),
    why: "tokio's blocking_recv parks the calling thread until a message arrives; tokio panics when it is called on a runtime thread (\"Cannot block the current thread from within a runtime\").",
    does: 'waits for a channel message',
    useInstead: ['rx.recv().await'],
    params: 'mut rx: tokio::sync::mpsc::Receiver<String>',
    goodParams: 'mut rx: tokio::sync::mpsc::Receiver<String>',
    bad: 'let _msg = rx.blocking_recv()',
    good: 'let _msg = rx.recv().await',
  }),
  syncWait('tokio.sync.mpsc.Sender.blocking_send', {
    match: ['tokio.sync.mpsc.Sender.blocking_send'],
    why: "tokio's Sender::blocking_send parks the calling thread while the channel is full; tokio panics when it is called on a runtime thread.",
    does: 'waits for channel capacity',
    useInstead: ['tx.send(value).await', 'tx.try_send(value)'],
    params: 'tx: tokio::sync::mpsc::Sender<String>',
    goodParams: 'tx: tokio::sync::mpsc::Sender<String>',
    bad: 'let _ = tx.blocking_send("job".to_string())',
    good: 'let _ = tx.send("job".to_string()).await',
  }),
  syncWait('tokio.sync.Mutex.blocking_lock', {
    match: ['tokio.sync.Mutex.blocking_lock', 'tokio.sync.Mutex.blocking_lock_owned', 'tokio.sync.RwLock.blocking_read', 'tokio.sync.RwLock.blocking_write', 'tokio.sync.Semaphore.blocking_acquire', 'tokio.sync.Semaphore.blocking_acquire_many', 'tokio.sync.Semaphore.blocking_acquire_owned'],
    why: "tokio's blocking_lock (and blocking_read, blocking_write, blocking_acquire) parks the calling thread until the lock is free; tokio panics when it is called on a runtime thread.",
    does: 'waits for a lock',
    useInstead: ['mutex.lock().await', 'rwlock.read().await / rwlock.write().await', 'semaphore.acquire().await'],
    params: 'state: std::sync::Arc<tokio::sync::Mutex<Vec<String>>>',
    goodParams: 'state: std::sync::Arc<tokio::sync::Mutex<Vec<String>>>',
    bad: 'state.blocking_lock().push("seen".to_string())',
    good: 'state.lock().await.push("seen".to_string())',
  }),
  // Channels and waits of std and crossbeam.
  syncWait('std.sync.mpsc.Receiver.recv', {
    match: ['recv', 'recv_timeout', 'iter'].map((m) => `std.sync.mpsc.Receiver.${m}`),
    why: 'std::sync::mpsc::Receiver::recv parks the calling thread until a message arrives; the runtime worker cannot run other tasks meanwhile.',
    does: 'waits for a channel message',
    useInstead: ['a tokio::sync::mpsc channel: rx.recv().await', 'rx.try_recv() when a missing message can be handled later'],
    params: 'rx: std::sync::mpsc::Receiver<String>',
    goodParams: 'mut rx: tokio::sync::mpsc::Receiver<String>',
    bad: 'let _msg = rx.recv()',
    good: 'let _msg = rx.recv().await',
  }),
  syncWait('std.sync.mpsc.SyncSender.send', {
    match: ['std.sync.mpsc.SyncSender.send'],
    why: 'std::sync::mpsc::SyncSender::send parks the calling thread while the bounded channel is full.',
    does: 'waits for channel capacity',
    useInstead: ['a tokio::sync::mpsc channel: tx.send(value).await', 'tx.try_send(value)'],
    params: 'tx: std::sync::mpsc::SyncSender<String>',
    goodParams: 'tx: tokio::sync::mpsc::Sender<String>',
    bad: 'let _ = tx.send("job".to_string())',
    good: 'let _ = tx.send("job".to_string()).await',
  }),
  syncWait('crossbeam_channel.Receiver.recv', {
    match: ['recv', 'recv_timeout', 'recv_deadline', 'iter'].flatMap((m) => [`crossbeam_channel.Receiver.${m}`, `crossbeam.channel.Receiver.${m}`, `flume.Receiver.${m}`]).concat(['crossbeam_channel.Sender.send', 'crossbeam.channel.Sender.send', 'flume.Sender.send']),
    why: 'A crossbeam (or flume) channel blocks the calling thread in recv until a message arrives, and in send while a bounded channel is full.',
    does: 'waits on a channel',
    useInstead: ['a tokio::sync::mpsc channel, awaited', "flume's recv_async().await / send_async(v).await"],
    params: 'rx: crossbeam_channel::Receiver<String>',
    goodParams: 'mut rx: tokio::sync::mpsc::Receiver<String>',
    bad: 'let _msg = rx.recv()',
    good: 'let _msg = rx.recv().await',
  }),
  syncWait('std.sync.Condvar.wait', {
    match: ['wait', 'wait_while', 'wait_timeout', 'wait_timeout_while'].flatMap((m) => [`std.sync.Condvar.${m}`, `parking_lot.Condvar.${m}`]),
    why: 'Condvar::wait parks the calling thread until another thread notifies it.',
    does: 'waits for a condition variable',
    useInstead: ['tokio::sync::Notify: notify.notified().await', 'a tokio::sync::watch channel: rx.changed().await'],
    params: 'pair: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>, ready: std::sync::MutexGuard<\'static, bool>, cvar: std::sync::Condvar',
    goodParams: 'notify: std::sync::Arc<tokio::sync::Notify>',
    bad: 'let _ready = cvar.wait(ready)',
    good: 'notify.notified().await',
  }),
  syncWait('std.thread.JoinHandle.join', {
    match: ['std.thread.JoinHandle.join', 'std.thread.ScopedJoinHandle.join'],
    why: 'JoinHandle::join parks the calling thread until the other thread finishes.',
    does: 'waits for a thread',
    useInstead: ['tokio::task::spawn_blocking(work).await? instead of a thread', 'send the result over a tokio::sync::oneshot channel and await it'],
    params: 'worker: std::thread::JoinHandle<u64>',
    goodParams: 'worker: tokio::task::JoinHandle<u64>',
    bad: 'let _total = worker.join()',
    good: 'let _total = worker.await',
  }),
  syncWait('std.sync.Barrier.wait', {
    match: ['std.sync.Barrier.wait'],
    why: 'Barrier::wait parks the calling thread until every other participant reaches the barrier.',
    does: 'waits at a barrier',
    useInstead: ['tokio::sync::Barrier: barrier.wait().await'],
    params: 'barrier: std::sync::Arc<std::sync::Barrier>',
    goodParams: 'barrier: std::sync::Arc<tokio::sync::Barrier>',
    bad: 'barrier.wait()',
    good: 'barrier.wait().await',
  }),
  // Channel constructors: the tuple's halves, for the calls above.
  type({ id: 'rust:std.sync.mpsc.channel.0', match: ['std.sync.mpsc.channel.0'], returns: 'std.sync.mpsc.Sender' }),
  type({ id: 'rust:std.sync.mpsc.channel.1', match: ['std.sync.mpsc.channel.1', 'std.sync.mpsc.sync_channel.1'], returns: 'std.sync.mpsc.Receiver' }),
  type({ id: 'rust:std.sync.mpsc.sync_channel.0', match: ['std.sync.mpsc.sync_channel.0'], returns: 'std.sync.mpsc.SyncSender' }),
  type({ id: 'rust:crossbeam_channel.unbounded.0', match: ['crossbeam_channel.unbounded.0', 'crossbeam_channel.bounded.0', 'crossbeam.channel.unbounded.0', 'crossbeam.channel.bounded.0'], returns: 'crossbeam_channel.Sender' }),
  type({ id: 'rust:crossbeam_channel.unbounded.1', match: ['crossbeam_channel.unbounded.1', 'crossbeam_channel.bounded.1', 'crossbeam.channel.unbounded.1', 'crossbeam.channel.bounded.1'], returns: 'crossbeam_channel.Receiver' }),
  type({ id: 'rust:flume.unbounded.1', match: ['flume.unbounded.1', 'flume.bounded.1'], returns: 'flume.Receiver' }),
  type({ id: 'rust:flume.unbounded.0', match: ['flume.unbounded.0', 'flume.bounded.0'], returns: 'flume.Sender' }),
  type({ id: 'rust:tokio.sync.mpsc.channel.1', match: ['tokio.sync.mpsc.channel.1'], returns: 'tokio.sync.mpsc.Receiver' }),
  type({ id: 'rust:tokio.sync.mpsc.channel.0', match: ['tokio.sync.mpsc.channel.0'], returns: 'tokio.sync.mpsc.Sender' }),
  type({ id: 'rust:tokio.sync.mpsc.unbounded_channel.1', match: ['tokio.sync.mpsc.unbounded_channel.1'], returns: 'tokio.sync.mpsc.UnboundedReceiver' }),
  type({ id: 'rust:tokio.sync.oneshot.channel.1', match: ['tokio.sync.oneshot.channel.1'], returns: 'tokio.sync.oneshot.Receiver' }),
  type({ id: 'rust:tokio.runtime.Builder.build', match: ['tokio.runtime.Builder.build'], returns: 'tokio.runtime.Runtime' }),
  type({
    id: 'rust:tokio.runtime.Builder.new_multi_thread',
    match: ['new_multi_thread', 'new_current_thread', 'enable_all', 'enable_io', 'enable_time', 'worker_threads', 'thread_name', 'max_blocking_threads', 'thread_stack_size'].map((m) => `tokio.runtime.Builder.${m}`),
    returns: 'tokio.runtime.Builder',
  }),
  type({ id: 'rust:tokio.runtime.Handle.current', match: ['tokio.runtime.Handle.current', 'tokio.runtime.Runtime.handle', 'tokio.runtime.Handle.try_current'], returns: 'tokio.runtime.Handle' }),
];
