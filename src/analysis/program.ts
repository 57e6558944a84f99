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
  /** Every module name and package prefix in the repository (`app`, `app.api`, `app.api.signup`). */
  private readonly packages = new Set<string>();

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
    const addPackages = (m: string): void => {
      const parts = m.split('.');
      for (let i = 1; i <= parts.length; i++) this.packages.add(parts.slice(0, i).join('.'));
    };
    // Names of files not lowered are still the repository's: calls into them are not third-party.
    for (const m of partial?.claims.keys() ?? []) addPackages(m);
    for (const file of this.files) {
      this.byPath.set(file.path, file);
      for (const m of names(file)) {
        // The first file to claim a module name keeps it: files are sorted, so this is deterministic.
        // Of part of the repository, a name another file claims first is left to that file.
        const owner = partial?.claims.get(m);
        if (!this.modules.has(m) && (owner === undefined || owner === file.path)) this.modules.set(m, file);
        addPackages(m);
      }
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
    return this.packages.has(qname);
  }

  /**
   * True when the name's root is one of the repository's own packages, or the name is a path from
   * the repository root (`./src/db.query`: adapters name path-addressed modules that way).
   */
  isInternal(qname: string): boolean {
    if (qname === '.' || qname.startsWith('./')) return true;
    return this.packages.has(qname.split('.')[0] ?? qname);
  }
}
