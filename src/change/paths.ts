// Expands the PATH arguments of `asyncguard check` into repository-relative files, leaving out ignored, vendored and build-output folders.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareCodeUnits } from './change-set.js';
import { repoRoot, runGit } from './git.js';
import { walkFolder, workingTree } from './tree.js';

export interface CheckTargets {
  /** Absolute folder the files are relative to: the git top-level, or the first folder named. */
  root: string;
  /** Repository-relative, `/`-separated, sorted, without duplicates. */
  files: string[];
  /** The arguments, as given, that name nothing on disk or lie outside `root`. */
  missing: string[];
  /** Folders under the named ones that may not be read (permissions): their files are unknown. */
  unreadable: string[];
}

/** Folder names that hold third-party code or caches, never the project's own async paths. */
const VENDORED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  'site-packages',
  '.venv',
  'venv',
  '__pycache__',
  '.git',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.next',
  '.nuxt',
]);

/**
 * Whether a repository-relative file path lies in a vendored or cache folder (`node_modules`,
 * `vendor`, `site-packages`, a virtualenv's `env/lib`, ...). Only folder segments count, so a file
 * named `vendor` is not vendored; pass a folder with a trailing `/` to test the folder itself.
 */
export function isVendoredPath(path: string): boolean {
  const folders = path.split(/[\\/]/).slice(0, -1);
  return folders.some(
    (segment, index) => VENDORED_FOLDERS.has(segment) || (segment === 'env' && folders[index + 1] === 'lib'),
  );
}

/**
 * Rust's `target` folder holds build output; it is recognised by what cargo leaves in it, since
 * `target` is also an ordinary folder name.
 */
function isBuildOutputFolder(absolute: string): boolean {
  return ['CACHEDIR.TAG', 'debug', 'release'].some((name) => existsSync(join(absolute, name)));
}

/** One PATH argument as found on disk. */
type Located =
  | { readonly given: string; readonly kind: 'missing' }
  | { readonly given: string; readonly kind: 'file' | 'folder'; readonly real: string };

function locate(given: string, cwd: string): Located {
  const absolute = resolve(cwd, given);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(absolute, { throwIfNoEntry: false });
  } catch {
    // A symlink loop (ELOOP) or a folder on the way that may not be entered (EACCES): the caller
    // reports it with the path, as it reports a path that does not exist.
    return { given, kind: 'missing' };
  }
  if (stat === undefined || !(stat.isFile() || stat.isDirectory())) return { given, kind: 'missing' };
  // Real paths, because git reports its top-level with symbolic links resolved (/tmp on macOS).
  // A named file keeps its own name even when it is a symlink: the user asked for that path.
  if (stat.isDirectory()) return { given, kind: 'folder', real: realpathSync(absolute) };
  return { given, kind: 'file', real: join(realpathSync(dirname(absolute)), basename(absolute)) };
}

/** `absolute` relative to `root` with `/` separators; undefined when it lies outside. */
function relativeInside(root: string, absolute: string): string | undefined {
  const path = relative(root, absolute);
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

/** `path` below `folder` ('' for the root), or undefined when it is not below it. */
function below(folder: string, path: string): string | undefined {
  if (folder === '') return path;
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}

/**
 * The files `asyncguard check PATH...` reviews; no PATH means the current folder. The root is the
 * git top-level of the first existing path, or outside git that folder (a file's parent). Folders
 * are expanded honouring `.gitignore` and skipping vendored and build-output folders beneath them;
 * a file named explicitly is always included. Paths that do not exist, or lie outside the root,
 * are returned in `missing`. Throws GitError only when git refuses to open the repository.
 */
export function collectCheckTargets(paths: readonly string[], cwd: string): CheckTargets {
  const located = (paths.length === 0 ? ['.'] : paths).map((given) => locate(given, cwd));
  const first = located.find((target) => target.kind !== 'missing');
  if (first === undefined) {
    // Nothing named exists: there is no root to speak of but the current folder.
    return { root: resolve(cwd), files: [], missing: located.map((target) => target.given), unreadable: [] };
  }
  const firstFolder = first.kind === 'folder' ? first.real : dirname(first.real);
  const enclosing = repoRoot(firstFolder);
  // A folder git ignores (a virtualenv, an installed library) is reviewed as a tree of its own.
  const gitRoot = enclosing !== undefined && !isIgnoredByGit(enclosing, firstFolder) ? enclosing : undefined;
  const root = gitRoot ?? firstFolder;
  const missing: string[] = [];
  const namedFiles: string[] = [];
  const namedFolders: string[] = [];
  for (const target of located) {
    const path = target.kind === 'missing' ? undefined : relativeInside(root, target.real);
    if (target.kind === 'missing' || path === undefined) missing.push(target.given);
    else if (target.kind === 'file') namedFiles.push(path);
    else namedFolders.push(path);
  }
  const selector = new FolderSelector(root, namedFolders);
  const unreadable: string[] = [];
  const listed = namedFolders.length === 0 ? [] : listCandidates(root, gitRoot !== undefined, selector, unreadable);
  const files = [...new Set([...namedFiles, ...listed.filter((path) => selector.includesFile(path))])];
  return { root, files: files.sort(compareCodeUnits), missing, unreadable };
}

function isIgnoredByGit(gitRoot: string, folder: string): boolean {
  const rel = relative(gitRoot, folder);
  if (rel === '') return false;
  const r = runGit(['check-ignore', '-q', '--no-index', '--', rel.split(sep).join('/')], { cwd: gitRoot, allowFailure: true });
  return r.status === 0;
}

function listCandidates(root: string, inGit: boolean, selector: FolderSelector, unreadable: string[]): readonly string[] {
  if (inGit) return workingTree(root).listFiles();
  return walkFolder(root, (folder) => !selector.mayHoldFiles(folder), unreadable);
}

/** Decides which files and folders of the root belong to the named folders. */
class FolderSelector {
  private readonly buildOutput = new Map<string, boolean>();

  constructor(
    private readonly root: string,
    private readonly folders: readonly string[],
  ) {}

  /** A file under a named folder, and not in a vendored or build-output folder beneath it. */
  includesFile(path: string): boolean {
    return this.folders.some((folder) => {
      const inner = below(folder, path);
      return inner !== undefined && !isVendoredPath(inner) && !this.inBuildOutput(folder, inner);
    });
  }

  /** Whether walking into `folder` can find included files: it leads to or lies in a named folder. */
  mayHoldFiles(folder: string): boolean {
    return this.folders.some((named) => {
      if (named !== '' && named.startsWith(`${folder}/`)) return true;
      const inner = below(named, folder) ?? (named === folder ? '' : undefined);
      return inner !== undefined && !isVendoredPath(`${inner}/`) && !this.inBuildOutput(named, `${inner}/`);
    });
  }

  /** Whether a `target` folder between `folder` and the file `inner` below it is cargo output. */
  private inBuildOutput(folder: string, inner: string): boolean {
    const segments = inner.split('/').slice(0, -1);
    return segments.some((segment, index) => {
      if (segment !== 'target') return false;
      const path = [folder, ...segments.slice(0, index + 1)].filter((part) => part !== '').join('/');
      let known = this.buildOutput.get(path);
      if (known === undefined) {
        known = isBuildOutputFolder(join(this.root, path));
        this.buildOutput.set(path, known);
      }
      return known;
    });
  }
}
