// The pure parts of `npm run bench`: its command line, the synthetic change, the goals and the tables.
// The bench itself takes minutes and is not run here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANGED_FILES, changedContent, isChangeCandidate, pickChangedFiles, probeLanguage, probeName } from '../../scripts/bench/change.js';
import { summarize } from '../../scripts/bench/measure.js';
import { BenchUsageError, DEFAULT_REPEAT, parseBenchArgs, TREE_IDS } from '../../scripts/bench/options.js';
import { npmErrorOf } from '../../scripts/bench/peers.js';
import { evaluateTargets, type Measurement, renderTable, type RunKind } from '../../scripts/bench/results.js';
import { analyzeFiles } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

describe('bench command line', () => {
  it('measures every tree three times with the peers by default', () => {
    assert.deepEqual(parseBenchArgs([]), { trees: TREE_IDS, repeat: DEFAULT_REPEAT, quick: false, peers: true, keep: false });
  });

  it('reads trees, aliases, repetitions, workers and the JSON file', () => {
    const options = parseBenchArgs(['--tree', 'rust,js', '--repeat=5', '--no-peers', '--workers', '2', '--json', 'out.json']);
    assert.deepEqual(options?.trees, ['npm', 'deps', 'rust'], 'measuring order, aliases expanded');
    assert.equal(options?.repeat, 5);
    assert.equal(options?.peers, false);
    assert.equal(options?.workers, 2);
    assert.equal(options?.json, 'out.json');
  });

  it('runs once in quick mode unless told otherwise', () => {
    assert.equal(parseBenchArgs(['--quick'])?.repeat, 1);
    assert.equal(parseBenchArgs(['--quick', '--repeat', '2'])?.repeat, 2);
  });

  it('returns nothing for --help and refuses bad arguments with a reason', () => {
    assert.equal(parseBenchArgs(['--help']), undefined);
    for (const [argv, reason] of [
      [['--tree', 'go'], /unknown tree 'go'/],
      [['--tree', ','], /names no tree/],
      [['--repeat', '0'], /--repeat takes a whole number of 1 or more/],
      [['--workers', 'many'], /--workers/],
      [['--json'], /--json takes a file name/],
      [['--fast'], /unknown argument '--fast'/],
    ] as const) {
      assert.throws(() => parseBenchArgs(argv), (error: unknown) => error instanceof BenchUsageError && reason.test(error.message), argv.join(' '));
    }
  });
});

describe('bench peers', () => {
  it("says why npm could not install them in one line: npm's error code and message", () => {
    const stderr = [
      'npm warn Unknown user config "nodedir".',
      'npm error code ECONNREFUSED',
      'npm error syscall connect',
      'npm error FetchError: request to http://127.0.0.1:9/eslint failed, reason: connect ECONNREFUSED',
      'npm error     at ClientRequest.<anonymous> (index.js:130:14)',
    ].join('\n');
    assert.equal(npmErrorOf(stderr), 'code ECONNREFUSED: FetchError: request to http://127.0.0.1:9/eslint failed, reason: connect ECONNREFUSED');
    assert.equal(npmErrorOf('npm error 404 Not Found - GET https://registry.npmjs.org/nope\n'), '404 Not Found - GET https://registry.npmjs.org/nope');
  });
});

describe('bench synthetic change', () => {
  const file = (path: string, size = 4096): { path: string; size: number } => ({ path, size });

  it('changes only typical source files that no path role exempts', () => {
    assert.equal(isChangeCandidate(file('asyncio/streams.py')), true);
    assert.equal(isChangeCandidate(file('lib/index.ts')), true);
    assert.equal(isChangeCandidate(file('tokio/src/net/tcp.rs')), true);
    for (const exempt of ['test/test_os.py', 'pkg/test_util.py', 'src/a.test.ts', 'bin/npm-cli.js', 'crate/build.rs', 'crate/examples/echo.rs', 'crate/tests/it.rs', 'lib/cli.js', 'types/index.d.ts', 'README.md']) {
      assert.equal(isChangeCandidate(file(exempt)), false, exempt);
    }
    assert.equal(isChangeCandidate(file('lib/tiny.js', 100)), false, 'too small');
    assert.equal(isChangeCandidate(file('lib/table.js', 1_000_000)), false, 'too large');
  });

  it('spreads the changed files over the tree, the same every time', () => {
    const files = Array.from({ length: 100 }, (_, i) => file(`pkg/m${String(i).padStart(3, '0')}.py`));
    const picked = pickChangedFiles([...files, file('tests/t.py')]);
    assert.equal(picked.length, CHANGED_FILES);
    assert.equal(new Set(picked).size, CHANGED_FILES);
    assert.deepEqual(picked, pickChangedFiles([...files].reverse()));
    assert.equal(picked[0], 'pkg/m005.py');
    assert.equal(picked[9], 'pkg/m095.py');
    assert.deepEqual(pickChangedFiles(files.slice(0, 3)), ['pkg/m000.py', 'pkg/m001.py', 'pkg/m002.py']);
  });

  it('appends after a final newline and names each round differently', () => {
    assert.match(changedContent('x = 1', 'a.py', 0, 0), /^x = 1\n\n\nimport time/);
    assert.notEqual(changedContent('x = 1\n', 'a.py', 0, 0), changedContent('x = 1\n', 'a.py', 1, 0));
    assert.equal(probeLanguage('a.d.ts'), undefined);
  });

  it('gives one introduced-looking finding per changed file, in every language', async () => {
    const originals: Record<string, string> = {
      'app/store.py': 'def load():\n    return 1\n',
      'lib/server.js': "'use strict';\nmodule.exports = function handler() {};",
      'lib/index.mts': 'export const answer: number = 42;\n',
      'crate/src/lib.rs': 'pub fn load() -> u32 {\n    1\n}\n',
    };
    const root = tempDir();
    writeFiles(root, Object.fromEntries(Object.entries(originals).map(([path, text], index) => [path, changedContent(text, path, 3, index)])));
    const { report } = await analyzeFiles({ cwd: root, paths: ['.'], cache: false, workers: 1 });
    const found = report.findings.map((f) => [f.file, f.context.name]).sort();
    const expected = Object.keys(originals).map((path, index) => [path, probeName(probeLanguage(path) ?? 'python', 3, index)]).sort();
    assert.deepEqual(found, expected);
  });
});

describe('bench results', () => {
  const measurement = (kind: RunKind, wallMs: number, maxRssMb = 100, bytes = 30_000_000): Measurement => ({
    kind,
    label: kind === 'peer' ? 'Ruff' : `asyncguard ${kind.replace('-', ', ')} cache`,
    files: 10,
    bytes,
    samples: [{ wallMs, cpuMs: wallMs, maxRssMb }],
    summary: { wallMs, cpuMs: wallMs, maxRssMb },
    outcome: '',
  });

  it('keeps the median times and the largest peak RSS of the runs', () => {
    const figures = summarize([
      { wallMs: 3, cpuMs: 30, maxRssMb: 100 },
      { wallMs: 1, cpuMs: 10, maxRssMb: 300 },
      { wallMs: 2, cpuMs: Number.NaN, maxRssMb: 200 },
    ]);
    assert.deepEqual(figures, { wallMs: 2, cpuMs: 20, maxRssMb: 300 });
  });

  it('marks each goal met or not from the figures', () => {
    const targets = evaluateTargets('python', 'ruff', [
      measurement('check-cold', 2000),
      measurement('check-warm', 400),
      measurement('peer', 4000, 500),
      measurement('diff-cold', 900, 350),
      measurement('diff-warm', 300),
    ]);
    const byGoal = Object.fromEntries(targets.map((t) => [t.goal, [t.met, t.actual]]));
    assert.deepEqual(byGoal, {
      'check, cold cache: >= 10 MB/s': [true, '15.0 MB/s'],
      'check, cold cache: ahead of Ruff (wall ratio < 1)': [true, "0.50x Ruff's wall time"],
      'check, warm cache: < 0.5 s': [true, '0.40 s'],
      'diff, cold cache: < 0.5 s': [false, '0.90 s'],
      'diff, warm cache: < 0.5 s': [true, '0.30 s'],
      'peak RSS: < 300 MB': [false, '350 MB (diff, cold cache)'],
    });
    const eslint = evaluateTargets('npm', 'eslint', [measurement('check-cold', 1000), measurement('peer', 5000)]);
    assert.deepEqual(eslint.map((t) => [t.goal, t.met]), [
      ['check, cold cache: >= 10x faster than ESLint n/no-sync', false],
      ['peak RSS: < 300 MB', true],
    ]);
  });

  it('pads columns to their widest cell', () => {
    const table = renderTable(['run', 'wall s'], [['check', '1.50'], ['diff, warm', '12.3']], ['left', 'right'], '');
    assert.equal(table, 'run         wall s\ncheck         1.50\ndiff, warm    12.3');
  });
});
