// Hand-built reports for the renderer tests: a failing change, a passing one, one out of reach.

import type { Finding, Report } from '../../src/ir/report.js';
import { RULE } from '../../src/ir/report.js';

/** The head content of the sample repository, for code frames. */
export const SOURCES: Readonly<Record<string, string>> = {
  'app/profile.py': [
    'import requests',
    '',
    'async def fetch_profile(user_id):',
    '    return requests.get(f"https://api.example.com/users/{user_id}")',
    '',
    '',
    'async def load_avatar(path):',
    '    # reads the whole file on the loop',
    '    with open(path, "rb") as fh:',
    '        return fh.read()',
  ].join('\n'),
  'app/util.py': ['import time', '', '', '', '', '', '', '', '', 'def load():', '    # wait for the cache', '    time.sleep(0.5)'].join(
    '\r\n',
  ),
};

export function readSource(file: string): string | undefined {
  return SOURCES[file];
}

export const HIGH: Finding = {
  file: 'app/profile.py',
  line: 4,
  column: 12,
  endLine: 4,
  endColumn: 68,
  category: 'network-io',
  call: 'requests.get',
  context: { name: 'fetch_profile', file: 'app/profile.py', line: 3, kind: 'async-function' },
  via: [],
  confidence: 'high',
  preexisting: false,
  message: 'requests.get performs a blocking HTTP request inside async function fetch_profile',
  remediation: 'await an async client such as httpx.AsyncClient or aiohttp, or move the call behind asyncio.to_thread',
  ruleEntry: 'python:requests.get',
};

export const MEDIUM: Finding = {
  file: 'app/util.py',
  line: 12,
  column: 5,
  endLine: 12,
  endColumn: 20,
  category: 'sleep',
  call: 'time.sleep',
  context: { name: 'handler', file: 'app/api.py', line: 20, kind: 'async-function' },
  via: [{ name: 'load', file: 'app/util.py', line: 10 }],
  confidence: 'medium',
  preexisting: false,
  message: 'time.sleep suspends the thread inside load, called from async function handler',
  remediation: 'await asyncio.sleep(seconds)',
  ruleEntry: 'python:time.sleep',
};

export const LOW: Finding = {
  file: 'app/client.py',
  line: 7,
  column: 9,
  endLine: 7,
  endColumn: 30,
  category: 'network-io',
  call: 'sdk.fetch_user',
  context: { name: 'sync_users', file: 'app/client.py', line: 5, kind: 'async-method' },
  via: [],
  confidence: 'low',
  preexisting: false,
  message: 'sdk.fetch_user may perform blocking I/O inside async method sync_users',
  remediation: 'check whether sdk.fetch_user blocks; if it does, move it behind asyncio.to_thread',
  ruleEntry: 'unknown:io-name',
};

export const PREEXISTING: Finding = {
  file: 'app/profile.py',
  line: 9,
  column: 10,
  endLine: 9,
  endColumn: 26,
  category: 'file-io',
  call: 'open',
  context: { name: 'load_avatar', file: 'app/profile.py', line: 7, kind: 'async-function' },
  via: [],
  confidence: 'high',
  preexisting: true,
  message: 'open reads a file synchronously inside async function load_avatar',
  remediation: 'use aiofiles.open, or read the file behind asyncio.to_thread',
  ruleEntry: 'python:open',
};

const BASE = {
  schemaVersion: 1,
  rule: RULE,
} as const;

export const FAIL: Report = {
  ...BASE,
  verdict: 'fail',
  confidence: 'high',
  summary: '3 blocking calls introduced on async paths',
  findings: [LOW, PREEXISTING, MEDIUM, HIGH],
  notApplicable: [
    { file: 'tests/test_api.py', reason: 'test' },
    { file: 'scripts/seed.py', reason: 'script' },
  ],
  diagnostics: [
    { file: 'app/legacy.py', line: 3, message: 'syntax error: the file was analysed only up to line 3' },
    { file: 'app/gen.py', message: 'file too large to analyse' },
  ],
  stats: { filesAnalyzed: 3, filesParsed: 3, filesChanged: 5 },
};

export const PASS: Report = {
  ...BASE,
  verdict: 'pass',
  confidence: 'high',
  summary: 'the changed async paths await non-blocking APIs',
  findings: [],
  notApplicable: [],
  diagnostics: [],
  stats: { filesAnalyzed: 1, filesParsed: 1, filesChanged: 1 },
};

export const UNKNOWN: Report = {
  ...BASE,
  verdict: 'unknown',
  confidence: 'medium',
  summary: 'no changed line lies on an async path',
  findings: [],
  notApplicable: [
    { file: 'tests/test_b.py', reason: 'test' },
    { file: 'cli/main.py', reason: 'script' },
    { file: 'tests/test_a.py', reason: 'test' },
    { file: 'app/views.py', reason: 'threadpool' },
  ],
  diagnostics: [{ file: 'app/views.py', message: 'Flask route runs on a worker thread' }],
  stats: { filesAnalyzed: 1, filesParsed: 1, filesChanged: 4 },
};

/** A finding whose text is full of characters that each format must escape. */
export const HOSTILE: Finding = {
  ...HIGH,
  file: 'app/we,ird:name 100%.py',
  call: 'a|b',
  context: { ...HIGH.context, name: '__aenter__', file: 'app/we,ird:name 100%.py' },
  message: 'call `x | y`, then: 100% <script>\nsecond line',
  remediation: 'use `await z()` | not <this>',
  ruleEntry: 'python:hostile',
};

export const HOSTILE_REPORT: Report = { ...FAIL, findings: [HOSTILE], notApplicable: [], diagnostics: [] };

export const ALL_REPORTS: readonly (readonly [string, Report])[] = [
  ['fail', FAIL],
  ['pass', PASS],
  ['unknown', UNKNOWN],
  ['hostile', HOSTILE_REPORT],
];

/** A permutation chosen by `seed`, the same on every run (a small linear congruential generator). */
export function shuffled<T>(items: readonly T[], seed: number): readonly T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** The same report with every list shuffled, and every object's keys in a different order. */
export function shuffledReport(report: Report, seed: number): Report {
  const reversedKeys = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).reverse()) as T;
  return {
    ...report,
    findings: shuffled(report.findings, seed).map(reversedKeys),
    notApplicable: shuffled(report.notApplicable, seed + 1).map(reversedKeys),
    diagnostics: shuffled(report.diagnostics, seed + 2).map(reversedKeys),
  };
}
