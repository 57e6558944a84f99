// Source trees the analysis reads files from: the working tree on disk, or the files of one git revision.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { isAbsolute, join, posix, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { compareCodeUnits } from './change-set.js';
import { repoRoot, resolveRevision, runGit, splitNul } from './git.js';

/** A set of files addressed by repository-relative, `/`-separated paths. */
export interface SourceTree {
  /** The absolute folder the paths are relative to. */
  readonly root: string;
  /** How reports name this tree: `working tree`, or the revision as the user wrote it. */
  readonly label: string;
  /** Every source file, sorted; symbolic links are left out so no file is listed twice. */
  listFiles(): readonly string[];
  /** The file's bytes, or undefined when it is missing, not a file, or outside the root. */
  readFile(path: string): Buffer | undefined;
  /**
   * For each of `words`, the files that hold it as a whole word, found by `git grep`; undefined
   * when git cannot tell (a folder outside git), and the caller reads the files itself.
   */
  filesMentioning?(words: readonly string[], extensions: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/** Words per `git grep` call: many `-e` patterns in one run, well under any argument-length limit. */
const GREP_WORDS = 400;

/**
 * For each of `words`, the files holding it as a whole word: in the working tree (tracked and
 * untracked, not ignored), or in `commit`; only files whose names end with one of `extensions`
 * (`.py`). `where.untracked` says whether untracked files of the working tree count (by default
 * they do, for the working tree); `where.paths`, when given, limits the search to those paths.
 * Binary files never match. Undefined when git grep fails.
 */
function grepFiles(
  root: string,
  words: readonly string[],
  extensions: readonly string[],
  commit?: string,
  where: { readonly untracked?: boolean; readonly paths?: readonly string[] } = { untracked: commit === undefined },
): Map<string, Set<string>> | undefined {
  const found = new Map<string, Set<string>>(words.map((word) => [word, new Set<string>()]));
  const prefix = commit === undefined ? 0 : commit.length + 1;
  const pathspecs = where.paths?.map((path) => `:(literal)${path}`) ?? extensions.map((extension) => `:(glob)**/*${extension}`);
  const untracked = where.untracked === true ? ['--untracked'] : [];
  // `git grep` takes no `--end-of-options`; the commit is a resolved object id, never an option.
  if (commit !== undefined && !/^[0-9a-f]+$/.test(commit)) return undefined;
  const what = commit === undefined ? [] : [commit];
  for (let i = 0; i < words.length; i += GREP_WORDS) {
    const chunk = words.slice(i, i + GREP_WORDS);
    // One Perl-compatible alternation is several times faster than as many `-F -w` patterns; git
    // built without PCRE refuses `-P`, and gets the fixed strings instead.
    const grep = (patterns: readonly string[]) =>
      runGit(['grep', '-z', '-o', '-I', '--full-name', '--no-color', ...untracked, ...patterns, ...what, '--', ...pathspecs], { cwd: root, allowFailure: true });
    // Names hold `$` in JavaScript: a name starts and ends where no letter, digit, `_` or `$` is.
    let result = grep(['-P', '-e', `(?<![\\w$])(?:${chunk.map(escapePcre).join('|')})(?![\\w$])`]);
    if (result.status > 1) result = grep(['-w', '-F', ...chunk.flatMap((word) => ['-e', word])]);
    // Exit status 1: no file matches.
    if (result.status === 1) continue;
    if (result.status !== 0) return undefined;
    // `-o`: each match on a line of its own, `<path> NUL <word>`. A path may hold a line break,
    // never a NUL; a word holds neither: read in order.
    const text = result.stdout.toString('utf8');
    for (let at = 0; at < text.length; ) {
      const nul = text.indexOf('\0', at);
      const end = nul < 0 ? -1 : text.indexOf('\n', nul);
      if (end < 0) break;
      found.get(text.slice(nul + 1, end))?.add(text.slice(at + prefix, nul));
      at = end + 1;
    }
  }
  return found;
}

function escapePcre(word: string): string {
  return word.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}


const SYMLINK_MODE = '120000';
const MAX_SYMLINK_HOPS = 8;

/**
 * A repository-relative path with `.` and empty segments removed, or undefined when it is empty,
 * absolute, or climbs out of the root with `..`.
 */
export function safeRelativePath(path: string): string | undefined {
  if (path === '' || path.includes('\0') || isAbsolute(path) || /^([A-Za-z]:|[\\/])/.test(path)) return undefined;
  // Backslash counts as a separator here so `..\x` cannot escape on Windows either.
  if (path.split(/[\\/]/).includes('..')) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.length === 0 ? undefined : segments.join('/');
}


/**
 * The files on disk under `root`. Inside a git work tree these are the tracked and untracked,
 * not-ignored files git lists (less those deleted from disk); elsewhere the folder is walked,
 * honouring every `.gitignore` in it and never following symbolic links.
 */
export function workingTree(root: string): SourceTree {
  const absoluteRoot = resolve(root);
  let files: readonly string[] | undefined;
  let realRoot: string | undefined;
  let inGit: boolean | undefined;
  return {
    root: absoluteRoot,
    label: 'working tree',
    listFiles() {
      inGit ??= repoRoot(absoluteRoot) !== undefined;
      files ??= inGit ? gitWorkingFiles(absoluteRoot) : walkFolder(absoluteRoot);
      return files;
    },
    readFile(path) {
      realRoot ??= realPathOf(absoluteRoot) ?? absoluteRoot;
      return readInside(absoluteRoot, realRoot, path);
    },
    filesMentioning(words, extensions) {
      inGit ??= repoRoot(absoluteRoot) !== undefined;
      return inGit ? grepFiles(absoluteRoot, words, extensions) : undefined;
    },
  };
}

function gitWorkingFiles(root: string): readonly string[] {
  const listing = runGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  // An unmerged file is listed once per conflict stage.
  const unique = [...new Set(splitNul(listing.stdout))];
  return unique.filter((path) => isRegularFile(join(root, path))).sort(compareCodeUnits);
}

/** A plain file: not deleted from disk, not a symlink, not a submodule or nested repository. */
function isRegularFile(absolute: string): boolean {
  try {
    return lstatSync(absolute, { throwIfNoEntry: false })?.isFile() === true;
  } catch (error) {
    // A file git tracks in a folder we may not read is kept, so that reading it fails and is
    // reported; a parent turned into a file (ENOTDIR): nothing to analyse.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM';
  }
}

function realPathOf(absolute: string): string | undefined {
  try {
    return realpathSync(absolute);
  } catch {
    return undefined;
  }
}

/**
 * Reads a file under `root`, refusing paths that leave it, directly or through a symlink; with
 * `maxBytes`, a larger file is not read either.
 */
function readInside(root: string, realRoot: string, path: string, maxBytes = Infinity): Buffer | undefined {
  const relative = safeRelativePath(path);
  if (relative === undefined) return undefined;
  const real = realPathOf(join(root, relative));
  if (real === undefined || !(real === realRoot || real.startsWith(realRoot + sep))) return undefined;
  try {
    const stat = statSync(real);
    return stat.isFile() && stat.size <= maxBytes ? readFileSync(real) : undefined;
  } catch {
    return undefined;
  }
}

/** One folder's `.gitignore` rules; `dir` is the folder relative to the walk's root ('' for the root). */
interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * Lists the plain files under `root` as git would: `.gitignore` files apply to their folder and
 * below, a deeper file overrides a shallower one, and an ignored folder is not entered.
 * Symbolic links are skipped: a linked folder could loop or lead outside the root.
 * `skipFolder` prunes folders (given relative to `root`) that are not worth entering.
 */
export function walkFolder(root: string, skipFolder: (dir: string) => boolean = () => false, unreadable: string[] = []): readonly string[] {
  const files: string[] = [];
  const visit = (dir: string, inherited: readonly IgnoreLayer[]): void => {
    const absolute = dir === '' ? root : join(root, dir);
    const entries = readFolder(absolute);
    if (entries === undefined) {
      // A folder we may not read is reported by the caller, never silently left out.
      unreadable.push(dir === '' ? '.' : dir);
      return;
    }
    // Only a folder that lists a `.gitignore` has one to read.
    const own = entries.some((entry) => entry.name === '.gitignore') ? loadIgnoreLayer(absolute, dir) : undefined;
    const layers = own === undefined ? inherited : [...inherited, own];
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || isIgnored(layers, path, true) || skipFolder(path)) continue;
        visit(path, layers);
      } else if (entry.isFile() && !isIgnored(layers, path, false)) {
        files.push(path);
      }
    }
  };
  visit('', []);
  return files.sort(compareCodeUnits);
}

/** The folder's entries; undefined when it may not be read; none when it vanished meanwhile. */
function readFolder(absolute: string): readonly Dirent[] | undefined {
  try {
    return readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? undefined : [];
  }
}

function loadIgnoreLayer(absoluteDir: string, dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(join(absoluteDir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}

/** The deepest `.gitignore` with an opinion on the path decides, as in git. */
function isIgnored(layers: readonly IgnoreLayer[], path: string, isFolder: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i] as IgnoreLayer;
    const local = layer.dir === '' ? path : path.slice(layer.dir.length + 1);
    const result = layer.rules.test(isFolder ? `${local}/` : local);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/** One blob of `git ls-tree` output; its size only from `git ls-tree -l`. */
interface TreeEntry {
  readonly mode: string;
  readonly id: string;
  readonly size?: number;
}

/**
 * The files of commit `rev` in the repository at `root`. Contents come from `git cat-file --batch`,
 * fetched in batches (the requested file plus files like it that follow in path order) and cached.
 * Throws GitError when `rev` names no commit.
 */
export function revisionTree(root: string, rev: string): SourceTree {
  const absoluteRoot = resolve(root);
  const commit = resolveRevision(absoluteRoot, rev);
  const entries = listRevision(absoluteRoot, commit);
  const files = [...entries].filter(([, entry]) => entry.mode !== SYMLINK_MODE).map(([path]) => path);
  const blobs = new BlobCache(absoluteRoot, commit, files);
  const copy = new WorkingCopy(absoluteRoot);
  // Asked of git once, when first searched; `paths` undefined when git cannot tell.
  let differing: { readonly paths: readonly string[] | undefined } | undefined;
  return {
    root: absoluteRoot,
    label: rev,
    listFiles: () => files,
    readFile: (path) => {
      const entry = resolveEntry(entries, blobs, path);
      return entry === undefined ? undefined : (copy.read(entry.path, entry.entry) ?? blobs.read(entry.path, entry.entry));
    },
    filesMentioning: (words, extensions) => {
      differing ??= { paths: differingFromWorkingTree(absoluteRoot, commit) };
      return grepRevision(absoluteRoot, commit, entries, differing.paths, words, extensions);
    },
  };
}

/**
 * A revision's files as the working tree holds them. A file on disk that is, byte for byte, the
 * revision's blob (the same git object id) is read from disk: a read and a hash instead
 * of a call to git. In CI the revision reviewed is usually the one checked out.
 */
class WorkingCopy {
  private realRoot: string | undefined;

  constructor(private readonly root: string) {}

  read(path: string, entry: TreeEntry): Buffer | undefined {
    this.realRoot ??= realPathOf(this.root) ?? this.root;
    // A file far larger on disk than any source is not the revision's: git is asked instead.
    const bytes = readInside(this.root, this.realRoot, path, MAX_WORKING_COPY_BYTES);
    return bytes !== undefined && blobId(bytes, entry.id.length) === entry.id ? bytes : undefined;
  }
}

/** The largest file on disk that `WorkingCopy` reads to compare with a revision's blob. */
const MAX_WORKING_COPY_BYTES = 64 * 1024 * 1024;

/** The git object id of a blob of these bytes, in the repository's hash (SHA-1, or SHA-256 for 64-digit ids). */
function blobId(bytes: Buffer, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Past this many files that differ from the revision, its grep searches the revision itself. */
const MAX_DIFFERING = 256;

/**
 * The tracked paths whose working-tree content differs from `commit` (modified, added, deleted,
 * as git sees them); undefined when git cannot tell.
 */
function differingFromWorkingTree(root: string, commit: string): readonly string[] | undefined {
  if (!/^[0-9a-f]+$/.test(commit)) return undefined;
  const result = runGit(['diff', '--name-only', '-z', '--no-renames', '--no-relative', '--ignore-submodules=all', commit, '--'], { cwd: root, allowFailure: true });
  return result.status === 0 ? splitNul(result.stdout) : undefined;
}

/**
 * `grepFiles` of a revision. Searching the objects of a commit means inflating every blob, several
 * times slower than searching files on disk: when few tracked files differ from the revision in the
 * working tree, the others are searched there, and those few in the revision.
 */
function grepRevision(
  root: string,
  commit: string,
  entries: ReadonlyMap<string, TreeEntry>,
  differing: readonly string[] | undefined,
  words: readonly string[],
  extensions: readonly string[],
): Map<string, Set<string>> | undefined {
  if (differing === undefined || differing.length > MAX_DIFFERING) return grepFiles(root, words, extensions, commit);
  const found = grepFiles(root, words, extensions, undefined, { untracked: false });
  if (found === undefined) return undefined;
  const away = new Set(differing);
  for (const files of found.values()) for (const path of files) if (away.has(path) || !entries.has(path)) files.delete(path);
  const again = differing.filter((path) => entries.has(path) && extensions.some((extension) => path.endsWith(extension)));
  if (again.length === 0) return found;
  const old = grepFiles(root, words, extensions, commit, { paths: again });
  if (old === undefined) return undefined;
  for (const [word, files] of old) for (const path of files) found.get(word)?.add(path);
  return found;
}

/**
 * Every blob of the commit, by path, sorted; submodules (commits) and trees are left out. With
 * `sizes`, each blob's size too, which costs git a look into every blob (several times the time).
 */
function listRevision(root: string, commit: string, sizes = false): ReadonlyMap<string, TreeEntry> {
  const listing = runGit(['ls-tree', '-r', '-z', ...(sizes ? ['-l'] : []), '--full-tree', commit], { cwd: root });
  const entries: [string, TreeEntry][] = [];
  for (const record of splitNul(listing.stdout)) {
    const tab = record.indexOf('\t');
    // `<mode> SP <type> SP <id> [SP+ <size>] TAB <path>`
    const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
    if (tab < 0 || type !== 'blob' || mode === undefined || id === undefined) continue;
    entries.push([record.slice(tab + 1), { mode, id, ...(sizes ? { size: Number(size) } : {}) }]);
  }
  entries.sort(([a], [b]) => compareCodeUnits(a, b));
  return new Map(entries);
}

/** Follows symbolic links inside the revision; links that leave it or loop resolve to nothing. */
function resolveEntry(
  entries: ReadonlyMap<string, TreeEntry>,
  blobs: BlobCache,
  requested: string,
): { path: string; entry: TreeEntry } | undefined {
  let path = safeRelativePath(requested);
  for (let hop = 0; path !== undefined && hop <= MAX_SYMLINK_HOPS; hop++) {
    const entry = entries.get(path);
    if (entry === undefined) return undefined;
    if (entry.mode !== SYMLINK_MODE) return { path, entry };
    const target = blobs.read(path, entry)?.toString('utf8') ?? '';
    if (target.startsWith('/')) return undefined;
    path = safeRelativePath(posix.normalize(posix.join(posix.dirname(path), target)));
  }
  return undefined;
}

// Read-ahead limits: enough to read a typical change or package in one git call, small enough
// that asking for one file of a huge repository stays cheap.
const READ_AHEAD_FILES = 256;
const READ_AHEAD_BYTES = 8 * 1024 * 1024;
const READ_AHEAD_MAX_FILE = 1024 * 1024;
const READ_AHEAD_SCAN = 4096;

/**
 * Blob contents by object id, fetched with `git cat-file --batch` and kept. The blobs' sizes, which
 * bound the read-ahead, are listed at the first fetch: most reads come from the working copy.
 */
class BlobCache {
  private readonly contents = new Map<string, Buffer>();
  /** Ids git could not produce (a partial clone without the blob), so they are not asked again. */
  private readonly unavailable = new Set<string>();
  private readonly positions: ReadonlyMap<string, number>;
  private sized: ReadonlyMap<string, TreeEntry> | undefined;

  constructor(
    private readonly root: string,
    private readonly commit: string,
    private readonly files: readonly string[],
  ) {
    this.positions = new Map(files.map((path, index) => [path, index]));
  }

  read(path: string, entry: TreeEntry): Buffer | undefined {
    if (!this.contents.has(entry.id) && !this.unavailable.has(entry.id)) {
      this.fetch([entry.id, ...this.readAhead(path)]);
      if (!this.contents.has(entry.id)) this.unavailable.add(entry.id);
    }
    return this.contents.get(entry.id);
  }

  /** Small, not yet cached files with the same extension that follow `path`: likely read next. */
  private readAhead(path: string): readonly string[] {
    const start = this.positions.get(path);
    if (start === undefined) return [];
    const extension = posix.extname(path);
    const ids = new Set<string>();
    let bytes = 0;
    const end = Math.min(this.files.length, start + 1 + READ_AHEAD_SCAN);
    this.sized ??= listRevision(this.root, this.commit, true);
    for (let index = start + 1; index < end && ids.size < READ_AHEAD_FILES && bytes < READ_AHEAD_BYTES; index++) {
      const next = this.files[index] ?? '';
      const entry = this.sized.get(next);
      if (entry?.size === undefined || posix.extname(next) !== extension || this.contents.has(entry.id)) continue;
      if (!(entry.size <= READ_AHEAD_MAX_FILE)) continue;
      ids.add(entry.id);
      bytes += entry.size;
    }
    return [...ids];
  }

  private fetch(ids: readonly string[]): void {
    const output = runGit(['cat-file', '--batch'], { cwd: this.root, input: `${ids.join('\n')}\n` }).stdout;
    for (const [id, content] of parseBatch(output)) this.contents.set(id, content);
  }
}

/** Splits `cat-file --batch` output: `<id> SP <type> SP <size> LF <content> LF`, or `<id> SP missing LF`. */
function parseBatch(output: Buffer): ReadonlyMap<string, Buffer> {
  const contents = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) break;
    const [id, type, size] = output.toString('utf8', offset, newline).split(' ');
    offset = newline + 1;
    if (id === undefined || type === 'missing' || size === undefined) continue;
    const length = Number(size);
    contents.set(id, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return contents;
}
