// Time budgets: one pathological file cannot hang a run, and what was cut short is reported,
// leaving the verdict open rather than passing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lowerInPool } from '../../src/engine/pool.js';
import { analyzeDiff, analyzeFiles } from '../../src/index.js';
import { tempDir } from '../helpers/workspace.js';
import { asyncguard, BLOCKING_PY, jsonReport, put, QUIET_PY, repository } from './harness.js';

/** A JavaScript handler of long call chains: cheap to parse, slow to lower (each call walks its chain). */
const CHAINS = `const fs = require('fs');\n\nasync function handler() {\n${"  fs.readFileSync('x')" + '.b()'.repeat(1000) + ';\n'}${('  fs' + '.b()'.repeat(1000) + ';\n').repeat(7)}}\n`;

describe('budgets', () => {
  it('--file-timeout: a file whose parsing takes longer is reported, and the verdict is not a pass', () => {
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, { 'app/slow.py': `${BLOCKING_PY}${'\ndef f(a, b):\n    return [a + b for _ in range(3)]\n'.repeat(8000)}` });
    const r = asyncguard(repo, ['diff', '--format', 'json', '--file-timeout', '1']);
    assert.equal(r.code, 0, r.stderr);
    const report = jsonReport(r);
    assert.deepEqual([report.verdict, report.confidence, report.findings], ['unknown', 'low', []]);
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}: ${d.message}`),
      ['app/slow.py: not analysed: parsing took longer than the 1 ms budget for one file (--file-timeout)'],
    );
  });

  it('--file-timeout also bounds analysing the syntax tree of a pathological file', () => {
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, { 'app/chains.js': CHAINS });
    const started = performance.now();
    const r = asyncguard(repo, ['check', 'app', '--format', 'json', '--file-timeout', '300']);
    assert.equal(r.code, 0, r.stderr);
    const report = jsonReport(r);
    assert.deepEqual([report.verdict, report.confidence], ['unknown', 'low']);
    assert.deepEqual(report.diagnostics, [
      { file: 'app/chains.js', message: 'not analysed: analysing its syntax took longer than the 300 ms budget for one file (--file-timeout)' },
    ]);
    // Unbounded, lowering this file takes several seconds.
    assert.ok(performance.now() - started < 20_000);
  });

  it('--timeout: past the run budget no file is read, each unread changed file is reported', async () => {
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, { 'app/a.py': BLOCKING_PY, 'app/b.py': QUIET_PY, 'app/c.js': 'async function f() { return 1; }\n' });
    // A budget spent before the first file comes (1 ms is about what setting up the run takes).
    const { report } = await analyzeDiff({ cwd: repo, runTimeoutMs: 1e-6, cache: false });
    assert.deepEqual([report.verdict, report.confidence, report.findings], ['unknown', 'low', []]);
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}: ${d.message}`).sort(),
      // The unchanged app/api.py is not needed before the changed files are read, so it is not named.
      ['app/a.py', 'app/b.py', 'app/c.js'].map((f) => `${f}: not analysed: the run went over its time budget (--timeout)`),
    );
    assert.match(report.summary, /3 files could not be analysed/);
    // 0 is no limit at all.
    const unlimited = asyncguard(repo, ['diff', '--format', 'json', '--timeout', '0', '--file-timeout', '0']);
    assert.equal(unlimited.code, 1, unlimited.stderr);
  });

  it('--timeout also stops the worker pool: batches not started are reported', async () => {
    const dir = tempDir();
    // 80 files (enough for the pool), the first of each early batch slow to lower.
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`app/m${String(i).padStart(2, '0')}.js`] = i % 16 === 0 && i < 32 ? CHAINS : 'async function f() { return 1; }\n';
    put(dir, files);
    const { report } = await analyzeFiles({ cwd: dir, paths: ['.'], workers: 2, runTimeoutMs: 200, fileTimeoutMs: 400, cache: false });
    const over = report.diagnostics.filter((d) => d.message === 'not analysed: the run went over its time budget (--timeout)');
    assert.ok(over.length >= 16, `files left unlowered are reported (${over.length})`);
    assert.deepEqual([report.verdict, report.confidence], ['unknown', 'low']);
  });

  it('a worker whose reply is too deep to read back: lowered here instead, the run does not hang', { timeout: 120_000 }, async () => {
    // A 1,000-long chain lowers into values nested deeper than structured clone can read back.
    const source = `const fs = require('fs');\n\nasync function handler() {\n  fs${'.b()'.repeat(1000)};\n  return fs.readFileSync('x');\n}\n`;
    const [result] = await lowerInPool([{ index: 0, path: 'app/deep.js', source }], { configs: [], parseBudgetMs: 0 }, 1);
    assert.ok(result !== undefined && 'model' in result, JSON.stringify(result));
    assert.equal(result.model.path, 'app/deep.js');
  });
});

