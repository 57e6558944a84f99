// Hostile revisions, names, configuration and code: nothing the user or the repository says can
// change what git does, reach a shell, open a network connection or run the analysed code.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { projectRoot } from '../helpers/paths.js';
import { git, tempDir } from '../helpers/workspace.js';
import { assertUsageFailure, asyncguard, BLOCKING_PY, commit, jsonReport, put, QUIET_PY, repository, where } from './harness.js';

/** A repository whose last commit introduces a blocking call, and an empty folder to watch. */
function target(): { repo: string; sandbox: string } {
  const repo = repository({ 'app/api.py': QUIET_PY });
  commit(repo, { 'app/api.py': BLOCKING_PY }, 'head');
  return { repo, sandbox: tempDir() };
}

describe('hostile revisions', () => {
  it("a revision that looks like an option (--output=FILE): refused, git never sees it", () => {
    const { repo, sandbox } = target();
    const file = join(sandbox, 'pwned');
    for (const args of [['diff', '--', `--output=${file}`, 'HEAD'], ['diff', 'HEAD~1', '--', `--output=${file}`], ['diff', '--', `--output=${file}..HEAD`]]) {
      assertUsageFailure(asyncguard(repo, args), /^asyncguard: invalid revision '--output=[^']*': a revision cannot start with '-' \(git would read it as an option\)\n$/);
    }
    assert.deepEqual(readdirSync(sandbox), []);
  });

  it('-c core.pager=... as revisions: refused, no command run', () => {
    const { repo, sandbox } = target();
    const r = asyncguard(repo, ['diff', '--', '-c', `core.pager=touch ${join(sandbox, 'pager')}`]);
    assertUsageFailure(r, /^asyncguard: invalid revision '-c': a revision cannot start with '-'/);
    const glued = asyncguard(repo, ['diff', '--', `-ccore.pager=touch ${join(sandbox, 'pager')}`, 'HEAD']);
    assertUsageFailure(glued, /invalid revision '-ccore\.pager=/);
    assert.deepEqual(readdirSync(sandbox), []);
  });

  it('shell syntax in a revision: an unknown revision, quoted back, never run', () => {
    const { repo, sandbox } = target();
    for (const rev of [`HEAD;touch ${sandbox}/semicolon`, `$(touch ${sandbox}/subst)`, `\`touch ${sandbox}/tick\``, `HEAD|touch ${sandbox}/pipe`]) {
      const r = asyncguard(repo, ['diff', rev, 'HEAD']);
      assertUsageFailure(r, /^asyncguard: unknown revision '.*': no commit, branch or tag of that name in this repository\n$/);
      assert.ok(r.stderr.includes(rev), 'the revision is quoted as typed');
    }
    assert.deepEqual(readdirSync(sandbox), []);
  });

  it('file names that look like options: read as the files they are', () => {
    const repo = repository({ 'app/api.py': QUIET_PY });
    commit(repo, { '--output=x.py': BLOCKING_PY, '-c.py': BLOCKING_PY, 'app/--exec=touch y.py': BLOCKING_PY }, 'head');
    const r = asyncguard(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual(where(jsonReport(r)), ['--output=x.py 5:5', '-c.py 5:5', 'app/--exec=touch y.py 5:5']);
    const check = asyncguard(repo, ['check', '--format', 'json', '--', '--output=x.py']);
    assert.deepEqual(where(jsonReport(check)), ['--output=x.py 5:5']);
    assert.ok(!existsSync(join(repo, 'x')) && !existsSync(join(repo, 'y')));
  });

  it("git configuration and environment that would change git's output or run commands: ignored", () => {
    const { repo, sandbox } = target();
    const script = join(sandbox, 'hook.sh');
    writeFileSync(script, `#!/bin/sh\ntouch ${join(sandbox, 'ran')}\n`);
    chmodSync(script, 0o755);
    const other = repository({ 'app/other.py': QUIET_PY });
    git(repo, 'config', 'diff.external', script);
    git(repo, 'config', 'core.pager', script);
    git(repo, 'config', 'diff.evil.textconv', script);
    git(repo, 'config', 'diff.noprefix', 'true');
    git(repo, 'config', 'color.diff', 'always');
    put(repo, { '.git/info/attributes': '*.py diff=evil\n' });
    const r = asyncguard(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json'], {
      env: { GIT_EXTERNAL_DIFF: script, GIT_PAGER: script, PAGER: script, GIT_DIR: join(other, '.git'), GIT_WORK_TREE: other },
    });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(where(jsonReport(r)), ['app/api.py 5:5']);
    assert.deepEqual(readdirSync(sandbox), ['hook.sh']);
  });
});

/**
 * A module loaded before asyncguard (`node --import`): it records every child process and refuses
 * every network call, for the command under test to be watched from inside.
 */
const RECORDER = `
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
const require = createRequire(import.meta.url);
const log = process.env.ASYNCGUARD_RECORD;
const record = (entry) => appendFileSync(log, JSON.stringify(entry) + '\\n');
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
  const original = cp[name];
  cp[name] = function (file, args, options) {
    const opts = Array.isArray(args) ? options : args;
    const shell = name === 'exec' || name === 'execSync' || Boolean(opts && opts.shell);
    record({ kind: 'process', name, file: String(file), args: Array.isArray(args) ? args.map(String) : [], shell });
    return original.apply(this, arguments);
  };
}
const deny = (what) => function () {
  record({ kind: 'network', what });
  throw new Error('network access refused: ' + what);
};
const net = require('node:net');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
net.Socket.prototype.connect = deny('net.Socket.connect');
const dns = require('node:dns');
dns.lookup = deny('dns.lookup');
dns.resolve = deny('dns.resolve');
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = deny(mod + ' request');
  m.get = deny(mod + ' get');
}
require('node:tls').connect = deny('tls.connect');
globalThis.fetch = deny('fetch');
const vm = require('node:vm');
for (const name of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) {
  const original = vm[name];
  vm[name] = function () { record({ kind: 'evaluate', what: 'vm.' + name }); return original.apply(this, arguments); };
}
syncBuiltinESMExports();
`;

describe('what asyncguard runs', () => {
  it('only git, without a shell; no network; the analysed code never runs', () => {
    const work = tempDir();
    const recorder = join(work, 'recorder.mjs');
    writeFileSync(recorder, RECORDER);
    const log = join(work, 'record.jsonl');
    const marker = (name: string): string => join(work, `ran-${name}`);
    // Code that leaves a mark if it is ever executed, imported or evaluated.
    const sources: Record<string, string> = {
      'app/boot.py': `import os\nimport time\nopen(${JSON.stringify(marker('python'))}, "w").write("x")\nos.system("touch ${marker('python-shell')}")\n\n\nasync def handler():\n    time.sleep(1)\n`,
      'app/boot.js': `const fs = require('fs');\nfs.writeFileSync(${JSON.stringify(marker('commonjs'))}, 'x');\nrequire('child_process').execSync('touch ${marker('node-shell')}');\n\nasync function handler() {\n  return fs.readFileSync('x');\n}\nmodule.exports = { handler };\n`,
      'app/boot.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker('esm'))}, 'x');\nexport async function handler() {\n  return 1;\n}\n`,
      'app/eval.ts': `eval("require('fs').writeFileSync(${JSON.stringify(marker('eval'))}, 'x')");\nexport const x = new Function('return 1')();\n`,
      // A `git` in the repository must not shadow the real one.
      git: `#!/bin/sh\ntouch ${marker('fake-git')}\n`,
    };
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, sources);
    chmodSync(join(repo, 'git'), 0o755);
    const watched = (args: string[], input?: string): void => {
      const r = asyncguard(repo, args, { nodeArgs: ['--import', recorder], env: { ASYNCGUARD_RECORD: log }, ...(input !== undefined ? { input } : {}) });
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    };
    watched(['check', '.', '--format', 'json']);
    watched(['diff', '--format', 'json']);
    git(repo, 'add', '-A');
    watched(['diff', '--patch', '-', '--format', 'json'], git(repo, 'diff', '--cached'));

    const records = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; file?: string; shell?: boolean; args?: string[] });
    const processes = records.filter((r) => r.kind === 'process');
    assert.ok(processes.length > 0, 'the recorder saw git run');
    for (const p of processes) {
      assert.equal(p.file, 'git', `only git runs: ${JSON.stringify(p)}`);
      assert.equal(p.shell, false, `never through a shell: ${JSON.stringify(p)}`);
      assert.deepEqual(p.args?.slice(0, 3), ['--no-pager', '-c', 'core.quotepath=off']);
    }
    assert.deepEqual(records.filter((r) => r.kind !== 'process'), [], 'no network access, nothing evaluated');
    assert.deepEqual(readdirSync(work).filter((f) => f.startsWith('ran-')), [], 'the analysed code never ran');
  });

  it('the source imports nothing that could reach the network or run code', () => {
    // What the shipped code may import: Node's file, path, hashing and thread modules, and its
    // declared dependencies; child_process only where git is run.
    const allowed = new Set([
      'node:fs', 'node:path', 'node:os', 'node:url', 'node:crypto', 'node:module', 'node:async_hooks', 'node:worker_threads',
      'commander', 'diff', 'ignore', 'jsonc-parser', 'picocolors', 'web-tree-sitter',
    ]);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
      });
    const problems: string[] = [];
    for (const file of files(join(projectRoot, 'src'))) {
      const rel = relative(projectRoot, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      // TypeScript's own scanner: real imports, static and dynamic, not example code in strings.
      for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
        if (spec.startsWith('.')) continue;
        if (spec === 'node:child_process' && rel === 'src/change/git.ts') continue;
        if (!allowed.has(spec)) problems.push(`${rel} imports ${spec}`);
      }
      if (rel.startsWith('src/knowledge/')) continue;
      // Code, not comments: the catalog and comments mention these APIs by name.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const [pattern, what] of [
        [/\beval\s*\(/, 'eval'],
        [/\bnew\s+Function\s*\(/, 'new Function'],
        // A module of its own, named by a literal, may be loaded when first needed; nothing else.
        [/(?<![.\w])import\s*\((?!\s*'\.\.?\/[^']*'\s*\))/, 'a dynamic import'],
        [/\brequire\s*\((?!\s*\))/, 'require'],
        [/\bfetch\s*\(\s*['"`]?https?:/, 'fetch'],
      ] as const) {
        if (pattern.test(code)) problems.push(`${rel} uses ${what}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
