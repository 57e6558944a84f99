// Sync callbacks that asyncio itself runs on the event loop thread: scheduled calls, fd watchers,
// signal handlers and done-callbacks. A blocking call in one stalls the loop like one in `async def`.

import { callback, type CallbackEntry, type Entry, type } from '../entry.js';
import { py } from './authoring.js';

function loopCallback(method: string, callableArg: number, schedule: string, why: string): CallbackEntry {
  return callback({
    id: `python:asyncio.AbstractEventLoop.${method}`,
    match: [`asyncio.AbstractEventLoop.${method}`, `asyncio.BaseEventLoop.${method}`],
    callableArgs: [callableArg],
    why,
    example: {
      bad: py`
        import asyncio
        import time

        def tick() -> None:
            time.sleep(0.5)

        async def start() -> None:
            loop = asyncio.get_running_loop()
            ${schedule.replace('CB', 'tick')}
      `,
      good: py`
        import asyncio
        import logging

        def tick() -> None:
            logging.getLogger(__name__).info("tick")

        async def start() -> None:
            loop = asyncio.get_running_loop()
            ${schedule.replace('CB', 'tick')}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // The tasks and futures whose done-callbacks are followed.
  type({ id: 'python:asyncio.create_task', match: ['asyncio.create_task', 'asyncio.AbstractEventLoop.create_task'], returns: 'asyncio.Task' }),
  type({ id: 'python:asyncio.AbstractEventLoop.create_future', match: ['asyncio.AbstractEventLoop.create_future'], returns: 'asyncio.Future' }),
  loopCallback('call_soon', 0, 'loop.call_soon(CB)', 'loop.call_soon runs the callback on the event loop thread at the next iteration, between tasks.'),
  loopCallback('call_later', 1, 'loop.call_later(5, CB)', 'loop.call_later runs the callback on the event loop thread once the delay has passed.'),
  loopCallback('call_at', 1, 'loop.call_at(loop.time() + 5, CB)', 'loop.call_at runs the callback on the event loop thread at the given loop time.'),
  loopCallback('call_soon_threadsafe', 0, 'loop.call_soon_threadsafe(CB)', 'loop.call_soon_threadsafe is called from another thread, but the callback it schedules runs on the event loop thread.'),
  loopCallback('add_reader', 1, 'loop.add_reader(0, CB)', 'loop.add_reader runs the callback on the event loop thread each time the file descriptor is readable.'),
  loopCallback('add_writer', 1, 'loop.add_writer(1, CB)', 'loop.add_writer runs the callback on the event loop thread each time the file descriptor is writable.'),
  loopCallback('add_signal_handler', 1, 'loop.add_signal_handler(15, CB)', 'loop.add_signal_handler runs the handler on the event loop thread when the signal arrives.'),
  callback({
    id: 'python:asyncio.Future.add_done_callback',
    match: ['asyncio.Future.add_done_callback', 'asyncio.Task.add_done_callback'],
    callableArgs: [0],
    why: 'A done-callback of an asyncio future or task is scheduled on the event loop thread when the future completes.',
    example: {
      bad: py`
        import asyncio
        import time

        def on_done(task: asyncio.Task) -> None:
            time.sleep(0.5)

        async def start(work) -> None:
            task = asyncio.create_task(work())
            task.add_done_callback(on_done)
      `,
      good: py`
        import asyncio
        import logging

        def on_done(task: asyncio.Task) -> None:
            logging.getLogger(__name__).info("done")

        async def start(work) -> None:
            task = asyncio.create_task(work())
            task.add_done_callback(on_done)
      `,
    },
  }),
];
