// A worker thread that parses and lowers files for the pool (see pool.ts): tree-sitter is CPU-bound
// and single-threaded, so files are spread over one worker per core.

import { parentPort } from 'node:worker_threads';
import type { FileModel } from '../ir/model.js';
import type { LanguageAdapter, ProjectInfo } from '../languages/adapter.js';
import { withFileBudget } from '../languages/model-builder.js';
import { adapterFor } from '../languages/registry.js';
import { writeCacheEntry } from './cache.js';

export interface LowerTask {
  readonly index: number;
  readonly path: string;
  readonly source: string;
  /** The cache entry to write the lowered file to, when the run keeps a cache. */
  readonly cacheFile?: string;
}

export interface LowerProject {
  /** The project's configuration files the adapters read (tsconfig.json), with their text. */
  readonly configs: readonly (readonly [string, string])[];
  readonly parseBudgetMs: number;
  /**
   * When the run's budget (--timeout) runs out, as a time since the epoch in milliseconds: each
   * thread counts `performance.now()` from its own start.
   */
  readonly deadline?: number;
}

export type LowerResult =
  | { readonly index: number; readonly model: FileModel }
  | { readonly index: number; readonly error: string };

export type WorkerMessage = { readonly project: LowerProject } | { readonly tasks: readonly LowerTask[] };

/**
 * A worker's answer for one file. The model travels as JSON text: one string crosses threads as a
 * copy of its bytes, where structured clone would walk and rebuild every object of the model
 * twice. `unsent` marks a model too deep to write as JSON, lowered again on the main thread.
 */
export type WorkerReply =
  | { readonly index: number; readonly json: string }
  | { readonly index: number; readonly error: string }
  | { readonly index: number; readonly unsent: true };

let project: ProjectInfo | undefined;
let deadline: number | undefined;

/** The reason given for files left unlowered when the run's budget (--timeout) ran out. */
export const OVER_RUN_BUDGET = 'the run went over its time budget (--timeout)';

/** Why lowering a file failed, in words a user can act on. */
export function lowerFailure(error: unknown): string {
  // Recursive walks over pathologically deep syntax (100,000 chained calls) exhaust the stack.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'its code nests deeper than asyncguard can follow (a very long chain or deeply nested expression)';
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Writes a lowered file to its cache entry, if it has one; `json` when already written out. */
export function storeLowered(task: LowerTask, model: FileModel, json?: string): void {
  if (task.cacheFile === undefined) return;
  try {
    writeCacheEntry(task.cacheFile, json ?? JSON.stringify(model));
  } catch {
    // Too deep to write as JSON: lowered again next time.
  }
}

/**
 * Lowers one file within its budget (parsing and lowering together, see `withFileBudget`);
 * a failure is returned as its reason, never thrown.
 */
export async function lowerTask(adapter: LanguageAdapter, task: LowerTask, project: ProjectInfo | undefined, budgetMs: number): Promise<LowerResult> {
  try {
    return { index: task.index, model: await withFileBudget(budgetMs, () => adapter.lower(task.path, task.source, project)) };
  } catch (error) {
    return { index: task.index, error: lowerFailure(error) };
  }
}

async function lower(task: LowerTask): Promise<LowerResult> {
  const adapter = adapterFor(task.path);
  if (!adapter) return { index: task.index, error: 'no adapter reads this file' };
  // A batch sent before the run's budget ran out is not lowered past it.
  if (deadline !== undefined && performance.timeOrigin + performance.now() > deadline) return { index: task.index, error: OVER_RUN_BUDGET };
  return lowerTask(adapter, task, project, project?.parseBudgetMs ?? 0);
}

async function lowerBatch(tasks: readonly LowerTask[]): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  for (const task of tasks) {
    const result = await lower(task);
    if ('error' in result) replies.push(result);
    else {
      let json: string;
      try {
        json = JSON.stringify(result.model);
      } catch {
        replies.push({ index: task.index, unsent: true });
        continue;
      }
      storeLowered(task, result.model, json);
      replies.push({ index: task.index, json });
    }
  }
  return replies;
}

/** The batch being lowered: the next one waits for it, so that replies come back in order. */
let lowering: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: WorkerMessage) => {
  if ('project' in message) {
    const configs = new Map(message.project.configs);
    project = { files: [...configs.keys()], readFile: (p) => configs.get(p), parseBudgetMs: message.project.parseBudgetMs };
    deadline = message.project.deadline;
    return;
  }
  lowering = lowering.then(async () => parentPort?.postMessage(await lowerBatch(message.tasks)));
});
