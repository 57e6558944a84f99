// The built command: flags, formats, exit codes and error messages, on temporary repositories.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliPath, projectRoot } from '../helpers/paths.js';
import { git, gitRepo, tempDir, writeFiles } from '../helpers/workspace.js';

function run(cwd: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BASE = { 'app/api.py': 'async def profile(user):\n    return {"user": user}\n' };
const BLOCKING = {
  'app/api.py': 'import requests\n\n\nasync def profile(user):\n    return requests.get(f"https://x/{user}").json()\n',
};
const HELPER_ONLY = {
  'app/util.py': 'import time\n\n\ndef pause():\n    time.sleep(1)\n',
  'app/api.py': 'from app.util import pause\n\n\nasync def profile(user):\n    pause()\n    return {"user": user}\n',
};

describe('asyncguard diff', () => {
  it('fails with exit 1 and the SPEC §7 JSON report', () => {
    const repo = gitRepo(BASE, BLOCKING);
    const r = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.verdict, 'fail');
    assert.equal(report.confidence, 'high');
    assert.deepEqual(Object.keys(report), ['schemaVersion', 'rule', 'verdict', 'confidence', 'summary', 'findings', 'notApplicable', 'diagnostics']);
    assert.equal(report.findings[0].call, 'requests.get');
    assert.equal(report.findings[0].line, 5);
    assert.deepEqual(report.rule, { id: 'perf-004', title: 'Async hot paths do not block runtime threads' });
  });

  it('passes with exit 0 when nothing blocks', () => {
    const repo = gitRepo(BASE, { 'app/api.py': 'async def profile(user):\n    return {"user": user, "v": 2}\n' });
    const r = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).verdict, 'pass');
  });

  it('defaults to the working tree against HEAD, staged and unstaged', () => {
    const repo = gitRepo(BASE);
    writeFiles(repo, BLOCKING);
    const unstaged = run(repo, ['diff', '--format', 'json']);
    assert.equal(unstaged.code, 1, unstaged.stderr);
    git(repo, 'add', '-A');
    const staged = run(repo, ['diff', '--format', 'json']);
    assert.equal(JSON.parse(staged.stdout).verdict, 'fail');
  });

  it('--fail-on high lets a medium-only failure exit 0 but still reports it', () => {
    const repo = gitRepo(BASE, HELPER_ONLY);
    const strict = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(strict.code, 1);
    const lenient = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--fail-on', 'high']);
    assert.equal(lenient.code, 0);
    const report = JSON.parse(lenient.stdout);
    assert.equal(report.verdict, 'fail');
    assert.equal(report.confidence, 'medium');
  });

  it('reads a patch from a file and from standard input', () => {
    const repo = gitRepo(BASE, BLOCKING);
    const patch = git(repo, 'diff', 'HEAD~1', 'HEAD');
    const file = join(tempDir(), 'change.patch');
    writeFileSync(file, patch);
    const fromFile = run(repo, ['diff', '--patch', file, '--format', 'json']);
    assert.equal(fromFile.code, 1, fromFile.stderr);
    const fromStdin = run(repo, ['diff', '--patch', '-', '--format', 'json'], patch);
    assert.equal(fromStdin.code, 1, fromStdin.stderr);
    assert.deepEqual(JSON.parse(fromStdin.stdout).findings, JSON.parse(fromFile.stdout).findings);
  });

  it('rejects a bad revision with one line and exit 2', () => {
    const repo = gitRepo(BASE, BLOCKING);
    const r = run(repo, ['diff', 'no-such-rev', 'HEAD']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^asyncguard: .*no-such-rev.*\n$/);
  });

  it('refuses a revision that looks like an option', () => {
    const repo = gitRepo(BASE, BLOCKING);
    const r = run(repo, ['diff', '--', '--output=/tmp/asyncguard-pwned', 'HEAD']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /asyncguard: /);
  });

  it('rejects a malformed patch with exit 2', () => {
    const repo = gitRepo(BASE, BLOCKING);
    const r = run(repo, ['diff', '--patch', '-'], '--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,9 @@\n+only one line\n');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^asyncguard: /);
  });

  it('outside a git repository says so with exit 2', () => {
    const r = run(tempDir(), ['diff']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not inside a git repository/);
  });

  it('renders every format', () => {
    const repo = gitRepo(BASE, HELPER_ONLY);
    const text = run(repo, ['diff', 'HEAD~1', 'HEAD']);
    assert.match(text.stdout, /app\/util\.py/);
    assert.match(text.stdout, /time\.sleep/);
    assert.ok(!text.stdout.includes("\u001b["), "no ANSI escapes on a pipe");
    const sarif = JSON.parse(run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results[0].ruleId, 'perf-004');
    const md = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'markdown']).stdout;
    assert.match(md, /perf-004/);
    const gh = run(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'github']).stdout;
    assert.match(gh, /^::warning file=app\/util\.py,line=5/m);
  });
});

describe('asyncguard check', () => {
  it('finds the blocking calls of the bundled example service', () => {
    const r = run(projectRoot, ['check', 'examples/', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    const found = report.findings.map((f: { file: string; confidence: string }) => `${f.file} ${f.confidence}`).sort();
    assert.deepEqual(found, ['examples/app/routes/profile.py high', 'examples/app/services/geo.py medium']);
    assert.deepEqual(report.notApplicable, [{ file: 'examples/tests/test_profile.py', reason: 'test' }]);
  });

  it('names a missing path with exit 2', () => {
    const r = run(tempDir(), ['check', 'nope/']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: nope\//);
  });

  it('rejects an unknown option and a bad format with exit 2', () => {
    assert.equal(run(tempDir(), ['check', '--frobnicate']).code, 2);
    assert.equal(run(tempDir(), ['check', '--format', 'xml']).code, 2);
  });

  it('prints its version and help with exit 0', () => {
    assert.equal(run(tempDir(), ['--version']).code, 0);
    const help = run(tempDir(), ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /diff/);
  });
});

describe('the installed command', () => {
  it('is executable after the build, so npx asyncguard runs it', () => {
    assert.ok((statSync(cliPath).mode & 0o111) !== 0, `${cliPath} is not executable`);
    const r = spawnSync(cliPath, ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
