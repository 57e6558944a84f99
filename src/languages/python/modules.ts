// Python module names: what a file is imported as, and where a relative import points.

/** Folders that hold packages without being packages themselves (`src/` layouts). */
const SOURCE_ROOTS = new Set(['src', 'lib', 'python', 'source']);

/**
 * The module names a file may be imported as, its path from the repository root first:
 * `services/api/app/geo.py` is `services.api.app.geo`, and also `api.app.geo` and `app.geo`, since
 * the folder Python runs from is not in the repository (namespace packages need no `__init__.py`).
 * Single-segment suffixes are left out unless the file sits in a source root (`src/geo.py` is
 * `geo`), so that a repository's `json.py` deep in a folder does not shadow the standard library.
 */
export function moduleNamesForPath(path: string): string[] {
  const withoutExt = path.replace(/\.pyi?$/, '');
  const parts = withoutExt.split('/').filter((p) => p.length > 0);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  if (parts.length === 0) return names;
  names.push(parts.join('.'));
  for (let i = 1; i < parts.length; i++) {
    const suffix = parts.slice(i);
    if (suffix.length >= 2 || (i === 1 && SOURCE_ROOTS.has(parts[0] ?? ''))) names.push(suffix.join('.'));
  }
  return names;
}

export function isPackageInit(path: string): boolean {
  return /(^|\/)__init__\.pyi?$/.test(path);
}

/**
 * The absolute module that `from <dots><name> import ...` names, seen from `module`.
 * `from . import x` in `app/api/signup.py` (module `app.api.signup`) is `app.api`.
 */
export function resolveRelativeModule(module: string, isInit: boolean, level: number, name: string): string {
  const parts = module.split('.').filter((p) => p.length > 0);
  const pkg = isInit ? parts : parts.slice(0, -1);
  const base = pkg.slice(0, Math.max(0, pkg.length - (level - 1)));
  if (name) base.push(...name.split('.'));
  return base.join('.');
}
