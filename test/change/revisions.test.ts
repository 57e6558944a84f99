// End-to-end tests of changeBetween on temporary git repositories: committed ranges, the working tree, and bad revisions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileChange } from '../../src/change/change-set.js';
import { GitError } from '../../src/change/git.js';
import { changeBetween } from '../../src/change/revisions.js';
import { createTempRepo, removeTemporaryFolders, temporaryFolder } from './temp-repo.js';
import type { TempRepo } from './temp-repo.js';

after(removeTemporaryFolders);

function byPath(files: readonly FileChange[]): Record<string, FileChange> {
  return Object.fromEntries(files.map((file) => [file.path, file]));
}

function assertGitError(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof GitError, `expected GitError, got ${String(error)}`);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes('\n'), 'the message is one line');
    return true;
  });
}

/** A repository with a base commit and a head commit that modifies, adds, deletes and renames. */
function repositoryWithHistory(): { repo: TempRepo; base: string; head: string } {
  const repo = createTempRepo();
  repo.write('app/handlers.py', 'import time\n\ndef handler():\n    return 1\n');
  repo.write('app/old.py', 'x = 1\n');
  repo.write('lib/moved.py', Array.from({ length: 20 }, (_, i) => `line_${i} = ${i}\n`).join(''));
  repo.write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x01]));
  const base = repo.commit('base');
  repo.write('app/handlers.py', 'import time\n\nasync def handler():\n    time.sleep(1)\n    return 1\n');
  repo.git('rm', '-q', 'app/old.py');
  repo.write('app/new.py', 'async def fresh():\n    pass\n');
  repo.git('mv', 'lib/moved.py', 'lib/renamed.py');
  repo.write('lib/renamed.py', Array.from({ length: 21 }, (_, i) => `line_${i} = ${i}\n`).join(''));
  repo.write('logo.png', Buffer.from([0x89, 0x50, 0x00, 0x02]));
  const head = repo.commit('head');
  return { repo, base, head };
}

describe('changeBetween with two revisions', () => {
  const { repo, base, head } = repositoryWithHistory();

  it('reports every changed file with the new lines it adds', () => {
    const change = changeBetween(repo.root, base, head);
    assert.deepEqual(
      change.files.map((file) => file.path),
      ['app/handlers.py', 'app/new.py', 'app/old.py', 'lib/renamed.py', 'logo.png'],
    );
    const files = byPath(change.files);
    assert.deepEqual(files['app/handlers.py'], {
      path: 'app/handlers.py',
      status: 'modified',
      binary: false,
      addedLines: [3, 4],
    });
    assert.deepEqual(files['app/new.py']?.addedLines, [1, 2]);
    assert.equal(files['app/new.py']?.status, 'added');
    assert.equal(files['app/old.py']?.status, 'deleted');
    assert.deepEqual(files['lib/renamed.py'], {
      path: 'lib/renamed.py',
      oldPath: 'lib/moved.py',
      status: 'renamed',
      binary: false,
      addedLines: [21],
    });
    assert.equal(files['logo.png']?.binary, true);
  });

  it('accepts branch names, HEAD~n and A..B / A...B ranges', () => {
    const expected = changeBetween(repo.root, base, head);
    assert.deepEqual(changeBetween(repo.root, 'HEAD~1', 'main'), expected);
    assert.deepEqual(changeBetween(repo.root, `${base}..${head}`, undefined), expected);
    assert.deepEqual(changeBetween(repo.root, 'HEAD~1...', undefined), expected);
  });

  it('is unaffected by diff settings in the user\'s git config', () => {
    const expected = changeBetween(repo.root, base, head);
    for (const [key, value] of [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['color.ui', 'always'],
      ['diff.renames', 'false'],
      ['diff.external', 'false'],
      ['core.quotepath', 'true'],
    ] as const) {
      repo.git('config', key, value);
    }
    try {
      assert.deepEqual(changeBetween(repo.root, base, head), expected);
    } finally {
      for (const key of ['diff.noprefix', 'diff.mnemonicPrefix', 'color.ui', 'diff.renames', 'diff.external', 'core.quotepath']) {
        repo.git('config', '--unset', key);
      }
    }
  });

  it('rejects an unknown revision, naming it', () => {
    assertGitError(() => changeBetween(repo.root, 'no-such-branch', head), /unknown revision 'no-such-branch'/);
    assertGitError(() => changeBetween(repo.root, base, 'HEAD~9'), /unknown revision 'HEAD~9'/);
  });

  it('rejects a revision that starts with "-" before git can read it as an option', () => {
    assertGitError(() => changeBetween(repo.root, '--output=/tmp/pwned', undefined), /invalid revision '--output=\/tmp\/pwned'.*cannot start with '-'/);
    assertGitError(() => changeBetween(repo.root, base, '-p'), /invalid revision '-p'/);
  });
});

describe('changeBetween in a shallow clone', () => {
  it('tells how to fetch more history when the fork point of A...B is missing', () => {
    const repo = createTempRepo();
    repo.write('a.py', 'one\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('b.py', 'feature\n');
    repo.commit('feature');
    repo.git('checkout', '-q', 'main');
    repo.write('a.py', 'two\n');
    repo.commit('main moves on');
    const clone = join(temporaryFolder(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo.root}`, clone], { stdio: 'ignore' });
    assertGitError(
      () => changeBetween(clone, 'origin/main...origin/feature', undefined),
      /^unknown revision 'origin\/main\.\.\.origin\/feature': this shallow clone .*git fetch --deepen=<n>/,
    );
    assert.deepEqual(
      changeBetween(clone, 'origin/main', 'origin/feature').files.map((file) => file.path),
      ['a.py', 'b.py'],
    );
  });
});

describe('changeBetween with the working tree', () => {
  it('combines staged, unstaged and untracked changes against HEAD, leaving ignored files out', () => {
    const repo = createTempRepo();
    repo.write('.gitignore', '*.log\nbuild/\n');
    repo.write('staged.py', 'a = 1\n');
    repo.write('unstaged.py', 'b = 1\n');
    repo.commit('base');
    repo.write('staged.py', 'a = 1\nasync def s():\n    pass\n');
    repo.git('add', 'staged.py');
    repo.write('unstaged.py', 'b = 2\n');
    repo.write('src/untracked.py', 'import time\nasync def u():\n    time.sleep(1)\n');
    repo.write('blob.dat', Buffer.from([1, 2, 0, 3]));
    repo.write('debug.log', 'ignored\n');
    repo.write('build/out.py', 'ignored = True\n');

    const files = byPath(changeBetween(repo.root, undefined, undefined).files);
    assert.deepEqual(Object.keys(files).sort(), ['blob.dat', 'src/untracked.py', 'staged.py', 'unstaged.py']);
    assert.deepEqual(files['staged.py']?.addedLines, [2, 3]);
    assert.deepEqual(files['unstaged.py']?.addedLines, [1]);
    assert.deepEqual(files['src/untracked.py'], {
      path: 'src/untracked.py',
      status: 'added',
      binary: false,
      addedLines: [1, 2, 3],
    });
    assert.deepEqual(files['blob.dat'], { path: 'blob.dat', status: 'added', binary: true, addedLines: [] });
  });

  it('compares the working tree with an older base when only BASE is given', () => {
    const repo = createTempRepo();
    repo.write('a.py', 'one\n');
    const base = repo.commit('base');
    repo.write('a.py', 'one\ntwo\n');
    repo.commit('second');
    repo.write('a.py', 'one\ntwo\nthree\n');
    repo.write('b.py', 'new\n');
    const files = byPath(changeBetween(repo.root, base, undefined).files);
    assert.deepEqual(files['a.py']?.addedLines, [2, 3]);
    assert.deepEqual(files['b.py']?.addedLines, [1]);
  });

  it('reports every file as added in a repository without commits', () => {
    const repo = createTempRepo();
    repo.write('tracked.py', 'x = 1\ny = 2\n');
    repo.git('add', 'tracked.py');
    repo.write('loose.py', 'z = 3\n');
    const change = changeBetween(repo.root, undefined, undefined);
    assert.deepEqual(change.files, [
      { path: 'loose.py', status: 'added', binary: false, addedLines: [1] },
      { path: 'tracked.py', status: 'added', binary: false, addedLines: [1, 2] },
    ]);
  });

  it('explains that a repository without commits has no HEAD~1', () => {
    const repo = createTempRepo();
    assertGitError(() => changeBetween(repo.root, 'HEAD~1', undefined), /unknown revision 'HEAD~1': the repository has no commits yet/);
  });

  it('runs from a subfolder with paths still relative to the top-level, and refuses a plain folder', () => {
    const repo = createTempRepo();
    repo.write('pkg/a.py', 'one\n');
    repo.commit('base');
    repo.write('pkg/b.py', 'new\n');
    repo.write('top.py', 'new\n');
    const change = changeBetween(join(repo.root, 'pkg'), undefined, undefined);
    assert.deepEqual(
      change.files.map((file) => file.path),
      ['pkg/b.py', 'top.py'],
    );
    const plain = temporaryFolder();
    assertGitError(() => changeBetween(plain, undefined, undefined), /^not a git repository: /);
  });

  it('is empty when nothing changed', () => {
    const repo = createTempRepo();
    repo.write('a.py', 'one\n');
    repo.commit('base');
    assert.deepEqual(changeBetween(repo.root, undefined, undefined), { files: [] });
  });
});
