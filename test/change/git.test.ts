// Tests of the git runner: repository discovery, revision checks and their one-line errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GitError, repoRoot, resolveRevision, runGit } from '../../src/change/git.js';
import { createTempRepo, removeTemporaryFolders, temporaryFolder } from './temp-repo.js';

after(removeTemporaryFolders);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GitError, `expected GitError, got ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'the message is one line');
    return error.message;
  }
  assert.fail('expected a GitError');
}

describe('runGit', () => {
  it('returns stdout as bytes and passes input on stdin', () => {
    const repo = createTempRepo();
    const result = runGit(['hash-object', '--stdin'], { cwd: repo.root, input: 'hello\n' });
    assert.equal(result.status, 0);
    assert.equal(result.stdout.toString('utf8').trim(), 'ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('throws a one-line GitError on failure unless allowFailure is set', () => {
    const repo = createTempRepo();
    assert.match(messageOf(() => runGit(['cat-file', '-p', 'nope'], { cwd: repo.root })), /^git cat-file failed: /);
    const result = runGit(['cat-file', '-p', 'nope'], { cwd: repo.root, allowFailure: true });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /nope/);
  });

  it('explains a working folder that does not exist', () => {
    assert.match(messageOf(() => runGit(['status'], { cwd: join(temporaryFolder(), 'missing') })), /cannot run git in .*missing: the folder does not exist/);
  });
});

describe('repoRoot', () => {
  it('finds the top-level folder from a subfolder, and nothing outside a repository', () => {
    const repo = createTempRepo();
    repo.write('deep/er/file.py', '');
    assert.equal(repoRoot(join(repo.root, 'deep', 'er')), repo.root);
    assert.equal(repoRoot(temporaryFolder()), undefined);
  });
});

describe('resolveRevision', () => {
  const repo = createTempRepo();
  repo.write('a.py', 'one\n');
  const first = repo.commit('first');
  repo.git('tag', 'v1');
  repo.write('a.py', 'two\n');
  const second = repo.commit('second');

  it('returns the full commit id of branches, tags and relative names', () => {
    assert.equal(resolveRevision(repo.root, 'main'), second);
    assert.equal(resolveRevision(repo.root, 'v1'), first);
    assert.equal(resolveRevision(repo.root, 'HEAD~1'), first);
    assert.equal(resolveRevision(repo.root, first.slice(0, 8)), first);
  });

  it('rejects unknown names, non-commits, empty names and option-like names', () => {
    assert.equal(
      messageOf(() => resolveRevision(repo.root, 'feature/x')),
      "unknown revision 'feature/x': no commit, branch or tag of that name in this repository",
    );
    assert.match(messageOf(() => resolveRevision(repo.root, 'HEAD:a.py')), /unknown revision 'HEAD:a.py': .*not a commit/);
    assert.match(messageOf(() => resolveRevision(repo.root, '')), /empty revision/);
    assert.match(messageOf(() => resolveRevision(repo.root, '--all')), /invalid revision '--all': a revision cannot start with '-'/);
  });

  it('tells how to fetch more history when a shallow clone lacks the commit', () => {
    const clone = join(temporaryFolder(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone], { stdio: 'ignore' });
    const message = messageOf(() => resolveRevision(clone, 'HEAD~1'));
    assert.match(message, /^unknown revision 'HEAD~1': .*shallow clone/);
    assert.match(message, /git fetch --deepen=<n>/);
    assert.match(message, /git fetch --unshallow/);
  });
});
