// The contract between the core and a language: which files it reads and how it lowers them.

import type { FileModel, RoleMark } from '../ir/model.js';

/** The repository a file is lowered in, for adapters that read project configuration (tsconfig paths). */
export interface ProjectInfo {
  /** Every file of the tree, repository-relative. */
  readonly files: readonly string[];
  readFile(path: string): string | undefined;
  /** How long parsing one file may take, in milliseconds (see `parseWithBudget`). */
  readonly parseBudgetMs?: number;
}

export interface LanguageAdapter {
  /** A short name used in messages and docs (`python`). */
  readonly id: string;
  /** The knowledge ecosystem its files are looked up in. */
  readonly ecosystem: string;
  /** File name endings it reads (`.py`). */
  readonly extensions: readonly string[];
  /** Files with a right ending that hold no code to analyse (`.d.ts` declarations). */
  readonly skips?: RegExp;
  /** Project files whose content changes how files are lowered (`tsconfig.json`): part of cache keys. */
  readonly configFiles?: RegExp;
  /**
   * The module names a file is known by, from its path alone (its `FileModel.modules`): how a
   * diff finds the file behind a name without lowering the whole repository.
   */
  moduleNames(path: string, project?: ProjectInfo): readonly string[];
  /** Source text that may re-export a whole module (`from .x import *`): names it never spells may resolve in it. */
  readonly reExportsAll: RegExp;
  /** The words that make a function async (`async`). */
  readonly asyncKeywords: readonly string[];
  /**
   * Method names whose callbacks the lowering itself makes async contexts (JavaScript's promise
   * reactions and emitter registrations). A file that spells none of these, nor an async keyword,
   * nor a callback API's name, holds no async context of its own: `check` lowers it only when an
   * async path reaches into it.
   */
  readonly callbackWords: readonly string[];
  /** Methods called through their class's name, not their own (`__init__` by `Cls()`, `constructor` by `new Cls`). */
  readonly classCalled: RegExp;
  /** File names whose folder's name stands for them in imports (`index`, for `require('./lib')`). */
  readonly folderModule?: RegExp;
  /** Module roots that name the importing file's own package (Rust's `crate`): no other package imports through them. */
  readonly ownPackageRoots?: readonly string[];
  /** The role a file's path gives it (a test folder, a script), as `FileModel.role`. */
  pathRole(path: string): RoleMark | undefined;
  /** Parses and lowers one file. Never throws for bad source: problems go in `FileModel.issues`. */
  lower(path: string, source: string, project?: ProjectInfo): Promise<FileModel>;
}
