// The source trees the bench measures, found on this machine, and the files asyncguard reads in them.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collectCheckTargets } from '../../src/change/paths.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/engine/load.js';
import { adapterFor, allAdapters } from '../../src/languages/registry.js';
import { projectRoot } from '../../test/helpers/paths.js';
import type { TreeId } from './options.js';

export type PeerId = 'ruff' | 'eslint';

export interface TreeSpec {
  readonly id: TreeId;
  readonly title: string;
  /** The peer measured on the same files, if the language has one. */
  readonly peer?: PeerId;
  /** Said in the report when there is no peer. */
  readonly noPeerReason?: string;
  /** The folder to measure, or why it is absent (and how to get it). */
  locate(): { readonly folder: string } | { readonly absent: string };
  /** A small sub-folder for `--quick`, chosen among the folder's entries. */
  quickFolder(folder: string): string | undefined;
}

function firstExisting(candidates: readonly string[]): string | undefined {
  return candidates.find((path) => existsSync(path) && statSync(path).isDirectory());
}

function pythonStdlib(): { readonly folder: string } | { readonly absent: string } {
  const r = spawnSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) return { absent: 'no python3 on PATH to say where its standard library is' };
  const folder = r.stdout.trim();
  return existsSync(folder) ? { folder } : { absent: `python3 names ${folder} as its standard library, but it does not exist` };
}

function npmPackages(): { readonly folder: string } | { readonly absent: string } {
  const fromNode = join(dirname(dirname(process.execPath)), 'lib', 'node_modules', 'npm');
  const npm = firstExisting([fromNode, '/usr/lib/node_modules/npm', '/usr/local/lib/node_modules/npm']);
  if (npm === undefined) return { absent: `npm's own package is not installed beside node (looked in ${fromNode})` };
  const folder = join(npm, 'node_modules');
  return existsSync(folder) ? { folder } : { absent: `${npm} bundles no packages (no node_modules folder)` };
}

function projectDependencies(): { readonly folder: string } | { readonly absent: string } {
  const folder = join(projectRoot, 'node_modules');
  return existsSync(folder) ? { folder: realpathSync(folder) } : { absent: `${folder} does not exist: run npm ci first` };
}

export const RUST_REGISTRY = '/usr/share/cargo/registry';
export const RUST_HINT =
  'on Debian or Ubuntu, `apt-get install librust-tokio-dev librust-hyper-dev librust-reqwest-dev librust-async-std-dev` installs crate sources (with their dependencies) there';

function rustRegistry(): { readonly folder: string } | { readonly absent: string } {
  if (firstExisting([RUST_REGISTRY]) !== undefined && readdirSync(RUST_REGISTRY).length > 0) return { folder: RUST_REGISTRY };
  return { absent: `no Rust crate sources in ${RUST_REGISTRY}: ${RUST_HINT}` };
}

/** The first entry of `folder` (sorted) that matches, as a folder path. */
function entryMatching(folder: string, pattern: RegExp): string | undefined {
  const name = readdirSync(folder).sort().find((entry) => pattern.test(entry) && statSync(join(folder, entry)).isDirectory());
  return name === undefined ? undefined : join(folder, name);
}

export const TREES: Readonly<Record<TreeId, TreeSpec>> = {
  python: {
    id: 'python',
    title: 'the Python standard library',
    peer: 'ruff',
    locate: pythonStdlib,
    quickFolder: (folder) => entryMatching(folder, /^asyncio$/),
  },
  npm: {
    id: 'npm',
    title: 'the packages npm bundles',
    peer: 'eslint',
    locate: npmPackages,
    quickFolder: (folder) => entryMatching(folder, /^@npmcli$/),
  },
  deps: {
    id: 'deps',
    title: "this project's installed dependencies",
    peer: 'eslint',
    locate: projectDependencies,
    quickFolder: (folder) => entryMatching(folder, /^@typescript-eslint$/),
  },
  rust: {
    id: 'rust',
    title: 'the Rust crate sources of the Debian registry',
    noPeerReason: 'no linter flags blocking calls in async Rust (Clippy has no such lint; one has been proposed since 2019)',
    locate: rustRegistry,
    quickFolder: (folder) => entryMatching(folder, /^tokio-1\./) ?? entryMatching(folder, /^tokio/),
  },
};

/** The files of a tree as `asyncguard check` sees them. */
export interface TreeListing {
  /** The folder the paths are relative to (asyncguard's root for this tree). */
  readonly root: string;
  /** Files asyncguard analyses: a supported language, not vendored, within its default size limit. */
  readonly sources: readonly SourceFile[];
  /** Project files that change how sources are lowered (Cargo.toml, tsconfig.json): copied with them. */
  readonly configFiles: readonly string[];
  readonly bytes: number;
}

export interface SourceFile {
  readonly path: string;
  readonly size: number;
}

export function listTree(folder: string): TreeListing {
  const targets = collectCheckTargets([folder], folder);
  const sources: SourceFile[] = [];
  const configFiles: string[] = [];
  for (const path of targets.files) {
    if (adapterFor(path) !== undefined) {
      const size = statSync(join(targets.root, path)).size;
      if (size <= DEFAULT_MAX_FILE_BYTES) sources.push({ path, size });
    } else if (allAdapters().some((adapter) => adapter.configFiles?.test(path))) {
      configFiles.push(path);
    }
  }
  return { root: targets.root, sources, configFiles, bytes: sources.reduce((sum, file) => sum + file.size, 0) };
}
