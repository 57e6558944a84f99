// A cache of lowered files on disk, keyed by content and by the code that lowered them, so that a
// repeated run re-parses only what changed. Entries are written atomically (a temporary file renamed
// into place), so concurrent runs never read half an entry, by the thread that lowered the file; an
// entry that cannot be read or does not look like a lowered file is ignored and rebuilt.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { FileModel } from '../ir/model.js';
import { VERSION } from '../version.js';

const fingerprints = new Map<string, string>();

/**
 * A hash of the tool's version and of its compiled code under `folder` (relative to `src/`), so
 * that changed code (even at the same version, during development) never serves stale entries.
 */
export function codeFingerprint(folder: string): string {
  const known = fingerprints.get(folder);
  if (known !== undefined) return known;
  const hash = createHash('sha256').update(VERSION);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.js')) hash.update(name).update(readFileSync(full));
    }
  };
  try {
    walk(join(dirname(fileURLToPath(import.meta.url)), '..', folder));
  } catch {
    hash.update('unreadable');
  }
  const fingerprint = hash.digest('hex').slice(0, 16);
  fingerprints.set(folder, fingerprint);
  return fingerprint;
}

/**
 * The folder that holds the cache for a repository: `ASYNCGUARD_CACHE_DIR` when set (a CI cache
 * path, or a benchmark's fresh folder), else its node_modules/.cache, else the user cache.
 */
export function cacheFolder(root: string): string {
  const chosen = process.env['ASYNCGUARD_CACHE_DIR'];
  if (chosen !== undefined && chosen !== '') return resolve(chosen);
  const local = join(root, 'node_modules');
  if (existsSync(local)) return join(local, '.cache', 'asyncguard');
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'asyncguard');
}

function looksLowered(value: unknown, path: string): value is FileModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<FileModel>;
  return (
    m.path === path &&
    typeof m.ecosystem === 'string' &&
    Array.isArray(m.modules) &&
    Array.isArray(m.functions) &&
    Array.isArray(m.calls) &&
    Array.isArray(m.loops) &&
    Array.isArray(m.bindings) &&
    Array.isArray(m.classes) &&
    Array.isArray(m.importLines) &&
    Array.isArray(m.issues)
  );
}

/** Where a file is in the cache: its lowered model, or where its entry goes once it is lowered. */
export type CacheLookup = { readonly model: FileModel } | { readonly entry: string };

export class ModelCache {
  private readonly folder: string;
  hits = 0;
  misses = 0;

  constructor(folder: string) {
    // What lowered a cached file: the adapters.
    this.folder = join(folder, codeFingerprint('languages'));
  }

  private keyOf(adapter: string, path: string, source: string): string {
    return createHash('sha256').update(adapter).update('\0').update(path).update('\0').update(source).digest('hex');
  }

  private fileOf(key: string): string {
    return join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The lowered file for this exact path and content, if a sound entry exists; else the entry's
   * file, for whoever lowers it to write (`writeCacheEntry`), on this thread or a worker.
   */
  lookup(adapter: string, path: string, source: string): CacheLookup {
    const file = this.fileOf(this.keyOf(adapter, path, source));
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (looksLowered(value, path)) {
        this.hits++;
        return { model: value };
      }
    } catch {
      // Missing or corrupt: lowered again and rewritten.
    }
    this.misses++;
    return { entry: file };
  }
}

/** False once a write failed on this thread: a read-only or full disk only costs speed. */
let writable = true;
/** Folders this thread has made (or found) already: one `mkdir` each, not one per entry. */
const madeFolders = new Set<string>();

/** Writes a lowered file's JSON to its cache entry, atomically: a temporary file renamed into place. */
export function writeCacheEntry(file: string, json: string): void {
  if (!writable) return;
  const temp = `${file}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const folder = dirname(file);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    try {
      writeFileSync(temp, json);
    } catch {
      // The folder was removed meanwhile (a cache cleared by hand): made again, once.
      mkdirSync(folder, { recursive: true });
      writeFileSync(temp, json);
    }
    renameSync(temp, file);
  } catch {
    writable = false;
  }
}
