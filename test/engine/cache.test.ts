// The on-disk caches of lowered files and of reports: same reports with and without them, corrupt
// entries rebuilt, and a report kept only for the same files and settings.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { writeCacheEntry } from '../../src/engine/cache.js';
import { FileDigests } from '../../src/engine/report-cache.js';
import { analyzeFiles, render } from '../../src/index.js';
import { gitRepo, tempDir, writeFiles } from '../helpers/workspace.js';

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

/** Runs `body` with the user cache in a fresh folder, which it is given. */
async function withCacheHome(body: (cacheHome: string) => Promise<void>): Promise<void> {
  const cacheHome = tempDir();
  const previous = process.env['XDG_CACHE_HOME'];
  process.env['XDG_CACHE_HOME'] = cacheHome;
  try {
    await body(cacheHome);
  } finally {
    if (previous === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = previous;
  }
}

/** The lowered-file entries and the report entries of a cache folder. */
function cacheEntries(cacheHome: string): { models: string[]; reports: string[] } {
  const all = entries(cacheHome).filter((f) => f.endsWith('.json'));
  const isReport = (f: string): boolean => f.split(sep).includes('reports');
  return { models: all.filter((f) => !isReport(f)), reports: all.filter(isReport) };
}

describe('lowered-file cache', () => {
  it('gives byte-identical reports cold, warm and without the cache, and rebuilds corrupt entries', async () => {
    await withCacheHome(async (cacheHome) => {
      const root = tempDir();
      writeFiles(root, SOURCES);
      const cold = await json(root, true);
      const { models, reports } = cacheEntries(cacheHome);
      assert.equal(models.length, 2, 'one entry per lowered file');
      // Without the whole report kept, the run lowers nothing again but analyses the cached files.
      for (const file of reports) rmSync(file);
      const warm = await json(root, true);
      const uncached = await json(root, false);
      assert.equal(warm, cold);
      assert.equal(uncached, cold);
      for (const file of cacheEntries(cacheHome).reports) rmSync(file);
      for (const file of models) writeFileSync(file, '{"truncated": ');
      assert.equal(await json(root, true), cold, 'a corrupt entry is ignored');
      assert.equal(JSON.parse(cold).findings.length, 2);
    });
  });
});

describe('report cache', () => {
  it('answers an unchanged check with the same report, and a changed file or option with a new one', async () => {
    await withCacheHome(async (cacheHome) => {
      const root = tempDir();
      writeFiles(root, SOURCES);
      const cold = await json(root, true);
      assert.equal(cacheEntries(cacheHome).reports.length, 1);
      assert.equal(await json(root, true), cold, 'the kept report');
      const [report] = cacheEntries(cacheHome).reports;
      assert.ok(report);
      writeFileSync(report, '{"schemaVersion": 1');
      assert.equal(await json(root, true), cold, 'a corrupt report is ignored');

      writeFiles(root, { 'app/api.py': 'import requests\n\n\nasync def profile(u):\n    return 1\n' });
      const changed = await json(root, true);
      assert.equal(JSON.parse(changed).findings.length, 1, 'a changed file is analysed again');
      assert.equal(changed, await json(root, false));
      const { report: small } = await analyzeFiles({ cwd: root, paths: ['.'], maxFileBytes: 10 });
      assert.deepEqual(
        small.notApplicable.map((n) => n.reason),
        ['too-large', 'too-large'],
        'other settings, another report',
      );
    });
  });

  it('keeps no report of a run that gave a file up for time', async () => {
    await withCacheHome(async (cacheHome) => {
      const root = tempDir();
      writeFiles(root, SOURCES);
      const { report } = await analyzeFiles({ cwd: root, paths: ['.'], runTimeoutMs: 1e-9 });
      assert.equal(report.verdict, 'unknown');
      assert.deepEqual(cacheEntries(cacheHome).reports, []);
    });
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
      // One lowered file per source, and the report of the run.
      const written = entries(chosen).filter((f) => f.endsWith('.json'));
      assert.equal(written.filter((f) => !f.includes(`${sep}reports${sep}`)).length, 2);
      assert.equal(written.filter((f) => f.includes(`${sep}reports${sep}`)).length, 1);
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

describe('file digests', () => {
  it('hashes a file again unless its stat signature is unchanged and older than the digests kept', () => {
    const folder = tempDir();
    const root = tempDir();
    writeFiles(root, { 'a.py': 'x = 1\n' });
    let reads = 0;
    const read = (path: string) => (): Buffer | undefined => {
      reads++;
      try {
        return readFileSync(join(root, path));
      } catch {
        return undefined;
      }
    };
    const digest = (path: string): string | undefined => {
      const digests = new FileDigests(folder, root);
      const found = digests.digest(path, read(path));
      digests.save();
      return found;
    };
    const first = digest('a.py');
    assert.match(first ?? '', /^[0-9a-f]{64}$/);
    assert.equal(reads, 1);
    // Written a moment ago: it could change again within the same timestamp tick, so it is read.
    assert.equal(digest('a.py'), first);
    assert.equal(reads, 2);

    const [file] = entries(folder).filter((f) => f.endsWith('.idx'));
    assert.ok(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { started: number; entries: [string, string, string][] };
    // Kept long after the file last changed: the signature alone answers (a planted digest proves it).
    const planted = 'f'.repeat(64);
    writeFileSync(file, JSON.stringify({ ...saved, started: Date.now() + 60_000, entries: saved.entries.map(([p, sig]) => [p, sig, planted]) }));
    assert.equal(digest('a.py'), planted);
    assert.equal(reads, 2);

    // Another content: another signature, read again.
    writeFiles(root, { 'a.py': 'x = 22\n' });
    const changed = digest('a.py');
    assert.notEqual(changed, first);
    assert.equal(reads, 3);

    // A corrupt digests file is ignored.
    writeFileSync(file, '{"version": 1, "entries": [');
    assert.equal(digest('a.py'), changed);
    assert.equal(reads, 4);

    rmSync(join(root, 'a.py'));
    assert.equal(digest('a.py'), undefined);
  });

  it('keeps the digests of each set of targets apart', async () => {
    await withCacheHome(async (cacheHome) => {
      // In a git repository the root is the top-level whatever is named: only the targets differ.
      const root = gitRepo(SOURCES);
      const idx = (): string[] => entries(cacheHome).filter((f) => f.endsWith('.idx'));
      await analyzeFiles({ cwd: root, paths: ['app'] });
      assert.equal(idx().length, 1);
      await analyzeFiles({ cwd: root, paths: ['.'] });
      assert.equal(idx().length, 2, 'checking the whole tree does not replace the digests of app/');
      await analyzeFiles({ cwd: join(root, 'app'), paths: ['.'] });
      assert.equal(idx().length, 2, 'the same target named from elsewhere');
    });
  });
});

describe('cache entries', () => {
  it('are written again into a folder removed since the last write', () => {
    const folder = tempDir();
    const entry = join(folder, 'ab', 'abcd.json');
    writeCacheEntry(entry, '{"a":1}');
    assert.equal(readFileSync(entry, 'utf8'), '{"a":1}');
    rmSync(join(folder, 'ab'), { recursive: true });
    writeCacheEntry(entry, '{"a":2}');
    assert.equal(readFileSync(entry, 'utf8'), '{"a":2}');
    assert.deepEqual(readdirSync(join(folder, 'ab')), ['abcd.json'], 'no temporary file is left');
  });
});
