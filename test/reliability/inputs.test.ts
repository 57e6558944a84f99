// Bad input, end to end through the built command: each odd file, patch and repository of
// docs/RELIABILITY.md, with the message and exit code a user or a CI job sees.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { JsonReport } from '../../src/report/json.js';
import { git, tempDir } from '../helpers/workspace.js';
import {
  assertUsageFailure,
  asyncguard,
  BLOCKING_PY,
  commit,
  jsonReport,
  permissionsEnforced,
  put,
  QUIET_PY,
  repository,
  sarifLog,
  where,
} from './harness.js';

/** The unprivileged user the permission test runs asyncguard as when the tests run as root. */
const NOBODY = 65534;
const DEPTH = 100_000;
const CR_ONLY = BLOCKING_PY.replaceAll('\n', '\r');
const MINIFIED = `async function main(){${'var a=1;'.repeat(130_000)}require('fs').readFileSync('x');}`;

/** Every odd file at once, in a folder outside git: one run, one test per kind of file. */
const ODD_FILES: Readonly<Record<string, string | Buffer>> = {
  'app/plain.py': BLOCKING_PY,
  'app/invalid_utf8.py': Buffer.from('import time\n# caf\xe9 \xff\xfe\n\n\nasync def handler():\n    s = "\xe9"; time.sleep(1)\n', 'latin1'),
  'app/utf16le.py': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BLOCKING_PY, 'utf16le')]),
  'app/utf16be.py': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BLOCKING_PY, 'utf16le').swap16()]),
  'app/utf8_bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BLOCKING_PY)]),
  'app/crlf.py': BLOCKING_PY.replaceAll('\n', '\r\n'),
  'app/cr.py': CR_ONLY,
  'app/tabs.py': 'import time\n\n\nasync def handler():\n\tx = 1\n        time.sleep(1)\n',
  'app/empty.py': '',
  'app/binary.py': Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01, 0x02, 0xff]),
  'app/bundle.js': MINIFIED,
  'app/deep.py': `import time\n\n\nasync def handler():\n    x = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n    time.sleep(1)\n`,
  'app/chain.js': `const fs = require('fs');\n\nasync function handler() {\n  const x = fs${'.b'.repeat(DEPTH)};\n  return x;\n}\n`,
  'app/huge.py': `import time\n\n\nasync def handler():\n${'    x = 1\n'.repeat(50_000)}    time.sleep(1)\n`,
  'app/big.py': `# ${'x'.repeat(2_200_000)}\n`,
};

describe('odd files (asyncguard check)', () => {
  let report: JsonReport;
  let code: number | null;
  const findingsOf = (file: string): string[] => where(report).filter((w) => w.startsWith(`${file} `));
  const diagnosticsOf = (file: string): string[] => report.diagnostics.filter((d) => d.file === file).map((d) => d.message);

  before(() => {
    const dir = tempDir();
    put(dir, ODD_FILES);
    const r = asyncguard(dir, ['check', '.', '--format', 'json']);
    code = r.code;
    report = jsonReport(r);
  });

  it('runs to the end and fails on the blocking calls it could read', () => {
    assert.equal(code, 1);
    assert.equal(report.verdict, 'fail');
    assert.deepEqual(findingsOf('app/plain.py'), ['app/plain.py 5:5']);
  });

  it('invalid UTF-8: decoded with replacement characters, positions in the decoded text', () => {
    assert.deepEqual(findingsOf('app/invalid_utf8.py'), ['app/invalid_utf8.py 6:14']);
    assert.deepEqual(diagnosticsOf('app/invalid_utf8.py'), []);
  });

  it('UTF-16 with a byte-order mark, little- and big-endian: decoded', () => {
    assert.deepEqual(findingsOf('app/utf16le.py'), ['app/utf16le.py 5:5']);
    assert.deepEqual(findingsOf('app/utf16be.py'), ['app/utf16be.py 5:5']);
  });

  it('a UTF-8 byte-order mark: dropped, columns unchanged', () => {
    assert.deepEqual(findingsOf('app/utf8_bom.py'), ['app/utf8_bom.py 5:5']);
  });

  it('CRLF line endings: the same lines and columns as LF', () => {
    assert.deepEqual(findingsOf('app/crlf.py'), ['app/crlf.py 5:5']);
    assert.equal(report.findings.find((f) => f.file === 'app/crlf.py')?.endColumn, 18);
  });

  it('lone CR line endings: lines counted as git counts them (only LF ends a line)', () => {
    // The whole file is one line for git, so the finding is on line 1, where a diff would show it.
    assert.deepEqual(findingsOf('app/cr.py'), [`app/cr.py 1:${CR_ONLY.indexOf('time.sleep') + 1}`]);
  });

  it('mixed tabs and spaces: parsed, the call found on its line', () => {
    assert.deepEqual(findingsOf('app/tabs.py'), ['app/tabs.py 6:9']);
  });

  it('an empty file: nothing to say about it', () => {
    assert.deepEqual(findingsOf('app/empty.py'), []);
    assert.deepEqual(diagnosticsOf('app/empty.py'), []);
    assert.ok(!report.notApplicable.some((n) => n.file === 'app/empty.py'));
  });

  it('a binary file with a source name: not applicable, binary', () => {
    assert.ok(report.notApplicable.some((n) => n.file === 'app/binary.py' && n.reason === 'binary'));
    assert.deepEqual(findingsOf('app/binary.py'), []);
  });

  it('minified JavaScript with a 1 MB line: analysed, the finding at its column', () => {
    const finding = report.findings.find((f) => f.file === 'app/bundle.js');
    assert.equal(finding?.line, 1);
    // A call on a chain starts at the method's name.
    assert.equal(finding?.column, MINIFIED.indexOf('readFileSync') + 1);
    assert.deepEqual(diagnosticsOf('app/bundle.js'), []);
  });

  it('100,000-deep nesting: cut at 500 levels and reported, the code after it still analysed', () => {
    assert.deepEqual(diagnosticsOf('app/deep.py'), ['nesting deeper than 500 levels; the code below it was not analysed']);
    assert.equal(report.diagnostics.find((d) => d.file === 'app/deep.py')?.line, 5);
    assert.deepEqual(findingsOf('app/deep.py'), ['app/deep.py 6:5']);
  });

  it('a 100,000-long chain: the file is reported as too deep to follow, not lost', () => {
    assert.deepEqual(diagnosticsOf('app/chain.js'), [
      'not analysed: its code nests deeper than asyncguard can follow (a very long chain or deeply nested expression)',
    ]);
  });

  it('a huge function (50,000 lines): analysed to its end', () => {
    assert.deepEqual(findingsOf('app/huge.py'), ['app/huge.py 50005:5']);
  });

  it('a file over the size limit: skipped with a note naming the limit', () => {
    assert.ok(report.notApplicable.some((n) => n.file === 'app/big.py' && n.reason === 'too-large'));
    assert.deepEqual(diagnosticsOf('app/big.py'), ['skipped: 2200003 bytes is over the 2097152-byte limit (--max-file-size)']);
  });
});

describe('never a silent pass', () => {
  it('a changed file over the size limit leaves the verdict unknown, low', () => {
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, { 'app/api.py': `${QUIET_PY}\n\nasync def more():\n    return 2\n`, 'app/big.py': `${BLOCKING_PY}# ${'-'.repeat(100)}\n` });
    const skipped = asyncguard(repo, ['diff', '--format', 'json', '--max-file-size', '120']);
    assert.equal(skipped.code, 0);
    const report = jsonReport(skipped);
    assert.deepEqual([report.verdict, report.confidence], ['unknown', 'low']);
    assert.deepEqual(report.notApplicable, [{ file: 'app/big.py', reason: 'too-large' }]);
    assert.match(report.summary, /1 file could not be analysed/);
    // The limit is configurable: with room for the file, its blocking call is found.
    const read = asyncguard(repo, ['diff', '--format', 'json', '--max-file-size', '1k']);
    assert.equal(read.code, 1);
    assert.deepEqual(where(jsonReport(read)), ['app/big.py 5:5']);
  });

  it('a changed file git lists but that cannot be read (permission denied) is reported', () => {
    // Root reads any file: as root, asyncguard runs as the unprivileged user `nobody` instead.
    const user = permissionsEnforced() ? undefined : NOBODY;
    const repo = repository({ 'app/api.py': QUIET_PY });
    put(repo, { 'app/secret.py': BLOCKING_PY, 'locked/inner.py': BLOCKING_PY });
    if (user !== undefined) chmodSync(repo, 0o755);
    chmodSync(join(repo, 'app', 'secret.py'), 0o000);
    chmodSync(join(repo, 'locked'), 0o000);
    try {
      const diff = asyncguard(repo, ['diff', '--format', 'json'], { user });
      assert.equal(diff.code, 0, diff.stderr);
      const report = jsonReport(diff);
      assert.deepEqual([report.verdict, report.confidence], ['unknown', 'low']);
      assert.ok(report.diagnostics.some((d) => d.file === 'app/secret.py' && /could not be read/.test(d.message)));
      const check = asyncguard(repo, ['check', 'app/secret.py', '--format', 'json'], { user });
      assert.deepEqual([jsonReport(check).verdict, jsonReport(check).confidence], ['unknown', 'low']);
      assertUsageFailure(asyncguard(repo, ['check', 'locked/inner.py'], { user }), /cannot read locked\/inner\.py: permission denied/);
      // Outside git, a folder that may not be entered is named (relative to the folder checked), and leaves the verdict open.
      const plain = tempDir();
      put(plain, { 'app/api.py': QUIET_PY, 'app/locked/inner.py': BLOCKING_PY });
      if (user !== undefined) chmodSync(plain, 0o755);
      chmodSync(join(plain, 'app', 'locked'), 0o000);
      try {
        const walked = jsonReport(asyncguard(plain, ['check', 'app', '--format', 'json'], { user }));
        assert.deepEqual([walked.verdict, walked.confidence], ['unknown', 'low']);
        assert.deepEqual(walked.diagnostics, [{ file: 'locked', message: 'not analysed: the folder may not be read (permission denied)' }]);
      } finally {
        chmodSync(join(plain, 'app', 'locked'), 0o755);
      }
    } finally {
      chmodSync(join(repo, 'locked'), 0o755);
      chmodSync(join(repo, 'app', 'secret.py'), 0o644);
    }
  });

  it('lone CRs do not shift the changed lines: a changed line on an async path is seen', () => {
    const file = (n: number): string => `async function total() {\n  const a = 1; /* note */\r\r\n  return a + ${n};\n}\n\nmodule.exports = { total };\n`;
    const repo = repository({ 'app/total.js': file(1) });
    commit(repo, { 'app/total.js': file(2) }, 'head');
    const r = asyncguard(repo, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(r.code, 0);
    const report = jsonReport(r);
    assert.equal(report.verdict, 'pass', report.summary);
  });
});

describe('patches', () => {
  const repo = (): string => repository({ 'app/api.py': QUIET_PY });

  it('a malformed patch: refused with the line', () => {
    const patch = '--- a/app/api.py\n+++ b/app/api.py\n@@ -1,x +1 @@\n-a\n+b\n';
    assertUsageFailure(asyncguard(repo(), ['diff', '--patch', '-'], { input: patch }), /^asyncguard: malformed hunk header at line 3: '@@ -1,x \+1 @@'\n$/);
    const quoted = '--- a/app/api.py\n+++ "b/app/api.py\n@@ -1 +1 @@\n-a\n+b\n';
    assertUsageFailure(asyncguard(repo(), ['diff', '--patch', '-'], { input: quoted }), /the quoted file name '"b\/app\/api\.py' is not closed/);
    assertUsageFailure(asyncguard(repo(), ['diff', '--patch', '-'], { input: 'not a diff\n' }), /not a unified diff/);
  });

  it('a truncated patch: refused, saying where it ends', () => {
    const dir = repo();
    put(dir, { 'app/api.py': BLOCKING_PY });
    const full = git(dir, 'diff');
    // Cut before the hunk's last line.
    const truncated = full.slice(0, full.lastIndexOf('\n', full.length - 2) + 1);
    assert.match(full.slice(truncated.length), /^\+ {4}time\.sleep\(1\)\n$/);
    assertUsageFailure(asyncguard(dir, ['diff', '--patch', '-'], { input: truncated }), /malformed hunk at line \d+: it has fewer lines than its '@@' header counts/);
  });

  it("a path that climbs out with '../': refused, the file outside never read", () => {
    const dir = repo();
    const outside = join(dir, '..', `outside-${process.pid}.py`);
    writeFileSync(outside, BLOCKING_PY);
    const name = `../outside-${process.pid}.py`;
    const added = BLOCKING_PY.trimEnd().split('\n').map((line) => `+${line}\n`).join('');
    const patch = `diff --git a/${name} b/${name}\n--- a/${name}\n+++ b/${name}\n@@ -0,0 +1,5 @@\n${added}`;
    assertUsageFailure(asyncguard(dir, ['diff', '--patch', '-'], { input: patch }), /unsafe path '\.\.\/outside-\d+\.py' in patch \(line 1\): it leaves the repository through '\.\.'/);
  });

  it('an absolute path: refused', () => {
    const patch = '--- /dev/null\n+++ /etc/app/settings.py\n@@ -0,0 +1 @@\n+import os\n';
    assertUsageFailure(asyncguard(repo(), ['diff', '--patch', '-'], { input: patch }), /unsafe path '\/etc\/app\/settings\.py' in patch: absolute paths are not allowed/);
  });

  it('a patch naming a file the working tree lacks: not a silent pass', () => {
    const patch = '--- /dev/null\n+++ b/app/missing.py\n@@ -0,0 +1,2 @@\n+async def f():\n+    return 1\n';
    const r = asyncguard(repo(), ['diff', '--patch', '-', '--format', 'json'], { input: patch });
    assert.equal(r.code, 0);
    const report = jsonReport(r);
    assert.deepEqual([report.verdict, report.confidence], ['unknown', 'low']);
    assert.match(report.diagnostics.find((d) => d.file === 'app/missing.py')?.message ?? '', /^not analysed: changed by the patch but not a file asyncguard reads in the working tree/);
  });

  it('a patch file that cannot be read: one line naming it', () => {
    assertUsageFailure(asyncguard(repo(), ['diff', '--patch', 'nope.patch']), /^asyncguard: cannot read the patch 'nope\.patch': no such file\n$/);
  });
});

describe('repositories', () => {
  describe('a change that deletes, renames and adds odd files', () => {
    let report: JsonReport;
    let code: number | null;
    before(() => {
      const dir = repository({ 'app/old.py': BLOCKING_PY, 'app/gone.py': 'def gone():\n    return 0\n', 'app/moved.py': QUIET_PY });
      git(dir, 'mv', 'app/old.py', 'app/renamed.py');
      git(dir, 'mv', 'app/moved.py', 'app/moved2.py');
      git(dir, 'rm', '-q', 'app/gone.py');
      commit(
        dir,
        {
          'app/moved2.py': `import time\n\n\n${QUIET_PY.replace('return 1', 'time.sleep(1)\n    return 1')}`,
          'app/blob.py': Buffer.from([0, 1, 2, 3, 0xff]),
          'app/empty.py': '',
          'app/vendor.min.js': MINIFIED.slice(0, 2000),
        },
        'head',
      );
      const r = asyncguard(dir, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
      code = r.code;
      report = jsonReport(r);
    });

    it('files deleted and renamed: deleted ones listed, renamed ones read at their new path', () => {
      assert.equal(code, 1);
      // Renamed and changed: read at its new path. Renamed untouched: no line of it changed, so its
      // blocking call is none of the change's business and is not listed.
      assert.deepEqual(
        report.findings.map((f) => `${f.file}:${f.line} ${f.preexisting ? 'pre-existing' : 'introduced'}`),
        ['app/moved2.py:5 introduced'],
      );
      assert.ok(report.notApplicable.some((n) => n.file === 'app/gone.py' && n.reason === 'deleted'));
    });

    it('a binary file added with a source name: not applicable, binary', () => {
      assert.ok(report.notApplicable.some((n) => n.file === 'app/blob.py' && n.reason === 'binary'));
    });

    it('an empty file added: nothing to say about it', () => {
      assert.ok(!report.notApplicable.some((n) => n.file === 'app/empty.py'));
      assert.ok(!report.diagnostics.some((d) => d.file === 'app/empty.py'));
    });

    it('a minified bundle (.min.js): build output, not read', () => {
      assert.ok(report.notApplicable.some((n) => n.file === 'app/vendor.min.js' && n.reason === 'unsupported-language'));
      assert.deepEqual(report.diagnostics, []);
    });
  });

  it('paths with spaces, unicode, newlines and backslashes: named exactly, in every format', () => {
    const names = ['dir with space/my file.py', 'ünïcödé/çafé.py', 'new\nline.py', 'back\\slash.py'];
    const dir = repository({ 'app/api.py': QUIET_PY });
    commit(dir, Object.fromEntries(names.map((n) => [n, BLOCKING_PY])), 'head');
    const expected = names.map((n) => `${n} 5:5`).sort();
    const json = asyncguard(dir, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(json.code, 1, json.stderr);
    assert.deepEqual(where(jsonReport(json)).sort(), expected);
    const patch = asyncguard(dir, ['diff', '--patch', '-', '--format', 'json'], { input: git(dir, 'diff', 'HEAD~1', 'HEAD') });
    assert.deepEqual(where(jsonReport(patch)).sort(), expected);
    const uris = sarifLog(asyncguard(dir, ['diff', 'HEAD~1', 'HEAD', '--format', 'sarif'])).runs[0]?.results.map(
      (r) => r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    assert.deepEqual(
      uris?.sort(),
      ['dir%20with%20space/my%20file.py', 'new%0Aline.py', '%C3%BCn%C3%AFc%C3%B6d%C3%A9/%C3%A7af%C3%A9.py', 'back%5Cslash.py'].sort(),
    );
  });

  it('symbolic links and symlink loops: never followed out of the repository, never hang', () => {
    const outside = tempDir();
    put(outside, { 'secret.py': 'import subprocess\n\n\nasync def leak():\n    subprocess.run(["x"])\n' });
    const dir = repository({ 'app/api.py': QUIET_PY });
    put(dir, { 'app/real.py': BLOCKING_PY });
    symlinkSync('real.py', join(dir, 'app', 'link.py'));
    symlinkSync(join(outside, 'secret.py'), join(dir, 'app', 'out.py'));
    symlinkSync('loop2.py', join(dir, 'app', 'loop1.py'));
    symlinkSync('loop1.py', join(dir, 'app', 'loop2.py'));
    const r = asyncguard(dir, ['diff', '--format', 'json']);
    const report = jsonReport(r);
    assert.equal(r.code, 1);
    assert.deepEqual(where(report), ['app/real.py 5:5']);
    assert.ok(!r.stdout.includes('subprocess'), 'the file outside the repository was never read');
    const messages = Object.fromEntries(report.diagnostics.map((d) => [d.file, d.message]));
    assert.match(messages['app/link.py'] ?? '', /a symbolic link in the working tree: the file it points to is analysed under its own path/);
    for (const file of ['app/out.py', 'app/loop1.py', 'app/loop2.py']) {
      assert.match(messages[file] ?? '', /^not analysed: changed by the change but not a file asyncguard reads in the working tree/);
    }
    assertUsageFailure(asyncguard(dir, ['check', 'app/loop1.py']), /^asyncguard: cannot read app\/loop1\.py: a symbolic link that loops\n$/);
    // A folder walk outside git, with a link back to its own root 200 folders down: no loop.
    let deep = join(outside, 'tree');
    for (let i = 0; i < 200; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.py'), BLOCKING_PY);
    symlinkSync(outside, join(deep, 'up'));
    assert.deepEqual(where(jsonReport(asyncguard(outside, ['check', 'tree', '--format', 'json']))), [`${'d/'.repeat(200)}deep.py 5:5`]);
  });

  it('submodules: the pointer change is reported, the other repository is not entered', () => {
    const library = repository({ 'lib.py': BLOCKING_PY });
    const dir = repository({ 'app/api.py': QUIET_PY });
    git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'vendorlib');
    git(dir, 'commit', '-q', '-m', 'add submodule');
    const r = asyncguard(dir, ['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    assert.equal(r.code, 0);
    const report = jsonReport(r);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.notApplicable, [
      { file: '.gitmodules', reason: 'unsupported-language' },
      { file: 'vendorlib', reason: 'unsupported-language' },
    ]);
  });

  it('a shallow clone missing the base commit: names git fetch --deepen', () => {
    const origin = repository({ 'app/api.py': QUIET_PY });
    const first = git(origin, 'rev-parse', 'HEAD').trim();
    commit(origin, { 'app/api.py': `${QUIET_PY}# two\n` }, 'two');
    commit(origin, { 'app/api.py': `${QUIET_PY}# three\n` }, 'three');
    const clone = join(tempDir(), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    for (const base of ['HEAD~1', first]) {
      assertUsageFailure(
        asyncguard(clone, ['diff', base, 'HEAD']),
        new RegExp(`^asyncguard: unknown revision '${base.replace(/[~^]/g, '\\$&')}': this is a shallow clone .*'git fetch --deepen=<n>'`),
      );
    }
  });

  it('a folder that is not a git repository: diff says so, check works', () => {
    const dir = tempDir();
    put(dir, { 'app/api.py': BLOCKING_PY });
    assertUsageFailure(asyncguard(dir, ['diff']), /is not inside a git repository: run asyncguard diff in one, or use asyncguard check/);
    const check = asyncguard(dir, ['check', '--format', 'json']);
    assert.equal(check.code, 1);
    assert.deepEqual(where(jsonReport(check)), ['app/api.py 5:5']);
  });
});
