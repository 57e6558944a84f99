// Python APIs that put the calling thread to sleep.

import { blocking, type Entry } from '../entry.js';
import { py } from './authoring.js';

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:time.sleep',
    match: ['time.sleep'],
    category: 'sleep',
    why: 'time.sleep suspends the whole thread for the given time, and with it the event loop: no other task runs until the sleep ends.',
    does: 'sleeps the thread',
    useInstead: ['await asyncio.sleep(seconds)', 'await anyio.sleep(seconds)', 'await trio.sleep(seconds)'],
    example: {
      bad: py`
        import time

        async def retry_later(attempt: int) -> None:
            time.sleep(2 ** attempt)
      `,
      good: py`
        import asyncio

        async def retry_later(attempt: int) -> None:
            await asyncio.sleep(2 ** attempt)
      `,
    },
  }),
];
