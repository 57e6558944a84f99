// The languages asyncguard reads, by file name ending.

import type { LanguageAdapter } from './adapter.js';
import { JavaScriptAdapter } from './javascript/adapter.js';
import { PythonAdapter } from './python/adapter.js';
import { RustAdapter } from './rust/adapter.js';

const adapters: readonly LanguageAdapter[] = [new PythonAdapter(), new JavaScriptAdapter(), new RustAdapter()];

/** The adapter for a repository-relative path, or undefined when no supported language has it. */
export function adapterFor(path: string): LanguageAdapter | undefined {
  const lower = path.toLowerCase();
  return adapters.find((a) => a.extensions.some((ext) => lower.endsWith(ext)) && !a.skips?.test(lower));
}

/** Every adapter, for what concerns them all (cache keys). */
export function allAdapters(): readonly LanguageAdapter[] {
  return adapters;
}

export function supportedExtensions(): readonly string[] {
  return adapters.flatMap((a) => a.extensions);
}
