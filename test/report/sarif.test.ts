// Tests for the SARIF log: validity against the official 2.1.0 schema, levels, locations, fingerprints.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Report } from '../../src/ir/report.js';
import { artifactUri, renderSarif, toSarifLog } from '../../src/report/sarif.js';
import { ALL_REPORTS, FAIL, HIGH, LOW, MEDIUM, PREEXISTING, shuffledReport } from './reports.js';
import { describeErrors, validateSarif } from './validators.js';

const OPTIONS = { toolVersion: '0.1.0' };

function results(report: Report): ReturnType<typeof toSarifLog>['runs'][0]['results'] {
  return toSarifLog(report, OPTIONS).runs[0].results;
}

function resultFor(report: Report, finding: Finding): ReturnType<typeof results>[number] {
  const found = results(report).find(
    (r) => r.properties.catalogEntry === finding.ruleEntry && r.locations[0]?.physicalLocation.region?.startLine === finding.line,
  );
  assert.ok(found, `no result for ${finding.call}`);
  return found;
}

function fingerprint(report: Report, index = 0): string | undefined {
  return results(report)[index]?.partialFingerprints['asyncguard/v1'];
}

describe('sarif', () => {
  for (const [name, report] of ALL_REPORTS) {
    it(`validates against the SARIF 2.1.0 schema (${name})`, () => {
      const valid = validateSarif(JSON.parse(renderSarif(report, OPTIONS)));
      assert.ok(valid, describeErrors(validateSarif.errors));
    });
  }

  it('has a validator that rejects what the schema forbids', () => {
    const log = JSON.parse(renderSarif(FAIL, OPTIONS)) as { runs: { results: { level: string }[] }[] };
    const result = log.runs[0]?.results[0];
    assert.ok(result);
    result.level = 'fatal';
    assert.equal(validateSarif(log), false);
    assert.equal(validateSarif({ version: '2.1.0', runs: [], extra: 1 }), false);
  });

  it('describes the tool and the one rule', () => {
    const log = toSarifLog(FAIL, OPTIONS);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'asyncguard');
    assert.equal(driver.version, '0.1.0');
    assert.equal(driver.informationUri, 'https://github.com/asyncguard/asyncguard');
    assert.equal(driver.rules.length, 1);
    assert.equal(driver.rules[0].id, 'perf-004');
    assert.equal(driver.rules[0].defaultConfiguration.level, 'error');
    assert.ok(driver.rules[0].help.markdown.length > 0 && driver.rules[0].help.text.length > 0);
  });

  it('maps confidence to level, and pre-existing findings to unchanged notes', () => {
    const levels = (f: Finding): readonly [string, string] => {
      const r = resultFor(FAIL, f);
      return [r.level, r.baselineState];
    };
    assert.deepEqual(levels(HIGH), ['error', 'new']);
    assert.deepEqual(levels(MEDIUM), ['warning', 'new']);
    assert.deepEqual(levels(LOW), ['note', 'new']);
    assert.deepEqual(levels(PREEXISTING), ['note', 'unchanged']);
  });

  it('locates the call under %SRCROOT% and relates the context and each hop', () => {
    const r = resultFor(FAIL, MEDIUM);
    assert.deepEqual(r.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'app/util.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 20 },
    });
    assert.deepEqual(
      r.relatedLocations.map((l) => [l.id, l.physicalLocation.artifactLocation.uri, l.physicalLocation.region?.startLine, l.message?.text]),
      [
        [1, 'app/api.py', 20, 'async function handler'],
        [2, 'app/util.py', 10, 'through load'],
      ],
    );
    assert.equal(r.codeFlows?.[0]?.threadFlows[0]?.locations.length, 3);
    assert.equal(resultFor(FAIL, HIGH).codeFlows, undefined);
    assert.deepEqual(resultFor(FAIL, HIGH).properties, {
      category: 'network-io',
      confidence: 'high',
      preexisting: false,
      catalogEntry: 'python:requests.get',
    });
  });

  it('percent-encodes paths as URI references', () => {
    assert.equal(artifactUri('app/my file#1.py'), 'app/my%20file%231.py');
    // Report paths are always `/`-separated: a backslash is a character of the file's name.
    assert.equal(artifactUri('src\\win.ts'), 'src%5Cwin.ts');
  });

  it('records the verdict, the not-applicable files and the diagnostics in the run', () => {
    const run = toSarifLog(FAIL, OPTIONS).runs[0];
    assert.deepEqual(run.properties, {
      verdict: 'fail',
      confidence: 'high',
      summary: FAIL.summary,
      notApplicable: [
        { file: 'scripts/seed.py', reason: 'script' },
        { file: 'tests/test_api.py', reason: 'test' },
      ],
    });
    assert.deepEqual(Object.keys(run.originalUriBaseIds), ['%SRCROOT%']);
    assert.equal(run.invocations[0]?.toolExecutionNotifications.length, 2);
  });

  it('keeps a fingerprint of 32 hex digits that survives moved lines but not a different call', () => {
    const report: Report = { ...FAIL, findings: [MEDIUM] };
    const print = fingerprint(report);
    assert.match(print ?? '', /^[0-9a-f]{32}$/);
    const moved: Finding = {
      ...MEDIUM,
      line: 40,
      endLine: 40,
      column: 9,
      endColumn: 24,
      context: { ...MEDIUM.context, line: 70 },
      via: [{ ...MEDIUM.via[0]!, line: 38 }],
    };
    assert.equal(fingerprint({ ...report, findings: [moved] }), print);
    assert.notEqual(fingerprint({ ...report, findings: [{ ...MEDIUM, call: 'time.sleep_ms' }] }), print);
    assert.notEqual(fingerprint({ ...report, findings: [{ ...MEDIUM, via: [] }] }), print);
  });

  it('tells apart two identical calls in one function without changing the first', () => {
    const second: Finding = { ...HIGH, line: 5, endLine: 5 };
    const alone = fingerprint({ ...FAIL, findings: [HIGH] });
    const both = results({ ...FAIL, findings: [second, HIGH] }).map((r) => r.partialFingerprints['asyncguard/v1']);
    assert.equal(both[0], alone);
    assert.notEqual(both[1], both[0]);
  });

  it('is identical for a shuffled copy', () => {
    const expected = renderSarif(FAIL, OPTIONS);
    for (let seed = 1; seed <= 10; seed += 1) assert.equal(renderSarif(shuffledReport(FAIL, seed), OPTIONS), expected);
  });
});
