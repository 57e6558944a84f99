// The contract between the core and a language: which files it reads and how it lowers them.

import type { FileModel } from '../ir/model.js';

export interface LanguageAdapter {
  /** A short name used in messages and docs (`python`). */
  readonly id: string;
  /** The knowledge ecosystem its files are looked up in. */
  readonly ecosystem: string;
  /** File name endings it reads (`.py`). */
  readonly extensions: readonly string[];
  /** Parses and lowers one file. Never throws for bad source: problems go in `FileModel.issues`. */
  lower(path: string, source: string): Promise<FileModel>;
}
