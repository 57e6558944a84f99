// Rust module names: what a file's module is called, and what `crate::` stands for in it.
//
// Cargo makes a crate of each folder holding `src/`: `src/main.rs` and `src/lib.rs` are its root,
// `src/a.rs` and `src/a/mod.rs` its module `a`, `src/a/b.rs` the module `a::b`. The root crate of a
// repository is named `crate`; a crate in a sub-folder (a workspace member, `crates/foo/src/x.rs`)
// by its folder, `foo`, and also `crate` as an alias. A file is also known by its package's name
// from Cargo.toml (`myapp.db`), which binaries, tests and other members write.
// Binaries under `src/bin/`, integration tests, benchmarks and examples are crates of their own,
// named after their folder and file.

import type { CargoPackages } from './cargo.js';

export interface RustModulePath {
  /** The qualified names of the file's module, primary first. */
  readonly modules: readonly string[];
  /** The qualified name `crate::` stands for in the file. */
  readonly crateRoot: string;
}

/** Folders beside `src/` whose files are crates of their own (one per file or sub-folder). */
const TARGET_FOLDERS: ReadonlySet<string> = new Set(['tests', 'benches', 'examples']);

/** A folder name as a Rust identifier (`my-crate` is the crate `my_crate`). */
function ident(segment: string): string {
  const s = segment.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** `a/mod.rs` is the module `a`; `main.rs` and `lib.rs` only at a crate's root. */
function moduleSegments(parts: readonly string[], rootFiles: boolean): string[] {
  const out = [...parts];
  const last = out[out.length - 1];
  if (last === 'mod' || (rootFiles && out.length === 1 && (last === 'main' || last === 'lib'))) out.pop();
  return out.map(ident);
}

export function rustModulePath(path: string, packages?: CargoPackages): RustModulePath {
  const parts = path.replace(/\.rs$/, '').split('/').filter((p) => p.length > 0);
  const dirs = parts.slice(0, -1);
  const srcAt = dirs.lastIndexOf('src');
  let crateDir: string[];
  /** The crate's root module below the crate name (`bin.seed` for a binary), and the file's module below that. */
  let root: string[] = [];
  let inner: string[];
  if (srcAt >= 0) {
    crateDir = parts.slice(0, srcAt);
    const below = parts.slice(srcAt + 1);
    if (below[0] === 'bin' && below.length >= 2) {
      root = ['bin', ident(below[1] ?? '')];
      inner = moduleSegments(below.slice(2), true);
    } else inner = moduleSegments(below, true);
  } else {
    const targetAt = dirs.findIndex((d) => TARGET_FOLDERS.has(d));
    if (targetAt >= 0) {
      crateDir = parts.slice(0, targetAt);
      root = [ident(parts[targetAt] ?? ''), ident(parts[targetAt + 1] ?? '')];
      inner = moduleSegments(parts.slice(targetAt + 2), true);
    } else if (parts[parts.length - 1] === 'build') {
      crateDir = dirs;
      root = ['build_script'];
      inner = [];
    } else {
      // Not in a Cargo layout we know: the path from the repository root is the module path.
      crateDir = [];
      inner = moduleSegments(parts, false);
    }
  }
  const folder = crateDir.length > 0 ? ident(crateDir[crateDir.length - 1] ?? '') : undefined;
  const pkg = packages?.crateIn(crateDir.join('/'));
  // The package name is an alias, not the primary name: the core drops aliases rooted at a crate the
  // catalog describes, so a vendored copy of `tokio` does not shadow what the catalog says of it.
  const crateName = folder ?? 'crate';
  const crateRoot = [crateName, ...root].join('.');
  const modules = [[crateRoot, ...inner].join('.')];
  // The other names code may write for the same module: `crate::` in a member, and the package's
  // name (the library as seen from the crate's binaries, tests and the other members).
  for (const alias of ['crate', pkg, folder]) {
    const name = alias === undefined ? undefined : [alias, ...root, ...inner].join('.');
    if (name !== undefined && !modules.includes(name)) modules.push(name);
  }
  return { modules, crateRoot };
}
