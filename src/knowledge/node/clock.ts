// Clock reads: cheap in themselves, but a loop that spins on one without awaiting is a busy wait.

import { clock, type ClockEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** A clock read, with a deadline loop that spins on it (bad) and one that sleeps between reads (good). */
function clockRead(api: string, o: { match?: readonly string[]; name?: string; what: string; imports?: string; params: string; condition: string }): ClockEntry {
  const body = (loopBody: string): string => ts`
    export async function waitUntil(${o.params}): Promise<void> {
      while (${o.condition}) {
        ${loopBody}
      }
    }
  `;
  const sleep = "import { setTimeout as sleep } from 'node:timers/promises';";
  return clock({
    id: `node:${api}`,
    match: [api, ...(o.match ?? [])],
    why: `${o.name ?? api.replace(/^globalThis\./, '')} ${o.what}; polling it in a loop that never awaits keeps the event loop thread busy until the deadline, and no timer, I/O callback or request runs meanwhile.`,
    example: {
      bad: `${o.imports ? `${o.imports}\n\n` : ''}${body('// spin until the deadline')}`,
      good: `${o.imports ? `${o.imports}\n` : ''}${sleep}\n\n${body('await sleep(10);')}`,
    },
  });
}

export const entries: readonly Entry[] = [
  clockRead('globalThis.Date.now', { what: 'reads the wall clock', params: 'deadline: number', condition: 'Date.now() < deadline' }),
  clockRead('globalThis.Date', { name: 'new Date()', what: 'reads the wall clock into a new Date', params: 'deadline: Date', condition: 'new Date() < deadline' }),
  clockRead('globalThis.performance.now', { what: 'reads the monotonic high-resolution clock', params: 'deadline: number', condition: 'performance.now() < deadline' }),
  clockRead('perf_hooks.performance.now', {
    what: 'reads the monotonic high-resolution clock',
    imports: "import { performance } from 'node:perf_hooks';",
    params: 'deadline: number',
    condition: 'performance.now() < deadline',
  }),
  clockRead('globalThis.process.hrtime', {
    match: ['process.hrtime'],
    what: 'reads the monotonic clock as seconds and nanoseconds',
    params: 'start: [number, number], seconds: number',
    condition: 'process.hrtime(start)[0] < seconds',
  }),
  clockRead('globalThis.process.hrtime.bigint', {
    match: ['process.hrtime.bigint'],
    what: 'reads the monotonic clock in nanoseconds',
    params: 'deadline: bigint',
    condition: 'process.hrtime.bigint() < deadline',
  }),
  clockRead('globalThis.process.uptime', {
    match: ['process.uptime'],
    what: "reads the process's running time",
    params: 'deadline: number',
    condition: 'process.uptime() < deadline',
  }),
];
