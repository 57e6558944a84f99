// Reads and lowers source files: decoding, size and binary checks, and the language adapters.

import { createHash } from 'node:crypto';
import { ModelInterner } from '../ir/intern.js';
import type { FileModel } from '../ir/model.js';
import type { Diagnostic, NotApplicable } from '../ir/report.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor, allAdapters } from '../languages/registry.js';
import type { ModelCache } from './cache.js';
import { type LowerProject, type LowerResult, type LowerTask, lowerTask, OVER_RUN_BUDGET, storeLowered } from './lower-worker.js';
import { defaultWorkers, lowerInPool, POOL_THRESHOLD, WARM_POOL_THRESHOLD, type WorkerPool } from './pool.js';
import { SourceTexts } from './source-texts.js';

/** Files larger than this are skipped with a note unless the caller sets another limit. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** How long parsing one file may take before it is given up, in milliseconds. */
export const DEFAULT_FILE_TIMEOUT_MS = 10_000;
/** How long a whole run may spend reading and lowering files, in milliseconds. */
export const DEFAULT_RUN_TIMEOUT_MS = 600_000;

export interface LoadOptions {
  readonly maxFileBytes: number;
  /** Lowered files from earlier runs; absent with `--no-cache`. */
  readonly cache?: ModelCache;
  /** Threads that lower files, this one among them (1: this one alone). */
  readonly workers?: number;
  readonly fileTimeoutMs: number;
  /** `performance.now()` after which no further file is read; the rest are reported. */
  readonly deadline?: number;
  /** The run's worker threads, kept between the rounds of files it lowers. */
  readonly pool?: WorkerPool;
  /** Shares strings and values among all the models of the run, whichever round lowered them. */
  readonly interner?: ModelInterner;
  /** Told of files as they are done (taken from the cache or lowered), with their size in characters. */
  readonly onFilesDone?: (files: number, size: number) => void;
}

export interface Loaded {
  readonly files: FileModel[];
  readonly skipped: NotApplicable[];
  readonly diagnostics: Diagnostic[];
  /** The decoded text of every file read, for code frames and blank-line checks (read again when asked). */
  readonly sources: SourceTexts;
  /** Files that should have been analysed and were not (unreadable, too large, over budget, failed). */
  readonly unanalysed: string[];
  /** Files the change does not touch left unread when the run's time ran out (calls into them are unresolved). */
  readonly unreadForTime: string[];
  /** False when a file was given up on for time or failed to lower: another run may fare otherwise. */
  readInFull: boolean;
  /** Files read in full and not lowered, because `select` passed them over. */
  readonly setAside: string[];
}

/**
 * Text of a file: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8 (a BOM dropped,
 * invalid bytes replaced); undefined when it is binary (a NUL byte in its first 8000 bytes).
 */
export function decodeSource(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: false }).decode(bytes.subarray(2));
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The content of the project files that change how adapters lower (tsconfig paths), hashed. */
function projectConfigKey(project: ProjectInfo): string {
  const hash = createHash('sha256');
  for (const adapter of allAdapters()) {
    const pattern = adapter.configFiles;
    if (!pattern) continue;
    for (const file of project.files.filter((f) => pattern.test(f)).sort()) hash.update(file).update('\0').update(project.readFile(file) ?? '');
  }
  return hash.digest('hex').slice(0, 16);
}

/** What was cut short is reported: the untouched files left unread, once, under the first of them. */
export function unreadDiagnostic(unreadForTime: readonly string[]): Diagnostic | undefined {
  if (unreadForTime.length === 0) return undefined;
  const [first, ...others] = [...unreadForTime].sort();
  return {
    file: first ?? '',
    message: `not analysed (unchanged${others.length > 0 ? `, with ${others.length} other unchanged file${others.length === 1 ? '' : 's'}` : ''}): ${OVER_RUN_BUDGET}`,
  };
}

/** A `Loaded` with nothing in it yet. */
export function emptyLoaded(sources: SourceTexts): Loaded {
  return { files: [], skipped: [], diagnostics: [], sources, unanalysed: [], unreadForTime: [], readInFull: true, setAside: [] };
}

/**
 * Lowers every supported file among `paths`: reads, checks and decodes them, takes what the cache
 * has, and lowers the rest, on a pool of worker threads when there are many. `reportSkipped` says
 * which files must not disappear silently when they cannot be read (a diff's changed files).
 * Unchanged files left unread for time are listed in `unreadForTime` (see `unreadDiagnostic`).
 * `select`, when given, sees each decoded text and says whether to lower it; the files it passes
 * over are listed in `setAside` (and counted as done for progress).
 */
export async function loadFiles(
  paths: readonly string[],
  read: (path: string) => Buffer | undefined,
  options: LoadOptions,
  reportSkipped: (path: string) => boolean,
  project?: ProjectInfo,
  select?: (path: string, text: string) => boolean,
): Promise<Loaded> {
  const sources = new SourceTexts((path) => {
    const bytes = read(path);
    return bytes === undefined ? undefined : decodeSource(bytes);
  });
  const loaded = emptyLoaded(sources);
  // Many files to read: the workers start now, loading the grammars while this thread reads.
  const workers = threadsOf(options);
  if (options.pool && workers > 1 && paths.length >= POOL_THRESHOLD) options.pool.start(lowerProjectOf(options, project), workers - 1);
  const configKey = project ? projectConfigKey(project) : '';
  const pending: LowerTask[] = [];
  const interner = options.interner ?? new ModelInterner();
  let outOfTime = false;
  for (const path of paths) {
    const adapter = adapterFor(path);
    if (!adapter) {
      if (reportSkipped(path)) loaded.skipped.push({ file: path, reason: 'unsupported-language' });
      continue;
    }
    if (!outOfTime && options.deadline !== undefined && performance.now() > options.deadline) outOfTime = true;
    if (outOfTime) {
      loaded.readInFull = false;
      if (reportSkipped(path)) {
        loaded.unanalysed.push(path);
        loaded.diagnostics.push({ file: path, message: `not analysed: ${OVER_RUN_BUDGET}` });
      } else loaded.unreadForTime.push(path);
      continue;
    }
    const bytes = read(path);
    if (bytes === undefined) {
      if (reportSkipped(path)) {
        loaded.unanalysed.push(path);
        loaded.diagnostics.push({ file: path, message: 'could not be read (missing, unreadable or outside the repository)' });
      }
      continue;
    }
    if (bytes.length > options.maxFileBytes) {
      if (reportSkipped(path)) {
        loaded.unanalysed.push(path);
        loaded.skipped.push({ file: path, reason: 'too-large' });
        loaded.diagnostics.push({
          file: path,
          message: `skipped: ${bytes.length} bytes is over the ${options.maxFileBytes}-byte limit (--max-file-size)`,
        });
      }
      continue;
    }
    const text = decodeSource(bytes);
    if (text === undefined) {
      if (reportSkipped(path)) loaded.skipped.push({ file: path, reason: 'binary' });
      continue;
    }
    loaded.sources.remember(path);
    if (select && !select(path, text)) {
      loaded.setAside.push(path);
      options.onFilesDone?.(1, text.length);
      continue;
    }
    const cached = options.cache?.lookup(`${adapter.id}\0${configKey}`, path, text);
    if (cached && 'model' in cached) {
      loaded.files.push(interner.model(cached.model));
      options.onFilesDone?.(1, text.length);
    } else pending.push({ index: pending.length, path, source: text, ...(cached ? { cacheFile: cached.entry } : {}) });
  }
  const results = await lowerAll(pending, options, interner, project);
  for (const result of results) {
    const task = pending[result.index];
    if (!task) continue;
    if ('model' in result) loaded.files.push(result.model);
    else {
      // A file the adapter cannot lower (over budget, or a bug) is reported; the run goes on.
      loaded.readInFull = false;
      // Files left when the run's time ran out are reported only when they must not disappear.
      if (result.error === OVER_RUN_BUDGET && !reportSkipped(task.path)) {
        loaded.unreadForTime.push(task.path);
        continue;
      }
      if (reportSkipped(task.path)) loaded.unanalysed.push(task.path);
      loaded.diagnostics.push({ file: task.path, message: `not analysed: ${result.error}` });
    }
  }
  return loaded;
}

/** The threads that lower a load's files, this one among them. */
function threadsOf(options: LoadOptions): number {
  return options.workers ?? defaultWorkers();
}

/** What worker threads must know of the project: its configuration files, the budgets. One object per run. */
function lowerProjectOf(options: LoadOptions, project: ProjectInfo | undefined): LowerProject {
  const known = lowerProjects.get(options);
  if (known) return known;
  const configs = allAdapters().flatMap((a) => (a.configFiles ? (project?.files ?? []).filter((f) => a.configFiles?.test(f)) : []));
  const lowerProject: LowerProject = {
    configs: configs.map((f) => [f, project?.readFile(f) ?? ''] as const),
    parseBudgetMs: options.fileTimeoutMs,
    ...(options.deadline !== undefined ? { deadline: performance.timeOrigin + options.deadline } : {}),
  };
  lowerProjects.set(options, lowerProject);
  return lowerProject;
}

const lowerProjects = new WeakMap<LoadOptions, LowerProject>();

/** Lowers the files the cache did not have: here and in worker threads when they are many, else here alone. */
async function lowerAll(tasks: readonly LowerTask[], options: LoadOptions, interner: ModelInterner, project: ProjectInfo | undefined): Promise<LowerResult[]> {
  const workers = threadsOf(options);
  // Started workers take a few files at no cost; starting them pays only for many.
  if (workers > 1 && tasks.length >= (options.pool?.warm === true ? WARM_POOL_THRESHOLD : POOL_THRESHOLD)) {
    const lowerProject = lowerProjectOf(options, project);
    const size = (results: readonly LowerResult[]): number => results.reduce((sum, r) => sum + (tasks[r.index]?.source.length ?? 0), 0);
    const onBatch = options.onFilesDone && ((results: readonly LowerResult[]) => options.onFilesDone?.(results.length, size(results)));
    // This thread is one of the `workers`: it lowers files too, between reading the others' replies.
    return lowerInPool(tasks, lowerProject, workers - 1, options.deadline, true, onBatch, interner, options.pool);
  }
  const budgeted: ProjectInfo | undefined = project && { ...project, parseBudgetMs: options.fileTimeoutMs };
  const results: LowerResult[] = [];
  for (const task of tasks) {
    const adapter = adapterFor(task.path);
    if (!adapter) continue;
    // The run's budget bounds lowering, where the time goes, not only reading.
    if (options.deadline !== undefined && performance.now() > options.deadline) {
      results.push({ index: task.index, error: OVER_RUN_BUDGET });
      continue;
    }
    const info = budgeted ?? { files: [], readFile: () => undefined, parseBudgetMs: options.fileTimeoutMs };
    const result = await lowerTask(adapter, task, info, options.fileTimeoutMs);
    if ('model' in result) {
      storeLowered(task, result.model);
      interner.model(result.model);
    }
    results.push(result);
    options.onFilesDone?.(1, task.source.length);
  }
  return results;
}
