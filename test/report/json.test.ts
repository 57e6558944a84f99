// Tests for the JSON report: SPEC §7's exact keys and order, the extra diagnostics, and its schema.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORIES, RULE } from '../../src/ir/report.js';
import type { Report } from '../../src/ir/report.js';
import { renderJson } from '../../src/report/json.js';
import { ALL_REPORTS, FAIL, HIGH, MEDIUM, shuffledReport } from './reports.js';
import { describeErrors, jsonReportSchema, validateJsonReport } from './validators.js';

const TOP_KEYS = ['schemaVersion', 'rule', 'verdict', 'confidence', 'summary', 'findings', 'notApplicable', 'diagnostics'];
const FINDING_KEYS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'category',
  'call',
  'context',
  'via',
  'confidence',
  'preexisting',
  'message',
  'remediation',
];

type Json = Record<string, unknown>;

function parse(report: Report): Json {
  return JSON.parse(renderJson(report)) as Json;
}

function findingsOf(json: Json): readonly Json[] {
  return json['findings'] as readonly Json[];
}

describe('json', () => {
  it('writes the top-level keys in SPEC order, with diagnostics last', () => {
    assert.deepEqual(Object.keys(parse(FAIL)), TOP_KEYS);
  });

  it('writes each finding with exactly the SPEC keys, in order, and no ruleEntry', () => {
    for (const finding of findingsOf(parse(FAIL))) {
      assert.deepEqual(Object.keys(finding), FINDING_KEYS);
      assert.deepEqual(Object.keys(finding['context'] as Json), ['name', 'file', 'line', 'kind']);
      for (const link of finding['via'] as readonly Json[]) assert.deepEqual(Object.keys(link), ['name', 'file', 'line']);
    }
    assert.doesNotMatch(renderJson(FAIL), /ruleEntry|stats|filesAnalyzed/);
  });

  it('reproduces the example of SPEC §7, plus an empty diagnostics list', () => {
    const report: Report = {
      schemaVersion: 1,
      rule: RULE,
      verdict: 'fail',
      confidence: 'high',
      summary: '1 blocking call introduced on an async path',
      findings: [{ ...HIGH, column: 16, endColumn: 59 }],
      notApplicable: [{ file: 'tests/test_api.py', reason: 'test' }],
      diagnostics: [],
      stats: { filesAnalyzed: 1, filesParsed: 1, filesChanged: 2 },
    };
    assert.deepEqual(parse(report), {
      schemaVersion: 1,
      rule: { id: 'perf-004', title: 'Async hot paths do not block runtime threads' },
      verdict: 'fail',
      confidence: 'high',
      summary: '1 blocking call introduced on an async path',
      findings: [
        {
          file: 'app/profile.py',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 59,
          category: 'network-io',
          call: 'requests.get',
          context: { name: 'fetch_profile', file: 'app/profile.py', line: 3, kind: 'async-function' },
          via: [],
          confidence: 'high',
          preexisting: false,
          message: 'requests.get performs a blocking HTTP request inside async function fetch_profile',
          remediation:
            'await an async client such as httpx.AsyncClient or aiohttp, or move the call behind asyncio.to_thread',
        },
      ],
      notApplicable: [{ file: 'tests/test_api.py', reason: 'test' }],
      diagnostics: [],
    });
  });

  it('keeps the chain of a medium finding', () => {
    const medium = findingsOf(parse(FAIL)).find((f) => f['call'] === MEDIUM.call);
    assert.deepEqual(medium?.['via'], [{ name: 'load', file: 'app/util.py', line: 10 }]);
  });

  it('writes diagnostics as file, line, message, leaving out a missing line', () => {
    assert.deepEqual(parse(FAIL)['diagnostics'], [
      { file: 'app/gen.py', message: 'file too large to analyse' },
      { file: 'app/legacy.py', line: 3, message: 'syntax error: the file was analysed only up to line 3' },
    ]);
  });

  it('indents with two spaces and ends with a newline', () => {
    const text = renderJson(FAIL);
    assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n  "rule": {\n    "id": "perf-004",'));
    assert.ok(text.endsWith('}\n'));
    assert.ok(!text.endsWith('\n\n'));
  });

  it('is byte-identical for a shuffled copy', () => {
    for (let seed = 1; seed <= 10; seed += 1) assert.equal(renderJson(shuffledReport(FAIL, seed)), renderJson(FAIL));
  });

  for (const [name, report] of ALL_REPORTS) {
    it(`validates against docs/json-report.schema.json (${name})`, () => {
      const valid = validateJsonReport(JSON.parse(renderJson(report)));
      assert.ok(valid, describeErrors(validateJsonReport.errors));
    });
  }

  it('rejects an extra key, so the schema is as strict as the contract', () => {
    const json = { ...parse(FAIL), extra: true };
    assert.equal(validateJsonReport(json), false);
    const finding = { ...findingsOf(parse(FAIL))[0], ruleEntry: 'python:x' };
    assert.equal(validateJsonReport({ ...parse(FAIL), findings: [finding] }), false);
  });

  it('lists in the schema the same categories as the IR', () => {
    assert.deepEqual(jsonReportSchema.$defs.finding.properties['category']?.enum, CATEGORIES);
  });
});
