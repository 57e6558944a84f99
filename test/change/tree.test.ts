// Tests of the source trees: a git revision's files, the working tree inside and outside git.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GitError } from '../../src/change/git.js';
import { revisionTree, safeRelativePath, workingTree } from '../../src/change/tree.js';
import { createTempRepo, removeTemporaryFolders, symlink, temporaryFolder, writeFile } from './temp-repo.js';

after(removeTemporaryFolders);

function text(content: Buffer | undefined): string | undefined {
  return content?.toString('utf8');
}

describe('safeRelativePath', () => {
  it('normalises harmless spellings and refuses escapes', () => {
    assert.equal(safeRelativePath('./src//a.py'), 'src/a.py');
    for (const path of ['', '.', '../x', 'a/../../x', '/etc/passwd', 'C:/x', '..\\x', 'a\0b']) {
      assert.equal(safeRelativePath(path), undefined, path);
    }
  });
});

describe('revisionTree', () => {
  const repo = createTempRepo();
  repo.write('app/main.py', 'async def main():\n    pass\n');
  repo.write('app/util.py', 'def util():\n    return 1\n');
  repo.write('image.bin', Buffer.from([0, 1, 2, 0x0a, 3]));
  for (let i = 0; i < 300; i++) repo.write(`many/m${String(i).padStart(3, '0')}.py`, `value = ${i}\n`);
  symlink(repo.root, 'app/alias.py', 'main.py');
  symlink(repo.root, 'app/outside.py', '../../outside.py');
  const base = repo.commit('base');
  repo.write('app/main.py', 'changed\n');
  repo.write('app/added.py', 'new\n');
  repo.commit('head');

  it('lists the files of the revision, sorted, without symlinks', () => {
    const tree = revisionTree(repo.root, base);
    const files = tree.listFiles();
    assert.equal(tree.label, base);
    assert.equal(tree.root, repo.root);
    assert.deepEqual(files.slice(0, 3), ['app/main.py', 'app/util.py', 'image.bin']);
    assert.equal(files.length, 303);
    assert.ok(!files.includes('app/added.py'));
  });

  it('reads the contents as they were at the revision, byte for byte', () => {
    const tree = revisionTree(repo.root, 'HEAD~1');
    assert.equal(text(tree.readFile('app/main.py')), 'async def main():\n    pass\n');
    assert.deepEqual(tree.readFile('image.bin'), Buffer.from([0, 1, 2, 0x0a, 3]));
    for (let i = 0; i < 300; i += 1) {
      assert.equal(text(tree.readFile(`many/m${String(i).padStart(3, '0')}.py`)), `value = ${i}\n`);
    }
  });

  it('reads a file from disk only when it is the revision\'s blob, byte for byte', () => {
    const other = createTempRepo();
    other.write('same.py', 'x = 1\n');
    other.write('edited.py', 'y = 1\n');
    other.write('grown.py', 'z = 1\n');
    const head = other.commit('base');
    // The same size, other bytes: only the object id tells them apart.
    other.write('edited.py', 'y = 2\n');
    other.write('grown.py', 'z = 12\n');
    rmSync(join(other.root, 'same.py'));
    symlink(other.root, 'same.py', 'edited.py');
    const tree = revisionTree(other.root, head);
    assert.equal(text(tree.readFile('edited.py')), 'y = 1\n');
    assert.equal(text(tree.readFile('grown.py')), 'z = 1\n');
    assert.equal(text(tree.readFile('same.py')), 'x = 1\n');
  });

  it('follows symlinks inside the revision and refuses the rest', () => {
    const tree = revisionTree(repo.root, base);
    assert.equal(text(tree.readFile('app/alias.py')), 'async def main():\n    pass\n');
    assert.equal(tree.readFile('app/outside.py'), undefined);
    assert.equal(tree.readFile('app/added.py'), undefined);
    assert.equal(tree.readFile('../outside.py'), undefined);
    assert.equal(tree.readFile('/etc/passwd'), undefined);
    assert.equal(tree.readFile('app'), undefined);
  });

  it('refuses a revision that names no commit', () => {
    assert.throws(() => revisionTree(repo.root, 'nope'), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.match(error.message, /unknown revision 'nope'/);
      return true;
    });
  });
});

describe('workingTree in a git repository', () => {
  it('lists tracked and untracked files, not ignored or deleted ones, and reads them from disk', () => {
    const repo = createTempRepo();
    repo.write('.gitignore', 'node_modules/\n*.log\n');
    repo.write('src/a.py', 'a\n');
    repo.write('src/gone.py', 'gone\n');
    repo.commit('base');
    // Deleted from disk only: git still tracks it, but there is nothing to read.
    rmSync(join(repo.root, 'src/gone.py'));
    repo.write('src/a.py', 'edited\n');
    repo.write('src/new.py', 'new\n');
    repo.write('node_modules/pkg/index.js', 'ignored\n');
    repo.write('trace.log', 'ignored\n');
    const outside = temporaryFolder();
    writeFile(outside, 'secret.py', 'secret\n');
    symlink(repo.root, 'src/secret.py', `${outside}/secret.py`);

    const tree = workingTree(repo.root);
    assert.equal(tree.label, 'working tree');
    assert.deepEqual(tree.listFiles(), ['.gitignore', 'src/a.py', 'src/new.py']);
    assert.equal(text(tree.readFile('src/a.py')), 'edited\n');
    assert.equal(tree.readFile('src/gone.py'), undefined);
    assert.equal(tree.readFile('src/secret.py'), undefined);
    assert.equal(tree.readFile('../x'), undefined);
    assert.equal(tree.readFile('src'), undefined);
  });
});

describe('workingTree outside git', () => {
  it('walks the folder honouring nested .gitignore files and never following symlinks', () => {
    const root = temporaryFolder();
    writeFile(root, '.gitignore', '*.log\nout/\n!keep.log\n');
    writeFile(root, 'main.py', 'main\n');
    writeFile(root, 'debug.log', 'ignored\n');
    writeFile(root, 'keep.log', 'kept by negation\n');
    writeFile(root, 'out/gen.py', 'ignored folder\n');
    writeFile(root, 'pkg/.gitignore', 'secret.py\n!*.log\n');
    writeFile(root, 'pkg/mod.py', 'mod\n');
    writeFile(root, 'pkg/secret.py', 'ignored here\n');
    writeFile(root, 'pkg/local.log', 'unignored below\n');
    writeFile(root, '.git/config', 'not a real repository\n');
    const elsewhere = temporaryFolder();
    writeFile(elsewhere, 'far.py', 'far\n');
    symlink(root, 'linked', elsewhere);
    symlink(root, 'loop', '.');
    symlink(root, 'alias.py', 'main.py');

    const tree = workingTree(root);
    assert.deepEqual(tree.listFiles(), ['.gitignore', 'keep.log', 'main.py', 'pkg/.gitignore', 'pkg/local.log', 'pkg/mod.py']);
    assert.equal(text(tree.readFile('pkg/mod.py')), 'mod\n');
    assert.equal(text(tree.readFile('alias.py')), 'main\n');
    assert.equal(tree.readFile('linked/far.py'), undefined);
    assert.equal(tree.readFile('missing.py'), undefined);
  });
});

describe('filesMentioning', () => {
  const repo = createTempRepo();
  repo.write('app/api.py', 'from app.geo import lookup\n\nasync def handler(ip):\n    return lookup(ip)\n');
  repo.write('app/geo.py', 'def lookup(ip):\n    return ip\n');
  repo.write('app/other.py', 'def lookups():\n    return "lookup_table"\n');
  repo.write('docs/notes.md', 'lookup is described here\n');
  repo.write('odd dir/new\nline.py', 'x = lookup\n');
  const base = repo.commit('base');
  repo.write('app/later.py', 'y = lookup(1)\n');
  repo.commit('later');
  writeFile(repo.root, 'app/untracked.py', 'z = lookup\n');
  const byWord = (found: ReadonlyMap<string, ReadonlySet<string>> | undefined): Record<string, string[]> =>
    Object.fromEntries([...(found ?? new Map<string, ReadonlySet<string>>())].map(([w, files]) => [w, [...files].sort()]));

  it('names, per word, the source files that hold it as a whole word, untracked ones included', () => {
    assert.deepEqual(byWord(workingTree(repo.root).filesMentioning?.(['lookup', 'handler', 'absent'], ['.py'])), {
      absent: [],
      handler: ['app/api.py'],
      lookup: ['app/api.py', 'app/geo.py', 'app/later.py', 'app/untracked.py', 'odd dir/new\nline.py'],
    });
  });

  it('searches a revision as it was', () => {
    assert.deepEqual(byWord(revisionTree(repo.root, base).filesMentioning?.(['lookup'], ['.py'])), {
      lookup: ['app/api.py', 'app/geo.py', 'odd dir/new\nline.py'],
    });
  });

  it('searches a revision as it was when the working tree differs from it (edited, staged, deleted, new files)', () => {
    const other = createTempRepo();
    other.write('a.py', 'lookup = 1\n');
    other.write('b.py', 'nothing = 1\n');
    other.write('c.py', 'lookup = 3\n');
    other.write('d.py', 'lookup = 4\n');
    const head = other.commit('base');
    other.write('a.py', 'gone = 1\n');
    other.write('b.py', 'lookup = 2\n');
    other.git('add', 'b.py');
    rmSync(join(other.root, 'c.py'));
    other.write('e.py', 'lookup = 5\n');
    other.git('add', 'e.py');
    assert.deepEqual(byWord(revisionTree(other.root, head).filesMentioning?.(['lookup'], ['.py'])), { lookup: ['a.py', 'c.py', 'd.py'] });
    assert.deepEqual(byWord(workingTree(other.root).filesMentioning?.(['lookup'], ['.py'])), { lookup: ['b.py', 'd.py', 'e.py'] });
  });

  it('takes `$` as part of a name, as JavaScript does', () => {
    const other = createTempRepo();
    other.write('a.js', 'const data = $fetch(url);\n');
    other.write('b.js', 'const data = my$fetch(url) + fetch$(url);\n');
    other.write('c.js', 'const data = fetch(url);\n');
    other.commit('base');
    assert.deepEqual(byWord(workingTree(other.root).filesMentioning?.(['$fetch', 'fetch'], ['.js'])), { $fetch: ['a.js'], fetch: ['c.js'] });
  });

  it('takes words with regular-expression characters literally', () => {
    assert.deepEqual(byWord(workingTree(repo.root).filesMentioning?.(['look.p', '$lookup'], ['.py'])), { '$lookup': [], 'look.p': [] });
  });

  it('cannot tell outside git', () => {
    const folder = temporaryFolder();
    writeFile(folder, 'a.py', 'lookup\n');
    assert.equal(workingTree(folder).filesMentioning?.(['lookup'], ['.py']), undefined);
  });
});
