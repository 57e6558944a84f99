// Lowers files on a pool of threads, this one and a worker per other core, and returns the results in
// input order.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelInterner } from '../ir/intern.js';
import type { FileModel } from '../ir/model.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor } from '../languages/registry.js';
import {
  type LowerProject,
  type LowerResult,
  type LowerTask,
  lowerTask,
  OVER_RUN_BUDGET,
  storeLowered,
  type WorkerMessage,
  type WorkerReply,
} from './lower-worker.js';

/** Below this many files, starting workers (each loads the grammars) costs more than it saves. */
export const POOL_THRESHOLD = 64;
/** Below this many files, even started workers are not worth a message. */
export const WARM_POOL_THRESHOLD = 4;
/** Most files sent to a worker at a time: large enough to amortise messages, small enough to balance. */
const BATCH = 16;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

const projectInfos = new WeakMap<LowerProject, ProjectInfo>();

/** The project as adapters see it, one object per run (adapters keep what they read of it by object). */
function projectInfo(project: LowerProject): ProjectInfo {
  let info = projectInfos.get(project);
  if (!info) {
    const configs = new Map(project.configs);
    info = { files: [...configs.keys()], readFile: (p) => configs.get(p), parseBudgetMs: project.parseBudgetMs };
    projectInfos.set(project, info);
  }
  return info;
}

/** Lowers a batch on this thread: its share of the files, or a worker's reply that could not be read. */
async function lowerHere(batch: readonly LowerTask[], project: LowerProject): Promise<LowerResult[]> {
  const info = projectInfo(project);
  const results: LowerResult[] = [];
  for (const task of batch) {
    const adapter = adapterFor(task.path);
    const result: LowerResult = adapter ? await lowerTask(adapter, task, info, project.parseBudgetMs) : { index: task.index, error: 'no adapter reads this file' };
    if ('model' in result) storeLowered(task, result.model);
    results.push(result);
  }
  return results;
}

/** The models of a worker's replies, read back here; what could not be sent or read is lowered here. */
async function readReplies(replies: readonly WorkerReply[], batch: readonly LowerTask[], project: LowerProject): Promise<LowerResult[]> {
  const results: LowerResult[] = [];
  const again: LowerTask[] = [];
  const tasks = new Map(batch.map((t) => [t.index, t]));
  for (const reply of replies) {
    if ('error' in reply) results.push(reply);
    else if ('json' in reply) {
      try {
        results.push({ index: reply.index, model: JSON.parse(reply.json) as FileModel });
      } catch {
        // Nested deeper than JSON.parse follows here: lowered on this thread instead.
        const task = tasks.get(reply.index);
        if (task) again.push(task);
      }
    } else {
      const task = tasks.get(reply.index);
      if (task) again.push(task);
    }
  }
  return again.length > 0 ? [...results, ...(await lowerHere(again, project))] : results;
}

/** What a worker answered for a batch: its replies, a reply that could not be read, or its death. */
type Answer = WorkerReply[] | 'unreadable' | { readonly failed: string };

/** A worker's answers in the order they come, kept until asked for (none is lost between batches). */
class Inbox {
  private readonly answers: Answer[] = [];
  private waiting: ((answer: Answer) => void) | undefined;
  private readonly onMessage = (replies: WorkerReply[]): void => this.put(replies);
  // The reply could not be deserialized here: without this, the run would wait for it forever.
  private readonly onMessageError = (): void => this.put('unreadable');
  private readonly onError = (error: Error): void => this.put({ failed: `worker failed: ${error.message}` });
  private readonly onExit = (code: number): void => this.put({ failed: `worker failed: it stopped with exit code ${code}` });

  constructor(private readonly worker: Worker) {
    worker.on('message', this.onMessage);
    worker.on('messageerror', this.onMessageError);
    worker.on('error', this.onError);
    worker.on('exit', this.onExit);
  }

  private put(answer: Answer): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(answer);
    else this.answers.push(answer);
  }

  next(): Promise<Answer> {
    const answer = this.answers.shift();
    return answer !== undefined ? Promise.resolve(answer) : new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('messageerror', this.onMessageError);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
  }
}

const WORKER_URL = new URL('./lower-worker.js', import.meta.url);

/**
 * Worker threads kept for a whole run, which lowers files in rounds (`check` and `diff` read what
 * the first files reach): each worker loads the grammars once. A worker is started when first
 * needed, or ahead of time by `start`, and ended by `close`; one that died is never used again.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly dead = new WeakSet<Worker>();
  private readonly told = new WeakMap<Worker, LowerProject>();

  /** Starts workers up to `count` idle ones, so that they load the grammars while this thread reads files. */
  start(project: LowerProject, count: number): void {
    while (this.idle.length < count) this.idle.push(this.tell(this.spawn(), project));
  }

  /** True when started workers wait for files: lowering a few files on them costs no start-up. */
  get warm(): boolean {
    return this.idle.length > 0;
  }

  /** An idle worker, or a new one, told of `project`. */
  acquire(project: LowerProject): Worker {
    let worker = this.idle.pop();
    while (worker && this.dead.has(worker)) worker = this.idle.pop();
    return this.tell(worker ?? this.spawn(), project);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    // Between runs of lowering nobody listens: a worker that fails then is only marked dead.
    worker.on('error', () => this.dead.add(worker));
    worker.on('exit', () => this.dead.add(worker));
    return worker;
  }

  private tell(worker: Worker, project: LowerProject): Worker {
    if (this.told.get(worker) !== project) {
      worker.postMessage({ project } satisfies WorkerMessage);
      this.told.set(worker, project);
    }
    return worker;
  }

  /** Gives back a worker that answered every batch it was sent. */
  release(worker: Worker): void {
    if (!this.dead.has(worker)) this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}

/**
 * Lowers `tasks` on `workers` worker threads and, with `here`, on this thread as well, all taking
 * files from one queue. Results come back indexed; a worker that dies fails its batch's files with
 * the reason rather than the run.
 */
export async function lowerInPool(
  tasks: readonly LowerTask[],
  project: LowerProject,
  workers: number,
  deadline?: number,
  here = false,
  onBatch?: (results: readonly LowerResult[]) => void,
  interner?: ModelInterner,
  pool?: WorkerPool,
): Promise<LowerResult[]> {
  const results: LowerResult[] = [];
  // Models are shared into the run's interner as they come, so that copies never pile up.
  const keep = (lowered: readonly LowerResult[]): void => {
    if (interner) for (const r of lowered) if ('model' in r) interner.model(r.model);
    results.push(...lowered);
    onBatch?.(lowered);
  };
  const queue = [...tasks];
  // A few files are shared out too: each thread has about two batches of them.
  const batchSize = Math.max(1, Math.min(BATCH, Math.ceil(tasks.length / (2 * (workers + (here ? 1 : 0))))));
  // Past the run's budget (--timeout), no further batch is started.
  const take = (size = batchSize): LowerTask[] | undefined => {
    if (deadline !== undefined && performance.now() > deadline) return undefined;
    const batch = queue.splice(0, size);
    return batch.length > 0 ? batch : undefined;
  };
  // This thread lowers a file at a time, and between files reads the workers' replies and sends
  // them their next batches.
  const local = async (): Promise<void> => {
    for (let batch = take(1); batch; batch = take(1)) {
      keep(await lowerHere(batch, project));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  // Without the run's pool, the workers are this call's own, ended when it is done.
  const workerPool = pool ?? new WorkerPool();
  const run = async (): Promise<void> => {
    const worker = workerPool.acquire(project);
    const inbox = new Inbox(worker);
    let failed = false;
    // Two batches in flight: the worker starts the second while this thread reads the first reply.
    const inFlight: LowerTask[][] = [];
    const send = (): void => {
      const batch = take();
      if (!batch) return;
      inFlight.push(batch);
      worker.postMessage({ tasks: batch } satisfies WorkerMessage);
    };
    try {
      send();
      send();
      for (let batch = inFlight.shift(); batch; batch = inFlight.shift()) {
        const answer = await inbox.next();
        if (typeof answer === 'object' && 'failed' in answer) {
          failed = true;
          for (const t of batch) results.push({ index: t.index, error: answer.failed });
          // The batch sent after it goes back to the queue, for the other threads.
          queue.unshift(...inFlight.flat());
          return;
        }
        send();
        keep(answer === 'unreadable' ? await lowerHere(batch, project) : await readReplies(answer, batch, project));
      }
    } finally {
      inbox.close();
      if (failed) await worker.terminate();
      else workerPool.release(worker);
    }
  };
  const threads = Array.from({ length: Math.max(here ? 0 : 1, Math.min(workers, Math.ceil(tasks.length / batchSize))) }, run);
  await Promise.all(here ? [...threads, local()] : threads);
  if (!pool) await workerPool.close();
  // Files left when the time ran out or every worker died are reported, not lost.
  const why = deadline !== undefined && performance.now() > deadline ? OVER_RUN_BUDGET : 'every worker thread failed';
  for (const task of queue) results.push({ index: task.index, error: why });
  return results.sort((a, b) => a.index - b.index);
}
