// Lowers files on a pool of worker threads, one per core, and returns the results in input order.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LowerProject, LowerResult, LowerTask, WorkerMessage } from './lower-worker.js';

/** Below this many files, starting workers (each loads the grammars) costs more than it saves. */
export const POOL_THRESHOLD = 64;
/** Files sent to a worker at a time: large enough to amortise messages, small enough to balance. */
const BATCH = 16;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Lowers `tasks` on `workers` threads. Results come back indexed; a worker that dies fails its
 * batch's files with the reason rather than the run.
 */
export async function lowerInPool(tasks: readonly LowerTask[], project: LowerProject, workers: number): Promise<LowerResult[]> {
  const results: LowerResult[] = [];
  const queue = [...tasks];
  const url = new URL('./lower-worker.js', import.meta.url);
  const run = async (): Promise<void> => {
    const worker = new Worker(url);
    worker.postMessage({ project } satisfies WorkerMessage);
    let alive = true;
    try {
      while (alive) {
        const batch = queue.splice(0, BATCH);
        if (batch.length === 0) return;
        const done = await new Promise<LowerResult[]>((resolve) => {
          const onMessage = (r: LowerResult[]): void => {
            worker.off('error', onError);
            resolve(r);
          };
          const onError = (error: Error): void => {
            worker.off('message', onMessage);
            alive = false;
            resolve(batch.map((t) => ({ index: t.index, error: `worker failed: ${error.message}` })));
          };
          worker.once('message', onMessage);
          worker.once('error', onError);
          worker.postMessage({ tasks: batch } satisfies WorkerMessage);
        });
        results.push(...done);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(tasks.length / BATCH))) }, run));
  // Files left when every worker died are reported, not lost.
  for (const task of queue) results.push({ index: task.index, error: 'not analysed: every worker thread failed' });
  return results.sort((a, b) => a.index - b.index);
}
