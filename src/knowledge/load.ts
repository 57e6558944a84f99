// Loads the ecosystems a run needs, and no other: the catalog is most of what asyncguard loads, and
// a repository of one language needs one ecosystem's entries.

import type { Ecosystem } from './entry.js';

/** Every ecosystem by its name, loaded on demand; `index.ts` lists the same, loaded at once. */
const LOADERS: Readonly<Record<string, () => Promise<Ecosystem>>> = {
  python: async () => (await import('./python/index.js')).python,
  node: async () => (await import('./node/index.js')).node,
  rust: async () => (await import('./rust/index.js')).rust,
};

/** The names of the ecosystems that can be loaded. */
export const ECOSYSTEM_NAMES: readonly string[] = Object.keys(LOADERS);

/** The ecosystems named, in the order of `ECOSYSTEM_NAMES`; names no ecosystem has are left out. */
export async function loadEcosystems(names: Iterable<string>): Promise<Ecosystem[]> {
  const wanted = new Set(names);
  return Promise.all(ECOSYSTEM_NAMES.filter((name) => wanted.has(name)).map((name) => (LOADERS[name] as () => Promise<Ecosystem>)()));
}
