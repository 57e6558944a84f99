// Runs one child process and measures it: wall time here, CPU time and peak RSS reported by the child
// itself (see child-usage.ts).

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildUsage } from './child-usage.js';

const USAGE_MODULE = pathToFileURL(join(fileURLToPath(new URL('.', import.meta.url)), 'child-usage.js')).href;

/** One timed run. */
export interface Sample {
  readonly wallMs: number;
  /** User and system CPU time of the child and its threads. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

export interface ChildRun extends Sample {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunSettings {
  readonly cwd: string;
  /** Added to the bench's own environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** A file the child's usage is written to; removed after reading. */
  readonly usageFile: string;
  /** Kill the child after this long (default 20 minutes). */
  readonly timeoutMs?: number;
}

/** Runs `node <args>` with the usage reporter loaded, and resolves when it ends. */
export function runNode(args: readonly string[], settings: RunSettings): Promise<ChildRun> {
  rmSync(settings.usageFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE_MODULE, ...args], {
    cwd: settings.cwd,
    env: { ...process.env, ...settings.env, ASYNCGUARD_BENCH_USAGE: settings.usageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: settings.timeoutMs ?? 20 * 60_000,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = performance.now() - started;
      const usage = readUsage(settings.usageFile);
      resolve({
        wallMs,
        cpuMs: usage ? usage.userMs + usage.systemMs : Number.NaN,
        maxRssMb: usage ? usage.maxRssKb / 1024 : Number.NaN,
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function readUsage(file: string): ChildUsage | undefined {
  try {
    const usage = JSON.parse(readFileSync(file, 'utf8')) as ChildUsage;
    rmSync(file, { force: true });
    return usage;
  } catch {
    // Killed by a signal or the timeout: the child never wrote its usage.
    return undefined;
  }
}

/** Median wall and CPU time over the samples, and the largest peak RSS among them. */
export function summarize(samples: readonly Sample[]): Sample {
  const usable = (values: readonly number[]): number[] => values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const median = (values: readonly number[]): number => {
    const sorted = usable(values);
    if (sorted.length === 0) return Number.NaN;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const rss = usable(samples.map((s) => s.maxRssMb));
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    maxRssMb: rss.length > 0 ? (rss[rss.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
