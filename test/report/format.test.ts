// Tests for the format entry point: every format renders, deterministically, and only text colours.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS, isFormat, render } from '../../src/report/format.js';
import { renderJson } from '../../src/report/json.js';
import { ALL_REPORTS, FAIL, readSource, shuffledReport } from './reports.js';

// eslint-disable-next-line no-control-regex -- the point is to find escape codes
const ANSI = /\u001b\[/;

const OPTIONS = { color: true, toolVersion: '0.1.0', readSource };

describe('format', () => {
  it('knows the five formats of SPEC §6', () => {
    assert.deepEqual(FORMATS, ['text', 'json', 'sarif', 'markdown', 'github']);
    assert.ok(isFormat('sarif'));
    assert.ok(!isFormat('xml'));
  });

  it('dispatches to the renderer of each format', () => {
    assert.equal(render(FAIL, 'json', OPTIONS), renderJson(FAIL));
    assert.equal(JSON.parse(render(FAIL, 'sarif', OPTIONS)).version, '2.1.0');
    assert.ok(render(FAIL, 'github', OPTIONS).startsWith('::'));
    assert.ok(render(FAIL, 'markdown', OPTIONS).startsWith('<!-- asyncguard'));
    assert.ok(render(FAIL, 'text', OPTIONS).includes('│'));
  });

  for (const format of FORMATS) {
    it(`renders ${format} identically for shuffled copies, ending with one newline`, () => {
      for (const [name, report] of ALL_REPORTS) {
        const expected = render(report, format, OPTIONS);
        assert.ok(expected.endsWith('\n') && !expected.endsWith('\n\n'), `${format} ${name}`);
        for (let seed = 1; seed <= 5; seed += 1) {
          assert.equal(render(shuffledReport(report, seed), format, OPTIONS), expected, `${format} ${name} seed ${seed}`);
        }
      }
    });
  }

  it('colours only the text format', () => {
    for (const format of FORMATS.filter((f) => f !== 'text')) assert.doesNotMatch(render(FAIL, format, OPTIONS), ANSI, format);
  });
});
