// A peer run: Ruff's flake8-async rules (ASYNC, nothing else) over a list of Python files, with
// Ruff's WebAssembly build. Prints a PeerOutcome as JSON.
//
//   node ruff-driver.js <peer folder> <root> <file listing paths under root, as a JSON array>

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { PeerOutcome } from './peers.js';

/** The part of @astral-sh/ruff-wasm-nodejs this driver uses (see its ruff_wasm.d.ts). */
interface RuffWasm {
  readonly PositionEncoding: { readonly Utf16: number };
  readonly Workspace: new (settings: unknown, encoding: number) => { check(contents: string): unknown };
}

const [peerFolder, root, listFile] = process.argv.slice(2);
if (peerFolder === undefined || root === undefined || listFile === undefined) {
  process.stderr.write('usage: ruff-driver <peer folder> <root> <list file>\n');
  process.exit(2);
}
const ruff = createRequire(join(resolve(peerFolder), 'package.json'))('@astral-sh/ruff-wasm-nodejs') as RuffWasm;
const workspace = new ruff.Workspace({ lint: { select: ['ASYNC'] } }, ruff.PositionEncoding.Utf16);
const paths = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
let findings = 0;
let parseErrors = 0;
for (const path of paths) {
  const diagnostics = workspace.check(readFileSync(join(root, path), 'utf8'));
  if (!Array.isArray(diagnostics)) continue;
  // Syntax errors come back as diagnostics without a rule code.
  const syntax = diagnostics.filter((d: { code?: unknown }) => d.code === null || d.code === undefined).length;
  if (syntax > 0) parseErrors++;
  findings += diagnostics.length - syntax;
}
const outcome: PeerOutcome = { files: paths.length, findings, parseErrors };
process.stdout.write(`${JSON.stringify(outcome)}\n`);
