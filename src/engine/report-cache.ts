// Whole reports of `check`, cached: when no file the run would read and no option has changed since
// an earlier run, that run's report is the answer, and nothing is lowered or analysed again.
//
// The key holds everything a report is made of: the tool's compiled code, the root, the options
// that bound the run, every target's path, and the content of every file an adapter reads or takes
// its configuration from. Only runs that every file went through in full are stored: a file given
// up on for time (or a worker that failed) may fare otherwise next time.
//
// The content of a file counts by its SHA-256, which `FileDigests` keeps from run to run with the
// file's size, times and inode, as git's index does: an unchanged tree is recognised without being
// read again.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
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
   * Hashes the files of a `check` of `files` under `root` (see `FileDigests`); `read` is how the
   * run reads them. Files no adapter reads count by their path alone. `targets`: what the check was
   * given (`src`, `.`), whose digests are kept apart from those of other targets.
   */
  constructor(
    folder: string,
    root: string,
    files: readonly string[],
    read: (path: string) => Buffer | undefined,
    settings: ReportSettings,
    targets: readonly string[] = ['.'],
  ) {
    const adapters = allAdapters();
    const digests = new FileDigests(folder, root, targets);
    const hash = createHash('sha256')
      .update(`check\0${root}\0${settings.maxFileBytes}\0${settings.fileTimeoutMs}\0${settings.runTimeoutMs}\0`);
    for (const path of files) {
      hash.update(path).update('\0');
      const lower = path.toLowerCase();
      const matters = adapters.some((a) => a.extensions.some((ext) => lower.endsWith(ext)) || a.configFiles?.test(path));
      if (!matters) continue;
      hash.update(`${digests.digest(path, () => read(path)) ?? '-'}\0`);
    }
    digests.save();
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

/** The format of a digests file; another is ignored. */
const DIGESTS_VERSION = 1;
/**
 * A file whose times are this close to when its digest was taken may have changed since within
 * the same timestamp tick (file systems count in up to 2 s): it is hashed again.
 */
const RACY_MS = 2000;

interface DigestEntry {
  /** Size, modification and change times, inode and device, as `statSync` gave them. */
  readonly signature: string;
  /** SHA-256 of the content, hex. */
  readonly digest: string;
}

/**
 * The content digests of a tree's files, kept in the cache folder from one run to the next with
 * each file's stat signature. A file whose signature is unchanged, and whose times were older
 * than the run that took its digest (less `RACY_MS`), is not read again. A missing, corrupt or
 * foreign digests file is ignored and written anew. Each set of targets (`check src` and `check .`)
 * keeps its own file, so that checking one does not drop the digests of the other.
 */
export class FileDigests {
  private readonly file: string;
  private readonly known = new Map<string, DigestEntry>();
  private readonly current = new Map<string, DigestEntry>();
  /** Times before this one are older than the digests kept. */
  private readonly trustedBefore: number;
  /** When this run began taking digests: the times of what it hashes are compared with it later. */
  private readonly started = Date.now();
  private changed = false;

  constructor(
    folder: string,
    private readonly root: string,
    targets: readonly string[] = ['.'],
  ) {
    const key = createHash('sha256').update(root).update('\0').update([...targets].sort().join('\0'));
    this.file = join(folder, 'digests', `${key.digest('hex').slice(0, 32)}.idx`);
    let trustedBefore = -Infinity;
    try {
      const saved: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (isDigestsFile(saved) && saved.root === root) {
        trustedBefore = saved.started - RACY_MS;
        for (const [path, signature, digest] of saved.entries) this.known.set(path, { signature, digest });
      }
    } catch {
      // None yet, or unreadable: every file is hashed.
    }
    this.trustedBefore = trustedBefore;
  }

  /** The SHA-256 of the file at `path` (relative to the root), or undefined when `read` cannot read it. */
  digest(path: string, read: () => Buffer | undefined): string | undefined {
    const signature = this.signature(path);
    const known = this.known.get(path);
    if (signature !== undefined && known?.signature === signature.text && signature.newest < this.trustedBefore) {
      this.current.set(path, known);
      return known.digest;
    }
    const bytes = read();
    if (bytes === undefined) return undefined;
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (signature !== undefined) this.current.set(path, { signature: signature.text, digest });
    this.changed = true;
    return digest;
  }

  /** Writes the digests taken (atomically), when any is new or a file is gone. */
  save(): void {
    if (!this.changed && this.current.size === this.known.size) return;
    const entries = [...this.current].map(([path, e]) => [path, e.signature, e.digest]);
    writeCacheEntry(this.file, JSON.stringify({ version: DIGESTS_VERSION, root: this.root, started: this.started, entries }));
  }

  private signature(path: string): { text: string; newest: number } | undefined {
    try {
      const s = statSync(join(this.root, path));
      if (!s.isFile()) return undefined;
      return { text: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.dev}`, newest: Math.max(s.mtimeMs, s.ctimeMs) };
    } catch {
      return undefined;
    }
  }
}

function isDigestsFile(value: unknown): value is { root: string; started: number; entries: [string, string, string][] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { version?: unknown; root?: unknown; started?: unknown; entries?: unknown };
  return (
    v.version === DIGESTS_VERSION &&
    typeof v.root === 'string' &&
    typeof v.started === 'number' &&
    Array.isArray(v.entries) &&
    v.entries.every((e) => Array.isArray(e) && e.length === 3 && e.every((x) => typeof x === 'string'))
  );
}
