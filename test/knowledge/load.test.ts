// The ecosystems a run loads: the same as the catalog lists, and only those of the languages read.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ecosystems } from '../../src/knowledge/index.js';
import { ECOSYSTEM_NAMES, loadEcosystems } from '../../src/knowledge/load.js';
import { analyzeFiles } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

describe('loading ecosystems', () => {
  it('can load every ecosystem the catalog lists, and loads only those named', async () => {
    assert.deepEqual([...ECOSYSTEM_NAMES].sort(), ecosystems.map((e) => e.name).sort());
    const all = await loadEcosystems(ECOSYSTEM_NAMES);
    assert.deepEqual(all, ECOSYSTEM_NAMES.map((name) => ecosystems.find((e) => e.name === name)));
    assert.deepEqual((await loadEcosystems(['rust', 'cobol'])).map((e) => e.name), ['rust']);
  });

  it("a module root of another language's libraries does not hide a package of the repository", async () => {
    // `express` is an npm package the Node catalog knows; in a Python repository it is the repository's.
    const root = tempDir();
    writeFiles(root, {
      'src/express/__init__.py': '',
      'src/express/jobs.py': 'import time\n\n\ndef slow():\n    time.sleep(1)\n',
      'src/app/__init__.py': '',
      'src/app/api.py': 'from express.jobs import slow\n\n\nasync def handle():\n    slow()\n',
    });
    const { report } = await analyzeFiles({ cwd: root, paths: ['.'], cache: false });
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.context.name}`), ['src/express/jobs.py:5 handle']);
  });
});
