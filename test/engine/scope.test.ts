// A diff reads only what the change reaches, and reports exactly what a reading of the whole
// repository would: checked on every fixture file of every language, and on changes whose callers
// live in unchanged files.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDiff } from '../../src/index.js';
import type { Report } from '../../src/ir/report.js';
import { fixturesDir } from '../helpers/paths.js';
import { filesUnder, git, gitRepo, writeFiles } from '../helpers/workspace.js';

/** The report without its statistics, which say how many files were read. */
const comparable = (report: Report): string => JSON.stringify({ ...report, stats: undefined });

/** Every fifth line of `text` gets a trailing space: changed lines, the same code. */
function touchLines(text: string, offset: number): string {
  return text
    .split('\n')
    .map((line, i) => (i % 5 === offset % 5 && line.trim() !== '' && !line.endsWith('\\') ? `${line} ` : line))
    .join('\n');
}

async function bothScopes(options: { cwd: string; base?: string; head?: string }): Promise<{ change: Report; repository: Report }> {
  const change = (await analyzeDiff({ ...options, scope: 'change', cache: false, workers: 1 })).report;
  const repository = (await analyzeDiff({ ...options, scope: 'repository', cache: false, workers: 1 })).report;
  return { change, repository };
}

describe('diff scope', () => {
  for (const language of ['python', 'javascript', 'rust']) {
    it(`${language} fixtures: each file changed in turn gives the report of the whole repository`, async () => {
      const files = filesUnder(join(fixturesDir, language));
      const repo = gitRepo(files);
      const base = git(repo, 'rev-parse', 'HEAD').trim();
      let narrower = 0;
      let failing = 0;
      const paths = Object.keys(files).filter((p) => !p.endsWith('.md'));
      for (const [i, path] of paths.entries()) {
        git(repo, 'checkout', '-q', base, '--', '.');
        writeFileSync(join(repo, path), touchLines(files[path] ?? '', i));
        git(repo, 'commit', '-q', '--allow-empty', '-am', `touch ${path}`);
        const head = git(repo, 'rev-parse', 'HEAD').trim();
        const { change, repository } = await bothScopes({ cwd: repo, base, head });
        assert.equal(comparable(change), comparable(repository), `${path}: the scoped diff differs from the whole-repository one`);
        if (change.stats.filesAnalyzed < repository.stats.filesAnalyzed) narrower++;
        if (change.verdict === 'fail') failing++;
      }
      // The comparison is not vacuous: changes fail, and most read less than the whole tree.
      assert.ok(failing > 0, 'some touched fixture introduces a finding');
      assert.ok(narrower * 2 >= paths.length, `most diffs read fewer files (${narrower} of ${paths.length})`);
    });
  }

  /** A repository of `filler` unrelated modules around a handler, a helper and a re-export. */
  function bigRepository(filler: number): Record<string, string> {
    const files: Record<string, string> = {
      'app/__init__.py': '',
      'app/util/__init__.py': 'from app.util.geo import country_for_ip\n',
      'app/util/geo.py': 'def country_for_ip(ip):\n    return ip[:2]\n',
      'app/api.py': 'from app.util import country_for_ip as cfi\n\n\nasync def signup(ip):\n    return {"country": cfi(ip)}\n',
    };
    for (let i = 0; i < filler; i++) {
      files[`app/m${i}.py`] = `import time\n\n\ndef work_${i}(x):\n    time.sleep(1)\n    return x\n\n\nasync def handle_${i}(x):\n    return work_${i}(x)\n`;
    }
    return files;
  }

  it('finds the caller in an unchanged file, through a re-export and an alias, reading a handful of files', async () => {
    const base = bigRepository(120);
    const repo = gitRepo(base, { ...base, 'app/util/geo.py': 'import requests\n\n\ndef country_for_ip(ip):\n    return requests.get(ip).text\n' });
    const { change, repository } = await bothScopes({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
    assert.equal(comparable(change), comparable(repository));
    assert.deepEqual([change.verdict, change.confidence], ['fail', 'medium']);
    assert.deepEqual(
      change.findings.map((f) => [f.file, f.line, f.context.name, f.via.map((v) => v.name).join(' → '), f.preexisting]),
      [['app/util/geo.py', 5, 'signup', 'country_for_ip', false]],
    );
    // The 120 modules with their own blocking calls are neither read nor reported.
    assert.ok(change.stats.filesAnalyzed <= 5, `read ${change.stats.filesAnalyzed} files`);
    assert.equal(repository.stats.filesAnalyzed, 124);
  });

  it('reads the working tree the same way, and lists pre-existing blocking code on touched paths only', async () => {
    const repo = gitRepo(bigRepository(40));
    // A line added to handle_3, off the chain: its path to work_3's sleep is pre-existing and reported; m4's is not.
    writeFiles(repo, { 'app/m3.py': 'import time\n\n\ndef work_3(x):\n    time.sleep(1)\n    return x\n\n\nasync def handle_3(x):\n    print(x)\n    return work_3(x)\n' });
    const { change, repository } = await bothScopes({ cwd: repo });
    assert.equal(comparable(change), comparable(repository));
    assert.equal(change.verdict, 'pass');
    assert.deepEqual(
      change.findings.map((f) => `${f.file}:${f.line} ${f.preexisting ? 'pre-existing' : 'introduced'}`),
      ['app/m3.py:5 pre-existing'],
    );
    assert.ok(change.stats.filesAnalyzed <= 3, `read ${change.stats.filesAnalyzed} files`);
  });

  it('JavaScript: a default export called under another name from an unchanged file', async () => {
    const base: Record<string, string> = {
      'lib/lookup.js': "module.exports = function lookup(id) {\n  return id;\n};\n",
      'server.js': "const find = require('./lib/lookup');\n\nasync function handler(req) {\n  return find(req.id);\n}\n\nmodule.exports = { handler };\n",
    };
    for (let i = 0; i < 30; i++) base[`lib/other${i}.js`] = `const fs = require('fs');\n\nasync function other${i}() {\n  return fs.readFileSync('x${i}');\n}\n\nmodule.exports = { other${i} };\n`;
    const repo = gitRepo(base, {
      ...base,
      'lib/lookup.js': "const fs = require('fs');\n\nmodule.exports = function lookup(id) {\n  return fs.readFileSync(`/data/${id}`);\n};\n",
    });
    const { change, repository } = await bothScopes({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
    assert.equal(comparable(change), comparable(repository));
    assert.equal(change.verdict, 'fail');
    assert.deepEqual(change.findings.map((f) => `${f.file}:${f.line} ${f.context.name}`), ['lib/lookup.js:4 handler']);
    assert.ok(change.stats.filesAnalyzed <= 3, `read ${change.stats.filesAnalyzed} files`);
  });
});

describe('diff scope: what is not read', () => {
  it('Rust: a module of glob re-exports does not bring in every module it re-exports', async () => {
    const base: Record<string, string> = {
      'Cargo.toml': '[package]\nname = "shop"\nversion = "0.1.0"\n',
      'src/lib.rs': 'pub mod features;\npub mod api;\n',
      'src/api.rs': 'use crate::features::Cart;\n\npub async fn checkout(cart: Cart) -> usize {\n    cart.total()\n}\n',
    };
    const mods: string[] = [];
    for (let i = 0; i < 60; i++) {
      mods.push(`mod gen_${i};\npub use gen_${i}::*;\n`);
      base[`src/features/gen_${i}.rs`] = `use super::*;\n\npub struct Item${i};\n\nimpl Item${i} {\n    pub fn weight(&self) -> u32 {\n        std::thread::sleep(std::time::Duration::from_millis(${i}));\n        ${i}\n    }\n}\n`;
    }
    base['src/features/mod.rs'] = `${mods.join('')}mod cart;\npub use cart::*;\n`;
    base['src/features/cart.rs'] = 'pub struct Cart;\n\nimpl Cart {\n    pub fn total(&self) -> usize {\n        0\n    }\n}\n';
    const repo = gitRepo(base, {
      ...base,
      'src/features/cart.rs': 'pub struct Cart;\n\nimpl Cart {\n    pub fn total(&self) -> usize {\n        std::fs::read_to_string("cart.json").map(|s| s.len()).unwrap_or(0)\n    }\n}\n',
    });
    const { change, repository } = await bothScopes({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
    assert.equal(comparable(change), comparable(repository));
    assert.deepEqual(change.findings.map((f) => `${f.file}:${f.line} ${f.context.name}`), ['src/features/cart.rs:5 checkout']);
    assert.ok(change.stats.filesAnalyzed <= 5, `read ${change.stats.filesAnalyzed} files`);
  });

  it('Python: a package that re-exports with import * is read, and callers across packages are found by name', async () => {
    const base: Record<string, string> = {
      'core/__init__.py': 'from .rates import *\n',
      'core/rates.py': 'def convert(amount):\n    return amount * 2\n',
      'web/__init__.py': '',
      'web/views.py': 'from core import convert\n\n\nasync def price(amount):\n    return convert(amount)\n',
    };
    for (let i = 0; i < 40; i++) base[`other${i}/mod.py`] = `def convert(x):\n    return x\n\n\nasync def use_${i}():\n    return convert(${i})\n`;
    const repo = gitRepo(base, { ...base, 'core/rates.py': 'import requests\n\n\ndef convert(amount):\n    return requests.get(f"https://fx/{amount}").json()\n' });
    const { change, repository } = await bothScopes({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
    assert.equal(comparable(change), comparable(repository));
    assert.deepEqual(change.findings.map((f) => `${f.file}:${f.line} ${f.context.name}`), ['core/rates.py:5 price']);
    // The 40 packages that define a convert of their own never name `core`: they are not read.
    assert.ok(change.stats.filesAnalyzed <= 5, `read ${change.stats.filesAnalyzed} files`);
  });

  it('Python: a changed import line does not bring in what the module runs at import time, only the handlers it registers', async () => {
    const setups = Array.from({ length: 30 }, (_, i) => `plugins.p${i}.setup()\n`).join('');
    const imports = Array.from({ length: 30 }, (_, i) => `import plugins.p${i}\n`).join('');
    const base: Record<string, string> = {
      'plugins/__init__.py': '',
      'app/__init__.py': '',
      'app/store.py': 'import sqlite3\n\n\ndef load(key):\n    return sqlite3.connect("app.db").execute(key)\n',
      'app/cache.py': 'import time\n\n\ndef warm():\n    time.sleep(5)\n',
      'app/main.py': `${imports}from app.store import load\n\n\nasync def ping():\n    return 1\n\n\n${setups}`,
    };
    for (let i = 0; i < 30; i++) base[`plugins/p${i}.py`] = `import time\n\n\ndef setup():\n    time.sleep(${i})\n`;
    const changed = `import asyncio\nfrom app.cache import warm\n${base['app/main.py']}\n\nasync def fetch(key):\n    return load(key)\n\n\nasyncio.get_event_loop().call_soon(warm)\n`;
    const repo = gitRepo(base, { ...base, 'app/main.py': changed });
    const { change, repository } = await bothScopes({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
    assert.equal(comparable(change), comparable(repository));
    assert.deepEqual(change.findings.map((f) => `${f.file}:${f.line} ${f.context.name}`).sort(), ['app/cache.py:5 warm', 'app/store.py:5 fetch']);
    // The 30 plugins the module sets up at import time are start-up code: none is read.
    assert.ok(change.stats.filesAnalyzed <= 5, `read ${change.stats.filesAnalyzed} files`);
  });
});
