// The peers asyncguard is compared with, installed by the bench into a folder of its own (never as
// project dependencies): Ruff's flake8-async rules compiled to WebAssembly, and ESLint with
// eslint-plugin-n's n/no-sync.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PeerId } from './trees.js';

/** Exact versions, so that figures from different days compare the same peers. */
export const PEER_PACKAGES: Readonly<Record<string, string>> = {
  '@astral-sh/ruff-wasm-nodejs': '0.17.4',
  eslint: '10.15.0',
  'eslint-plugin-n': '18.5.0',
  '@typescript-eslint/parser': '8.73.0',
  typescript: '6.0.3',
};

/** How each peer is named in the report. */
export function peerLabel(peer: PeerId): string {
  return peer === 'ruff'
    ? `Ruff ${PEER_PACKAGES['@astral-sh/ruff-wasm-nodejs']} (wasm), ASYNC rules`
    : `ESLint ${PEER_PACKAGES['eslint']}, n/no-sync`;
}

function installedVersion(folder: string, name: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

export type PeerInstall = { readonly ok: true; readonly fresh: boolean } | { readonly ok: false; readonly reason: string };

/** The lines of npm's error output that say what went wrong: its error code and message. */
export function npmErrorOf(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.replace(/^npm (?:error|ERR!)\s*/, '').trim());
  const code = lines.find((line) => line.startsWith('code '));
  const message = lines.find((line) => /^\w*Error\b/.test(line) || /^\d{3} /.test(line));
  const said = [code, message].filter((line): line is string => line !== undefined);
  return said.length > 0 ? said.join(': ') : (lines.filter((line) => line !== '').slice(-1)[0] ?? 'no message');
}

/** Installs the pinned peers into `folder` with npm, unless they are there already. */
export function installPeers(folder: string): PeerInstall {
  const missing = Object.entries(PEER_PACKAGES).filter(([name, version]) => installedVersion(folder, name) !== version);
  if (missing.length === 0) return { ok: true, fresh: false };
  mkdirSync(folder, { recursive: true });
  // A manifest of its own keeps the folder self-contained: npm resolves nothing from the project.
  writeFileSync(
    join(folder, 'package.json'),
    `${JSON.stringify({ name: 'asyncguard-bench-peers', private: true, dependencies: PEER_PACKAGES }, null, 2)}\n`,
  );
  const r = spawnSync(
    'npm',
    ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { encoding: 'utf8', timeout: 10 * 60_000 },
  );
  if (r.error !== undefined) return { ok: false, reason: `npm could not be run: ${r.error.message}` };
  if (r.status !== 0) {
    return { ok: false, reason: `npm install failed (exit ${r.status}): ${npmErrorOf(r.stderr)}` };
  }
  const still = Object.entries(PEER_PACKAGES).filter(([name, version]) => installedVersion(folder, name) !== version);
  if (still.length > 0) return { ok: false, reason: `npm install left out ${still.map(([name, version]) => `${name}@${version}`).join(', ')}` };
  return { ok: true, fresh: true };
}

/** What a peer driver prints on stdout. */
export interface PeerOutcome {
  readonly files: number;
  readonly findings: number;
  /** Files the peer could not parse (and so did not check). */
  readonly parseErrors: number;
}

export function isPeerOutcome(value: unknown): value is PeerOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['files'] === 'number' && typeof v['findings'] === 'number' && typeof v['parseErrors'] === 'number';
}
