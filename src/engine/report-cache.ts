// Whole reports of `check`, cached: when no file the run would read and no option has changed since
// an earlier run, that run's report is the answer, and nothing is lowered or analysed again.
//
// The key holds everything a report is made of: the tool's compiled code, the root, the options
// that bound the run, every target's path, and the bytes of every file an adapter reads or takes
// its configuration from. Only runs that every file went through in full are stored: a file given
// up on for time (or a worker that failed) may fare otherwise next time.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../ir/report.js';
import { allAdapters } from '../languages/registry.js';
import { codeFingerprint, writeCacheEntry } from './cache.js';

/** What bounds a run besides its files: reports are kept per setting. */
export interface ReportSettings {
  readonly maxFileBytes: number;
  readonly fileTimeoutMs: number;
  readonly runTimeoutMs: number;
}

function looksLikeReport(value: unknown): value is Report {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Report>;
  return r.schemaVersion === 1 && typeof r.verdict === 'string' && Array.isArray(r.findings) && Array.isArray(r.diagnostics);
}

export class ReportCache {
  private readonly file: string;

  /**
   * Reads and hashes the files of a `check` of `files` under `root`; `read` is how the run reads
   * them. Files no adapter reads count by their path alone.
   */
  constructor(folder: string, root: string, files: readonly string[], read: (path: string) => Buffer | undefined, settings: ReportSettings) {
    const adapters = allAdapters();
    const hash = createHash('sha256')
      .update(`check\0${root}\0${settings.maxFileBytes}\0${settings.fileTimeoutMs}\0${settings.runTimeoutMs}\0`);
    for (const path of files) {
      hash.update(path).update('\0');
      const lower = path.toLowerCase();
      const matters = adapters.some((a) => a.extensions.some((ext) => lower.endsWith(ext)) || a.configFiles?.test(path));
      if (!matters) continue;
      const bytes = read(path);
      if (bytes === undefined) hash.update('-\0');
      else hash.update(`${bytes.length}\0`).update(bytes);
    }
    this.file = join(folder, 'reports', codeFingerprint('.'), `${hash.digest('hex')}.json`);
  }

  /** The report an earlier run gave for the same files and settings, if one was kept. */
  get(): Report | undefined {
    try {
      const value: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return looksLikeReport(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  put(report: Report): void {
    writeCacheEntry(this.file, JSON.stringify(report));
  }
}
