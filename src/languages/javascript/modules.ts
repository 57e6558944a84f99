// JavaScript module names: what a file is imported as, and what an import specifier names.

import { posix } from 'node:path';
import { PathAliases } from './path-aliases.js';

/** File endings a specifier may carry or leave out (`./db`, `./db.js` for `db.ts`). */
const SOURCE_EXTENSION = /\.(?:[mc]?[jt]s|[jt]sx)$/;

/**
 * Repository modules are named by their path from the root, prefixed with `./` so that no
 * repository file can shadow a package or a Node built-in (`./src/db` for `src/db.ts`). An
 * `index` file also answers to its folder (`./src/routes` for `src/routes/index.js`).
 */
export function moduleNamesForPath(path: string): string[] {
  const bare = path.replace(SOURCE_EXTENSION, '').replace(/\.d$/, '');
  const names = [`./${bare}`];
  const index = /^(.*)\/index$/.exec(bare);
  if (index?.[1]) names.push(`./${index[1]}`);
  else if (bare === 'index') names.push('.');
  return names;
}

/**
 * The qualified root a specifier names, seen from the file at `fromPath`: a repository module for a
 * relative specifier, else the package or built-in, `node:` dropped and dots made underscores
 * (`socket.io` is `socket_io`) so that the dot only ever separates members.
 */
export function resolveSpecifier(fromPath: string, specifier: string, aliases: PathAliases = PathAliases.none): string {
  const aliased = specifier.startsWith('.') ? undefined : aliases.resolve(fromPath, specifier);
  if (aliased !== undefined) return `./${aliased.replace(SOURCE_EXTENSION, '').replace(/^\.\//, '')}`;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const joined = posix.normalize(posix.join(posix.dirname(fromPath), specifier)).replace(SOURCE_EXTENSION, '');
    const inside = joined.replace(/^\/+/, '').replace(/\/$/, '');
    return inside === '' || inside === '.' ? '.' : `./${inside}`;
  }
  return specifier.replace(/^node:/, '').replace(/\./g, '_');
}
