// The same input gives byte-identical JSON and SARIF: run after run, with a cold or warm cache,
// and wherever the checkout lives.

import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/workspace.js';
import { asyncguard, commit, jsonReport, repository, sarifLog } from './harness.js';

describe('determinism', () => {
  it('the same change, twice and in another checkout: byte-identical JSON and SARIF', () => {
    const first = repository({ 'README.md': 'x\n' });
    cpSync(join(fixturesDir, 'python'), join(first, 'app', 'py'), { recursive: true });
    cpSync(join(fixturesDir, 'javascript'), join(first, 'app', 'js'), { recursive: true });
    commit(first, {}, 'head');
    const second = join(tempDir(), 'elsewhere', 'checkout');
    cpSync(first, second, { recursive: true });

    const run = (dir: string, format: string, ...extra: string[]): string => {
      const r = asyncguard(dir, ['diff', 'HEAD~1', 'HEAD', '--format', format, ...extra]);
      assert.equal(r.code, 1, r.stderr);
      return r.stdout;
    };
    const json = run(first, 'json');
    assert.ok(jsonReport({ code: 1, stdout: json, stderr: '' }).findings.length > 10);
    assert.equal(run(first, 'json'), json, 'a second run (warm cache) differs');
    assert.equal(run(second, 'json', '--no-cache'), json, 'another checkout without the cache differs');
    const sarif = run(first, 'sarif');
    sarifLog({ code: 1, stdout: sarif, stderr: '' });
    assert.equal(run(second, 'sarif'), sarif, 'SARIF differs in another checkout');
  });
});
