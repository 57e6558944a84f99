// Temporary git repositories and folders for the change layer's end-to-end tests, isolated from the user's git config.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The machine's and user's git config (hooks, prefixes, signing) must not change what tests see,
// and a temporary folder must not be taken for part of a repository that happens to enclose it.
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CEILING_DIRECTORIES = realpathSync(tmpdir());

const created: string[] = [];

/** A fresh, empty folder (its real path) that `removeTemporaryFolders` deletes. */
export function temporaryFolder(): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'asyncguard-change-')));
  created.push(folder);
  return folder;
}

export function removeTemporaryFolders(): void {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Writes a file under `root`, creating its folders. */
export function writeFile(root: string, path: string, content: string | Buffer): void {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
}

export function symlink(root: string, path: string, target: string): void {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  symlinkSync(target, absolute);
}

export interface TempRepo {
  readonly root: string;
  write(path: string, content: string | Buffer): void;
  /** Runs git in the repository and returns its trimmed standard output. */
  git(...args: string[]): string;
  /** Stages everything and commits; returns the new commit's id. */
  commit(message: string): string;
}

/** `git init -q -b main` in a temporary folder, with a local identity. */
export function createTempRepo(root: string = temporaryFolder()): TempRepo {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'tests@asyncguard.invalid');
  git('config', 'user.name', 'asyncguard tests');
  git('config', 'commit.gpgsign', 'false');
  return {
    root,
    write: (path, content) => writeFile(root, path, content),
    git,
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
  };
}
