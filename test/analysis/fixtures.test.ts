// Runs every annotated fixture: each finding must be annotated, and each annotation produced.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFiles } from '../../src/index.js';
import { type Expected, expectationsIn } from '../helpers/expectations.js';
import { fixturesDir } from '../helpers/paths.js';
import { copyFixture } from '../helpers/workspace.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const key = (e: { file: string; line: number; category: string; confidence: string }): string =>
  `${e.file}:${e.line} ${e.category} ${e.confidence}`;

for (const language of readdirSync(fixturesDir).filter((d) => statSync(join(fixturesDir, d)).isDirectory())) {
  describe(`${language} fixtures`, () => {
    for (const name of readdirSync(join(fixturesDir, language)).sort()) {
      it(name, async () => {
        const source = join(fixturesDir, language, name);
        // A single file is analysed as app/<name>; a folder is a small repository of its own.
        const isFolder = statSync(source).isDirectory();
        const root = isFolder ? copyFixture(source) : copyFixture(source, join('app', name));
        const expected: Expected[] = [];
        for (const file of walk(root)) {
          const rel = relative(root, file).split('\\').join('/');
          expected.push(...expectationsIn(rel, readFileSync(file, 'utf8')));
        }
        const { report } = await analyzeFiles({ cwd: root, paths: ['.'] });
        const got = report.findings.map((f) => key(f)).sort();
        assert.deepEqual(got, expected.map((e) => key(e)).sort(), `findings of ${name}:\n${report.findings.map((f) => `  ${f.file}:${f.line} ${f.message}`).join('\n')}`);
      });
    }
  });
}
