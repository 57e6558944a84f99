// Waiting on the loop thread for work done elsewhere: concurrent futures, nested event loops,
// threads, thread and process queues, events, conditions, barriers and process pools.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py } from './authoring.js';

/** A nested-loop runner: inside a running loop it blocks that loop's thread until its own loop ends. */
function nestedRunner(api: string, o: { match: readonly string[]; what: string; bad: string; good: string; instead: readonly string[] }): BlockingEntry {
  return blocking({
    id: `python:${api}`,
    match: o.match,
    category: 'sync-wait',
    why: `${api} ${o.what}, and returns only when that run ends: called from async code it stalls the running loop for the whole time, or fails with a RuntimeError when it detects that loop.`,
    does: 'runs a nested event loop and waits for it',
    useInstead: o.instead,
    example: { bad: o.bad, good: o.good },
  });
}

/** A blocking `get` of a queue fed by other threads or processes. */
function queueGet(api: string, o: { match: readonly string[]; module: string; what: string; instead: readonly string[] }): BlockingEntry {
  return blocking({
    id: `python:${api}`,
    match: o.match,
    category: 'sync-wait',
    why: `${api} ${o.what}; in its blocking form it holds the calling thread, and the event loop, until another thread or process puts an item.`,
    does: 'waits for a queue item',
    useInstead: o.instead,
    example: {
      bad: py`
        import ${o.module}

        async def next_job(jobs: ${api.split('.').slice(0, -1).join('.')}):
            return jobs.get()
      `,
      good: py`
        import asyncio
        import ${o.module}

        async def next_job(jobs: ${api.split('.').slice(0, -1).join('.')}):
            return await asyncio.to_thread(jobs.get)
      `,
    },
  });
}

/** A method of a process pool that hands out work and waits for all of it to finish. */
function poolWait(method: string, o: { what: string; call: string; good: string }): BlockingEntry {
  return blocking({
    id: `python:multiprocessing.pool.Pool.${method}`,
    match: ['multiprocessing.Pool', 'multiprocessing.pool.Pool', 'multiprocessing.pool.ThreadPool'].map((c) => `${c}.${method}`),
    category: 'sync-wait',
    why: `Pool.${method} ${o.what} and blocks the calling thread until every result is back: the work runs elsewhere, but the event loop waits for it.`,
    does: 'waits for a process pool',
    useInstead: [`await loop.run_in_executor(process_pool, fn, arg)  # concurrent.futures.ProcessPoolExecutor; gather many with asyncio.gather`, `await asyncio.to_thread(pool.${method}, ...)`],
    example: {
      bad: py`
        import multiprocessing.pool

        async def render_all(pool: multiprocessing.pool.Pool, render, pages: list[str]):
            return pool.${o.call}
      `,
      good: o.good,
    },
  });
}

export const entries: readonly Entry[] = [
  // Futures of concurrent.futures: result() and friends park the thread until the work is done.
  blocking({
    id: 'python:concurrent.futures.Future.result',
    match: ['concurrent.futures.Future.result'],
    category: 'sync-wait',
    why: "concurrent.futures.Future.result blocks the calling thread until the worker finishes, so the event loop waits for work it meant to run elsewhere.",
    does: 'waits for a future synchronously',
    useInstead: ['result = await asyncio.wrap_future(future)', 'await loop.run_in_executor(executor, fn, *args)  # instead of executor.submit(...).result()'],
    example: {
      bad: py`
        import concurrent.futures

        async def total(executor: concurrent.futures.ThreadPoolExecutor, numbers: list[int]) -> int:
            future = executor.submit(sum, numbers)
            return future.result()
      `,
      good: py`
        import asyncio
        import concurrent.futures

        async def total(executor: concurrent.futures.ThreadPoolExecutor, numbers: list[int]) -> int:
            future = executor.submit(sum, numbers)
            return await asyncio.wrap_future(future)
      `,
    },
  }),
  blocking({
    id: 'python:concurrent.futures.Future.exception',
    match: ['concurrent.futures.Future.exception'],
    category: 'sync-wait',
    why: 'concurrent.futures.Future.exception waits, like result(), on the calling thread until the worker finishes.',
    does: 'waits for a future synchronously',
    useInstead: ['await asyncio.wait([asyncio.wrap_future(future)]); error = future.exception()'],
    example: {
      bad: py`
        import concurrent.futures

        async def failure(future: concurrent.futures.Future):
            return future.exception()
      `,
      good: py`
        import asyncio
        import concurrent.futures

        async def failure(future: concurrent.futures.Future):
            try:
                await asyncio.wrap_future(future)
            except Exception as error:
                return error
            return None
      `,
    },
  }),
  blocking({
    id: 'python:concurrent.futures.wait',
    match: ['concurrent.futures.wait'],
    category: 'sync-wait',
    why: 'concurrent.futures.wait blocks the calling thread until the futures complete (or the timeout passes).',
    does: 'waits for futures synchronously',
    useInstead: ['await asyncio.wait([asyncio.wrap_future(f) for f in futures])', 'await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))'],
    example: {
      bad: py`
        import concurrent.futures

        async def settle(futures: list[concurrent.futures.Future]):
            return concurrent.futures.wait(futures)
      `,
      good: py`
        import asyncio
        import concurrent.futures

        async def settle(futures: list[concurrent.futures.Future]):
            return await asyncio.wait([asyncio.wrap_future(f) for f in futures])
      `,
    },
  }),
  blocking({
    id: 'python:concurrent.futures.as_completed',
    match: ['concurrent.futures.as_completed'],
    category: 'sync-wait',
    why: 'concurrent.futures.as_completed yields futures as they finish, blocking the calling thread between them while it is iterated.',
    does: 'waits for futures synchronously',
    useInstead: ['for next_done in asyncio.as_completed([asyncio.wrap_future(f) for f in futures]): result = await next_done'],
    example: {
      bad: py`
        import concurrent.futures

        async def in_order_of_completion(futures: list[concurrent.futures.Future]):
            return list(concurrent.futures.as_completed(futures))
      `,
      good: py`
        import asyncio
        import concurrent.futures

        async def in_order_of_completion(futures: list[concurrent.futures.Future]):
            return [await done for done in asyncio.as_completed([asyncio.wrap_future(f) for f in futures])]
      `,
    },
  }),

  // Nested event loops.
  nestedRunner('asyncio.run', {
    match: ['asyncio.run'],
    what: 'creates a new event loop on the calling thread, runs the coroutine on it',
    instead: ['await coroutine  # already inside a loop: just await it', 'asyncio.create_task(coroutine)  # to run it concurrently'],
    bad: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          asyncio.run(refresh_cache())
    `,
    good: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          await refresh_cache()
    `,
  }),
  nestedRunner('asyncio.AbstractEventLoop.run_until_complete', {
    match: ['asyncio.AbstractEventLoop.run_until_complete', 'asyncio.BaseEventLoop.run_until_complete', 'uvloop.Loop.run_until_complete'],
    what: 'runs the loop it is called on until the coroutine finishes',
    instead: ['await coroutine  # already inside a loop: just await it', 'asyncio.create_task(coroutine)  # to run it concurrently'],
    bad: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          loop = asyncio.new_event_loop()
          loop.run_until_complete(refresh_cache())
    `,
    good: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          await refresh_cache()
    `,
  }),
  nestedRunner('asyncio.Runner.run', {
    match: ['asyncio.Runner.run'],
    what: "runs the coroutine on the runner's own event loop",
    instead: ['await coroutine  # already inside a loop: just await it'],
    bad: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request(runner: asyncio.Runner) -> None:
          runner.run(refresh_cache())
    `,
    good: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request(runner: asyncio.Runner) -> None:
          await refresh_cache()
    `,
  }),
  nestedRunner('trio.run', {
    match: ['trio.run'],
    what: 'starts a Trio run on the calling thread and runs the async function to completion',
    instead: ['await fn()  # already inside a loop: just await it', 'nursery.start_soon(fn)  # to run it concurrently'],
    bad: py`
      import trio

      async def refresh_cache() -> None:
          await trio.sleep(0)

      async def handle_request() -> None:
          trio.run(refresh_cache)
    `,
    good: py`
      import trio

      async def refresh_cache() -> None:
          await trio.sleep(0)

      async def handle_request() -> None:
          await refresh_cache()
    `,
  }),
  nestedRunner('anyio.run', {
    match: ['anyio.run'],
    what: 'starts a new event loop on the calling thread and runs the async function to completion',
    instead: ['await fn()  # already inside a loop: just await it', 'task_group.start_soon(fn)  # to run it concurrently'],
    bad: py`
      import anyio

      async def refresh_cache() -> None:
          await anyio.sleep(0)

      async def handle_request() -> None:
          anyio.run(refresh_cache)
    `,
    good: py`
      import anyio

      async def refresh_cache() -> None:
          await anyio.sleep(0)

      async def handle_request() -> None:
          await refresh_cache()
    `,
  }),
  nestedRunner('uvloop.run', {
    match: ['uvloop.run'],
    what: 'creates a new uvloop event loop on the calling thread and runs the coroutine on it',
    instead: ['await coroutine  # already inside a loop: just await it'],
    bad: py`
      import asyncio

      import uvloop

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          uvloop.run(refresh_cache())
    `,
    good: py`
      import asyncio

      async def refresh_cache() -> None:
          await asyncio.sleep(0)

      async def handle_request() -> None:
          await refresh_cache()
    `,
  }),
  blocking({
    id: 'python:asgiref.sync.async_to_sync',
    match: ['asgiref.sync.async_to_sync', 'asgiref.sync.AsyncToSync'],
    category: 'sync-wait',
    why: 'asgiref.sync.async_to_sync wraps a coroutine function in a sync function that blocks its caller until the coroutine has run; called on an event loop thread it stalls the loop (or raises, when asgiref detects it).',
    does: 'waits for a coroutine synchronously',
    useInstead: ['await fn(*args)  # inside async code, await the coroutine function directly'],
    example: {
      bad: py`
        from asgiref.sync import async_to_sync

        async def broadcast(channel_layer, group: str, message: dict) -> None:
            async_to_sync(channel_layer.group_send)(group, message)
      `,
      good: py`
        async def broadcast(channel_layer, group: str, message: dict) -> None:
            await channel_layer.group_send(group, message)
      `,
    },
  }),

  // Threads and the primitives they signal with.
  blocking({
    id: 'python:threading.Thread.join',
    match: ['threading.Thread.join', 'threading.Timer.join'],
    category: 'sync-wait',
    why: 'threading.Thread.join blocks the calling thread until the other thread finishes, so the event loop waits for work it had moved off the loop.',
    does: 'waits for a thread to finish',
    useInstead: ['await asyncio.to_thread(work)  # instead of a thread started and joined', 'await asyncio.to_thread(thread.join)'],
    example: {
      bad: py`
        import threading

        async def rebuild_index(work) -> None:
            thread = threading.Thread(target=work)
            thread.start()
            thread.join()
      `,
      good: py`
        import asyncio

        async def rebuild_index(work) -> None:
            await asyncio.to_thread(work)
      `,
    },
  }),
  blocking({
    id: 'python:threading.Event.wait',
    match: ['threading.Event.wait'],
    category: 'sync-wait',
    why: 'threading.Event.wait blocks the calling thread until another thread sets the event or the timeout passes.',
    does: 'waits for a thread event',
    useInstead: ['await event.wait()  # event: asyncio.Event, set from other threads with loop.call_soon_threadsafe(event.set)', 'await asyncio.to_thread(event.wait, timeout)'],
    example: {
      bad: py`
        import threading

        async def wait_until_ready(ready: threading.Event) -> bool:
            return ready.wait(timeout=5)
      `,
      good: py`
        import asyncio

        async def wait_until_ready(ready: asyncio.Event) -> bool:
            async with asyncio.timeout(5):
                return await ready.wait()
      `,
    },
  }),
  blocking({
    id: 'python:threading.Condition.wait',
    match: ['threading.Condition.wait'],
    category: 'sync-wait',
    why: 'threading.Condition.wait releases the lock and blocks the calling thread until another thread notifies it or the timeout passes.',
    does: 'waits on a thread condition',
    useInstead: ['async with condition: await condition.wait()  # condition: asyncio.Condition', 'await asyncio.to_thread(wait_for_change)  # a sync function that takes the lock and waits'],
    example: {
      bad: py`
        import threading

        async def next_change(changed: threading.Condition) -> bool:
            return changed.wait(timeout=1.0)
      `,
      good: py`
        import asyncio

        async def next_change(changed: asyncio.Condition) -> bool:
            async with changed:
                return await changed.wait()
      `,
    },
  }),
  blocking({
    id: 'python:threading.Condition.wait_for',
    match: ['threading.Condition.wait_for'],
    category: 'sync-wait',
    why: 'threading.Condition.wait_for blocks the calling thread, waking on each notification, until the predicate holds or the timeout passes.',
    does: 'waits on a thread condition',
    useInstead: ['async with condition: await condition.wait_for(predicate)  # condition: asyncio.Condition'],
    example: {
      bad: py`
        import threading

        async def until_empty(changed: threading.Condition, pending: list) -> bool:
            return changed.wait_for(lambda: not pending, timeout=1.0)
      `,
      good: py`
        import asyncio

        async def until_empty(changed: asyncio.Condition, pending: list) -> bool:
            async with changed:
                return await changed.wait_for(lambda: not pending)
      `,
    },
  }),
  blocking({
    id: 'python:threading.Barrier.wait',
    match: ['threading.Barrier.wait'],
    category: 'sync-wait',
    why: 'threading.Barrier.wait blocks the calling thread until every party has reached the barrier.',
    does: 'waits at a thread barrier',
    useInstead: ['await barrier.wait()  # barrier: asyncio.Barrier (Python 3.11+)'],
    example: {
      bad: py`
        import threading

        async def rendezvous(barrier: threading.Barrier) -> int:
            return barrier.wait()
      `,
      good: py`
        import asyncio

        async def rendezvous(barrier: asyncio.Barrier) -> int:
            return await barrier.wait()
      `,
    },
  }),
  queueGet('queue.Queue.get', {
    match: ['queue.Queue.get', 'queue.LifoQueue.get', 'queue.PriorityQueue.get', 'queue.SimpleQueue.get'],
    module: 'queue',
    what: 'takes the next item, waiting while the queue is empty',
    instead: ['item = await jobs.get()  # jobs: asyncio.Queue, when producers run on the loop', 'item = await asyncio.to_thread(jobs.get)  # producers on other threads', 'item = jobs.get_nowait()  # when an empty queue is handled'],
  }),
  blocking({
    id: 'python:queue.Queue.join',
    match: ['queue.Queue.join', 'queue.LifoQueue.join', 'queue.PriorityQueue.join'],
    category: 'sync-wait',
    why: 'queue.Queue.join blocks the calling thread until every item put on the queue has been marked done.',
    does: 'waits for a queue to drain',
    useInstead: ['await jobs.join()  # jobs: asyncio.Queue', 'await asyncio.to_thread(jobs.join)'],
    example: {
      bad: py`
        import queue

        async def drain(jobs: queue.Queue) -> None:
            jobs.join()
      `,
      good: py`
        import asyncio

        async def drain(jobs: asyncio.Queue) -> None:
            await jobs.join()
      `,
    },
  }),

  // Processes.
  queueGet('multiprocessing.Queue.get', {
    match: ['multiprocessing.Queue.get', 'multiprocessing.SimpleQueue.get', 'multiprocessing.JoinableQueue.get', 'multiprocessing.queues.Queue.get'],
    module: 'multiprocessing',
    what: 'takes the next item from the pipe shared with other processes, waiting while it is empty',
    instead: ['item = await asyncio.to_thread(results.get)', 'item = await loop.run_in_executor(None, results.get)'],
  }),
  blocking({
    id: 'python:multiprocessing.Process.join',
    match: ['multiprocessing.Process.join', 'multiprocessing.process.BaseProcess.join'],
    category: 'sync-wait',
    why: 'multiprocessing.Process.join blocks the calling thread until the child process exits.',
    does: 'waits for a process to finish',
    useInstead: ['await asyncio.to_thread(process.join)', 'await loop.run_in_executor(process_pool, fn)  # instead of a process started and joined'],
    example: {
      bad: py`
        import multiprocessing

        async def finish(process: multiprocessing.Process) -> None:
            process.join()
      `,
      good: py`
        import asyncio
        import multiprocessing

        async def finish(process: multiprocessing.Process) -> None:
            await asyncio.to_thread(process.join)
      `,
    },
  }),
  poolWait('map', {
    what: 'sends the items to the worker processes',
    call: 'map(render, pages)',
    good: py`
      import asyncio
      import concurrent.futures

      async def render_all(pool: concurrent.futures.ProcessPoolExecutor, render, pages: list[str]):
          loop = asyncio.get_running_loop()
          return await asyncio.gather(*(loop.run_in_executor(pool, render, page) for page in pages))
    `,
  }),
  poolWait('starmap', {
    what: 'sends the argument tuples to the worker processes',
    call: 'starmap(render, [(page,) for page in pages])',
    good: py`
      import asyncio
      import concurrent.futures

      async def render_all(pool: concurrent.futures.ProcessPoolExecutor, render, pages: list[str]):
          loop = asyncio.get_running_loop()
          return await asyncio.gather(*(loop.run_in_executor(pool, render, page) for page in pages))
    `,
  }),
  poolWait('apply', {
    what: 'runs the call in a worker process',
    call: 'apply(render, (pages[0],))',
    good: py`
      import asyncio
      import concurrent.futures

      async def render_all(pool: concurrent.futures.ProcessPoolExecutor, render, pages: list[str]):
          loop = asyncio.get_running_loop()
          return await loop.run_in_executor(pool, render, pages[0])
    `,
  }),
  blocking({
    id: 'python:multiprocessing.pool.AsyncResult.get',
    match: ['multiprocessing.pool.AsyncResult.get', 'multiprocessing.pool.ApplyResult.get', 'multiprocessing.pool.MapResult.get'],
    category: 'sync-wait',
    why: 'AsyncResult.get blocks the calling thread until the pool has finished the work (or the timeout passes).',
    does: 'waits for a process pool result',
    useInstead: ['await loop.run_in_executor(process_pool, fn, *args)  # concurrent.futures.ProcessPoolExecutor', 'await asyncio.to_thread(result.get)'],
    example: {
      bad: py`
        import multiprocessing.pool

        async def outcome(result: multiprocessing.pool.AsyncResult):
            return result.get(timeout=30)
      `,
      good: py`
        import asyncio
        import multiprocessing.pool

        async def outcome(result: multiprocessing.pool.AsyncResult):
            return await asyncio.to_thread(result.get, 30)
      `,
    },
  }),
];
