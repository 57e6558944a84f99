// `check` lowers only the files that can hold an async context and what their paths reach, and
// finds exactly what lowering every file finds: checked on the fixtures of every language, and on
// repositories whose contexts reach into files that spell no async code.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFiles } from '../../src/index.js';
import type { Report } from '../../src/ir/report.js';
import { adapterFor } from '../../src/languages/registry.js';
import { fixturesDir } from '../helpers/paths.js';
import { filesUnder, git, gitRepo, tempDir, writeFiles } from '../helpers/workspace.js';

/**
 * `files` checked in a folder outside any git repository, or in a git repository (whose files are
 * the ones git lists, untracked ones included), parsing what can matter and parsing all.
 */
async function bothScopes(files: Readonly<Record<string, string>>, inGit = false): Promise<{ scoped: Report; whole: Report }> {
  const cwd = inGit ? gitRepo({}) : tempDir('asyncguard-check-scope-');
  writeFiles(cwd, files);
  const scoped = (await analyzeFiles({ cwd, paths: ['.'], scope: 'async', cache: false, workers: 1 })).report;
  const whole = (await analyzeFiles({ cwd, paths: ['.'], scope: 'repository', cache: false, workers: 1 })).report;
  return { scoped, whole };
}

/** A test or script file by its path: listed by that role without being parsed (see engine/scope.ts). */
const byPathRole = (file: string): boolean => {
  const role = adapterFor(file)?.pathRole(file)?.role;
  return role === 'test' || role === 'script';
};

/**
 * What must not depend on the files parsed: the verdict, the summary, every finding, and the files
 * not applicable other than tests and scripts. Diagnostics are compared for the files both parsed.
 */
function assertSameVerdict(scoped: Report, whole: Report, where: string): void {
  assert.equal(scoped.verdict, whole.verdict, `${where}: verdict`);
  assert.equal(scoped.summary, whole.summary, `${where}: summary`);
  assert.deepEqual(scoped.findings, whole.findings, `${where}: findings`);
  const others = (r: Report): unknown[] => r.notApplicable.filter((n) => !byPathRole(n.file));
  assert.deepEqual(others(scoped), others(whole), `${where}: files not applicable`);
  const parsed = new Set(scoped.diagnostics.map((d) => d.file));
  assert.deepEqual(scoped.diagnostics, whole.diagnostics.filter((d) => parsed.has(d.file)), `${where}: diagnostics`);
  if (scoped.diagnostics.length === whole.diagnostics.length) assert.equal(scoped.confidence, whole.confidence, `${where}: confidence`);
}

describe('check scope', () => {
  for (const language of ['python', 'javascript', 'rust']) {
    it(`${language} fixtures: the same findings and verdict as lowering every file`, async () => {
      // A copy: inside this repository, the fixtures' paths would make them test files.
      const { scoped, whole } = await bothScopes(filesUnder(join(fixturesDir, language)));
      assertSameVerdict(scoped, whole, language);
      // Not vacuous: the fixtures block, and the whole read parses every file.
      assert.ok(scoped.findings.length > 0, 'the fixtures hold findings');
      assert.equal(whole.stats.filesParsed, whole.stats.filesAnalyzed);
      assert.equal(scoped.stats.filesAnalyzed, whole.stats.filesAnalyzed, 'both read every file');
    });
  }

  it('parses the files with async code and the sync helpers they reach, not the rest', async () => {
    const files: Record<string, string> = {
      'app/__init__.py': '',
      'app/util/__init__.py': 'from app.util.geo import country_for_ip\n',
      'app/util/geo.py': 'import requests\n\n\ndef country_for_ip(ip):\n    return requests.get("https://geo/" + ip).json()\n',
      'app/api.py': 'from app.util import country_for_ip as cfi\n\n\nasync def signup(ip):\n    return {"country": cfi(ip)}\n',
    };
    for (let i = 0; i < 40; i++) files[`app/m${i}.py`] = `import time\n\n\ndef work_${i}(x):\n    time.sleep(1)\n    return x\n`;
    const { scoped, whole } = await bothScopes(files);
    assertSameVerdict(scoped, whole, 'python repository');
    assert.equal(scoped.verdict, 'fail');
    assert.deepEqual(
      scoped.findings.map((f) => [f.file, f.call, f.confidence, f.via.map((v) => v.name)]),
      [['app/util/geo.py', 'requests.get', 'medium', ['country_for_ip']]],
    );
    assert.equal(scoped.stats.filesAnalyzed, 44);
    assert.ok(scoped.stats.filesParsed <= 4, `parsed ${scoped.stats.filesParsed} files`);
  });

  it('follows a handler registered in one file and defined in another that spells no async code', async () => {
    const { scoped, whole } = await bothScopes({
      'src/handlers.js': "const fs = require('fs');\n\nfunction list(req, res) {\n  res.send(fs.readFileSync('/etc/hosts', 'utf8'));\n}\n\nmodule.exports = { list };\n",
      'src/routes.js': "const express = require('express');\nconst handlers = require('./handlers');\n\nconst app = express();\napp.get('/hosts', handlers.list);\nmodule.exports = app;\n",
      'src/unrelated.js': "const fs = require('fs');\n\nfunction load() {\n  return fs.readFileSync('/etc/motd', 'utf8');\n}\n\nmodule.exports = { load };\n",
    });
    assertSameVerdict(scoped, whole, 'javascript repository');
    assert.deepEqual(
      scoped.findings.map((f) => [f.file, f.call, f.context.kind]),
      [['src/handlers.js', 'fs.readFileSync', 'event-callback']],
    );
    assert.equal(scoped.stats.filesParsed, 2, 'unrelated.js is read, not parsed');
  });

  it('application code that a test runs is still application code', async () => {
    const { scoped, whole } = await bothScopes({
      'app/__init__.py': '',
      'app/jobs.py': 'import time\n\n\nasync def nightly():\n    time.sleep(5)\n',
      'tests/test_jobs.py': 'import asyncio\n\nfrom app.jobs import nightly\n\n\ndef test_nightly():\n    asyncio.run(nightly())\n',
    });
    assertSameVerdict(scoped, whole, 'a test runner');
    assert.deepEqual(scoped.findings.map((f) => [f.file, f.call, f.confidence]), [['app/jobs.py', 'time.sleep', 'high']]);
    // The test file holds no async code of its own: nothing of it is out of the rule's reach.
    assert.deepEqual(scoped.notApplicable, []);
  });

  it('in a git repository: the same findings, callers in untracked files included', async () => {
    for (const language of ['python', 'javascript', 'rust']) {
      const { scoped, whole } = await bothScopes(filesUnder(join(fixturesDir, language)), true);
      assertSameVerdict(scoped, whole, `${language} in git`);
      assert.ok(scoped.findings.length > 0);
    }
    // The caller that runs the coroutine from a command-line entry point, which takes it out of the
    // rule's reach, spells no async code and is a file git does not track yet: found all the same.
    const tracked = { 'app/__init__.py': '', 'app/jobs.py': 'import time\n\n\nasync def nightly():\n    time.sleep(5)\n' };
    const repo = gitRepo(tracked);
    const caller = { 'app/cron.py': 'import asyncio\n\nfrom app.jobs import nightly\n\nif __name__ == "__main__":\n    asyncio.run(nightly())\n' };
    writeFiles(repo, caller);
    assert.equal(git(repo, 'status', '--porcelain').trim(), '?? app/cron.py');
    const inGit = (await analyzeFiles({ cwd: repo, paths: ['.'], cache: false, workers: 1 })).report;
    const { whole } = await bothScopes({ ...tracked, ...caller });
    assertSameVerdict(inGit, whole, 'an untracked caller');
    assert.deepEqual(inGit.findings, []);
  });
});
