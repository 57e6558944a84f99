// A progress line on stderr for long runs: files done (of how many, when known) and throughput.
// Only on a terminal, never in CI or when stderr goes to a pipe or a file.

import type { Progress } from '../index.js';

/** Nothing is drawn for runs shorter than this: a quick run prints no flicker. */
const DELAY_MS = 500;
/** At most one redraw per this many milliseconds. */
const INTERVAL_MS = 100;
const WIDTH = 24;

export interface ProgressLine {
  readonly update: (progress: Progress) => void;
  /** Erases the line, before the report or an error is printed. */
  readonly done: () => void;
}

/** True when a progress line helps: stderr is a terminal and the run is not in CI. */
export function wantsProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

/** The text of the line: `[#####-----] 120/400 files · 3.1 MB · 9.8 MB/s`. */
export function progressText(progress: Progress, elapsedMs: number): string {
  const mb = progress.sourceDone / 1e6;
  const rate = elapsedMs > 0 ? mb / (elapsedMs / 1000) : 0;
  const counts =
    progress.filesTotal !== undefined && progress.filesTotal > 0
      ? `${bar(progress.filesDone / progress.filesTotal)} ${progress.filesDone}/${progress.filesTotal} files`
      : `${progress.filesDone} files`;
  return `asyncguard: ${counts} · ${mb.toFixed(1)} MB · ${rate.toFixed(1)} MB/s`;
}

function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
}

/** A progress line drawn on `stream`, which must be a terminal (see `wantsProgress`). */
export function progressLine(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): ProgressLine {
  const started = now();
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const t = now();
      if (t - started < DELAY_MS || t - drawnAt < INTERVAL_MS) return;
      drawnAt = t;
      drawn = true;
      const columns = stream.columns > 0 ? stream.columns - 1 : 79;
      stream.write(`\r${progressText(progress, t - started).slice(0, columns)}\x1b[K`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
