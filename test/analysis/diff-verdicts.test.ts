// SPEC §5 end to end on temporary git repositories: what a change introduces, and the verdict.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDiff } from '../../src/index.js';
import { gitRepo } from '../helpers/workspace.js';

const HELPER = `import requests


def country_for_ip(ip):
    resp = requests.get(f"https://geo.example/{ip}", timeout=3)
    return resp.json()["country"]
`;

async function diff(base: Record<string, string>, head: Record<string, string>) {
  const repo = gitRepo(base, head);
  const { report } = await analyzeDiff({ cwd: repo, base: 'HEAD~1', head: 'HEAD' });
  return report;
}

const introduced = (r: { findings: readonly { preexisting: boolean; file: string; line: number }[] }): string[] =>
  r.findings.filter((f) => !f.preexisting).map((f) => `${f.file}:${f.line}`);

describe('diff verdicts', () => {
  it('fails when a handler newly calls a blocking helper (medium, with the chain)', async () => {
    const report = await diff(
      { 'app/geo.py': HELPER, 'app/api.py': 'async def signup(ip):\n    return {"ok": True}\n' },
      {
        'app/geo.py': HELPER,
        'app/api.py': 'from app.geo import country_for_ip\n\n\nasync def signup(ip):\n    return {"country": country_for_ip(ip)}\n',
      },
    );
    assert.equal(report.verdict, 'fail');
    assert.equal(report.confidence, 'medium');
    assert.deepEqual(introduced(report), ['app/geo.py:5']);
    const finding = report.findings[0];
    assert.deepEqual(finding?.via.map((v) => v.name), ['country_for_ip']);
    assert.equal(finding?.context.name, 'signup');
  });

  it('fails when a helper already called from async code starts to block', async () => {
    const api = 'from app.flags import enabled\n\n\nasync def handler(name):\n    return enabled(name)\n';
    const report = await diff(
      { 'app/flags.py': 'def enabled(name):\n    return name == "x"\n', 'app/api.py': api },
      {
        'app/flags.py': 'import sqlite3\n\n_conn = sqlite3.connect("flags.db")\n\n\ndef enabled(name):\n    return _conn.execute("SELECT 1").fetchone()\n',
        'app/api.py': api,
      },
    );
    assert.equal(report.verdict, 'fail');
    assert.deepEqual(introduced(report), ['app/flags.py:7']);
    assert.equal(report.confidence, 'medium');
  });

  it('fails when def becomes async def over an unchanged blocking body (high)', async () => {
    const body = '    return open("VERSION").read()\n';
    const report = await diff({ 'app/views.py': `def health(request):\n${body}` }, { 'app/views.py': `async def health(request):\n${body}` });
    assert.equal(report.verdict, 'fail');
    assert.equal(report.confidence, 'high');
    assert.deepEqual(introduced(report).sort(), ['app/views.py:2']);
  });

  it('passes and marks untouched blocking as pre-existing', async () => {
    const before = 'import requests\n\n\nasync def geocode(q):\n    resp = requests.get("https://x", params={"q": q})\n    return {"found": bool(resp.json())}\n';
    const after = before.replace('return {"found": bool(resp.json())}', 'hits = resp.json()\n    return {"found": bool(hits), "query": q}');
    const report = await diff({ 'app/geo.py': before }, { 'app/geo.py': after });
    assert.equal(report.verdict, 'pass');
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]?.preexisting, true);
    assert.match(report.summary, /pre-existing/);
  });

  it('passes when the change moves the blocking call behind asyncio.to_thread', async () => {
    const before = 'import requests\n\n\nasync def avatar(url):\n    return requests.get(url).content\n';
    const after = 'import asyncio\n\nimport requests\n\n\nasync def avatar(url):\n    resp = await asyncio.to_thread(requests.get, url)\n    return resp.content\n';
    const report = await diff({ 'app/a.py': before }, { 'app/a.py': after });
    assert.equal(report.verdict, 'pass');
    assert.deepEqual(introduced(report), []);
  });

  it('is unknown for test-only and sync-only changes, with the reasons', async () => {
    const report = await diff(
      { 'README.md': 'x\n' },
      {
        'README.md': 'x\n',
        'tests/test_api.py': 'import time\n\n\nasync def test_x():\n    time.sleep(1)\n',
        'app/tasks.py': 'import requests\n\n\ndef push():\n    requests.post("https://erp")\n',
      },
    );
    assert.equal(report.verdict, 'unknown');
    assert.deepEqual(
      report.notApplicable.map((n) => `${n.file}:${n.reason}`).sort(),
      ['app/tasks.py:sync-only', 'tests/test_api.py:test'],
    );
  });

  it('is unknown when only module-level start-up code changes', async () => {
    const route = '\n\nasync def healthz():\n    return {"ok": True}\n';
    const report = await diff(
      { 'app/main.py': `from pathlib import Path${route}` },
      { 'app/main.py': `from pathlib import Path\n\nORIGINS = Path("/etc/origins").read_text().split()${route}` },
    );
    assert.equal(report.verdict, 'unknown');
    assert.deepEqual(report.notApplicable, [{ file: 'app/main.py', reason: 'startup' }]);
  });

  it('is unknown, threadpool, when only a sync FastAPI route or dependency changes', async () => {
    const app = (body: string): string =>
      `import time\n\nfrom fastapi import Depends, FastAPI\n\napp = FastAPI()\n\n\ndef settings():\n    ${body}\n    return {}\n\n\n@app.get("/a")\nasync def a(s=Depends(settings)):\n    return s\n`;
    const report = await diff({ 'app/main.py': app('pass') }, { 'app/main.py': app('time.sleep(1)') });
    assert.equal(report.verdict, 'unknown');
    assert.deepEqual(report.notApplicable, [{ file: 'app/main.py', reason: 'threadpool' }]);
  });

  it('reports deleted, binary and unsupported files as not applicable', async () => {
    const report = await diff(
      { 'app/old.py': 'x = 1\n', 'logo.png': 'a' },
      { 'logo.png': Buffer.from([0, 1, 2, 3]).toString('latin1'), 'main.go': 'package main\n' },
    );
    assert.equal(report.verdict, 'unknown');
    const reasons = Object.fromEntries(report.notApplicable.map((n) => [n.file, n.reason]));
    assert.equal(reasons['app/old.py'], 'deleted');
    assert.equal(reasons['logo.png'], 'binary');
    assert.equal(reasons['main.go'], 'unsupported-language');
  });
});
