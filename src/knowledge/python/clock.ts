// Clock reads: cheap in themselves, but a loop that spins on one without awaiting is a busy wait.

import { clock, type ClockEntry, type Entry } from '../entry.js';
import { py } from './authoring.js';

/** A clock read, with a deadline loop that spins on it (bad) and one that sleeps between reads (good). */
function clockRead(api: string, o: { what: string; imports: string; now: string; deadline: string }): ClockEntry {
  return clock({
    id: `python:${api}`,
    match: [api],
    why: `${api} ${o.what}; polling it in a loop that never awaits keeps the event loop thread busy until the deadline, starving every other task.`,
    example: {
      bad: py`
        ${o.imports}

        async def wait_until(deadline: ${o.deadline}) -> None:
            while ${o.now} < deadline:
                pass
      `,
      good: py`
        ${o.imports.includes('import asyncio') ? o.imports : `import asyncio\n${o.imports}`}

        async def wait_until(deadline: ${o.deadline}) -> None:
            while ${o.now} < deadline:
                await asyncio.sleep(0.05)
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  clockRead('time.time', { what: 'reads the wall clock', imports: 'import time', now: 'time.time()', deadline: 'float' }),
  clockRead('time.time_ns', { what: 'reads the wall clock in nanoseconds', imports: 'import time', now: 'time.time_ns()', deadline: 'int' }),
  clockRead('time.monotonic', { what: 'reads the monotonic clock', imports: 'import time', now: 'time.monotonic()', deadline: 'float' }),
  clockRead('time.monotonic_ns', { what: 'reads the monotonic clock in nanoseconds', imports: 'import time', now: 'time.monotonic_ns()', deadline: 'int' }),
  clockRead('time.perf_counter', { what: 'reads the performance counter', imports: 'import time', now: 'time.perf_counter()', deadline: 'float' }),
  clockRead('time.perf_counter_ns', { what: 'reads the performance counter in nanoseconds', imports: 'import time', now: 'time.perf_counter_ns()', deadline: 'int' }),
  clockRead('datetime.datetime.now', { what: 'reads the wall clock as a datetime', imports: 'from datetime import datetime', now: 'datetime.now()', deadline: 'datetime' }),
  clockRead('datetime.datetime.utcnow', { what: 'reads the wall clock as a naive UTC datetime', imports: 'from datetime import datetime', now: 'datetime.utcnow()', deadline: 'datetime' }),
  clockRead('datetime.datetime.today', { what: 'reads the wall clock as a local datetime', imports: 'from datetime import datetime', now: 'datetime.today()', deadline: 'datetime' }),
  clockRead('asyncio.AbstractEventLoop.time', {
    what: "reads the event loop's monotonic clock",
    imports: 'import asyncio',
    now: 'asyncio.get_running_loop().time()',
    deadline: 'float',
  }),
];
