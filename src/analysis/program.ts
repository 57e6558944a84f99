// The repository as the analysis sees it: every lowered file, indexed by qualified name.

import type { Binding, ClassModel, FileModel, FunctionModel } from '../ir/model.js';

export interface FunctionRef {
  readonly file: FileModel;
  readonly fn: FunctionModel;
}

export interface ClassRef {
  readonly file: FileModel;
  readonly cls: ClassModel;
}

export interface BindingRef {
  readonly file: FileModel;
  readonly binding: Binding;
}

/**
 * For a program of some of the repository's files (a diff's reach): which file each module name
 * of the whole repository belongs to, and a hook told of every name looked up and not found, so
 * that the files holding them can be lowered and the program built again.
 */
export interface PartialProgram {
  /** Every module name of the repository, with the file that claims it (see `moduleClaims`). */
  readonly claims: ReadonlyMap<string, string>;
  /** The packages of those names (`packagesOf`), worked out once for the programs built of them. */
  readonly packages: ReadonlySet<string>;
  readonly onMiss: (qname: string) => void;
}

/**
 * Which file claims each module name: names in the order `Program` reads them (files sorted by
 * path, a file's own name first, aliases rooted in a reserved root left out), the first file wins.
 */
export function moduleClaims(
  files: readonly { readonly path: string; readonly modules: readonly string[] }[],
  reservedRoot: (root: string) => boolean = () => false,
): Map<string, string> {
  const claims = new Map<string, string>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const m of claimedNames(file.modules, reservedRoot)) if (!claims.has(m)) claims.set(m, file.path);
  }
  return claims;
}

/** The first segment of a qualified name (`app` of `app.api.signup`). */
function rootOf(qname: string): string {
  const dot = qname.indexOf('.');
  return dot < 0 ? qname : qname.slice(0, dot);
}

/** Every module name and package prefix of `names` (`app`, `app.api`, `app.api.signup`). */
export function packagesOf(names: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const name of names) {
    for (let end = name.indexOf('.'); end >= 0; end = name.indexOf('.', end + 1)) packages.add(name.slice(0, end));
    packages.add(name);
  }
  return packages;
}

function claimedNames(modules: readonly string[], reservedRoot: (root: string) => boolean): string[] {
  return modules.filter((m, i) => i === 0 || !reservedRoot(m.split('.')[0] ?? m));
}

/** A stable key for a function across the program. */
export const functionKey = (ref: FunctionRef): string => `${ref.file.path}#${ref.fn.id}`;

export class Program {
  readonly files: readonly FileModel[];
  private readonly byPath = new Map<string, FileModel>();
  private readonly functions = new Map<string, FunctionRef>();
  private readonly classes = new Map<string, ClassRef>();
  private readonly bindings = new Map<string, BindingRef>();
  private readonly modules = new Map<string, FileModel>();
  /** Every module name and package prefix of the files (`app`, `app.api`, `app.api.signup`). */
  private readonly packages = new Set<string>();
  /**
   * The names of definitions rooted outside the repository's packages, and their prefixes: Rust's
   * `impl Trait for Vec` defines `std.vec.Vec.method`. With `packages`, what any definition can be named.
   */
  private readonly outside = new Set<string>();

  /**
   * `reservedRoot` names module roots that belong to the language or its libraries (`json`,
   * `requests`): a repository file is known by an alias rooted there only if that is its real path.
   */
  constructor(
    files: readonly FileModel[],
    reservedRoot: (root: string) => boolean = () => false,
    private readonly partial?: PartialProgram,
  ) {
    this.files = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const names = (file: FileModel): string[] => claimedNames(file.modules, reservedRoot);
    for (const file of this.files) {
      this.byPath.set(file.path, file);
      for (const m of names(file)) {
        // The first file to claim a module name keeps it: files are sorted, so this is deterministic.
        // Of part of the repository, a name another file claims first is left to that file.
        const owner = partial?.claims.get(m);
        if (!this.modules.has(m) && (owner === undefined || owner === file.path)) this.modules.set(m, file);
      }
      for (const p of packagesOf(names(file))) this.packages.add(p);
      for (const fn of file.functions) if (fn.qname && !this.functions.has(fn.qname)) this.functions.set(fn.qname, { file, fn });
      for (const cls of file.classes) if (!this.classes.has(cls.qname)) this.classes.set(cls.qname, { file, cls });
      for (const binding of file.bindings) {
        // `module.exports = { app }` re-binds `app` to itself: the earlier binding says what it is.
        if (binding.value.kind === 'name' && binding.value.qname === binding.qname) continue;
        this.bindings.set(binding.qname, { file, binding });
      }
    }
    // A module known by an alias (`services/app/geo.py` as `app.geo`) answers to its definitions' aliases.
    for (const file of this.files) {
      const [primary, ...aliases] = names(file);
      if (!primary) continue;
      for (const alias of aliases) this.aliasDefinitions(file, primary, alias);
    }
    const outside = [...this.functions.keys(), ...this.classes.keys(), ...this.bindings.keys()].filter((q) => !this.isPackage(rootOf(q)));
    for (const name of packagesOf(outside)) this.outside.add(name);
  }

  /**
   * False when no definition of the program can be named `qname`: its root is no package of the
   * repository and no definition outside them starts so (`std.thread.sleep`). Lookups of it would
   * all miss, and no file of the repository claims it.
   */
  mayDefine(qname: string): boolean {
    return this.isPackage(rootOf(qname)) || this.outside.has(qname);
  }

  /** Registers the file's own definitions under `alias` as well, where no other file claims the name. */
  private aliasDefinitions(file: FileModel, primary: string, alias: string): void {
    const rename = (q: string): string | undefined => (q.startsWith(`${primary}.`) ? alias + q.slice(primary.length) : undefined);
    for (const fn of file.functions) {
      const a = fn.qname ? rename(fn.qname) : undefined;
      if (a && !this.functions.has(a)) this.functions.set(a, { file, fn });
    }
    for (const cls of file.classes) {
      const a = rename(cls.qname);
      if (a && !this.classes.has(a)) this.classes.set(a, { file, cls });
    }
    for (const binding of file.bindings) {
      const a = rename(binding.qname);
      if (a && !this.bindings.has(a)) this.bindings.set(a, { file, binding });
    }
  }

  file(path: string): FileModel | undefined {
    return this.byPath.get(path);
  }

  functionNamed(qname: string): FunctionRef | undefined {
    return this.found(qname, this.functions.get(qname));
  }

  classNamed(qname: string): ClassRef | undefined {
    return this.found(qname, this.classes.get(qname));
  }

  bindingNamed(qname: string): BindingRef | undefined {
    return this.found(qname, this.bindings.get(qname));
  }

  moduleNamed(qname: string): FileModel | undefined {
    return this.found(qname, this.modules.get(qname));
  }

  private found<T>(qname: string, value: T | undefined): T | undefined {
    if (value === undefined) this.partial?.onMiss(qname);
    return value;
  }

  /** True when `qname` is a module or package of the repository. */
  isPackage(qname: string): boolean {
    // Names of files not lowered are still the repository's: calls into them are not third-party.
    return this.packages.has(qname) || this.partial?.packages.has(qname) === true;
  }

  /**
   * True when the name's root is one of the repository's own packages, or the name is a path from
   * the repository root (`./src/db.query`: adapters name path-addressed modules that way).
   */
  isInternal(qname: string): boolean {
    if (qname === '.' || qname.startsWith('./')) return true;
    return this.isPackage(rootOf(qname));
  }
}
