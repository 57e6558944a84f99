// A worker thread that parses and lowers files for the pool (see pool.ts): tree-sitter is CPU-bound
// and single-threaded, so files are spread over one worker per core.

import { parentPort } from 'node:worker_threads';
import type { FileModel } from '../ir/model.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor } from '../languages/registry.js';

export interface LowerTask {
  readonly index: number;
  readonly path: string;
  readonly source: string;
}

export interface LowerProject {
  /** The project's configuration files the adapters read (tsconfig.json), with their text. */
  readonly configs: readonly (readonly [string, string])[];
  readonly parseBudgetMs: number;
}

export type LowerResult =
  | { readonly index: number; readonly model: FileModel }
  | { readonly index: number; readonly error: string };

export type WorkerMessage = { readonly project: LowerProject } | { readonly tasks: readonly LowerTask[] };

let project: ProjectInfo | undefined;

async function lower(task: LowerTask): Promise<LowerResult> {
  const adapter = adapterFor(task.path);
  if (!adapter) return { index: task.index, error: 'no adapter reads this file' };
  try {
    return { index: task.index, model: await adapter.lower(task.path, task.source, project) };
  } catch (error) {
    return { index: task.index, error: (error as Error).message };
  }
}

parentPort?.on('message', (message: WorkerMessage) => {
  if ('project' in message) {
    const configs = new Map(message.project.configs);
    project = { files: [...configs.keys()], readFile: (p) => configs.get(p), parseBudgetMs: message.project.parseBudgetMs };
    return;
  }
  void (async () => {
    const results: LowerResult[] = [];
    for (const task of message.tasks) results.push(await lower(task));
    parentPort?.postMessage(results);
  })();
});
