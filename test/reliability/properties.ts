// Reliability properties shared by the unit suite (a fixed seed, a few runs each) and `npm run fuzz`
// (random seeds, for minutes): whatever the bytes, the patch or the revision, asyncguard answers with a
// report that keeps its contracts, or refuses with one clear line; it never crashes, hangs or lies.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import fc from 'fast-check';
import { parseUnifiedDiff } from '../../src/change/patch.js';
import { decodeSource } from '../../src/engine/load.js';
import { analyzeDiff, analyzeFiles, GitError, PatchError, render, UsageError, VERSION } from '../../src/index.js';
import type { Analysis, Report } from '../../src/index.js';
import { adapterFor } from '../../src/languages/registry.js';
import { fixturesDir } from '../helpers/paths.js';
import { git } from '../helpers/workspace.js';
import { describeErrors, validateJsonReport, validateSarif } from '../report/validators.js';

// ---- isolation ----------------------------------------------------------------------------------

const scratchRoot = mkdtempSync(join(tmpdir(), 'asyncguard-reliability-'));
process.on('exit', () => rmSync(scratchRoot, { recursive: true, force: true }));
// The cache of lowered files lives outside any repository here: keep it in the scratch folder,
// so properties never write to the user's cache and every run starts cold.
process.env['XDG_CACHE_HOME'] = join(scratchRoot, 'cache');

let scratchCount = 0;
/** A new folder under this process's scratch root; `remove` deletes it at once. */
function scratch(prefix: string): { dir: string; remove: () => void } {
  const dir = join(scratchRoot, `${prefix}-${scratchCount++}`);
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- inputs -------------------------------------------------------------------------------------

/** The file name endings of every language asyncguard reads (Rust only once its adapter is registered). */
export const EXTENSIONS: readonly string[] = ['.py', '.js', '.mjs', '.cjs', '.ts', '.tsx', '.rs'].filter(
  (ext) => adapterFor(`app/x${ext}`) !== undefined,
);

export interface Sample {
  /** A file name with its language's ending. */
  readonly name: string;
  readonly text: string;
}

/** Small seeds of every language, in case a fixture folder is missing. */
const SEEDS: readonly Sample[] = [
  { name: 'seed.py', text: 'import time\nimport requests\n\n\nasync def handler(req):\n    time.sleep(1)\n    return requests.get(req.url).json()\n' },
  { name: 'seed.js', text: "const fs = require('fs');\n\nasync function handler(req) {\n  return fs.readFileSync(req.path, 'utf8');\n}\n\nmodule.exports = { handler };\n" },
  { name: 'seed.ts', text: "import { execSync } from 'node:child_process';\n\nexport async function run(cmd: string): Promise<string> {\n  return execSync(cmd).toString();\n}\n" },
  { name: 'seed.tsx', text: "import fs from 'fs';\n\nexport async function Page(): Promise<JSX.Element> {\n  const data = fs.readFileSync('x');\n  return <div>{String(data)}</div>;\n}\n" },
  { name: 'seed.rs', text: 'use std::thread;\nuse std::time::Duration;\n\nasync fn handler() {\n    thread::sleep(Duration::from_secs(1));\n}\n' },
];

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every fixture file of a supported language (at most 16 KB each), and the seeds. */
export const SAMPLES: readonly Sample[] = (() => {
  const found: Sample[] = [];
  let language: string[] = [];
  try {
    language = readdirSync(fixturesDir).sort();
  } catch {
    // No fixtures: the seeds alone.
  }
  for (const folder of language) {
    const root = join(fixturesDir, folder);
    if (!statSync(root).isDirectory()) continue;
    for (const file of walkFiles(root).sort()) {
      const name = basename(file);
      if (adapterFor(`app/${name}`) === undefined || statSync(file).size > 16 * 1024) continue;
      found.push({ name, text: readFileSync(file, 'utf8') });
    }
  }
  return [...found, ...SEEDS.filter((seed) => adapterFor(`app/${seed.name}`) !== undefined)];
})();

/** Pieces of syntax that break or bend code in interesting ways, inserted at random places. */
const FRAGMENTS: readonly string[] = [
  'async ', 'await ', 'def ', 'function ', 'fn ', 'class ', 'return ', 'yield ', 'lambda: ', '=> ', '.await',
  '(', ')', '{', '}', '[', ']', ':', ';', ',', '.', '=', '\n', '\r', '\r\n', '\t', '    ', '\\',
  '"', "'", '`', '${', '"""', "'''", '#', '//', '/*', '*/', '<div>', '</div>', '#[tokio::main]\n',
  'time.sleep(1)', 'requests.get(url)', "require('fs').readFileSync(p)", 'fs.readFileSync(p)', 'std::fs::read(p)',
  '.then(() => {', 'async def f():\n    ', 'async function f() {\n', 'async fn f() {\n', '@app.get("/")\n',
  'import os\n', 'from x import *\n', "import * as fs from 'fs';\n", 'use std::fs;\n', 'if __name__ == "__main__":\n',
  '\u2028', '\u2029', '\u00e9', '\u{1F600}', '\uFEFF', '\u200B', '\uD800', '\u0000',
];

type Edit =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number; readonly open: string };

const NEST_OPENERS = ['(', '[', '{', 'f(', 'a.', 'await ', 'not ', '!', '-', 'lambda: ', 'async () => ', 'x.y().', '${`'];
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', 'f(': ')', '${`': '`}' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
        fc.string({ unit: 'binary', maxLength: 24 }),
        fc.string({ maxLength: 24 }),
      ),
    }),
  },
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 700 }) }, fc.integer({ min: 700, max: 8000 })),
    open: fc.constantFrom(...NEST_OPENERS),
  }),
);

function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'duplicate': {
      const piece = text.slice(at, at + edit.length);
      const to = edit.to % (text.length + 1);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'nest': {
      const close = CLOSERS[edit.open] ?? '';
      return `${text.slice(0, at)}${edit.open.repeat(edit.depth)}x${close.repeat(edit.depth)}${text.slice(at)}`;
    }
  }
}

type LineEndings = 'keep' | 'crlf' | 'cr' | 'mixed';
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'latin1';

function withLineEndings(text: string, endings: LineEndings): string {
  switch (endings) {
    case 'keep':
      return text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'mixed': {
      let i = 0;
      return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3] ?? '\n');
    }
  }
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    }
    case 'latin1':
      // Not UTF-8 at all where the text has accents: invalid byte sequences.
      return Buffer.from(text, 'latin1');
  }
}

/** Folders a file may sit in: plain code, tests, scripts, vendored code, odd names. */
const FOLDERS = ['app', 'app/api', 'src', 'tests', 'scripts', 'node_modules/pkg', 'dir with space', 'ünïcödé', 'new\nline'];

function fileName(folder: string, stem: string, ext: string): string {
  return `${folder}/${stem}${ext}`;
}

export interface FileCase {
  /** Repository-relative path, `/`-separated. */
  readonly path: string;
  readonly bytes: Buffer;
}

const extOf = (name: string): string => /\.[^.]+$/.exec(name)?.[0] ?? '.py';

/** A fixture file after random edits, line-ending changes, re-encoding and inserted raw bytes. */
const mutatedFileArb: fc.Arbitrary<FileCase> = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    edits: fc.oneof(fc.constant<Edit[]>([]), fc.array(editArb, { minLength: 1, maxLength: 6 })),
    endings: fc.constantFrom<LineEndings>('keep', 'keep', 'crlf', 'cr', 'mixed'),
    encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'latin1'),
    raw: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }), { freq: 4 }),
    folder: fc.constantFrom(...FOLDERS),
    stem: fc.constantFrom('main', 'service', 'handlers', 'my file', 'données', 'test_api', 'x.spec'),
  })
  .map(({ sample, edits, endings, encoding, raw, folder, stem }) => {
    const text = withLineEndings(edits.reduce(applyEdit, sample.text), endings);
    let bytes = encode(text, encoding);
    if (raw) {
      const at = raw.at % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(raw.bytes), bytes.subarray(at)]);
    }
    return { path: fileName(folder, stem, extOf(sample.name)), bytes };
  });

/** Random bytes under a supported language's name. */
const randomFileArb: fc.Arbitrary<FileCase> = fc
  .record({ ext: fc.constantFrom(...EXTENSIONS), bytes: fc.uint8Array({ maxLength: 3000 }), folder: fc.constantFrom(...FOLDERS) })
  .map(({ ext, bytes, folder }) => ({ path: fileName(folder, 'random', ext), bytes: Buffer.from(bytes) }));

/** One to three files, distinct paths. */
export const filesArb: fc.Arbitrary<FileCase[]> = fc
  .array(fc.oneof({ weight: 4, arbitrary: mutatedFileArb }, { weight: 1, arbitrary: randomFileArb }), { minLength: 1, maxLength: 3 })
  .map((files) => {
    const seen = new Set<string>();
    return files.filter((f) => !seen.has(f.path) && seen.add(f.path));
  });

// ---- what every report must satisfy ----------------------------------------------------------------

export interface Rendered {
  readonly json: string;
  readonly sarif: string;
}

/** JSON and SARIF of an analysis, and every other format rendered once (they must not throw). */
export function renderAll(analysis: Analysis): Rendered {
  const options = { color: false, toolVersion: VERSION, readSource: analysis.readSource };
  for (const format of ['text', 'markdown', 'github'] as const) {
    const out = render(analysis.report, format, options);
    assert.ok(out.endsWith('\n'), `${format} output ends with a newline`);
  }
  render(analysis.report, 'text', { ...options, color: true });
  return { json: render(analysis.report, 'json', options), sarif: render(analysis.report, 'sarif', options) };
}

function isSafePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.split('/').includes('..') && !path.includes('\0');
}

const NOT_ANALYSED = /^(not analysed|could not be read|skipped)/;

/**
 * The contracts of a report: valid JSON and SARIF, findings inside the files they name, safe
 * repository-relative paths, a verdict that agrees with the findings, and never a pass while a
 * file could not be analysed.
 */
export function checkReport(analysis: Analysis, rendered: Rendered, mode: 'check' | 'diff'): void {
  const report: Report = analysis.report;
  const json: unknown = JSON.parse(rendered.json);
  assert.ok(validateJsonReport(json), `JSON report against docs/json-report.schema.json:\n${describeErrors(validateJsonReport.errors)}`);
  const sarif: unknown = JSON.parse(rendered.sarif);
  assert.ok(validateSarif(sarif), `SARIF log against the 2.1.0 schema:\n${describeErrors(validateSarif.errors)}`);

  const linesOf = (file: string): string[] => {
    const text = analysis.readSource(file);
    assert.notEqual(text, undefined, `a finding points into ${JSON.stringify(file)}, which was not read`);
    // Lines as git and tree-sitter count them: only `\n` ends one.
    return (text ?? '').split('\n');
  };
  for (const f of report.findings) {
    const where = `${JSON.stringify(f.file)}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} (${f.call})`;
    const lines = linesOf(f.file);
    assert.ok(f.line >= 1 && f.line <= lines.length, `finding line inside the file (${lines.length} lines): ${where}`);
    assert.ok(f.endLine >= f.line && f.endLine <= lines.length, `endLine ≥ line, inside the file: ${where}`);
    assert.ok(f.column >= 1 && f.endColumn >= 1, `columns ≥ 1: ${where}`);
    assert.ok(f.column <= (lines[f.line - 1] ?? '').length + 1, `column inside its line: ${where}`);
    assert.ok(f.endColumn <= (lines[f.endLine - 1] ?? '').length + 1, `endColumn inside its line: ${where}`);
    if (f.endLine === f.line) assert.ok(f.endColumn >= f.column, `endColumn ≥ column on one line: ${where}`);
    assert.ok(f.context.line >= 1 && f.context.line <= linesOf(f.context.file).length, `context line inside its file: ${where}`);
    for (const link of f.via) assert.ok(link.line >= 1 && link.line <= linesOf(link.file).length, `via line inside its file: ${where}`);
    for (const path of [f.file, f.context.file, ...f.via.map((v) => v.file)]) assert.ok(isSafePath(path), `safe path ${JSON.stringify(path)}`);
  }
  for (const n of report.notApplicable) assert.ok(isSafePath(n.file), `safe path ${JSON.stringify(n.file)}`);
  for (const d of report.diagnostics) {
    assert.ok(isSafePath(d.file), `safe path ${JSON.stringify(d.file)}`);
    assert.ok(d.message.trim() !== '', 'diagnostics say something');
  }

  const introduced = report.findings.filter((f) => !f.preexisting);
  if (mode === 'check') assert.equal(introduced.length, report.findings.length, 'check reports no pre-existing findings');
  assert.equal(report.verdict === 'fail', introduced.length > 0, `verdict ${report.verdict} agrees with ${introduced.length} introduced findings`);
  if (report.verdict === 'pass') {
    // Never a silent pass: a file that could not be analysed leaves the verdict open.
    const missed = report.diagnostics.filter((d) => NOT_ANALYSED.test(d.message));
    assert.deepEqual(missed, [], 'a pass with files that could not be analysed');
    assert.ok(!report.notApplicable.some((n) => n.reason === 'too-large'), 'a pass with a file over the size limit');
  }
}

/** Two renderings of the same input must be byte-identical. */
function assertSameOutput(first: Rendered, second: Rendered): void {
  assert.equal(second.json, first.json, 'JSON output differs between two runs on the same input');
  assert.equal(second.sarif, first.sarif, 'SARIF output differs between two runs on the same input');
}

/**
 * A failure asyncguard shows the user: one of its error types, with a one-line message (unless
 * the user's own text brought a line break in; the command line escapes those).
 */
function assertUserError(error: unknown, input: readonly (string | null | undefined)[] = []): string {
  if (!(error instanceof UsageError || error instanceof GitError || error instanceof PatchError)) throw error;
  assert.ok(error.message.trim() !== '', 'user errors say what went wrong');
  if (!input.some((text) => text != null && /[\r\n]/.test(text))) {
    assert.ok(!/[\r\n]/.test(error.message), `user errors are one line: ${JSON.stringify(error.message)}`);
  }
  return `${error.name}: ${error.message}`;
}

function writeCase(root: string, files: readonly FileCase[]): void {
  for (const file of files) {
    const full = join(root, file.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.bytes);
  }
}

const isVendored = (path: string): boolean => path.split('/').includes('node_modules');

// ---- the properties ---------------------------------------------------------------------------------

/** fast-check's run settings: a seed and a number of runs, and optionally a time limit. */
export type RunSettings = fc.Parameters<unknown>;

export interface ReliabilityProperty {
  readonly name: string;
  /** Runs for the unit suite. */
  readonly unitRuns: number;
  /** Runs per round of `npm run fuzz`. */
  readonly fuzzRuns: number;
  /** Checks the property; resolves with fast-check's details, failed or not. */
  check(settings: RunSettings): Promise<fc.RunDetails<unknown>>;
}

const RUN_OPTIONS = { fileTimeoutMs: 5000 } as const;

/** `asyncguard check` on random and mutated files of every language. */
const checkProperty: ReliabilityProperty = {
  name: 'check: random and mutated files',
  unitRuns: 14,
  fuzzRuns: 40,
  async check(settings) {
    const property = fc.asyncProperty(filesArb, async (files) => {
      const { dir, remove } = scratch('check');
      try {
        writeCase(dir, files);
        const first = await analyzeFiles({ cwd: dir, paths: ['.'], ...RUN_OPTIONS });
        const rendered = renderAll(first);
        checkReport(first, rendered, 'check');
        // Never disappears: each file asyncguard reads was analysed or is reported.
        const { report } = first;
        for (const file of files) {
          if (isVendored(file.path)) continue;
          const seen =
            first.readSource(file.path) !== undefined ||
            report.notApplicable.some((n) => n.file === file.path) ||
            report.diagnostics.some((d) => d.file === file.path);
          assert.ok(seen, `${JSON.stringify(file.path)} disappeared from the report`);
        }
        // Deterministic, the second time with the cache the first run filled.
        assertSameOutput(rendered, renderAll(await analyzeFiles({ cwd: dir, paths: ['.'], ...RUN_OPTIONS })));
      } finally {
        remove();
      }
    });
    return fc.check(property, settings as fc.Parameters<[FileCase[]]>) as Promise<fc.RunDetails<unknown>>;
  },
};

// A repository whose base holds a few fixture files of each language; each case changes some of
// them on disk, describes the change in a unified diff (maybe corrupted) and runs `diff --patch`.

interface PatchRepo {
  readonly root: string;
  readonly base: ReadonlyMap<string, string>;
}

let patchRepo: PatchRepo | undefined;

function repository(): PatchRepo {
  if (patchRepo) return patchRepo;
  const { dir } = scratch('repo');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'reliability@asyncguard.invalid');
  git(dir, 'config', 'user.name', 'reliability');
  git(dir, 'config', 'commit.gpgsign', 'false');
  const base = new Map<string, string>();
  for (const ext of EXTENSIONS) {
    for (const sample of SAMPLES.filter((s) => extOf(s.name) === ext).slice(0, 2)) {
      base.set(`app/${sample.name}`, sample.text);
    }
  }
  writeCase(dir, [...base].map(([path, text]) => ({ path, bytes: Buffer.from(text) })));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  patchRepo = { root: dir, base };
  return patchRepo;
}

type PatchCorruption =
  | { readonly kind: 'none' }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'drop-line' | 'duplicate-line'; readonly line: number }
  | { readonly kind: 'insert-line'; readonly line: number; readonly text: string }
  | { readonly kind: 'renumber'; readonly line: number; readonly numbers: readonly number[] }
  | { readonly kind: 'path'; readonly line: number; readonly path: string }
  | { readonly kind: 'crlf' | 'bom' | 'git-header' };

const HOSTILE_PATHS = ['../outside.py', '/etc/passwd.py', 'a/../../x.js', 'C:\\x.py', '..\\x.py', 'b/../../../x.ts', 'dev/null', 'a/', 'b/.', '/dev/null'];
/**
 * Known limitation (docs/RELIABILITY.md): a backslash inside a file name is kept by the patch parser,
 * but the JSON schema forbids it and SARIF reads it as a separator; only the parser property uses it.
 */
const BACKSLASH_PATHS = ['"a/\\x"', 'a/x\\y.py'];

const PATCH_LINES = [
  '', ' ', '+', '-', '\\ No newline at end of file', '@@ -1 +1 @@', '@@ -0,0 +1,3 @@', '@@@ -1 -1 +1 @@@', '@@ bogus @@',
  'diff --git a/app/x.py b/app/x.py', 'diff --cc app/x.py', '--- a/app/x.py', '+++ b/app/x.py', '--- /dev/null', '+++ /dev/null',
  'new file mode 100644', 'deleted file mode 100644', 'rename from app/a.py', 'rename to app/b.py', 'similarity index 90%',
  'Binary files a/app/x.py and b/app/x.py differ', 'GIT binary patch', 'index 0000000..1111111 100644', '-- ', '2.39.5', 'Index: app/x.py',
  '===================================================================', 'garbage', '\u0000', '\uFEFF',
];

const patchCorruptionArb: fc.Arbitrary<PatchCorruption> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'duplicate-line' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('insert-line' as const),
    line: fc.nat(),
    text: fc.oneof(fc.constantFrom(...PATCH_LINES), fc.string({ unit: 'binary', maxLength: 30 })),
  }),
  fc.record({ kind: fc.constant('renumber' as const), line: fc.nat(), numbers: fc.array(fc.nat({ max: 100_000 }), { minLength: 4, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('path' as const), line: fc.nat(), path: fc.constantFrom(...HOSTILE_PATHS) }),
  fc.record({ kind: fc.constantFrom('crlf' as const, 'bom' as const, 'git-header' as const) }),
);

function corrupt(patch: string, c: PatchCorruption, paths: readonly string[]): string {
  const lines = patch.split('\n');
  const pick = (n: number): number => n % Math.max(1, lines.length);
  switch (c.kind) {
    case 'none':
      return patch;
    case 'truncate':
      return patch.slice(0, c.at % (patch.length + 1));
    case 'drop-line':
      lines.splice(pick(c.line), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = pick(c.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'insert-line':
      lines.splice(pick(c.line), 0, c.text);
      return lines.join('\n');
    case 'renumber': {
      const headers = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('@@ '));
      const target = headers[c.line % Math.max(1, headers.length)];
      if (!target) return patch;
      const [a, b, d, e] = c.numbers;
      lines[target[1]] = `@@ -${a},${b} +${d},${e} @@`;
      return lines.join('\n');
    }
    case 'path': {
      const headers = lines.map((l, i) => [l, i] as const).filter(([l]) => /^(---|\+\+\+|diff --git) /.test(l));
      const target = headers[c.line % Math.max(1, headers.length)];
      if (!target) return patch;
      const [line, index] = target;
      const prefix = line.startsWith('diff') ? 'diff --git ' : line.slice(0, 4);
      lines[index] = line.startsWith('diff') ? `${prefix}a/${c.path} b/${c.path}` : `${prefix}${c.path}`;
      return lines.join('\n');
    }
    case 'crlf':
      return patch.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${patch}`;
    case 'git-header': {
      // Turn plain `---`/`+++` headers into git's, one `diff --git` line per file.
      let out = patch;
      for (const path of paths) out = out.replace(`--- a/${path}`, `diff --git a/${path} b/${path}\n--- a/${path}`);
      return out;
    }
  }
}

interface PatchCase {
  /** Base paths changed, and how. */
  readonly changes: readonly { readonly index: number; readonly edits: readonly Edit[]; readonly encoding: Encoding; readonly endings: LineEndings }[];
  /** New files added by the patch. */
  readonly added: readonly FileCase[];
  readonly corruption: PatchCorruption;
}

const patchCaseArb: fc.Arbitrary<PatchCase> = fc.record({
  changes: fc.array(
    fc.record({
      index: fc.nat(),
      edits: fc.array(editArb, { minLength: 1, maxLength: 4 }),
      encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'latin1'),
      endings: fc.constantFrom<LineEndings>('keep', 'keep', 'keep', 'crlf', 'cr'),
    }),
    { maxLength: 3 },
  ),
  added: fc.array(fc.oneof({ weight: 3, arbitrary: mutatedFileArb }, randomFileArb), { maxLength: 2 }),
  corruption: patchCorruptionArb,
});

/** The text a patch would describe for these bytes: decoded as asyncguard decodes, binary as Latin-1. */
function patchText(bytes: Buffer): string {
  return decodeSource(bytes) ?? bytes.toString('latin1');
}

/** `diff --patch` on real changes described by random, sometimes corrupted, unified diffs. */
const patchProperty: ReliabilityProperty = {
  name: 'diff --patch: random unified diffs and corruptions',
  unitRuns: 12,
  fuzzRuns: 30,
  async check(settings) {
    const repo = repository();
    const basePaths = [...repo.base.keys()];
    const property = fc.asyncProperty(patchCaseArb, async (c) => {
      const written: string[] = [];
      const parts: string[] = [];
      try {
        const seen = new Set<string>();
        for (const change of c.changes) {
          const path = basePaths[change.index % basePaths.length];
          if (path === undefined || seen.has(path)) continue;
          seen.add(path);
          const before = repo.base.get(path) ?? '';
          const bytes = encode(withLineEndings(change.edits.reduce(applyEdit, before), change.endings), change.encoding);
          writeCase(repo.root, [{ path, bytes }]);
          written.push(path);
          parts.push(createTwoFilesPatch(`a/${path}`, `b/${path}`, before, patchText(bytes), undefined, undefined, { context: 1 }));
        }
        for (const file of c.added) {
          if (seen.has(file.path) || repo.base.has(file.path)) continue;
          seen.add(file.path);
          writeCase(repo.root, [file]);
          written.push(file.path);
          parts.push(createTwoFilesPatch('/dev/null', `b/${file.path}`, '', patchText(file.bytes), undefined, undefined, { context: 0 }));
        }
        const patch = corrupt(parts.join(''), c.corruption, written);
        const attempt = async (): Promise<{ error: string } | { analysis: Analysis; rendered: Rendered }> => {
          try {
            const analysis = await analyzeDiff({ cwd: repo.root, patch, ...RUN_OPTIONS });
            return { analysis, rendered: renderAll(analysis) };
          } catch (error) {
            return { error: assertUserError(error) };
          }
        };
        const first = await attempt();
        const second = await attempt();
        if ('error' in first) {
          assert.ok('error' in second, 'the same patch is refused every time');
          assert.equal(second.error, first.error);
          return;
        }
        assert.ok('analysis' in second, 'the same patch is accepted every time');
        checkReport(first.analysis, first.rendered, 'diff');
        assertSameOutput(first.rendered, second.rendered);
        // Never disappears: each file the patch changes is analysed or reported.
        const { report } = first.analysis;
        for (const file of parseUnifiedDiff(patch).files) {
          const seenInReport =
            first.analysis.readSource(file.path) !== undefined ||
            report.notApplicable.some((n) => n.file === file.path) ||
            report.diagnostics.some((d) => d.file === file.path) ||
            (file.addedLines.length === 0 && file.status !== 'added');
          assert.ok(seenInReport, `${JSON.stringify(file.path)}, changed by the patch, disappeared from the report`);
        }
      } finally {
        for (const path of written) {
          const text = repo.base.get(path);
          if (text !== undefined) writeFileSync(join(repo.root, path), text);
          else rmSync(join(repo.root, path), { force: true });
        }
      }
    });
    return fc.check(property, settings as fc.Parameters<[PatchCase]>) as Promise<fc.RunDetails<unknown>>;
  },
};

// Patch text from a grammar of diff lines, plus raw noise: the parser must accept it or refuse it
// with PatchError, and what it accepts must be safe to read.

const pathArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('app/x.py', 'src/y.ts', 'a b/ç.js', 'lib.rs', 'x') },
  fc.constantFrom(...HOSTILE_PATHS, ...BACKSLASH_PATHS),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const diffLineArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PATCH_LINES),
  pathArb.map((p) => `diff --git a/${p} b/${p}`),
  pathArb.map((p) => `--- a/${p}`),
  pathArb.map((p) => `+++ b/${p}`),
  pathArb.map((p) => `rename to ${p}`),
  fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50)).map(([a, b, c, d]) => `@@ -${a},${b} +${c},${d} @@`),
  fc.string({ maxLength: 20 }).map((s) => `+${s}`),
  fc.string({ maxLength: 20 }).map((s) => `-${s}`),
  fc.string({ maxLength: 20 }).map((s) => ` ${s}`),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const patchTextArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ lines: fc.array(diffLineArb, { maxLength: 40 }), eol: fc.constantFrom('\n', '\n', '\r\n', '\r') })
    .map(({ lines, eol }) => lines.join(eol)),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
);

/** parseUnifiedDiff on arbitrary text: a safe ChangeSet or a one-line PatchError, nothing else. */
const parseProperty: ReliabilityProperty = {
  name: 'patch parser: arbitrary text',
  unitRuns: 400,
  fuzzRuns: 3000,
  async check(settings) {
    const property = fc.property(patchTextArb, (text) => {
      let files;
      try {
        files = parseUnifiedDiff(text).files;
      } catch (error) {
        if (!(error instanceof PatchError)) throw error;
        assert.ok(error.message !== '' && !error.message.includes('\n'), `one-line PatchError: ${JSON.stringify(error.message)}`);
        return;
      }
      const paths = files.map((f) => f.path);
      assert.deepEqual(paths, [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'one entry per path, sorted');
      for (const file of files) {
        for (const path of [file.path, ...(file.oldPath !== undefined ? [file.oldPath] : [])]) {
          assert.ok(isSafePath(path) && !/^[A-Za-z]:[\\/]/.test(path) && !path.split(/[\\/]/).includes('..'), `unsafe path accepted: ${JSON.stringify(path)}`);
        }
        assert.ok(file.addedLines.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > (file.addedLines[i - 1] ?? 0))), 'added lines sorted, positive');
        if (file.status === 'deleted') assert.deepEqual(file.addedLines, []);
      }
    });
    return fc.check(property, settings as fc.Parameters<[string]>) as fc.RunDetails<unknown>;
  },
};

// Revisions and paths that look like options or shell syntax: refused or harmless, never obeyed.

interface HostileRepo {
  readonly root: string;
  readonly sandbox: string;
  readonly head: string;
  readonly status: string;
}

let hostileRepo: HostileRepo | undefined;

function hostileRepository(): HostileRepo {
  if (hostileRepo) return hostileRepo;
  const { dir } = scratch('hostile');
  const root = join(dir, 'repo');
  const sandbox = join(dir, 'sandbox');
  mkdirSync(root);
  mkdirSync(sandbox);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'reliability@asyncguard.invalid');
  git(root, 'config', 'user.name', 'reliability');
  writeCase(root, [{ path: 'app/api.py', bytes: Buffer.from('async def handler():\n    return 1\n') }]);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  writeCase(root, [{ path: 'app/api.py', bytes: Buffer.from('import time\n\n\nasync def handler():\n    time.sleep(1)\n') }]);
  git(root, 'commit', '-q', '-am', 'head');
  hostileRepo = { root, sandbox, head: git(root, 'rev-parse', 'HEAD'), status: git(root, 'status', '--porcelain') };
  return hostileRepo;
}

function hostileRevisionArb(sandbox: string): fc.Arbitrary<string> {
  const target = (name: string): string => join(sandbox, name);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        `--output=${target('output')}`, '-c', `core.pager=touch ${target('pager')}`, `-ccore.pager=touch ${target('pager2')}`,
        `--exec=touch ${target('exec')}`, `--upload-pack=touch ${target('upload')}`, '-p', '--no-index', '--', '-', '--help',
        `HEAD;touch ${target('semicolon')}`, `$(touch ${target('subst')})`, `\`touch ${target('backtick')}\``,
        `HEAD|touch ${target('pipe')}`, `HEAD && touch ${target('and')}`, `HEAD\ntouch ${target('newline')}`,
        `--output=${target('range')}..HEAD`, `HEAD..--output=${target('range2')}`, `HEAD...--output=${target('range3')}`,
        '@{-1}', 'HEAD~99999', ':/base', 'HEAD^{tree}', 'HEAD:app/api.py', '..', '...', 'HEAD~1', 'HEAD', 'main', '',
      ),
    },
    fc.string({ maxLength: 16 }).map((s) => `-${s}`),
    fc.string({ unit: 'binary', maxLength: 16 }),
  );
}

/** Revisions and check paths that look like options or shell syntax never change what git does. */
const hostileProperty: ReliabilityProperty = {
  name: 'hostile revisions and paths',
  unitRuns: 16,
  fuzzRuns: 40,
  async check(settings) {
    const repo = hostileRepository();
    const revision = hostileRevisionArb(repo.sandbox);
    const property = fc.asyncProperty(
      fc.record({ base: fc.option(revision, { freq: 5 }), head: fc.option(revision, { freq: 2 }), checkPath: fc.option(revision, { freq: 2 }) }),
      async ({ base, head, checkPath }) => {
        try {
          const analysis = await analyzeDiff({
            cwd: repo.root,
            ...(base !== null ? { base } : {}),
            ...(head !== null ? { head } : {}),
            ...RUN_OPTIONS,
          });
          checkReport(analysis, renderAll(analysis), 'diff');
        } catch (error) {
          assertUserError(error, [base, head]);
        }
        // Paths are only looked up: never '/' or absolute ones, which would walk the machine.
        if (checkPath !== null && checkPath !== '' && !checkPath.startsWith('/') && !checkPath.includes('..')) {
          try {
            const analysis = await analyzeFiles({ cwd: repo.root, paths: [checkPath], ...RUN_OPTIONS });
            checkReport(analysis, renderAll(analysis), 'check');
          } catch (error) {
            assertUserError(error, [checkPath]);
          }
        }
        assert.deepEqual(readdirSync(repo.sandbox), [], 'a hostile revision made git or a shell write a file');
        assert.equal(git(repo.root, 'rev-parse', 'HEAD'), repo.head, 'the repository moved');
        assert.equal(git(repo.root, 'status', '--porcelain'), repo.status, 'the working tree changed');
      },
    );
    return fc.check(property, settings as fc.Parameters<[{ base: string | null; head: string | null; checkPath: string | null }]>) as Promise<
      fc.RunDetails<unknown>
    >;
  },
};

export const PROPERTIES: readonly ReliabilityProperty[] = [parseProperty, checkProperty, patchProperty, hostileProperty];

/** fast-check's report of a failed run: the seed, the path to replay it, the counterexample and the error. */
export function failureReport(details: fc.RunDetails<unknown>): string {
  const message = fc.defaultReportMessage(details) ?? `failed with seed ${details.seed}`;
  const error = details.errorInstance;
  if (error instanceof Error && !message.includes(error.message)) return `${message}\n\n${error.stack ?? error.message}`;
  return message;
}
