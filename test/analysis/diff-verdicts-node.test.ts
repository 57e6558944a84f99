// SPEC §5 for JavaScript and TypeScript changes, end to end on temporary git repositories.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDiff } from '../../src/index.js';
import { gitRepo } from '../helpers/workspace.js';

async function diff(base: Record<string, string>, head: Record<string, string>) {
  const repo = gitRepo(base, head);
  return (await analyzeDiff({ cwd: repo, base: 'HEAD~1', head: 'HEAD' })).report;
}

const SERVER = `const express = require('express');
const { flushTo } = require('./metrics');

const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
`;
const METRICS = `const fs = require('fs');

function flushTo(file, lines) {
  fs.writeFileSync(file, lines.join('\\n'));
}

module.exports = { flushTo };
`;

describe('diff verdicts (JavaScript)', () => {
  it('fails when a timer in a server newly calls a blocking CommonJS helper (medium)', async () => {
    const report = await diff(
      { 'src/server.js': SERVER, 'src/metrics.js': METRICS },
      { 'src/server.js': `${SERVER}\nsetInterval(() => flushTo('/tmp/metrics', []), 15000);\n`, 'src/metrics.js': METRICS },
    );
    assert.equal(report.verdict, 'fail');
    assert.equal(report.confidence, 'medium');
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.preexisting}`), ['src/metrics.js:4 false']);
    assert.equal(report.findings[0]?.context.kind, 'event-callback');
  });

  it('passes when a handler moves from readFileSync to fs/promises', async () => {
    const before = `import { readFileSync } from 'node:fs';\nimport express from 'express';\n\nconst app = express();\napp.get('/x', (req, res) => {\n  res.send(readFileSync('x.txt', 'utf8'));\n});\n`;
    const after = `import { readFile } from 'node:fs/promises';\nimport express from 'express';\n\nconst app = express();\napp.get('/x', async (req, res) => {\n  res.send(await readFile('x.txt', 'utf8'));\n});\n`;
    const report = await diff({ 'src/app.ts': before }, { 'src/app.ts': after });
    assert.equal(report.verdict, 'pass');
    assert.deepEqual(report.findings, []);
  });

  it('is unknown for test files, scripts and module start-up code', async () => {
    const report = await diff(
      { 'package.json': '{}\n' },
      {
        'package.json': '{}\n',
        'src/app.test.ts': `import { readFileSync } from 'fs';\nit('x', async () => { readFileSync('a'); });\n`,
        'scripts/seed.js': `const fs = require('fs');\nasync function main() { fs.readFileSync('seed.json'); }\nmain();\n`,
        'src/config.js': `const fs = require('fs');\nmodule.exports = JSON.parse(fs.readFileSync('config.json', 'utf8'));\n`,
      },
    );
    assert.equal(report.verdict, 'unknown');
    assert.deepEqual(
      report.notApplicable.map((n) => `${n.file}:${n.reason}`).sort(),
      ['scripts/seed.js:script', 'src/app.test.ts:test', 'src/config.js:startup'],
    );
  });
});
