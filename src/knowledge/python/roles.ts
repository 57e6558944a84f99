// Markers that put code in a known role: tests, command-line entry points, start-up and shutdown
// hooks, framework routes whose sync handlers run in a threadpool, and runners that start a
// program's event loop. Decorators mark the function they decorate; calls mark the functions they
// are given (for a runner, the coroutine function whose call it is given).

import { role, type Entry, type RoleEntry } from '../entry.js';
import { py } from './authoring.js';

/** The same start-up work, unmarked: an async function that reads a model file synchronously. */
const LOAD_MODEL_UNMARKED = py`
  import pathlib

  async def load_model() -> bytes:
      return pathlib.Path("model.bin").read_bytes()
`;

/** A FastAPI route decorator: sync `def` handlers run in the threadpool, async ones on the loop. */
function fastapiRoute(verb: string): RoleEntry {
  return role({
    id: `python:fastapi.FastAPI.${verb}`,
    match: [`fastapi.FastAPI.${verb}`, `fastapi.APIRouter.${verb}`, `fastapi.routing.APIRouter.${verb}`],
    role: 'threadpool-route',
    why: `FastAPI runs a plain def handler registered with .${verb}() in its threadpool, off the event loop; an async def handler runs on the loop and is checked.`,
    example: {
      bad: py`
        import pathlib

        from fastapi import FastAPI

        app = FastAPI()

        @app.${verb}("/report")
        async def report() -> str:
            return pathlib.Path("report.txt").read_text()
      `,
      good: py`
        import pathlib

        from fastapi import FastAPI

        app = FastAPI()

        @app.${verb}("/report")
        def report() -> str:
            return pathlib.Path("report.txt").read_text()
      `,
    },
  });
}

/** A test marker: the decorated function is a test (or fixture), outside the rule's reach. */
function testMarker(api: string, o: { decorator: string; imports: string; what: string; fixture?: boolean }): RoleEntry {
  return role({
    id: `python:${api}`,
    match: [api],
    role: 'test',
    why: `@${o.decorator} ${o.what}: test code, where blocking calls do not stall a served event loop.`,
    example: {
      bad: py`
        import time

        async def poll_status() -> None:
            time.sleep(0.1)
      `,
      good: o.fixture
        ? py`
            import time

            ${o.imports}

            @${o.decorator}
            async def slow_service():
                time.sleep(0.1)
                yield "service"
          `
        : py`
            import time

            ${o.imports}

            @${o.decorator}
            async def test_poll_status() -> None:
                time.sleep(0.1)
          `,
    },
  });
}

/** A start-up or shutdown hook registered with a decorator. */
function startupDecorator(api: string, o: { decorator: string; imports: string; app: string; params: string; whenArg?: readonly string[]; what: string }): RoleEntry {
  return role({
    id: `python:${api}`,
    match: [api],
    role: 'startup',
    ...(o.whenArg ? { whenArg: o.whenArg } : {}),
    why: `A function registered with @${o.decorator} ${o.what}: start-up or shutdown code, outside the path of any request.`,
    example: {
      bad: LOAD_MODEL_UNMARKED,
      good: py`
        import pathlib

        ${o.imports}

        ${o.app}

        @${o.decorator}
        async def load_model(${o.params}) -> None:
            print(pathlib.Path("model.bin").read_bytes())
      `,
    },
  });
}

/** An aiohttp application signal list: functions appended to it run at start-up or shutdown. */
function aiohttpSignal(signal: string, when: string): RoleEntry {
  return role({
    id: `python:aiohttp.web.Application.${signal}`,
    match: [`aiohttp.web.Application.${signal}.append`],
    role: 'startup',
    why: `Functions appended to app.${signal} run ${when}: start-up or shutdown code, outside the path of any request.`,
    example: {
      bad: LOAD_MODEL_UNMARKED,
      good: py`
        import pathlib

        from aiohttp import web

        async def load_model(app: web.Application) -> None:
            print(pathlib.Path("model.bin").read_bytes())

        app = web.Application()
        app.${signal}.append(load_model)
      `,
    },
  });
}

/** A runner: the coroutine it is given starts a program, and is not a request path. */
function runner(api: string, o: { match: readonly string[]; what: string; imports: string; run: string }): RoleEntry {
  return role({
    // `#runner`: the same APIs also have blocking entries (called inside a running loop).
    id: `python:${api}#runner`,
    match: o.match,
    role: 'runner',
    why: `${api} ${o.what}: the coroutine it runs is the entry point of a program (a script, a CLI, a worker), and blocking calls in it delay only that program's own start.`,
    example: {
      bad: py`
        import pathlib

        async def main() -> None:
            print(pathlib.Path("config.toml").read_text())
      `,
      good: py`
        ${o.imports}
        import pathlib

        async def main() -> None:
            print(pathlib.Path("config.toml").read_text())

        if __name__ == "__main__":
            ${o.run}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  role({
    id: 'python:fastapi.Depends',
    match: ['fastapi.Depends', 'fastapi.params.Depends', 'fastapi.Security', 'fastapi.params.Security'],
    role: 'threadpool-route',
    why: 'FastAPI calls a plain def dependency in its threadpool, off the event loop; an async def dependency runs on the loop and is checked.',
    example: {
      bad: py`
        import pathlib

        from fastapi import Depends, FastAPI

        app = FastAPI()

        async def settings() -> str:
            return pathlib.Path("settings.toml").read_text()

        @app.get("/config")
        async def config(raw: str = Depends(settings)) -> dict:
            return {"raw": raw}
      `,
      good: py`
        import pathlib

        from fastapi import Depends, FastAPI

        app = FastAPI()

        def settings() -> str:
            return pathlib.Path("settings.toml").read_text()

        @app.get("/config")
        async def config(raw: str = Depends(settings)) -> dict:
            return {"raw": raw}
      `,
    },
  }),
  // Tests.
  testMarker('pytest.mark.asyncio', { decorator: 'pytest.mark.asyncio', imports: 'import pytest', what: 'marks a pytest-asyncio test' }),
  testMarker('pytest.mark.anyio', { decorator: 'pytest.mark.anyio', imports: 'import pytest', what: 'marks an anyio test' }),
  testMarker('pytest.mark.trio', { decorator: 'pytest.mark.trio', imports: 'import pytest', what: 'marks a pytest-trio test' }),
  testMarker('pytest.fixture', { decorator: 'pytest.fixture', imports: 'import pytest', what: 'marks a pytest fixture', fixture: true }),
  testMarker('pytest_asyncio.fixture', { decorator: 'pytest_asyncio.fixture', imports: 'import pytest_asyncio', what: 'marks a pytest-asyncio fixture', fixture: true }),

  // Command-line entry points.
  role({
    id: 'python:click.command',
    match: ['click.command'],
    role: 'script',
    why: '@click.command marks a command-line entry point: the program it starts, and the event loop it may run, belong to one invocation, not to a served request.',
    example: {
      bad: py`
        import time

        async def warm_cache() -> None:
            time.sleep(1)
      `,
      good: py`
        import asyncio
        import time

        import click

        async def warm_cache() -> None:
            time.sleep(1)

        @click.command()
        def main() -> None:
            asyncio.run(warm_cache())
      `,
    },
  }),
  role({
    id: 'python:click.group',
    match: ['click.group'],
    role: 'script',
    why: '@click.group marks a command-line entry point grouping subcommands: code it runs belongs to one invocation, not to a served request.',
    example: {
      bad: py`
        import time

        async def warm_cache() -> None:
            time.sleep(1)
      `,
      good: py`
        import asyncio
        import time

        import click

        async def warm_cache() -> None:
            time.sleep(1)

        @click.group()
        def cli() -> None:
            asyncio.run(warm_cache())
      `,
    },
  }),
  role({
    id: 'python:asyncclick.command',
    match: ['asyncclick.command', 'asyncclick.group'],
    role: 'script',
    why: '@asyncclick.command marks an async command-line entry point: it runs once per invocation, not on a served event loop.',
    example: {
      bad: py`
        import time

        async def warm_cache() -> None:
            time.sleep(1)
      `,
      good: py`
        import time

        import asyncclick

        @asyncclick.command()
        async def warm_cache() -> None:
            time.sleep(1)
      `,
    },
  }),
  role({
    id: 'python:typer.Typer.command',
    match: ['typer.Typer.command', 'typer.main.Typer.command'],
    role: 'script',
    why: "@app.command() on a typer.Typer marks a command-line entry point: code it runs belongs to one invocation, not to a served request.",
    example: {
      bad: py`
        import time

        async def sync_all() -> None:
            time.sleep(1)
      `,
      good: py`
        import asyncio
        import time

        import typer

        app = typer.Typer()

        async def sync_all() -> None:
            time.sleep(1)

        @app.command()
        def main() -> None:
            asyncio.run(sync_all())
      `,
    },
  }),
  role({
    id: 'python:typer.run',
    match: ['typer.run', 'typer.main.run'],
    role: 'script',
    why: 'typer.run(fn) turns fn into the whole command-line program: code it runs belongs to one invocation, not to a served request.',
    example: {
      bad: py`
        import time

        async def sync_all() -> None:
            time.sleep(1)
      `,
      good: py`
        import asyncio
        import time

        import typer

        async def sync_all() -> None:
            time.sleep(1)

        def main() -> None:
            asyncio.run(sync_all())

        typer.run(main)
      `,
    },
  }),

  // Start-up and shutdown hooks.
  startupDecorator('fastapi.FastAPI.on_event', {
    decorator: 'app.on_event("startup")',
    imports: 'from fastapi import FastAPI',
    app: 'app = FastAPI()',
    params: '',
    whenArg: ['startup', 'shutdown'],
    what: 'runs when the application starts or stops',
  }),
  startupDecorator('fastapi.APIRouter.on_event', {
    decorator: 'router.on_event("startup")',
    imports: 'from fastapi import APIRouter',
    app: 'router = APIRouter()',
    params: '',
    whenArg: ['startup', 'shutdown'],
    what: 'runs when the application that includes the router starts or stops',
  }),
  startupDecorator('starlette.applications.Starlette.on_event', {
    decorator: 'app.on_event("startup")',
    imports: 'from starlette.applications import Starlette',
    app: 'app = Starlette()',
    params: '',
    whenArg: ['startup', 'shutdown'],
    what: 'runs when the application starts or stops',
  }),
  role({
    id: 'python:fastapi.FastAPI.add_event_handler',
    match: ['fastapi.FastAPI.add_event_handler', 'starlette.applications.Starlette.add_event_handler'],
    role: 'startup',
    whenArg: ['startup', 'shutdown'],
    why: 'A function passed to app.add_event_handler("startup" or "shutdown", fn) runs when the application starts or stops, before or after requests are served.',
    example: {
      bad: LOAD_MODEL_UNMARKED,
      good: py`
        import pathlib

        from fastapi import FastAPI

        async def load_model() -> None:
            print(pathlib.Path("model.bin").read_bytes())

        app = FastAPI()
        app.add_event_handler("startup", load_model)
      `,
    },
  }),
  role({
    id: 'python:fastapi.FastAPI',
    match: ['fastapi.FastAPI', 'starlette.applications.Starlette'],
    role: 'startup',
    why: 'The lifespan function given to FastAPI(lifespan=...) or Starlette(lifespan=...) runs its code before the first request (up to its yield) and after the last one.',
    example: {
      bad: LOAD_MODEL_UNMARKED,
      good: py`
        import contextlib
        import pathlib

        from fastapi import FastAPI

        @contextlib.asynccontextmanager
        async def lifespan(app: FastAPI):
            print(pathlib.Path("model.bin").read_bytes())
            yield

        app = FastAPI(lifespan=lifespan)
      `,
    },
  }),
  startupDecorator('quart.Quart.before_serving', {
    decorator: 'app.before_serving',
    imports: 'from quart import Quart',
    app: 'app = Quart(__name__)',
    params: '',
    what: 'runs once before the application starts serving',
  }),
  startupDecorator('quart.Quart.after_serving', {
    decorator: 'app.after_serving',
    imports: 'from quart import Quart',
    app: 'app = Quart(__name__)',
    params: '',
    what: 'runs once after the application stops serving',
  }),
  startupDecorator('sanic.Sanic.before_server_start', {
    decorator: 'app.before_server_start',
    imports: 'from sanic import Sanic',
    app: 'app = Sanic("shop")',
    params: 'app',
    what: 'runs before the server starts accepting connections',
  }),
  startupDecorator('sanic.Sanic.after_server_start', {
    decorator: 'app.after_server_start',
    imports: 'from sanic import Sanic',
    app: 'app = Sanic("shop")',
    params: 'app',
    what: 'runs once the server has started',
  }),
  startupDecorator('sanic.Sanic.before_server_stop', {
    decorator: 'app.before_server_stop',
    imports: 'from sanic import Sanic',
    app: 'app = Sanic("shop")',
    params: 'app',
    what: 'runs when the server begins to shut down',
  }),
  startupDecorator('sanic.Sanic.after_server_stop', {
    decorator: 'app.after_server_stop',
    imports: 'from sanic import Sanic',
    app: 'app = Sanic("shop")',
    params: 'app',
    what: 'runs after the server has stopped',
  }),
  startupDecorator('sanic.Sanic.listener', {
    decorator: 'app.listener("before_server_start")',
    imports: 'from sanic import Sanic',
    app: 'app = Sanic("shop")',
    params: 'app',
    whenArg: ['before_server_start', 'after_server_start', 'before_server_stop', 'after_server_stop', 'main_process_start', 'main_process_stop'],
    what: 'runs at the named point of the server\'s start-up or shutdown',
  }),
  aiohttpSignal('on_startup', 'when the application starts'),
  aiohttpSignal('on_shutdown', 'when the application shuts down'),
  aiohttpSignal('on_cleanup', 'when the application is cleaned up'),
  aiohttpSignal('cleanup_ctx', 'as an async generator around the application lifetime (start-up code up to its yield)'),

  // Routes whose sync handlers run in the threadpool.
  fastapiRoute('get'),
  fastapiRoute('post'),
  fastapiRoute('put'),
  fastapiRoute('patch'),
  fastapiRoute('delete'),
  fastapiRoute('head'),
  fastapiRoute('options'),
  fastapiRoute('trace'),
  fastapiRoute('api_route'),

  // Runners.
  runner('asyncio.run', { match: ['asyncio.run'], what: 'starts an event loop for the coroutine it is given', imports: 'import asyncio', run: 'asyncio.run(main())' }),
  runner('asyncio.AbstractEventLoop.run_until_complete', {
    match: ['asyncio.AbstractEventLoop.run_until_complete', 'asyncio.BaseEventLoop.run_until_complete', 'uvloop.Loop.run_until_complete'],
    what: 'runs the loop until the coroutine it is given completes',
    imports: 'import asyncio',
    run: 'loop = asyncio.new_event_loop()\nloop.run_until_complete(main())',
  }),
  runner('asyncio.Runner.run', { match: ['asyncio.Runner.run'], what: 'runs the coroutine it is given on its own event loop', imports: 'import asyncio', run: 'runner = asyncio.Runner()\nrunner.run(main())' }),
  runner('trio.run', { match: ['trio.run'], what: 'starts a Trio run for the async function it is given', imports: 'import trio', run: 'trio.run(main)' }),
  runner('anyio.run', { match: ['anyio.run'], what: 'starts an event loop for the async function it is given', imports: 'import anyio', run: 'anyio.run(main)' }),
  runner('uvloop.run', { match: ['uvloop.run'], what: 'starts a uvloop event loop for the coroutine it is given', imports: 'import uvloop', run: 'uvloop.run(main())' }),
];
