// Runs the analysis on a change or on whole files: picks the files, loads them, analyses, reports.

import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ChangeSet } from '../change/change-set.js';
import { repoRoot } from '../change/git.js';
import { parseUnifiedDiff } from '../change/patch.js';
import { collectCheckTargets, isVendoredPath } from '../change/paths.js';
import { changeBetween } from '../change/revisions.js';
import { revisionTree, type SourceTree, workingTree } from '../change/tree.js';
import type { Diagnostic, NotApplicable, Report } from '../ir/report.js';
import { ModelInterner } from '../ir/intern.js';
import type * as Analyze from '../analysis/analyze.js';
import type * as ProgramModule from '../analysis/program.js';
import type { Catalog } from '../knowledge/catalog.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor, allAdapters } from '../languages/registry.js';
import { cacheFolder, ModelCache } from './cache.js';
import { decodeSource, DEFAULT_FILE_TIMEOUT_MS, DEFAULT_MAX_FILE_BYTES, DEFAULT_RUN_TIMEOUT_MS, type LoadOptions, loadFiles, unreadDiagnostic } from './load.js';
import { defaultWorkers, WorkerPool } from './pool.js';
import { ReportCache, type ReportSettings } from './report-cache.js';
import type * as Scope from './scope.js';

/** A user-facing failure: bad usage or input that could not be read (exit code 2). */
export class UsageError extends Error {}

export interface CommonOptions {
  /** The folder the command runs in. */
  readonly cwd: string;
  /** Files larger than this many bytes are skipped with a note. */
  readonly maxFileBytes?: number;
  /** How long parsing one file may take, in milliseconds (0: no limit). */
  readonly fileTimeoutMs?: number;
  /** How long reading and lowering all files may take, in milliseconds (0: no limit). */
  readonly runTimeoutMs?: number;
  /** Reuse lowered files from earlier runs (default true). */
  readonly cache?: boolean;
  /** Threads that parse and lower files, this one among them (default: one per core, at most 8; 1: this one alone). */
  readonly workers?: number;
  /** Told, as files are read, how far the run is (for a progress bar). */
  readonly onProgress?: (progress: Progress) => void;
}

export interface Progress {
  readonly filesDone: number;
  /** How many files the run will read, when that is known in advance (`check`). */
  readonly filesTotal?: number;
  /** Characters of source read so far. */
  readonly sourceDone: number;
}

export interface DiffOptions extends CommonOptions {
  readonly base?: string;
  readonly head?: string;
  /** A unified diff's text; the files it names are read from the working tree. */
  readonly patch?: string;
  /**
   * `change` (default): read the changed files, what they call and what calls them (see
   * engine/scope.ts). `repository`: read every file of the tree, as `check` does; the report is
   * the same, at the cost of the whole repository.
   */
  readonly scope?: 'change' | 'repository';
}

export interface CheckOptions extends CommonOptions {
  readonly paths: readonly string[];
  /**
   * `async` (default): lower the files that can hold an async context, and what their paths reach
   * (see engine/scope.ts). `repository`: lower every file; the findings and verdict are the same.
   */
  readonly scope?: 'async' | 'repository';
}

/** A report with what rendering it needs: the repository root and the analysed texts. */
export interface Analysis {
  readonly report: Report;
  readonly root: string;
  readonly readSource: (path: string) => string | undefined;
}

/**
 * What analysing takes beyond reading files: the catalog, the scoped reads, the program and the
 * analysis. Loaded when a run first needs it, so that a `check` the report cache answers, and
 * `--help`, do not load the catalog's thousand entries; and of the catalog, only the ecosystems of
 * the languages the run reads (a module root of another language's libraries, `express` in a
 * Python repository, is no reason to set aside a module of the repository).
 */
interface Analyser {
  readonly catalog: Catalog;
  /** Module roots the catalog's libraries own (`Catalog.ownsRoot`), for the program and the scope. */
  readonly reservedRoot: (root: string) => boolean;
  readonly analyze: typeof Analyze.analyze;
  readonly Program: typeof ProgramModule.Program;
  readonly loadForChange: typeof Scope.loadForChange;
  readonly loadForCheck: typeof Scope.loadForCheck;
}

/** Analysers by the ecosystems they know, for a process that runs more than once. */
const analysers = new Map<string, Promise<Analyser>>();

/** The analyser that knows the ecosystems of the languages of `paths`. */
function analyser(paths: Iterable<string>): Promise<Analyser> {
  const names = new Set<string>();
  for (const path of paths) {
    const adapter = adapterFor(path);
    if (adapter) names.add(adapter.ecosystem);
  }
  const key = [...names].sort().join(',');
  let found = analysers.get(key);
  if (!found) {
    found = (async () => {
      const [{ analyze }, { Program }, { Catalog }, { loadEcosystems }, { loadForChange, loadForCheck }] = await Promise.all([
        import('../analysis/analyze.js'),
        import('../analysis/program.js'),
        import('../knowledge/catalog.js'),
        import('../knowledge/load.js'),
        import('./scope.js'),
      ]);
      const catalog = new Catalog(await loadEcosystems(names));
      return { catalog, reservedRoot: (root: string) => catalog.ownsRoot(root), analyze, Program, loadForChange, loadForCheck };
    })();
    analysers.set(key, found);
  }
  return found;
}

function loadOptions(options: CommonOptions, root: string, filesTotal?: number): LoadOptions {
  const run = options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const report = options.onProgress;
  let filesDone = 0;
  let sourceDone = 0;
  const onFilesDone = (files: number, size: number): void => {
    filesDone += files;
    sourceDone += size;
    report?.({ filesDone, sourceDone, ...(filesTotal !== undefined ? { filesTotal } : {}) });
  };
  return {
    ...(report ? { onFilesDone } : {}),
    ...(options.cache === false ? {} : { cache: new ModelCache(cacheFolder(root)) }),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...((options.workers ?? defaultWorkers()) > 1 ? { pool: new WorkerPool() } : {}),
    interner: new ModelInterner(),
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    ...(run > 0 ? { deadline: performance.now() + run } : {}),
  };
}

/** Runs the loading of a run, then ends its worker threads, whatever happened. */
async function withPool<T>(options: LoadOptions, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } finally {
    await options.pool?.close();
  }
}

function reportSettings(options: CommonOptions): ReportSettings {
  return {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    runTimeoutMs: options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS,
  };
}

function decodeIfRead(bytes: Buffer | undefined): string | undefined {
  return bytes === undefined ? undefined : decodeSource(bytes);
}

/** The tree as adapters see it, to read project configuration such as tsconfig `paths`. */
function projectOf(files: readonly string[], read: (path: string) => Buffer | undefined): ProjectInfo {
  return { files, readFile: (p) => read(p)?.toString('utf8') };
}

/** Analyses a change: between two revisions, the working tree against a revision, or a patch. */
export async function runDiff(options: DiffOptions): Promise<Analysis> {
  const root = repoRoot(options.cwd);
  if (root === undefined) {
    throw new UsageError(`${options.cwd} is not inside a git repository: run asyncguard diff in one, or use asyncguard check`);
  }
  const change: ChangeSet =
    options.patch !== undefined ? parseUnifiedDiff(options.patch) : changeBetween(root, options.base, options.head);
  const tree: SourceTree =
    options.patch === undefined && options.head !== undefined ? revisionTree(root, options.head) : workingTree(root);
  const skipped: NotApplicable[] = [];
  const diagnostics: Diagnostic[] = [];
  const unreadable: string[] = [];
  const changed = new Map<string, Set<number>>();
  const treeFiles = new Set(tree.listFiles());
  const onDisk = options.patch !== undefined || options.head === undefined;
  for (const file of change.files) {
    // An added file without lines may be one git could not read (permissions): it must be read, or reported.
    const hasNewCode = file.addedLines.length > 0 || file.status === 'added';
    if (file.status === 'deleted') skipped.push({ file: file.path, reason: 'deleted' });
    else if (file.binary) skipped.push({ file: file.path, reason: 'binary' });
    else if (isVendoredPath(file.path)) skipped.push({ file: file.path, reason: 'vendored' });
    else if (!adapterFor(file.path)) skipped.push({ file: file.path, reason: 'unsupported-language' });
    else if (!treeFiles.has(file.path)) {
      const by = options.patch !== undefined ? 'patch' : 'change';
      const where = onDisk ? 'the working tree' : `revision ${tree.label}`;
      if (isLinkInside(tree, file.path, onDisk)) {
        diagnostics.push({ file: file.path, message: `changed by the ${by} but a symbolic link in ${where}: the file it points to is analysed under its own path` });
      } else if (hasNewCode) {
        // Never a silent pass: the change's new code may be in the file that could not be read.
        unreadable.push(file.path);
        diagnostics.push({
          file: file.path,
          message: `not analysed: changed by the ${by} but not a file asyncguard reads in ${where} (missing, ignored by git, a submodule, or a symbolic link that leaves the repository or loops)`,
        });
      } else {
        diagnostics.push({ file: file.path, message: `changed by the ${by} but not a regular file in ${where}` });
      }
    } else if (hasNewCode) changed.set(file.path, new Set(file.addedLines));
  }
  const sources = [...treeFiles].filter((p) => adapterFor(p) !== undefined && !isVendoredPath(p));
  const project = projectOf([...treeFiles], (p) => tree.readFile(p));
  const read = (p: string): Buffer | undefined => tree.readFile(p);
  const { catalog, reservedRoot, analyze, Program, loadForChange } = await analyser(sources);
  const load = loadOptions(options, root);
  const { loaded, partial } = await withPool(load, async () =>
    options.scope === 'repository'
      ? { loaded: await loadFiles(sources, read, load, (p) => changed.has(p), project), partial: undefined }
      : await loadForChange({
          sources,
          changed,
          read,
          mentioning: (words) => tree.filesMentioning?.(words, allAdapters().flatMap((a) => a.extensions)),
          options: load,
          project,
          catalog,
          reservedRoot,
        }),
  );
  for (const s of loaded.skipped) changed.delete(s.file);
  const program = new Program(loaded.files, reservedRoot, partial);
  const report = analyze({
    program,
    catalog,
    changed,
    skipped: [...skipped, ...loaded.skipped],
    diagnostics: [...diagnostics, ...loaded.diagnostics, ...optional(unreadDiagnostic(loaded.unreadForTime))],
    unanalysed: [...unreadable, ...loaded.unanalysed],
    readPartially: loaded.unreadForTime.length > 0,
    readSource: (p) => loaded.sources.get(p),
  });
  return { report, root, readSource: (p) => loaded.sources.get(p) };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/**
 * Whether a changed path the tree does not list is a symbolic link to a file inside the
 * repository (whose own path is analysed). A revision lists every blob but its links; on disk,
 * the path itself must be a link.
 */
function isLinkInside(tree: SourceTree, path: string, onDisk: boolean): boolean {
  if (tree.readFile(path) === undefined) return false;
  if (!onDisk) return true;
  try {
    return lstatSync(join(tree.root, path)).isSymbolicLink();
  } catch {
    return false;
  }
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ELOOP: 'a symbolic link that loops',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the name is too long',
  ENOTDIR: 'a part of the path is not a folder',
  ERR_INVALID_ARG_VALUE: 'the path contains a NUL byte',
};

/** One line naming each `check` argument that cannot be reviewed, and why. */
function describeMissing(missing: readonly string[], cwd: string, root: string): string {
  const absent: string[] = [];
  const problems: string[] = [];
  for (const given of missing) {
    try {
      const stat = statSync(resolve(cwd, given), { throwIfNoEntry: false });
      if (stat === undefined) absent.push(given);
      else if (!stat.isFile() && !stat.isDirectory()) problems.push(`${given} is neither a file nor a folder`);
      else problems.push(`${given} lies outside ${root}: check one repository at a time`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      problems.push(`cannot read ${given}: ${ERRNO_WORDS[code] ?? code}`);
    }
  }
  return [...(absent.length > 0 ? [`no such file or folder: ${absent.join(', ')}`] : []), ...problems].join('; ');
}

/** Analyses whole files or folders: every async path in them. */
export async function runCheck(options: CheckOptions): Promise<Analysis> {
  const targets = collectCheckTargets(options.paths.length > 0 ? options.paths : ['.'], options.cwd);
  if (targets.missing.length > 0) {
    throw new UsageError(describeMissing(targets.missing, options.cwd, targets.root));
  }
  const read = (p: string): Buffer | undefined => {
    try {
      return readFileSync(join(targets.root, p));
    } catch {
      return undefined;
    }
  };
  // An unchanged tree checked again gets its earlier report (see report-cache.ts).
  const given = (options.paths.length > 0 ? options.paths : ['.']).map((p) => relative(targets.root, resolve(options.cwd, p)) || '.');
  const reports =
    options.cache === false ? undefined : new ReportCache(cacheFolder(targets.root), targets.root, targets.files, read, reportSettings(options), given);
  const known = reports?.get();
  if (known) return { report: known, root: targets.root, readSource: (p) => decodeIfRead(read(p)) };
  const sources = targets.files.filter((p) => adapterFor(p) !== undefined);
  const project = projectOf(targets.files, read);
  const { catalog, reservedRoot, analyze, Program, loadForCheck } = await analyser(sources);
  const load = loadOptions(options, targets.root, sources.length);
  const { loaded, partial } = await withPool(load, async () =>
    options.scope === 'repository'
      ? { loaded: await loadFiles(targets.files, read, load, (p) => adapterFor(p) !== undefined, project), partial: undefined }
      : await loadForCheck({ targets: targets.files, sources, read, options: load, project, catalog, reservedRoot }),
  );
  const program = new Program(loaded.files, reservedRoot, partial);
  // Never a silent pass: what a folder that may not be read holds is unknown.
  const locked = targets.unreadable.map((folder) => ({ file: folder, message: 'not analysed: the folder may not be read (permission denied)' }));
  const report = analyze({
    program,
    catalog,
    skipped: loaded.skipped,
    diagnostics: [...locked, ...loaded.diagnostics, ...optional(unreadDiagnostic(loaded.unreadForTime))],
    unanalysed: [...targets.unreadable, ...loaded.unanalysed],
    // Files read and set aside hold no async context and no code an async path reaches: analysed too.
    setAside: loaded.setAside.length,
  });
  if (loaded.readInFull) reports?.put(report);
  return { report, root: targets.root, readSource: (p) => loaded.sources.get(p) };
}
