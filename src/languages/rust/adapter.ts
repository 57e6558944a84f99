// The Rust adapter: which files are Rust, what their paths say about them, and lowering.

import type { Parser } from 'web-tree-sitter';
import type { FileModel, RoleMark } from '../../ir/model.js';
import type { LanguageAdapter, ProjectInfo } from '../adapter.js';
import { createParser, parseFragment, parseWithBudget } from '../parser.js';
import { CargoPackages } from './cargo.js';
import { RustLowering } from './lower.js';
import { rustModulePath } from './modules.js';

const GRAMMAR = 'tree-sitter-rust/tree-sitter-rust.wasm';

/**
 * Roles a Rust file's path gives it: Cargo's integration tests and benchmarks, example programs,
 * build scripts, binaries under `src/bin/`, and test modules kept in files of their own.
 */
export function rustPathRole(path: string): RoleMark | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  if (dirs.includes('tests')) return { role: 'test', reason: 'an integration test (tests/)' };
  if (dirs.includes('benches')) return { role: 'test', reason: 'a benchmark (benches/)' };
  if (dirs.includes('fuzz')) return { role: 'test', reason: 'a fuzz target (fuzz/)' };
  // Test modules kept in files of their own, declared with `#[cfg(test)] mod tests;`.
  if (/^(tests?|test_.+|.+_tests?)\.rs$/.test(file)) return { role: 'test', reason: 'a test module' };
  if (dirs.includes('examples')) return { role: 'script', reason: 'an example program (examples/)' };
  const src = dirs.lastIndexOf('src');
  if (src >= 0 && dirs[src + 1] === 'bin') return { role: 'script', reason: 'a binary under src/bin/' };
  if (file === 'build.rs' && src < 0) return { role: 'script', reason: 'a Cargo build script' };
  return undefined;
}

export class RustAdapter implements LanguageAdapter {
  readonly id = 'rust';
  readonly ecosystem = 'rust';
  readonly extensions = ['.rs'] as const;
  /** Package names in Cargo.toml files name the crates (see modules.ts). */
  readonly configFiles = /(^|\/)Cargo\.toml$/;
  private parser: Promise<Parser> | undefined;
  /** The packages of each project's Cargo.toml files, read once per run. */
  private readonly packages = new WeakMap<ProjectInfo, CargoPackages>();

  private packagesOf(project: ProjectInfo | undefined): CargoPackages {
    if (!project) return CargoPackages.none;
    let packages = this.packages.get(project);
    if (!packages) {
      packages = CargoPackages.fromProject(project);
      this.packages.set(project, packages);
    }
    return packages;
  }

  /** `async fn`, `async` blocks and closures. */
  readonly asyncKeywords = ['async'] as const;
  readonly callbackWords = [] as const;
  /** `Type::new(..)` and `Default::default()` are written with the type's name. */
  readonly classCalled = /^(new|default)$/;
  readonly ownPackageRoots = ['crate', 'self', 'super'] as const;
  /** `pub use x::*` */
  readonly reExportsAll = /\bpub(\([^)]*\))?\s+use\b[^;]*::\s*\*/;

  pathRole(path: string): RoleMark | undefined {
    return rustPathRole(path);
  }

  moduleNames(path: string, project?: ProjectInfo): readonly string[] {
    return rustModulePath(path, this.packagesOf(project)).modules;
  }

  async lower(path: string, source: string, project?: ProjectInfo): Promise<FileModel> {
    this.parser ??= createParser(GRAMMAR);
    const parser = await this.parser;
    const tree = parseWithBudget(parser, source, project?.parseBudgetMs);
    // Macro arguments are parsed on their own, with the same parser, while the file's tree is read.
    const reparse = (text: string) => parseFragment(parser, text);
    const layout = rustModulePath(path, this.packagesOf(project));
    return new RustLowering(path, source, layout, rustPathRole(path), reparse).lower(tree);
  }
}
