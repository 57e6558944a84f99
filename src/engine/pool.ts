// Lowers files on a pool of worker threads, one per core, and returns the results in input order.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor } from '../languages/registry.js';
import { type LowerProject, type LowerResult, type LowerTask, lowerTask, OVER_RUN_BUDGET, type WorkerMessage } from './lower-worker.js';

/** Below this many files, starting workers (each loads the grammars) costs more than it saves. */
export const POOL_THRESHOLD = 64;
/** Files sent to a worker at a time: large enough to amortise messages, small enough to balance. */
const BATCH = 16;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Lowers a batch on this thread: the fallback for a worker's reply that could not be read. */
async function lowerHere(batch: readonly LowerTask[], project: LowerProject): Promise<LowerResult[]> {
  const configs = new Map(project.configs);
  const info: ProjectInfo = { files: [...configs.keys()], readFile: (p) => configs.get(p), parseBudgetMs: project.parseBudgetMs };
  const results: LowerResult[] = [];
  for (const task of batch) {
    const adapter = adapterFor(task.path);
    results.push(adapter ? await lowerTask(adapter, task, info, project.parseBudgetMs) : { index: task.index, error: 'no adapter reads this file' });
  }
  return results;
}

/**
 * Lowers `tasks` on `workers` threads. Results come back indexed; a worker that dies fails its
 * batch's files with the reason rather than the run.
 */
export async function lowerInPool(
  tasks: readonly LowerTask[],
  project: LowerProject,
  workers: number,
  deadline?: number,
  onBatch?: (results: readonly LowerResult[]) => void,
): Promise<LowerResult[]> {
  const results: LowerResult[] = [];
  const queue = [...tasks];
  const url = new URL('./lower-worker.js', import.meta.url);
  const run = async (): Promise<void> => {
    const worker = new Worker(url);
    worker.postMessage({ project } satisfies WorkerMessage);
    let alive = true;
    try {
      while (alive) {
        // Past the run's budget (--timeout), no further batch is started.
        if (deadline !== undefined && performance.now() > deadline) return;
        const batch = queue.splice(0, BATCH);
        if (batch.length === 0) return;
        const done = await new Promise<LowerResult[] | 'unreadable'>((resolve) => {
          const settle = (value: LowerResult[] | 'unreadable'): void => {
            worker.off('message', onMessage);
            worker.off('messageerror', onMessageError);
            worker.off('error', onError);
            worker.off('exit', onExit);
            resolve(value);
          };
          const onMessage = (r: LowerResult[]): void => settle(r);
          // The reply could not be deserialized here (a file lowered into structures too deep for
          // structured clone): without this, the run would wait for it forever.
          const onMessageError = (): void => settle('unreadable');
          const onError = (error: Error): void => {
            alive = false;
            settle(batch.map((t) => ({ index: t.index, error: `worker failed: ${error.message}` })));
          };
          const onExit = (code: number): void => {
            alive = false;
            settle(batch.map((t) => ({ index: t.index, error: `worker failed: it stopped with exit code ${code}` })));
          };
          worker.on('message', onMessage);
          worker.on('messageerror', onMessageError);
          worker.on('error', onError);
          worker.on('exit', onExit);
          worker.postMessage({ tasks: batch } satisfies WorkerMessage);
        });
        const lowered = done === 'unreadable' ? await lowerHere(batch, project) : done;
        results.push(...lowered);
        onBatch?.(lowered);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(tasks.length / BATCH))) }, run));
  // Files left when the time ran out or every worker died are reported, not lost.
  const why = deadline !== undefined && performance.now() > deadline ? OVER_RUN_BUDGET : 'every worker thread failed';
  for (const task of queue) results.push({ index: task.index, error: why });
  return results.sort((a, b) => a.index - b.index);
}
