// APIs that run a callable on another thread or process: what they are given is off the loop.
//
// functools.partial is not listed: a partial passed to one of these is offloaded with it, which
// the analysis handles from the call's shape.

import { offload, type Entry } from '../entry.js';
import { py } from './authoring.js';

export const entries: readonly Entry[] = [
  // asyncio.
  offload({
    id: 'python:asyncio.to_thread',
    match: ['asyncio.to_thread', 'asyncio.threads.to_thread'],
    callableArgs: [0],
    why: "asyncio.to_thread runs its first argument in the loop's default thread pool and lets the awaiting task suspend meanwhile, so the loop keeps serving other tasks while the callable blocks.",
    example: {
      bad: py`
        import shutil

        async def clean(path: str) -> None:
            shutil.rmtree(path)
      `,
      good: py`
        import asyncio
        import shutil

        async def clean(path: str) -> None:
            await asyncio.to_thread(shutil.rmtree, path)
      `,
    },
  }),
  offload({
    id: 'python:asyncio.AbstractEventLoop.run_in_executor',
    match: ['asyncio.AbstractEventLoop.run_in_executor', 'asyncio.BaseEventLoop.run_in_executor', 'uvloop.Loop.run_in_executor'],
    callableArgs: [1],
    why: 'loop.run_in_executor runs its second argument in the given executor (the default thread pool for None) and returns a future the task awaits, so the blocking call never runs on the loop thread.',
    example: {
      bad: py`
        import time

        async def pause() -> None:
            time.sleep(1)
      `,
      good: py`
        import asyncio
        import time

        async def pause() -> None:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, time.sleep, 1)
      `,
    },
  }),

  // anyio and trio.
  offload({
    id: 'python:anyio.to_thread.run_sync',
    match: ['anyio.to_thread.run_sync'],
    callableArgs: [0],
    why: "anyio.to_thread.run_sync runs its first argument in anyio's worker thread pool while the calling task waits, on asyncio and trio alike.",
    example: {
      bad: py`
        import pathlib

        async def read_report(path: str) -> str:
            return pathlib.Path(path).read_text()
      `,
      good: py`
        import pathlib

        import anyio

        async def read_report(path: str) -> str:
            return await anyio.to_thread.run_sync(pathlib.Path(path).read_text)
      `,
    },
  }),
  offload({
    id: 'python:anyio.to_process.run_sync',
    match: ['anyio.to_process.run_sync'],
    callableArgs: [0],
    why: 'anyio.to_process.run_sync runs its first argument in a worker process while the calling task waits, which also keeps CPU-bound work off the loop.',
    example: {
      bad: py`
        import hashlib

        async def derive(password: bytes, salt: bytes) -> bytes:
            return hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
      `,
      good: py`
        import hashlib

        import anyio

        async def derive(password: bytes, salt: bytes) -> bytes:
            return await anyio.to_process.run_sync(hashlib.pbkdf2_hmac, "sha256", password, salt, 600_000)
      `,
    },
  }),
  offload({
    id: 'python:trio.to_thread.run_sync',
    match: ['trio.to_thread.run_sync'],
    callableArgs: [0],
    why: "trio.to_thread.run_sync runs its first argument in a worker thread while the calling task sleeps, so the Trio scheduler keeps running other tasks.",
    example: {
      bad: py`
        import os

        async def remove(path: str) -> None:
            os.remove(path)
      `,
      good: py`
        import os

        import trio

        async def remove(path: str) -> None:
            await trio.to_thread.run_sync(os.remove, path)
      `,
    },
  }),

  // Frameworks.
  offload({
    id: 'python:starlette.concurrency.run_in_threadpool',
    match: ['starlette.concurrency.run_in_threadpool', 'fastapi.concurrency.run_in_threadpool'],
    callableArgs: [0],
    why: "run_in_threadpool runs its first argument in anyio's worker threads, the same pool Starlette and FastAPI use for sync endpoints, while the request task waits.",
    example: {
      bad: py`
        import requests

        async def fetch_status(url: str) -> int:
            return requests.get(url, timeout=10).status_code
      `,
      good: py`
        import requests
        from starlette.concurrency import run_in_threadpool

        async def fetch_status(url: str) -> int:
            response = await run_in_threadpool(requests.get, url, timeout=10)
            return response.status_code
      `,
    },
  }),
  offload({
    id: 'python:starlette.background.BackgroundTasks.add_task',
    match: ['starlette.background.BackgroundTasks.add_task', 'fastapi.BackgroundTasks.add_task', 'fastapi.background.BackgroundTasks.add_task'],
    callableArgs: [0],
    why: 'BackgroundTasks.add_task runs a sync function in the threadpool after the response is sent (async functions run on the loop and are checked as async code).',
    example: {
      bad: py`
        import smtplib

        async def signup(smtp: smtplib.SMTP, message) -> dict:
            smtp.send_message(message)
            return {"ok": True}
      `,
      good: py`
        import smtplib

        from fastapi import BackgroundTasks

        async def signup(smtp: smtplib.SMTP, message, tasks: BackgroundTasks) -> dict:
            tasks.add_task(smtp.send_message, message)
            return {"ok": True}
      `,
    },
  }),
  offload({
    id: 'python:asgiref.sync.sync_to_async',
    match: ['asgiref.sync.sync_to_async', 'asgiref.sync.SyncToAsync'],
    callableArgs: [0],
    decorator: true,
    why: "sync_to_async wraps a sync function so that awaiting it runs the function in a worker thread (Django's single sync thread by default), never on the loop; as a decorator it does the same for the function it decorates.",
    example: {
      bad: py`
        import sqlite3

        async def count_users(conn: sqlite3.Connection):
            return conn.execute("SELECT count(*) FROM users")
      `,
      good: py`
        import sqlite3

        from asgiref.sync import sync_to_async

        @sync_to_async
        def count_users_sync(conn: sqlite3.Connection):
            return conn.execute("SELECT count(*) FROM users")

        async def count_users(conn: sqlite3.Connection):
            return await count_users_sync(conn)
      `,
    },
  }),
  offload({
    id: 'python:channels.db.database_sync_to_async',
    match: ['channels.db.database_sync_to_async'],
    callableArgs: [0],
    decorator: true,
    why: "database_sync_to_async is Channels' sync_to_async for ORM code: the wrapped function runs in a worker thread and has its database connections cleaned up afterwards.",
    example: {
      bad: py`
        import sqlite3

        async def count_users(conn: sqlite3.Connection):
            return conn.execute("SELECT count(*) FROM users")
      `,
      good: py`
        import sqlite3

        from channels.db import database_sync_to_async

        @database_sync_to_async
        def count_users_sync(conn: sqlite3.Connection):
            return conn.execute("SELECT count(*) FROM users")

        async def count_users(conn: sqlite3.Connection):
            return await count_users_sync(conn)
      `,
    },
  }),
  offload({
    id: 'python:asyncer.asyncify',
    match: ['asyncer.asyncify'],
    callableArgs: [0],
    decorator: true,
    why: "asyncer.asyncify wraps a sync function so that awaiting it runs the function in anyio's worker threads.",
    example: {
      bad: py`
        import time

        async def pause() -> None:
            time.sleep(1)
      `,
      good: py`
        import time

        from asyncer import asyncify

        async def pause() -> None:
            await asyncify(time.sleep)(1)
      `,
    },
  }),
  offload({
    id: 'python:homeassistant.core.HomeAssistant.async_add_executor_job',
    match: ['homeassistant.core.HomeAssistant.async_add_executor_job'],
    callableArgs: [0],
    why: "hass.async_add_executor_job runs its first argument in Home Assistant's executor threads and returns a future the integration awaits.",
    example: {
      bad: py`
        import json
        import pathlib

        from homeassistant.core import HomeAssistant

        async def load_settings(hass: HomeAssistant, path: str) -> dict:
            return json.loads(pathlib.Path(path).read_text())
      `,
      good: py`
        import json
        import pathlib

        from homeassistant.core import HomeAssistant

        async def load_settings(hass: HomeAssistant, path: str) -> dict:
            return json.loads(await hass.async_add_executor_job(pathlib.Path(path).read_text))
      `,
    },
  }),

  // Executors, threads and processes.
  offload({
    id: 'python:concurrent.futures.Executor.submit',
    match: ['concurrent.futures.Executor.submit', 'concurrent.futures.ThreadPoolExecutor.submit', 'concurrent.futures.ProcessPoolExecutor.submit'],
    callableArgs: [0],
    returns: 'concurrent.futures.Future',
    why: "Executor.submit schedules its first argument on the executor's threads or processes and returns a future at once; await it with asyncio.wrap_future, never with .result().",
    example: {
      bad: py`
        import concurrent.futures

        async def total(executor: concurrent.futures.ThreadPoolExecutor, numbers: list[int]) -> int:
            return executor.submit(sum, numbers).result()
      `,
      good: py`
        import asyncio
        import concurrent.futures

        async def total(executor: concurrent.futures.ThreadPoolExecutor, numbers: list[int]) -> int:
            return await asyncio.wrap_future(executor.submit(sum, numbers))
      `,
    },
  }),
  offload({
    id: 'python:concurrent.futures.Executor.map',
    match: ['concurrent.futures.Executor.map', 'concurrent.futures.ThreadPoolExecutor.map', 'concurrent.futures.ProcessPoolExecutor.map'],
    callableArgs: [0],
    why: "Executor.map runs its first argument on the executor's workers; iterating the results it returns waits for them, so consume them off the loop too.",
    example: {
      bad: py`
        import os

        async def sizes(paths: list[str]) -> list[int]:
            return [os.path.getsize(p) for p in paths]
      `,
      good: py`
        import asyncio
        import concurrent.futures
        import os

        async def sizes(executor: concurrent.futures.ThreadPoolExecutor, paths: list[str]) -> list[int]:
            results = executor.map(os.path.getsize, paths)
            return await asyncio.to_thread(list, results)
      `,
    },
  }),
  offload({
    id: 'python:threading.Thread',
    match: ['threading.Thread'],
    callableArgs: [1, 'target'],
    why: 'threading.Thread runs its target on a new thread once started; only a later join() waits for it.',
    example: {
      bad: py`
        import time

        async def heartbeat() -> None:
            time.sleep(30)
      `,
      good: py`
        import threading
        import time

        async def heartbeat() -> None:
            threading.Thread(target=lambda: time.sleep(30), daemon=True).start()
      `,
    },
  }),
  offload({
    id: 'python:threading.Timer',
    match: ['threading.Timer'],
    callableArgs: [1, 'function'],
    why: 'threading.Timer runs its function on a new thread after the interval; the caller does not wait.',
    example: {
      bad: py`
        import os

        async def expire(path: str) -> None:
            os.remove(path)
      `,
      good: py`
        import os
        import threading

        async def expire(path: str) -> None:
            threading.Timer(60, lambda: os.remove(path)).start()
      `,
    },
  }),
  offload({
    id: 'python:multiprocessing.Process',
    match: ['multiprocessing.Process', 'multiprocessing.context.Process'],
    callableArgs: [1, 'target'],
    why: 'multiprocessing.Process runs its target in a child process once started; only a later join() waits for it.',
    example: {
      bad: py`
        import shutil

        async def archive(path: str) -> None:
            shutil.make_archive(path, "gztar", path)
      `,
      good: py`
        import multiprocessing
        import shutil

        async def archive(path: str) -> None:
            multiprocessing.Process(target=lambda: shutil.make_archive(path, "gztar", path)).start()
      `,
    },
  }),
  offload({
    id: 'python:multiprocessing.pool.Pool.apply_async',
    match: ['multiprocessing.Pool.apply_async', 'multiprocessing.pool.Pool.apply_async', 'multiprocessing.pool.ThreadPool.apply_async'],
    callableArgs: [0],
    returns: 'multiprocessing.pool.AsyncResult',
    why: "Pool.apply_async queues its first argument for the pool's workers and returns an AsyncResult at once; its get() is the blocking part.",
    example: {
      bad: py`
        import multiprocessing.pool

        async def render(pool: multiprocessing.pool.Pool, page: str, render_page):
            return pool.apply(render_page, (page,))
      `,
      good: py`
        import asyncio
        import multiprocessing.pool

        async def render(pool: multiprocessing.pool.Pool, page: str, render_page):
            result = pool.apply_async(render_page, (page,))
            return await asyncio.to_thread(result.get)
      `,
    },
  }),
  offload({
    id: 'python:multiprocessing.pool.Pool.map_async',
    match: ['multiprocessing.Pool.map_async', 'multiprocessing.pool.Pool.map_async', 'multiprocessing.pool.ThreadPool.map_async'],
    callableArgs: [0],
    returns: 'multiprocessing.pool.AsyncResult',
    why: "Pool.map_async queues its first argument over the items for the pool's workers and returns an AsyncResult at once; its get() is the blocking part.",
    example: {
      bad: py`
        import multiprocessing.pool

        async def render(pool: multiprocessing.pool.Pool, pages: list[str], render_page):
            return pool.map(render_page, pages)
      `,
      good: py`
        import asyncio
        import multiprocessing.pool

        async def render(pool: multiprocessing.pool.Pool, pages: list[str], render_page):
            result = pool.map_async(render_page, pages)
            return await asyncio.to_thread(result.get)
      `,
    },
  }),
];
