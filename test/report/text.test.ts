// Tests for the terminal report: grouping, code frames, chains, colour only on request, the summary.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Report } from '../../src/ir/report.js';
import { renderText } from '../../src/report/text.js';
import { FAIL, HIGH, HOSTILE_REPORT, PASS, UNKNOWN, readSource, shuffledReport } from './reports.js';

// eslint-disable-next-line no-control-regex -- the point is to find escape codes
const ANSI = /\u001b\[/;

function lines(report: Report, readSourceFn: ((file: string) => string | undefined) | undefined = readSource): readonly string[] {
  return renderText(report, { color: false, readSource: readSourceFn }).split('\n');
}

function only(finding: Finding, source: string): readonly string[] {
  return lines({ ...FAIL, findings: [finding], notApplicable: [], diagnostics: [] }, (file) =>
    file === finding.file ? source : undefined,
  );
}

describe('text', () => {
  it('prints no ANSI escape codes without colour, even for hostile input', () => {
    for (const report of [FAIL, PASS, UNKNOWN, HOSTILE_REPORT]) {
      assert.doesNotMatch(renderText(report, { color: false, readSource }), ANSI);
    }
    const escape: Finding = { ...HIGH, message: 'evil \u001b[31mred\u001b[0m name' };
    assert.doesNotMatch(renderText({ ...FAIL, findings: [escape] }, { color: false }), ANSI);
  });

  it('colours when asked to', () => {
    assert.match(renderText(FAIL, { color: true, readSource }), ANSI);
  });

  it('groups findings under their file, in order', () => {
    const out = lines(FAIL);
    const headings = out.filter((line) => /^app\//.test(line));
    assert.deepEqual(headings, ['app/client.py', 'app/profile.py', 'app/util.py']);
    const profile = out.indexOf('app/profile.py');
    assert.match(out[profile + 1] ?? '', /^ {2}4:12 {2}high {4}network-io {2}requests\.get performs/);
  });

  it('shows the line before, the line, and a caret under column to endColumn', () => {
    const out = lines(FAIL);
    const at = out.findIndex((line) => line.includes('4 │     return requests.get('));
    assert.equal(out[at - 1], '        3 │ async def fetch_profile(user_id):');
    assert.equal(out[at + 1], `          │            ${'^'.repeat(HIGH.endColumn - HIGH.column)}`);
  });

  it('reads CRLF sources and pads the gutter to the widest line number', () => {
    const out = lines(FAIL);
    const at = out.indexOf('        12 │     time.sleep(0.5)');
    assert.ok(at > 0, out.join('\n'));
    assert.equal(out[at - 1], '        11 │     # wait for the cache');
    assert.equal(out[at + 1], '           │     ^^^^^^^^^^^^^^^');
  });

  it('keeps tabs before the column so the caret lines up', () => {
    const finding: Finding = { ...HIGH, line: 1, column: 3, endLine: 1, endColumn: 6 };
    assert.deepEqual(only(finding, '\t\tfoo()').slice(2, 4), ['        1 │ \t\tfoo()', '          │ \t\t^^^']);
  });

  it('underlines to the end of the line when the span runs on, and at least one character', () => {
    const multi: Finding = { ...HIGH, line: 1, column: 5, endLine: 3, endColumn: 2 };
    assert.equal(only(multi, 'x = call(\n  1,\n)')[3], '          │     ^^^^^');
    const empty: Finding = { ...HIGH, line: 1, column: 3, endLine: 1, endColumn: 3 };
    assert.equal(only(empty, 'abcdef')[3], '          │   ^');
  });

  it('crops a very long line around the finding', () => {
    const source = `${'x'.repeat(500)}requests.get(url)${'y'.repeat(500)}`;
    const finding: Finding = { ...HIGH, line: 1, column: 501, endLine: 1, endColumn: 518 };
    const [, , code, caret] = only(finding, source);
    assert.ok(code !== undefined && caret !== undefined);
    assert.ok(code.length < 200, code);
    assert.equal(code.indexOf('requests.get'), caret.indexOf('^'));
    assert.equal(caret.trimEnd().length - caret.indexOf('^'), 17);
  });

  it('leaves the frame out when the source is unknown or does not match', () => {
    assert.ok(!lines(FAIL, () => undefined).some((line) => line.includes('│')));
    const beyond: Finding = { ...HIGH, line: 1, column: 40 };
    assert.ok(!only(beyond, 'short').some((line) => line.includes('│')));
  });

  it('shows the chain of a medium finding with file:line of every hop', () => {
    assert.ok(lines(FAIL).includes('        handler app/api.py:20 → load app/util.py:10 → time.sleep app/util.py:12'));
  });

  it('gives the fix and marks pre-existing findings, dimmed when coloured', () => {
    const out = lines(FAIL);
    assert.ok(out.includes('        fix: await asyncio.sleep(seconds)'));
    assert.ok(out.some((line) => line.endsWith('inside async function load_avatar (pre-existing)')));
    assert.ok(renderText(FAIL, { color: true }).includes('\u001b[2m(pre-existing)\u001b[22m'));
  });

  it('lists not-applicable files and diagnostics before the summary', () => {
    const out = lines(FAIL);
    const notApplicable = out.indexOf('not applicable');
    assert.deepEqual(out.slice(notApplicable + 1, notApplicable + 3), ['  scripts/seed.py    script', '  tests/test_api.py  test']);
    const diagnostics = out.indexOf('diagnostics');
    assert.deepEqual(out.slice(diagnostics + 1, diagnostics + 3), [
      '  app/gen.py       file too large to analyse',
      '  app/legacy.py:3  syntax error: the file was analysed only up to line 3',
    ]);
  });

  it('ends with the summary line', () => {
    const out = renderText(FAIL, { color: false });
    assert.ok(out.endsWith('\n✖ fail (high) — 3 blocking calls introduced on async paths · 1 pre-existing · 3 files analysed\n'));
    assert.equal(renderText(PASS, { color: false }), '✔ pass (high) — the changed async paths await non-blocking APIs · 1 file analysed\n');
    assert.ok(renderText(UNKNOWN, { color: false }).endsWith('\n? unknown (medium) — no changed line lies on an async path · 1 file analysed\n'));
  });

  it('does not repeat the pre-existing count when the summary already gives it', () => {
    const out = renderText({ ...FAIL, summary: '3 introduced, 1 pre-existing' }, { color: false });
    assert.equal(out.match(/pre-existing/g)?.length, 2, 'one marker on the finding, one in the summary');
  });

  it('keeps messages on one line', () => {
    assert.ok(lines(HOSTILE_REPORT).some((line) => line.endsWith('100% <script> second line')));
  });

  it('is identical for a shuffled copy', () => {
    const expected = renderText(FAIL, { color: true, readSource });
    for (let seed = 1; seed <= 10; seed += 1) {
      assert.equal(renderText(shuffledReport(FAIL, seed), { color: true, readSource }), expected);
    }
  });
});
