// Every catalog entry's example is executed: `bad` yields exactly one finding, `good` none.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFiles, ecosystems, type Entry } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

const EXAMPLE_PATH: Record<string, string> = { python: 'app/example.py', rust: 'src/example.rs', node: 'src/example.ts' };

async function findingsOf(ecosystem: string, source: string) {
  const root = tempDir();
  writeFiles(root, { [EXAMPLE_PATH[ecosystem] ?? 'app/example.txt']: source });
  const { report } = await analyzeFiles({ cwd: root, paths: ['.'] });
  return report.findings;
}

for (const eco of ecosystems) {
  describe(`${eco.name} catalog examples`, () => {
    const withExamples = eco.entries.filter((e): e is Exclude<Entry, { kind: 'type' }> => e.kind !== 'type');
    it('has at least one entry of each kind the analysis uses', () => {
      for (const kind of ['blocking', 'offload', 'callback', 'non-blocking', 'in-place', 'clock', 'role']) {
        assert.ok(eco.entries.some((e) => e.kind === kind), `no ${kind} entry`);
      }
    });
    it('has unique ids prefixed with the ecosystem', () => {
      const ids = eco.entries.map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const id of ids) assert.ok(id.startsWith(`${eco.name}:`), id);
    });
    for (const entry of withExamples) {
      it(`${entry.id}: bad yields one finding, good none`, async () => {
        const bad = await findingsOf(eco.name, entry.example.bad);
        assert.equal(bad.length, 1, `bad example of ${entry.id}:\n${bad.map((f) => `  ${f.line}: ${f.message}`).join('\n')}`);
        if (entry.kind === 'blocking') assert.equal(bad[0]?.ruleEntry, entry.id);
        const good = await findingsOf(eco.name, entry.example.good);
        assert.deepEqual(good.map((f) => `${f.line}: ${f.message}`), [], `good example of ${entry.id}`);
      });
    }
  });
}
