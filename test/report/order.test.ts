// Tests for the canonical order every format lists findings, not-applicable files and diagnostics in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/ir/report.js';
import { ordered, sortDiagnostics, sortFindings, sortNotApplicable } from '../../src/report/order.js';
import { FAIL, HIGH, LOW, MEDIUM, PREEXISTING, UNKNOWN, shuffledReport } from './reports.js';

describe('order', () => {
  it('sorts findings by file, line, column, then call', () => {
    const sameSpot: Finding = { ...HIGH, call: 'requests.api.get' };
    const laterColumn: Finding = { ...HIGH, column: 40 };
    const sorted = sortFindings([PREEXISTING, laterColumn, HIGH, MEDIUM, sameSpot, LOW]);
    assert.deepEqual(
      sorted.map((f) => `${f.file}:${f.line}:${f.column}:${f.call}`),
      [
        'app/client.py:7:9:sdk.fetch_user',
        'app/profile.py:4:12:requests.api.get',
        'app/profile.py:4:12:requests.get',
        'app/profile.py:4:40:requests.get',
        'app/profile.py:9:10:open',
        'app/util.py:12:5:time.sleep',
      ],
    );
  });

  it('compares paths by code unit, not by locale', () => {
    const upper: Finding = { ...HIGH, file: 'B.py' };
    const lower: Finding = { ...HIGH, file: 'a.py' };
    assert.deepEqual(sortFindings([lower, upper]).map((f) => f.file), ['B.py', 'a.py']);
  });

  it('breaks ties between findings at the same spot the same way whatever the input order', () => {
    const a: Finding = { ...HIGH, confidence: 'medium', via: [{ name: 'x', file: 'app/x.py', line: 1 }] };
    const b: Finding = { ...HIGH };
    assert.deepEqual(sortFindings([a, b]), sortFindings([b, a]));
  });

  it('sorts not-applicable entries by file, then reason', () => {
    assert.deepEqual(sortNotApplicable(UNKNOWN.notApplicable), [
      { file: 'app/views.py', reason: 'threadpool' },
      { file: 'cli/main.py', reason: 'script' },
      { file: 'tests/test_a.py', reason: 'test' },
      { file: 'tests/test_b.py', reason: 'test' },
    ]);
  });

  it('puts a whole-file diagnostic before the ones about its lines', () => {
    const sorted = sortDiagnostics([
      { file: 'a.py', line: 2, message: 'm' },
      { file: 'a.py', message: 'whole file' },
    ]);
    assert.equal(sorted[0]?.message, 'whole file');
  });

  it('keeps the chain in its own order and leaves the input untouched', () => {
    const chained: Finding = {
      ...MEDIUM,
      via: [
        { name: 'z_outer', file: 'app/z.py', line: 9 },
        { name: 'a_inner', file: 'app/a.py', line: 1 },
      ],
    };
    const report = { ...FAIL, findings: [chained, HIGH] };
    const before = JSON.stringify(report);
    const result = ordered(report);
    assert.equal(JSON.stringify(report), before);
    assert.deepEqual(result.findings[1]?.via.map((link) => link.name), ['z_outer', 'a_inner']);
  });

  it('gives the same order for any permutation of the input', () => {
    const expected = ordered(FAIL);
    for (let seed = 1; seed <= 25; seed += 1) {
      assert.deepEqual(ordered(shuffledReport(FAIL, seed)), expected);
    }
  });
});
