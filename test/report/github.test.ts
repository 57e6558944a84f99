// Tests for the GitHub workflow commands: one annotation per finding, levels, and escaping.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/ir/report.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { FAIL, HIGH, PASS, shuffledReport } from './reports.js';

describe('github', () => {
  it('writes one command per finding and per diagnostic, then one summary notice', () => {
    const lines = renderGithub(FAIL).trimEnd().split('\n');
    assert.equal(lines.length, FAIL.findings.length + FAIL.diagnostics.length + 1);
    assert.deepEqual(
      lines.map((line) => line.slice(0, line.indexOf(' '))),
      ['::notice', '::error', '::notice', '::warning', '::warning', '::warning', '::notice::asyncguard'],
    );
    assert.equal(lines.at(-1), '::notice::asyncguard perf-004: fail (high) — 3 blocking calls introduced on async paths');
  });

  it('annotates a high finding exactly', () => {
    const [line] = renderGithub({ ...FAIL, findings: [HIGH], diagnostics: [] }).split('\n');
    assert.equal(
      line,
      '::error file=app/profile.py,line=4,col=12,endLine=4,endColumn=68,title=perf-004 (high%2C network-io)::' +
        'requests.get performs a blocking HTTP request inside async function fetch_profile. ' +
        'Fix: await an async client such as httpx.AsyncClient or aiohttp, or move the call behind asyncio.to_thread',
    );
  });

  it('marks pre-existing findings as notices', () => {
    const out = renderGithub(FAIL);
    assert.ok(out.includes('::notice file=app/profile.py,line=9,col=10,endLine=9,endColumn=26,title=perf-004 (high%2C file-io%2C pre-existing)::'));
  });

  it('escapes data and properties as the actions toolkit does', () => {
    assert.equal(escapeData('a, b: 100%\r\nnext'), 'a, b: 100%25%0D%0Anext');
    assert.equal(escapeProperty('a, b: 100%\nnext'), 'a%2C b%3A 100%25%0Anext');
    const hostile: Finding = { ...HIGH, file: 'app/a,b:c%.py', message: 'x, y: 100%\nz', remediation: 'use q' };
    const [line] = renderGithub({ ...PASS, findings: [hostile] }).split('\n');
    assert.equal(
      line,
      '::error file=app/a%2Cb%3Ac%25.py,line=4,col=12,endLine=4,endColumn=68,title=perf-004 (high%2C network-io)::x, y: 100%25%0Az. Fix: use q',
    );
  });

  it('does not double the full stop of a message that has one', () => {
    const [line] = renderGithub({ ...PASS, findings: [{ ...HIGH, message: 'done.' }] }).split('\n');
    assert.ok(line?.endsWith('::done. Fix: ' + HIGH.remediation));
  });

  it('is identical for a shuffled copy', () => {
    const expected = renderGithub(FAIL);
    for (let seed = 1; seed <= 10; seed += 1) assert.equal(renderGithub(shuffledReport(FAIL, seed)), expected);
  });
});
