// Lowering on worker threads gives the same report as lowering on the main thread.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyzeFiles, render } from '../../src/index.js';
import { POOL_THRESHOLD } from '../../src/engine/pool.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

it('reports identically with one worker and with pools of two and four threads', async () => {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < POOL_THRESHOLD + 6; i++) {
    files[`app/m${i}.py`] = `import time\nfrom app.m${(i + 1) % 10} import helper${(i + 1) % 10}\n\n\ndef helper${i}():\n    time.sleep(${i})\n\n\nasync def handler${i}():\n    helper${(i + 1) % 10}()\n`;
    files[`src/m${i}.ts`] = `import { readFileSync } from 'fs';\nexport async function h${i}(): Promise<string> {\n  return readFileSync('${i}', 'utf8');\n}\n`;
  }
  writeFiles(root, files);
  const run = async (workers: number): Promise<string> => {
    const { report } = await analyzeFiles({ cwd: root, paths: ['.'], workers, cache: false });
    return render(report, 'json', { color: false, toolVersion: 'test' });
  };
  const single = await run(1);
  const pooled = await run(2);
  assert.equal(pooled, single);
  // Several worker threads started ahead of the files, more than one per core here.
  assert.equal(await run(4), single);
  assert.ok(JSON.parse(single).findings.length >= POOL_THRESHOLD, 'the run found the blocking calls');
});
