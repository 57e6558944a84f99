// Runs the built command as a user or a CI job would, and builds the odd repositories the
// reliability tests feed it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JsonReport } from '../../src/report/json.js';
import { cliPath } from '../helpers/paths.js';
import { git, tempDir } from '../helpers/workspace.js';
import { describeErrors, validateJsonReport, validateSarif } from '../report/validators.js';

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The lowered-file cache of every run goes here, never to the user's cache. */
const cache = tempDir('asyncguard-reliability-cache-');

/** `asyncguard ARGS...` in `cwd`, colourless, with standard input `input`. */
export function asyncguard(
  cwd: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[]; user?: number } = {},
): Result {
  // Run as another user (when the tests run as root, who reads any file): git must accept a
  // repository another user owns, and the cache folder is left alone.
  const asUser =
    options.user === undefined
      ? {}
      : { uid: options.user, gid: options.user, env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' } };
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args, ...(options.user === undefined ? [] : ['--no-cache'])], {
    cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...('uid' in asUser ? { uid: asUser.uid, gid: asUser.gid } : {}),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', XDG_CACHE_HOME: cache, ...options.env, ...('env' in asUser ? asUser.env : {}) },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What every user-facing failure looks like: one line on stderr, nothing on stdout, exit 2. */
export function assertUsageFailure(r: Result, message: RegExp): void {
  assert.equal(r.code, 2, `exit code 2, got ${r.code}; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, /^asyncguard: [^\n]+\n$/, `one line on stderr: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, message);
}

/** The JSON report on stdout, checked against docs/json-report.schema.json. */
export function jsonReport(r: Result): JsonReport {
  assert.equal(r.stderr, '', `nothing on stderr: ${r.stderr}`);
  const report: unknown = JSON.parse(r.stdout);
  assert.ok(validateJsonReport(report), describeErrors(validateJsonReport.errors));
  return report as JsonReport;
}

/** The SARIF log on stdout, checked against the SARIF 2.1.0 schema. */
export function sarifLog(r: Result): { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] } {
  const log: unknown = JSON.parse(r.stdout);
  assert.ok(validateSarif(log), describeErrors(validateSarif.errors));
  return log as ReturnType<typeof sarifLog>;
}

/** Writes files (text or bytes) under `root`, creating folders. */
export function put(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A new repository with an identity and no signing; `files` committed as 'base' when given. */
export function repository(files?: Readonly<Record<string, string | Buffer>>): string {
  const dir = tempDir('asyncguard-reliability-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'reliability@asyncguard.invalid');
  git(dir, 'config', 'user.name', 'reliability');
  git(dir, 'config', 'commit.gpgsign', 'false');
  if (files) commit(dir, files, 'base');
  return dir;
}

/** Writes `files` and commits everything. */
export function commit(dir: string, files: Readonly<Record<string, string | Buffer>>, message: string): void {
  put(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

/** One finding per file, as `file line:column`, for compact comparisons. */
export function where(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.file} ${f.line}:${f.column}`);
}

/** Whether file modes bind this process: false for root, who reads a mode-000 file anyway. */
export function permissionsEnforced(): boolean {
  const file = join(tempDir(), 'locked');
  writeFileSync(file, 'x');
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
    return false;
  } catch {
    return true;
  }
}

/** A Python handler that blocks on line 5, columns 5 to 18. */
export const BLOCKING_PY = 'import time\n\n\nasync def handler():\n    time.sleep(1)\n';
export const QUIET_PY = 'async def handler():\n    return 1\n';
