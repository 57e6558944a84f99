// Unit tests of parseUnifiedDiff on hand-written patches in git's dialect and plain `diff -u`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileChange } from '../../src/change/change-set.js';
import { parseUnifiedDiff, PatchError } from '../../src/change/patch.js';

/** Joins patch lines; a patch always ends with a newline. */
function patch(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function only(text: string): FileChange {
  const { files } = parseUnifiedDiff(text);
  assert.equal(files.length, 1, `expected one file, got ${JSON.stringify(files)}`);
  const [file] = files;
  assert.ok(file !== undefined);
  return file;
}

function assertPatchError(text: string, pattern: RegExp): void {
  assert.throws(
    () => parseUnifiedDiff(text),
    (error: unknown) => {
      assert.ok(error instanceof PatchError, `expected PatchError, got ${String(error)}`);
      assert.match(error.message, pattern);
      assert.ok(!error.message.includes('\n'), 'the message is one line');
      return true;
    },
  );
}

describe('parseUnifiedDiff', () => {
  it('reads the added lines of a modified file, counting context and skipping removals', () => {
    const file = only(
      patch(
        'diff --git a/src/app.py b/src/app.py',
        'index 1111111..2222222 100644',
        '--- a/src/app.py',
        '+++ b/src/app.py',
        '@@ -1,3 +1,4 @@',
        ' import time',
        '-def f():',
        '+async def f():',
        '+    time.sleep(1)',
        '     pass',
        '@@ -10,2 +11,2 @@ def g():',
        ' x = 1',
        '-y = 2',
        '+y = 3',
      ),
    );
    assert.deepEqual(file, { path: 'src/app.py', status: 'modified', binary: false, addedLines: [2, 3, 12] });
  });

  it('reads zero-context hunks as git diff --unified=0 prints them', () => {
    const file = only(
      patch(
        'diff --git a/m.py b/m.py',
        '--- a/m.py',
        '+++ b/m.py',
        '@@ -2 +2 @@ a',
        '-b',
        '+B',
        '@@ -3,0 +4,2 @@ c',
        '+d',
        '+e',
        '@@ -7,2 +8,0 @@',
        '-gone',
        '-gone too',
      ),
    );
    assert.deepEqual(file.addedLines, [2, 4, 5]);
  });

  it('marks a file created from /dev/null as added, every line added', () => {
    const file = only(
      patch(
        'diff --git a/new.js b/new.js',
        'new file mode 100644',
        'index 0000000..3333333',
        '--- /dev/null',
        '+++ b/new.js',
        '@@ -0,0 +1,2 @@',
        '+const a = 1;',
        '+export default a;',
      ),
    );
    assert.deepEqual(file, { path: 'new.js', status: 'added', binary: false, addedLines: [1, 2] });
  });

  it('marks a file removed to /dev/null as deleted, under its old path', () => {
    const file = only(
      patch(
        'diff --git a/old.js b/old.js',
        'deleted file mode 100644',
        'index 3333333..0000000',
        '--- a/old.js',
        '+++ /dev/null',
        '@@ -1,2 +0,0 @@',
        '-const a = 1;',
        '-export default a;',
      ),
    );
    assert.deepEqual(file, { path: 'old.js', status: 'deleted', binary: false, addedLines: [] });
  });

  it('reads a pure rename from the extended headers alone', () => {
    const file = only(
      patch(
        'diff --git a/old/name.py b/new/name.py',
        'similarity index 100%',
        'rename from old/name.py',
        'rename to new/name.py',
      ),
    );
    assert.deepEqual(file, {
      path: 'new/name.py',
      oldPath: 'old/name.py',
      status: 'renamed',
      binary: false,
      addedLines: [],
    });
  });

  it('reads a rename with edits', () => {
    const file = only(
      patch(
        'diff --git a/ren.py b/ren2.py',
        'similarity index 87%',
        'rename from ren.py',
        'rename to ren2.py',
        'index f00c965..3bb459b 100644',
        '--- a/ren.py',
        '+++ b/ren2.py',
        '@@ -10,0 +11 @@',
        '+eleven = 11',
      ),
    );
    assert.deepEqual(file, { path: 'ren2.py', oldPath: 'ren.py', status: 'renamed', binary: false, addedLines: [11] });
  });

  it('reads a copy', () => {
    const file = only(
      patch(
        'diff --git a/a.py b/b.py',
        'similarity index 90%',
        'copy from a.py',
        'copy to b.py',
        '--- a/a.py',
        '+++ b/b.py',
        '@@ -1,0 +2 @@',
        '+extra',
      ),
    );
    assert.deepEqual(file, { path: 'b.py', oldPath: 'a.py', status: 'copied', binary: false, addedLines: [2] });
  });

  it('marks binary files, from a "Binary files" line or a GIT binary patch', () => {
    const { files } = parseUnifiedDiff(
      patch(
        'diff --git a/logo.png b/logo.png',
        'index bdc955b..8835708 100644',
        'Binary files a/logo.png and b/logo.png differ',
        'diff --git a/icon.bin b/icon.bin',
        'new file mode 100644',
        'index 0000000000000000000000000000000000000000..f76dd238ade08917e6712764a16a22005a50573d',
        'GIT binary patch',
        'literal 1',
        'IcmZPo000310RR91',
        '',
        'literal 0',
        'HcmV?d00001',
        '',
      ),
    );
    assert.deepEqual(files, [
      { path: 'icon.bin', status: 'added', binary: true, addedLines: [] },
      { path: 'logo.png', status: 'modified', binary: true, addedLines: [] },
    ]);
  });

  it('reads a mode-only change as modified with no added lines', () => {
    const file = only(patch('diff --git a/run.sh b/run.sh', 'old mode 100644', 'new mode 100755'));
    assert.deepEqual(file, { path: 'run.sh', status: 'modified', binary: false, addedLines: [] });
  });

  it('unquotes C-quoted paths with octal UTF-8 bytes and escapes', () => {
    const { files } = parseUnifiedDiff(
      patch(
        'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"',
        'index 4ae8ef0..24188bd 100644',
        '--- "a/caf\\303\\251.py"',
        '+++ "b/caf\\303\\251.py"',
        '@@ -1,0 +2 @@',
        '+v',
        'diff --git "a/tab\\there.py" "b/tab\\there.py"',
        'new file mode 100644',
        '--- /dev/null',
        '+++ "b/tab\\there.py"',
        '@@ -0,0 +1 @@',
        '+n',
      ),
    );
    assert.deepEqual(
      files.map((file) => file.path),
      ['caf\u00e9.py', 'tab\there.py'],
    );
  });

  it('keeps spaces in paths, dropping the tab git appends after them', () => {
    const file = only(
      patch(
        'diff --git a/my folder/with space.py b/my folder/with space.py',
        'index bca70f3..8a08eba 100644',
        '--- a/my folder/with space.py\t',
        '+++ b/my folder/with space.py\t',
        '@@ -1,0 +2 @@ q',
        '+r',
      ),
    );
    assert.equal(file.path, 'my folder/with space.py');
    assert.deepEqual(file.addedLines, [2]);
  });

  it('sorts files by path', () => {
    const { files } = parseUnifiedDiff(
      patch(
        'diff --git a/z.py b/z.py',
        '--- a/z.py',
        '+++ b/z.py',
        '@@ -1 +1 @@',
        '-a',
        '+b',
        'diff --git a/B.py b/B.py',
        '--- a/B.py',
        '+++ b/B.py',
        '@@ -1 +1 @@',
        '-a',
        '+b',
        'diff --git a/a.py b/a.py',
        '--- a/a.py',
        '+++ b/a.py',
        '@@ -1 +1 @@',
        '-a',
        '+b',
      ),
    );
    assert.deepEqual(
      files.map((file) => file.path),
      ['B.py', 'a.py', 'z.py'],
    );
  });

  it('reads plain diff -u output with timestamps and no git header', () => {
    const file = only(
      patch(
        '--- a/lib/x.py\t2024-01-01 10:00:00.000000000 +0000',
        '+++ b/lib/x.py\t2024-01-02 10:00:00.000000000 +0000',
        '@@ -1,2 +1,2 @@',
        ' keep',
        '-old',
        '+new',
      ),
    );
    assert.deepEqual(file, { path: 'lib/x.py', status: 'modified', binary: false, addedLines: [2] });
  });

  it('reads --no-prefix and diff.mnemonicPrefix output', () => {
    assert.equal(only(patch('diff --git run.sh run.sh', 'old mode 100644', 'new mode 100755')).path, 'run.sh');
    const mnemonic = only(patch('diff --git c/m.py w/m.py', '--- c/m.py', '+++ w/m.py', '@@ -1,0 +2 @@', '+x'));
    assert.equal(mnemonic.path, 'm.py');
  });

  it('accepts a patch saved with CRLF line endings', () => {
    const text = patch('diff --git a/w.py b/w.py', '--- a/w.py', '+++ b/w.py', '@@ -1 +1,2 @@', ' a', '+b');
    assert.deepEqual(only(text.replaceAll('\n', '\r\n')), only(text));
  });

  it('handles "\\ No newline at end of file" markers', () => {
    const file = only(
      patch('--- a/n.py', '+++ b/n.py', '@@ -1 +1 @@', '-a', '\\ No newline at end of file', '+b', '\\ No newline at end of file'),
    );
    assert.deepEqual(file.addedLines, [1]);
  });

  it('folds a type change (symlink deleted, file added at the same path) into one added file', () => {
    const file = only(
      patch(
        'diff --git a/link.py b/link.py',
        'deleted file mode 120000',
        '--- a/link.py',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-mod.py',
        '\\ No newline at end of file',
        'diff --git a/link.py b/link.py',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/link.py',
        '@@ -0,0 +1 @@',
        '+real',
      ),
    );
    assert.deepEqual(file, { path: 'link.py', status: 'added', binary: false, addedLines: [1] });
  });

  it('ignores prose before the first diff, as in git format-patch mail', () => {
    const file = only(
      patch(
        'From 1234 Mon Sep 17 00:00:00 2001',
        'Subject: [PATCH] make f async',
        '',
        '---',
        ' f.py | 2 +-',
        '',
        'diff --git a/f.py b/f.py',
        '--- a/f.py',
        '+++ b/f.py',
        '@@ -1 +1 @@',
        '-def f():',
        '+async def f():',
        '-- ',
        '2.39.5',
      ),
    );
    assert.deepEqual(file.addedLines, [1]);
  });

  it('treats an empty or blank patch as an empty change', () => {
    assert.deepEqual(parseUnifiedDiff(''), { files: [] });
    assert.deepEqual(parseUnifiedDiff('\n  \n'), { files: [] });
  });

  it('rejects a hunk whose lines do not match its header, naming the line', () => {
    assertPatchError(
      patch('diff --git a/x.py b/x.py', '--- a/x.py', '+++ b/x.py', '@@ -1,2 +1,3 @@', ' a', '+b'),
      /malformed hunk at line 4/,
    );
    assertPatchError(
      patch('--- a/x.py', '+++ b/x.py', '@@ -1 +1 @@', '-a', '+b', '+c', '+d'),
      /malformed hunk at line 3/,
    );
    assertPatchError(
      patch('--- a/x.py', '+++ b/x.py', '@@ -1,3 +1,3 @@', ' a', 'diff --git a/y b/y'),
      /malformed hunk at line 3/,
    );
  });

  it('rejects paths that leave the repository', () => {
    assertPatchError(
      patch('diff --git a/../etc/x b/../etc/x', '--- a/../etc/x', '+++ b/../etc/x', '@@ -0,0 +1 @@', '+x'),
      /unsafe path '\.\.\/etc\/x' in patch \(line 1\).*'\.\.'/,
    );
    assertPatchError(patch('--- /dev/null', '+++ /etc/passwd', '@@ -0,0 +1 @@', '+x'), /absolute/);
    assertPatchError(patch('--- a/src/x', '+++ b/src/../../x', '@@ -1 +1 @@', '-a', '+b'), /'\.\.'/);
  });

  it('rejects text that is not a diff', () => {
    assertPatchError('hello world\nthis is not a patch\n', /not a unified diff/);
  });

  it('rejects combined (merge) diffs and UTF-16 text with a clear message', () => {
    assertPatchError(patch('diff --cc f.py', 'index 1,2..3', '@@@ -1,1 -1,1 +1,1 @@@'), /combined \(merge\) diffs/);
    assertPatchError('d\0i\0f\0f\0', /NUL byte at line 1/);
  });
});
