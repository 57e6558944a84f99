// Computes the ChangeSet between two revisions, or between a revision and the working tree, by asking git.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLines, changeSetOf } from './change-set.js';
import type { ChangeSet, FileChange } from './change-set.js';
import { FETCH_MORE, GitError, isShallowRepository, repoRoot, resolveRevision, runGit, splitNul } from './git.js';
import { parseUnifiedDiff, PatchError } from './patch.js';

// Options that pin git's output to the format parseUnifiedDiff reads, whatever the user's config
// says (external diff drivers, textconv filters, colours, submodule logs, custom prefixes).
const DIFF_OPTIONS: readonly string[] = [
  'diff',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--submodule=short',
  '-M',
  '--unified=0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

// Git's own test for binary content: a NUL byte among the first 8000 bytes.
const BINARY_SNIFF_BYTES = 8000;

/**
 * The change from `base` to `head`:
 * - neither: the working tree (staged and unstaged) against HEAD, plus untracked files that are not
 *   ignored; in a repository without commits every tracked and untracked file is added;
 * - `base` only: the working tree (and untracked files) against `base`; `A...B` and `A..B` ranges
 *   are accepted here, `A...B` meaning "since B forked from A";
 * - both: `git diff base head` (`head` alone is compared with HEAD).
 * Throws GitError outside a git repository or for a revision that names no commit, and
 * PatchError if git's output cannot be read.
 */
export function changeBetween(root: string, base: string | undefined, head: string | undefined): ChangeSet {
  return changeInRepository(topLevel(root), base, head);
}

/** Paths in a diff are relative to the top-level, so every command runs there. */
function topLevel(folder: string): string {
  const top = repoRoot(folder);
  if (top === undefined) throw new GitError(`not a git repository: ${folder}`);
  return top;
}

function changeInRepository(root: string, base: string | undefined, head: string | undefined): ChangeSet {
  const range = head === undefined && base !== undefined ? splitRange(base) : undefined;
  if (range !== undefined) return committedChange(root, range.base, range.head, range.symmetric);
  if (head !== undefined) return committedChange(root, base ?? 'HEAD', head, false);
  if (base !== undefined) return workingChange(root, resolveRevision(root, base));
  return workingChange(root, headOrEmptyTree(root));
}

interface RevisionRange {
  readonly base: string;
  readonly head: string;
  readonly symmetric: boolean;
}

/** `A..B` or `A...B` as one argument; an empty side means HEAD, as in git. */
function splitRange(spec: string): RevisionRange | undefined {
  // Ref names cannot contain `..`, so the first one is the range operator.
  const match = /^(.*?)(\.\.\.?)(.*)$/.exec(spec);
  if (match === null) return undefined;
  return { base: match[1] || 'HEAD', head: match[3] || 'HEAD', symmetric: match[2] === '...' };
}

function committedChange(root: string, base: string, head: string, sinceFork: boolean): ChangeSet {
  const baseId = resolveRevision(root, base);
  const headId = resolveRevision(root, head);
  const from = sinceFork ? mergeBase(root, baseId, headId, `${base}...${head}`) : baseId;
  return gitDiff(root, [from, headId]);
}

function mergeBase(root: string, base: string, head: string, spec: string): string {
  const result = runGit(['merge-base', base, head], { cwd: root, allowFailure: true });
  const id = result.stdout.toString('utf8').trim();
  if (result.status !== 0 || id === '') {
    const why = isShallowRepository(root)
      ? `this shallow clone lacks the commit where they forked; ${FETCH_MORE}`
      : 'the two revisions share no history';
    throw new GitError(`unknown revision '${spec}': ${why}`);
  }
  return id;
}

/** HEAD's commit, or git's empty tree in a repository whose first commit is still to come. */
function headOrEmptyTree(root: string): string {
  const head = runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root, allowFailure: true });
  if (head.status === 0) return head.stdout.toString('utf8').trim();
  // Hashed rather than hard-coded: a SHA-256 repository has a different empty tree id.
  return runGit(['hash-object', '-t', 'tree', '--stdin'], { cwd: root, input: '' }).stdout.toString('utf8').trim();
}

function workingChange(root: string, base: string): ChangeSet {
  const tracked = gitDiff(root, [base]);
  return changeSetOf([...tracked.files, ...untrackedFiles(root)]);
}

function gitDiff(root: string, revisions: readonly string[]): ChangeSet {
  const output = runGit([...DIFF_OPTIONS, '--end-of-options', ...revisions, '--'], { cwd: root });
  try {
    return parseUnifiedDiff(output.stdout.toString('utf8'));
  } catch (error) {
    if (error instanceof PatchError) throw new PatchError(`could not read git diff output: ${error.message}`);
    throw error;
  }
}

/** Files git does not track and does not ignore, each added whole. */
function untrackedFiles(root: string): readonly FileChange[] {
  const listing = runGit(['ls-files', '-z', '--others', '--exclude-standard'], { cwd: root });
  return splitNul(listing.stdout)
    // A nested repository is listed as its folder, with a trailing slash.
    .filter((path) => !path.endsWith('/'))
    .map((path) => untrackedFile(root, path));
}

function untrackedFile(root: string, path: string): FileChange {
  const content = readRegularFile(join(root, path));
  // A symlink (git stores its target, not code) or an unreadable file is added without lines.
  if (content === undefined) return { path, status: 'added', binary: false, addedLines: [] };
  if (isBinary(content)) return { path, status: 'added', binary: true, addedLines: [] };
  return { path, status: 'added', binary: false, addedLines: allLines(content) };
}

function readRegularFile(absolute: string): Buffer | undefined {
  try {
    return lstatSync(absolute).isFile() ? readFileSync(absolute) : undefined;
  } catch {
    return undefined;
  }
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}
