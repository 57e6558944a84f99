// Loaded with `node --import` into every process the bench times: when the process exits, it writes
// its own CPU time and peak resident set size (worker threads included) to the file named by
// ASYNCGUARD_BENCH_USAGE, so the figures are the child's alone, on every platform Node runs on.

import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** What the file holds. */
export interface ChildUsage {
  readonly userMs: number;
  readonly systemMs: number;
  readonly maxRssKb: number;
}

const target = process.env['ASYNCGUARD_BENCH_USAGE'];
// Worker threads load this module too (they inherit the --import flag); only the process writes.
if (isMainThread && target !== undefined && target !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const figures: ChildUsage = {
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
      maxRssKb: usage.maxRSS,
    };
    writeFileSync(target, JSON.stringify(figures));
  });
}
