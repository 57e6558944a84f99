// Reads and lowers source files: decoding, size and binary checks, and the language adapters.

import type { FileModel } from '../ir/model.js';
import type { Diagnostic, NotApplicable } from '../ir/report.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor } from '../languages/registry.js';

/** Files larger than this are skipped with a note unless the caller sets another limit. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface LoadOptions {
  readonly maxFileBytes: number;
}

export interface Loaded {
  readonly files: FileModel[];
  readonly skipped: NotApplicable[];
  readonly diagnostics: Diagnostic[];
  /** The decoded text of every file read, for code frames and blank-line checks. */
  readonly sources: Map<string, string>;
}

/** Text of a file: UTF-8 (a BOM dropped, invalid bytes replaced), or undefined when it is binary. */
export function decodeSource(bytes: Buffer): string | undefined {
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Lowers every supported file among `paths`. Unsupported files are left out silently unless
 * `reportUnsupported` lists them (a diff reports each changed file it cannot read).
 */
export async function loadFiles(
  paths: readonly string[],
  read: (path: string) => Buffer | undefined,
  options: LoadOptions,
  reportSkipped: (path: string) => boolean,
  project?: ProjectInfo,
): Promise<Loaded> {
  const loaded: Loaded = { files: [], skipped: [], diagnostics: [], sources: new Map() };
  for (const path of paths) {
    const adapter = adapterFor(path);
    if (!adapter) {
      if (reportSkipped(path)) loaded.skipped.push({ file: path, reason: 'unsupported-language' });
      continue;
    }
    const bytes = read(path);
    if (bytes === undefined) {
      if (reportSkipped(path)) loaded.diagnostics.push({ file: path, message: 'could not be read' });
      continue;
    }
    if (bytes.length > options.maxFileBytes) {
      if (reportSkipped(path)) {
        loaded.skipped.push({ file: path, reason: 'too-large' });
        loaded.diagnostics.push({
          file: path,
          message: `skipped: ${bytes.length} bytes is over the ${options.maxFileBytes}-byte limit (--max-file-size)`,
        });
      }
      continue;
    }
    const text = decodeSource(bytes);
    if (text === undefined) {
      if (reportSkipped(path)) loaded.skipped.push({ file: path, reason: 'binary' });
      continue;
    }
    loaded.sources.set(path, text);
    try {
      loaded.files.push(await adapter.lower(path, text, project));
    } catch (error) {
      loaded.diagnostics.push({ file: path, message: `could not be analysed: ${(error as Error).message}` });
    }
  }
  return loaded;
}
