// The on-disk cache of lowered files: same reports with and without it, and corrupt entries rebuilt.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFiles, render } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

const SOURCES = {
  'app/api.py': 'import requests\n\n\nasync def profile(u):\n    return requests.get(u).json()\n',
  'src/server.ts': "import { readFileSync } from 'fs';\n\nexport async function h(): Promise<string> {\n  return readFileSync('x', 'utf8');\n}\n",
};

function entries(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? entries(full) : [full];
  });
}

async function json(root: string, cache: boolean): Promise<string> {
  const { report } = await analyzeFiles({ cwd: root, paths: ['.'], cache });
  return render(report, 'json', { color: false, toolVersion: 'test' });
}

describe('lowered-file cache', () => {
  it('gives byte-identical reports cold, warm and without the cache, and rebuilds corrupt entries', async () => {
    const cacheHome = tempDir();
    const previous = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = cacheHome;
    try {
      const root = tempDir();
      writeFiles(root, SOURCES);
      const cold = await json(root, true);
      const cached = entries(cacheHome).filter((f) => f.endsWith('.json'));
      assert.equal(cached.length, 2, 'one entry per lowered file');
      const warm = await json(root, true);
      const uncached = await json(root, false);
      assert.equal(warm, cold);
      assert.equal(uncached, cold);
      for (const file of cached) writeFileSync(file, '{"truncated": ');
      assert.equal(await json(root, true), cold, 'a corrupt entry is ignored');
      assert.equal(JSON.parse(cold).findings.length, 2);
    } finally {
      if (previous === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = previous;
    }
  });

  it('lives in ASYNCGUARD_CACHE_DIR when it is set, even beside a node_modules folder', async () => {
    const chosen = tempDir();
    const cacheHome = tempDir();
    const saved = { dir: process.env['ASYNCGUARD_CACHE_DIR'], home: process.env['XDG_CACHE_HOME'] };
    process.env['ASYNCGUARD_CACHE_DIR'] = chosen;
    process.env['XDG_CACHE_HOME'] = cacheHome;
    try {
      const root = tempDir();
      writeFiles(root, SOURCES);
      mkdirSync(join(root, 'node_modules'));
      await json(root, true);
      assert.equal(entries(chosen).filter((f) => f.endsWith('.json')).length, 2);
      assert.deepEqual(entries(join(root, 'node_modules')), []);
      assert.deepEqual(entries(cacheHome), []);
    } finally {
      for (const [name, value] of [['ASYNCGUARD_CACHE_DIR', saved.dir], ['XDG_CACHE_HOME', saved.home]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
