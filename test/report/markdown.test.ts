// Tests for the pull-request comment: verdict heading, tables, escaping, collapsed sections.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';
import { FAIL, HOSTILE_REPORT, PASS, UNKNOWN, shuffledReport } from './reports.js';

const OPTIONS = { toolVersion: '0.1.0' };

/** The `|` that separate cells, leaving out escaped ones. */
function cellSeparators(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length;
}

function tableRows(markdown: string): readonly string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| '));
}

describe('markdown', () => {
  it('heads the comment with the verdict emoji and the confidence', () => {
    assert.match(renderMarkdown(FAIL, OPTIONS), /^<!-- asyncguard:perf-004 -->\n### ❌ asyncguard perf-004: fail \(high confidence\)\n\n3 blocking calls/);
    assert.match(renderMarkdown(PASS, OPTIONS), /\n### ✅ asyncguard perf-004: pass \(high confidence\)\n/);
    assert.match(renderMarkdown(UNKNOWN, OPTIONS), /\n### ❔ asyncguard perf-004: unknown \(medium confidence\)\n/);
  });

  it('tables the introduced findings, and only them', () => {
    const md = renderMarkdown(FAIL, OPTIONS);
    const main = md.slice(0, md.indexOf('<details>'));
    assert.deepEqual(tableRows(main), [
      '| Location | Confidence | Category | Finding |',
      '| --- | --- | --- | --- |',
      '| app/client.py:7 | low | network-io | sdk.fetch\\_user may perform blocking I/O inside async method sync\\_users |',
      '| app/profile.py:4 | high | network-io | requests.get performs a blocking HTTP request inside async function fetch\\_profile |',
      '| app/util.py:12 | medium | sleep | time.sleep suspends the thread inside load, called from async function handler |',
    ]);
  });

  it('gives each introduced finding its chain and fix', () => {
    const md = renderMarkdown(FAIL, OPTIONS);
    assert.ok(md.includes('- **Path:** `handler` (app/api.py:20) → `load` (app/util.py:10) → `time.sleep` (app/util.py:12)'));
    assert.ok(md.includes('- **Fix:** await asyncio.sleep(seconds)'));
  });

  it('collapses pre-existing findings and not-applicable files', () => {
    const md = renderMarkdown(FAIL, OPTIONS);
    const pre = md.indexOf('<summary>1 pre-existing finding (not introduced by this change)</summary>');
    assert.ok(pre > 0);
    assert.ok(md.indexOf('open reads a file synchronously') > pre);
    assert.ok(md.includes('<summary>2 files not applicable</summary>'));
    assert.ok(md.includes('| tests/test\\_api.py | test |'));
    assert.ok(md.includes('<summary>2 diagnostics</summary>'));
    assert.equal(md.match(/<details>/g)?.length, md.match(/<\/details>/g)?.length);
  });

  it('escapes |, backticks and < so cells stay cells and no HTML gets through', () => {
    const md = renderMarkdown(HOSTILE_REPORT, OPTIONS);
    const row = tableRows(md)[2] ?? '';
    assert.equal(cellSeparators(row), 5, row);
    assert.ok(row.includes('call \\`x \\| y\\`, then: 100% &lt;script> second line'), row);
    assert.ok(!md.includes('<script>') && !md.includes('<this>'));
    assert.equal(escapeMarkdown('a|b `c` <d> e&f __init__'), 'a\\|b \\`c\\` &lt;d> e&amp;f \\_\\_init\\_\\_');
  });

  it('fences code spans that contain backticks', () => {
    const md = renderMarkdown({ ...HOSTILE_REPORT, findings: [{ ...HOSTILE_REPORT.findings[0]!, call: 'a`b' }] }, OPTIONS);
    assert.ok(md.includes('``a`b``'));
  });

  it('is identical for a shuffled copy', () => {
    const expected = renderMarkdown(FAIL, OPTIONS);
    for (let seed = 1; seed <= 10; seed += 1) assert.equal(renderMarkdown(shuffledReport(FAIL, seed), OPTIONS), expected);
  });
});
