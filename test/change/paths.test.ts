// Tests of collectCheckTargets and isVendoredPath: which files `asyncguard check PATH...` reviews.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectCheckTargets, isVendoredPath } from '../../src/change/paths.js';
import { createTempRepo, removeTemporaryFolders, symlink, temporaryFolder, writeFile } from './temp-repo.js';

after(removeTemporaryFolders);

describe('isVendoredPath', () => {
  const cases: readonly (readonly [string, boolean])[] = [
    ['node_modules/express/index.js', true],
    ['web/node_modules/x.js', true],
    ['vendor/github.com/x/y.go', true],
    ['third_party/lib.py', true],
    ['.venv/lib/python3.12/site-packages/requests/api.py', true],
    ['venv/bin/activate_this.py', true],
    ['env/lib/python3.12/os.py', true],
    ['app/__pycache__/m.cpython-312.pyc', true],
    ['.tox/py312/x.py', true],
    ['frontend/.next/server/page.js', true],
    ['node_modules/', true],
    ['src/vendor.py', false],
    ['src/vendored/x.py', false],
    ['env/config.py', false],
    ['dist/index.js', false],
    ['build/lib.py', false],
    ['target/app.rs', false],
    ['app/handlers.py', false],
  ];
  for (const [path, expected] of cases) {
    it(`${path} → ${expected}`, () => assert.equal(isVendoredPath(path), expected));
  }
});

/** A repository with sources, ignored output, vendored code and build folders. */
function sampleRepository(): string {
  const repo = createTempRepo();
  repo.write('.gitignore', 'build/\n*.log\n');
  repo.write('src/app.py', 'async def a():\n    pass\n');
  repo.write('src/util/helpers.py', 'def h():\n    pass\n');
  repo.write('src/debug.log', 'ignored\n');
  repo.write('build/gen.py', 'ignored\n');
  repo.write('node_modules/pkg/index.js', 'vendored but not ignored\n');
  repo.write('dist/bundle.js', 'kept: not sure it is output\n');
  repo.write('target/CACHEDIR.TAG', 'Signature: 8a477f597d28d172789f06886806bc55\n');
  repo.write('target/debug/build.rs', 'cargo output\n');
  repo.write('tools/target/aim.py', 'an ordinary folder named target\n');
  repo.commit('base');
  repo.write('src/untracked.py', 'new\n');
  return repo.root;
}

describe('collectCheckTargets in a git repository', () => {
  const root = sampleRepository();

  it('lists the whole repository from its top-level, honouring .gitignore and skipping vendored code', () => {
    const targets = collectCheckTargets([], root);
    assert.deepEqual(targets, {
      root,
      files: ['.gitignore', 'dist/bundle.js', 'src/app.py', 'src/untracked.py', 'src/util/helpers.py', 'tools/target/aim.py'],
      missing: [],
      unreadable: [],
    });
  });

  it('uses the git top-level as root when run from a subfolder, listing only that subfolder', () => {
    const targets = collectCheckTargets([], join(root, 'src', 'util'));
    assert.equal(targets.root, root);
    assert.deepEqual(targets.files, ['src/util/helpers.py']);
  });

  it('keeps explicitly named files even when ignored, and names what is missing', () => {
    const targets = collectCheckTargets(['src/util', 'src/debug.log', 'nope.py', 'src/app.py'], root);
    assert.deepEqual(targets.files, ['src/app.py', 'src/debug.log', 'src/util/helpers.py']);
    assert.deepEqual(targets.missing, ['nope.py']);
  });

  it('reviews a vendored folder when it is named itself', () => {
    assert.deepEqual(collectCheckTargets(['node_modules/pkg'], root).files, ['node_modules/pkg/index.js']);
  });

  it('reports paths outside the root as missing', () => {
    const elsewhere = temporaryFolder();
    writeFile(elsewhere, 'x.py', '');
    const targets = collectCheckTargets(['src', join(elsewhere, 'x.py')], root);
    assert.deepEqual(targets.missing, [join(elsewhere, 'x.py')]);
  });
});

describe('collectCheckTargets outside git', () => {
  it('roots at the named folder and walks it honouring .gitignore', () => {
    const root = temporaryFolder();
    writeFile(root, '.gitignore', 'out/\n');
    writeFile(root, 'main.py', '');
    writeFile(root, 'lib/x.py', '');
    writeFile(root, 'out/gen.py', '');
    writeFile(root, 'node_modules/pkg/index.js', '');
    writeFile(root, '.venv/lib/python3.12/site-packages/r.py', '');
    symlink(root, 'linked', join(root, 'lib'));
    assert.deepEqual(collectCheckTargets([root], '/'), {
      root,
      files: ['.gitignore', 'lib/x.py', 'main.py'],
      missing: [],
      unreadable: [],
    });
  });

  it('roots at the parent folder of a named file', () => {
    const root = temporaryFolder();
    writeFile(root, 'pkg/one.py', '');
    writeFile(root, 'pkg/two.py', '');
    assert.deepEqual(collectCheckTargets(['pkg/one.py'], root), { root: join(root, 'pkg'), files: ['one.py'], missing: [], unreadable: [] });
  });

  it('returns only missing paths when nothing named exists', () => {
    const cwd = temporaryFolder();
    assert.deepEqual(collectCheckTargets(['a.py', 'b'], cwd), { root: cwd, files: [], missing: ['a.py', 'b'], unreadable: [] });
  });
});
