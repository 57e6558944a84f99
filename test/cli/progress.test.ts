// The progress line: drawn only on a terminal outside CI, throttled, erased before the report.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressLine, progressText, wantsProgress } from '../../src/cli/progress.js';
import { analyzeFiles, type Progress } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/workspace.js';

/** A terminal-like stream that records what is written. */
function fakeTerminal(isTTY = true): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progress line', () => {
  it('is wanted on a terminal only, and never in CI', () => {
    assert.equal(wantsProgress(fakeTerminal(), {}), true);
    assert.equal(wantsProgress(fakeTerminal(false), {}), false);
    assert.equal(wantsProgress(fakeTerminal(), { CI: 'true' }), false);
    assert.equal(wantsProgress(fakeTerminal(), { CI: 'false' }), true);
    assert.equal(wantsProgress(fakeTerminal(), { TERM: 'dumb' }), false);
  });

  it('says files done of the total, size and throughput', () => {
    assert.equal(
      progressText({ filesDone: 50, filesTotal: 200, sourceDone: 4_000_000 }, 2000),
      'asyncguard: [######------------------] 50/200 files · 4.0 MB · 2.0 MB/s',
    );
    assert.equal(progressText({ filesDone: 7, sourceDone: 1_500_000 }, 500), 'asyncguard: 7 files · 1.5 MB · 3.0 MB/s');
  });

  it('draws nothing for a short run, then at most every 100 ms, cut to the terminal width, and erases itself', () => {
    let t = 0;
    const stream = fakeTerminal();
    const line = progressLine(stream, () => t);
    const p: Progress = { filesDone: 1, filesTotal: 3, sourceDone: 10 };
    line.update(p);
    t = 400;
    line.update(p);
    assert.deepEqual(stream.written, []);
    t = 600;
    line.update(p);
    t = 650;
    line.update({ ...p, filesDone: 2 });
    assert.equal(stream.written.length, 1);
    assert.match(stream.written[0] ?? '', /^\r\S.* 1\/3 files/);
    assert.ok((stream.written[0] ?? '').replace('\x1b[K', '').length <= 60);
    line.done();
    assert.equal(stream.written.at(-1), '\r\x1b[K');
  });

  it('is erased only when it was drawn', () => {
    const stream = fakeTerminal();
    progressLine(stream, () => 0).done();
    assert.deepEqual(stream.written, []);
  });

  it('is fed by the library: files done grow to the total', async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`app/m${i}.py`] = `async def f${i}():\n    return ${i}\n`;
    writeFiles(dir, { ...files, 'README.md': 'not code\n' });
    const seen: Progress[] = [];
    await analyzeFiles({ cwd: dir, paths: ['.'], cache: false, workers: 1, onProgress: (p) => seen.push(p) });
    assert.deepEqual(
      seen.map((p) => [p.filesDone, p.filesTotal]),
      [1, 2, 3, 4, 5].map((n) => [n, 5]),
    );
    assert.ok((seen.at(-1)?.sourceDone ?? 0) > 0);
  });
});
