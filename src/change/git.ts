// Runs git for the change layer: one synchronous, shell-free process per call, and the user-facing errors it raises.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A git failure explained in one line that can be shown to the user as it is. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

export interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly status: number;
}

export interface GitOptions {
  readonly cwd: string;
  readonly input?: string | Buffer;
  /** Return a non-zero exit status instead of throwing. */
  readonly allowFailure?: boolean;
}

// Whole-repository listings and diffs of large changes are read in one piece.
const MAX_BUFFER = 1024 * 1024 * 1024;

// Variables that would point git at another repository, index or diff driver than the one the
// caller named by `cwd` (a git hook exports several of them), or change the diff's format.
const OVERRIDING_VARIABLES: readonly string[] = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_EXTERNAL_DIFF',
  'GIT_DIFF_OPTS',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of OVERRIDING_VARIABLES) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    // Reading must never take the index lock another git process may be holding.
    GIT_OPTIONAL_LOCKS: '0',
  };
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
}

/** The first meaningful line of git's complaint, without its `fatal:`/`error:` label. */
export function gitMessage(stderr: string): string {
  return firstLine(stderr).replace(/^(fatal|error|warning):\s*/, '');
}

/**
 * Runs `git args...` in `cwd` without a shell. Paths are printed unquoted (`core.quotepath=off`)
 * and git's messages are in English (`LC_ALL=C`) so they can be matched.
 * Throws GitError when git is missing, or when it fails and `allowFailure` is not set.
 */
export function runGit(args: readonly string[], options: GitOptions): GitResult {
  const result = spawnSync('git', ['--no-pager', '-c', 'core.quotepath=off', ...args], {
    cwd: options.cwd,
    env: gitEnvironment(),
    input: options.input,
    maxBuffer: MAX_BUFFER,
    shell: false,
    windowsHide: true,
  });
  if (result.error !== undefined) throw spawnFailure(result.error, options.cwd);
  const stderr = result.stderr.toString('utf8');
  const status = result.status ?? 128;
  if (status !== 0 && options.allowFailure !== true) {
    const command = args.find((arg) => !arg.startsWith('-')) ?? 'git';
    throw new GitError(`git ${command} failed: ${gitMessage(stderr) || `exit status ${status}`}`);
  }
  return { stdout: result.stdout, stderr, status };
}

function spawnFailure(error: Error, cwd: string): GitError {
  const code = (error as NodeJS.ErrnoException).code;
  // spawn reports a missing working folder with the same code as a missing program.
  if (code === 'ENOENT' && !existsSync(cwd)) return new GitError(`cannot run git in ${cwd}: the folder does not exist`);
  if (code === 'ENOENT') return new GitError(GIT_NOT_FOUND);
  if (code === 'ENOBUFS') return new GitError('git printed more output than asyncguard can read (over 1 GiB)');
  return new GitError(`git could not be started: ${error.message}`);
}

const GIT_NOT_FOUND = 'git is not installed or not on PATH';

/**
 * The top-level folder of the git work tree that holds `cwd`, or undefined outside any work tree
 * (or when git is not installed). A repository git refuses to open because another user owns it
 * is an error, not "no repository": treating it as a plain folder would silently ignore history.
 */
export function repoRoot(cwd: string): string | undefined {
  if (!existsSync(cwd)) return undefined;
  let result: GitResult;
  try {
    result = runGit(['rev-parse', '--show-toplevel'], { cwd, allowFailure: true });
  } catch (error) {
    // Outside a repository asyncguard works without git, so a missing git means "no repository".
    if (error instanceof GitError && error.message === GIT_NOT_FOUND) return undefined;
    throw error;
  }
  if (result.status === 0) {
    const top = result.stdout.toString('utf8').replace(/\n$/, '');
    return top === '' ? undefined : top;
  }
  if (/dubious ownership/.test(result.stderr)) {
    const folder = /safe\.directory (.+)$/m.exec(result.stderr)?.[1]?.trim() ?? cwd;
    throw new GitError(
      `git refuses to open the repository at ${folder} because another user owns it; ` +
        `trust it with: git config --global --add safe.directory ${folder}`,
    );
  }
  return undefined;
}

function revisionExists(root: string, spec: string): string | undefined {
  const result = runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', spec], {
    cwd: root,
    allowFailure: true,
  });
  if (result.status !== 0) return undefined;
  const id = result.stdout.toString('utf8').trim();
  return id === '' ? undefined : id;
}

/** Whether the repository is a shallow clone, where older commits may be missing. */
export function isShallowRepository(root: string): boolean {
  const result = runGit(['rev-parse', '--is-shallow-repository'], { cwd: root, allowFailure: true });
  return result.status === 0 && result.stdout.toString('utf8').trim() === 'true';
}

export const FETCH_MORE = "run 'git fetch --deepen=<n>' or 'git fetch --unshallow'";

/**
 * Whether `spec` names an object the repository holds. `rev-parse --verify` accepts any full-length
 * object id without looking for it, so a commit a shallow clone never fetched would pass it.
 */
function objectExists(root: string, spec: string): boolean {
  return runGit(['cat-file', '-e', '--end-of-options', spec], { cwd: root, allowFailure: true }).status === 0;
}

/** Why `rev` names no commit, phrased so the user knows what to do next. */
function missingRevisionReason(root: string, rev: string): string {
  if (objectExists(root, rev)) return 'it names an object that is not a commit';
  if (/^(HEAD|@)([~^].*)?$/.test(rev) && revisionExists(root, 'HEAD') === undefined) {
    return 'the repository has no commits yet';
  }
  if (isShallowRepository(root)) return `this is a shallow clone and the commit may not have been fetched; ${FETCH_MORE}`;
  return 'no commit, branch or tag of that name in this repository';
}

/**
 * Checks a revision the user typed and returns the full id of the commit it names.
 * Throws GitError for an empty revision, one starting with `-` (git would read it as an option),
 * and one naming no commit: `unknown revision 'X': <why>`, with fetch advice in a shallow clone.
 */
export function resolveRevision(root: string, rev: string): string {
  if (rev.trim() === '') throw new GitError('empty revision: name a commit, branch or tag');
  if (rev.startsWith('-')) {
    throw new GitError(`invalid revision '${rev}': a revision cannot start with '-' (git would read it as an option)`);
  }
  if (rev.includes('\0')) throw new GitError(`invalid revision '${rev.replaceAll('\0', '\\0')}': it contains a NUL byte`);
  const id = revisionExists(root, `${rev}^{commit}`);
  if (id !== undefined) return id;
  throw new GitError(`unknown revision '${rev}': ${missingRevisionReason(root, rev)}`);
}

/** The entries of a `-z` listing, decoded as UTF-8. */
export function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter((entry) => entry !== '');
}
