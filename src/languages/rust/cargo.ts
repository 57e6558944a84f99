// The crates of a repository, from its Cargo.toml files: which folder holds which package, so that
// a crate referred to by its package name (`myapp::db::load` in `src/main.rs`, or in another member
// of a workspace) resolves to the repository's own files.

import type { ProjectInfo } from '../adapter.js';

/** Folders whose Cargo.toml files are not the repository's own crates: build output, vendored sources. */
const FOREIGN = /(^|\/)(target|vendor|node_modules|third_party)\//;

/** A package's name as Rust code writes it (`my-app` is `my_app`). */
export function crateIdent(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** The `name = "..."` of a `[section]` of a Cargo.toml, read line by line (no TOML library needed). */
function sectionName(text: string, section: string): string | undefined {
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      inSection = header[1] === section;
      continue;
    }
    if (!inSection) continue;
    const name = /^name\s*=\s*"([^"]+)"/.exec(line);
    if (name) return name[1];
  }
  return undefined;
}

export class CargoPackages {
  static readonly none = new CargoPackages(new Map());

  /** Crate folder (repository-relative, '' for the root) → the library's crate name. */
  private constructor(private readonly byFolder: ReadonlyMap<string, string>) {}

  static fromProject(project: ProjectInfo): CargoPackages {
    const byFolder = new Map<string, string>();
    for (const file of project.files) {
      if (!/(^|\/)Cargo\.toml$/.test(file) || FOREIGN.test(file)) continue;
      const text = project.readFile(file);
      if (text === undefined) continue;
      // `[lib] name = "..."` renames the library; the package name is the default.
      const name = sectionName(text, 'lib') ?? sectionName(text, 'package');
      if (name) byFolder.set(file.slice(0, Math.max(0, file.lastIndexOf('/'))), crateIdent(name));
    }
    return new CargoPackages(byFolder);
  }

  /** The crate name of the package in `folder`, if a Cargo.toml there names one. */
  crateIn(folder: string): string | undefined {
    return this.byFolder.get(folder);
  }
}
