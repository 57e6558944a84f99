// Blocking lock acquisition: threading and multiprocessing locks and semaphores, and file locks.
//
// Only explicit acquire() calls are named: `with lock:` acquires too, but a `with` statement is not
// a call in the model. acquire(blocking=False) and acquire(timeout=0) do not wait; the catalog cannot
// tell them apart from the waiting form, so such calls are reported too.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py } from './authoring.js';

/** The `acquire` of a thread or process synchronization primitive, with its asyncio counterpart. */
function acquire(cls: string, o: { aliases?: readonly string[]; what: string; asyncio: string; module?: string }): BlockingEntry {
  const module = o.module ?? cls.split('.')[0] ?? cls;
  return blocking({
    id: `python:${cls}.acquire`,
    match: [`${cls}.acquire`, ...(o.aliases ?? []).map((a) => `${a}.acquire`)],
    category: 'lock',
    why: `${cls}.acquire ${o.what}; while another thread or process holds it, the calling thread, and the event loop with it, waits.`,
    does: 'waits for a lock',
    useInstead: [
      `async with lock: ...  # lock: ${o.asyncio}, when only tasks of this loop share it`,
      'await asyncio.to_thread(lock.acquire)  # when other threads share it; release it with lock.release()',
      'hold thread locks only around short, non-blocking sections',
    ],
    example: {
      bad: py`
        import ${module}

        async def record(lock: ${cls}, totals: dict[str, int], key: str) -> None:
            lock.acquire()
            try:
                totals[key] += 1
            finally:
                lock.release()
      `,
      good: py`
        import asyncio

        async def record(lock: ${o.asyncio}, totals: dict[str, int], key: str) -> None:
            async with lock:
                totals[key] += 1
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  acquire('threading.Lock', { aliases: ['_thread.lock', '_thread.LockType'], what: 'takes the lock', asyncio: 'asyncio.Lock' }),
  acquire('threading.RLock', { what: 'takes the reentrant lock', asyncio: 'asyncio.Lock' }),
  acquire('threading.Semaphore', { what: 'takes a slot of the semaphore', asyncio: 'asyncio.Semaphore' }),
  acquire('threading.BoundedSemaphore', { what: 'takes a slot of the semaphore', asyncio: 'asyncio.BoundedSemaphore' }),
  acquire('threading.Condition', { what: "takes the condition's lock", asyncio: 'asyncio.Condition' }),
  acquire('multiprocessing.Lock', { aliases: ['multiprocessing.synchronize.Lock'], what: 'takes a lock shared between processes', asyncio: 'asyncio.Lock' }),
  acquire('multiprocessing.RLock', { aliases: ['multiprocessing.synchronize.RLock'], what: 'takes a reentrant lock shared between processes', asyncio: 'asyncio.Lock' }),
  acquire('multiprocessing.Semaphore', { aliases: ['multiprocessing.synchronize.Semaphore'], what: 'takes a slot of a semaphore shared between processes', asyncio: 'asyncio.Semaphore' }),
  blocking({
    id: 'python:filelock.FileLock.acquire',
    match: ['filelock.FileLock', 'filelock.SoftFileLock', 'filelock.UnixFileLock', 'filelock.WindowsFileLock', 'filelock.BaseFileLock'].map((c) => `${c}.acquire`),
    category: 'lock',
    why: 'filelock FileLock.acquire polls the lock file and sleeps with time.sleep between tries, holding the calling thread until the lock is free or the timeout passes.',
    does: 'waits for a file lock',
    useInstead: ['async with filelock.AsyncFileLock(path): ...  # filelock >= 3.15', 'await asyncio.to_thread(lock.acquire)'],
    example: {
      bad: py`
        import filelock

        async def exclusive(lock: filelock.FileLock) -> None:
            lock.acquire(timeout=10)
      `,
      good: py`
        import filelock

        async def exclusive(lock: filelock.AsyncFileLock) -> None:
            await lock.acquire(timeout=10)
      `,
    },
  }),
];
