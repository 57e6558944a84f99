// Resolves the adapters' symbolic values against the repository and the catalog.
//
// A value is a repository function, class or instance, a repository module, or an API outside the
// repository named by its qualified name (`sqlite3.Connection`), whose methods the catalog may know.

import type { ValueRef } from '../ir/model.js';
import type { EcosystemIndex } from '../knowledge/catalog.js';
import type { ClassRef, FunctionRef, Program } from './program.js';

export type Value =
  | { readonly kind: 'function'; readonly ref: FunctionRef }
  | { readonly kind: 'class'; readonly ref: ClassRef }
  | { readonly kind: 'instance'; readonly cls: ClassRef }
  | { readonly kind: 'module'; readonly qname: string }
  /**
   * Something outside the repository, by qualified name. `name`: a module, function or class;
   * `instance`: a value of type `qname`; `method`: a method of such a value. `derived` marks values
   * read out of results the catalog does not describe (`resp.json()[0]`): their type is a guess,
   * so unknown calls on them are not reported as third-party I/O.
   */
  | { readonly kind: 'api'; readonly qname: string; readonly role: 'name' | 'instance' | 'method'; readonly derived: boolean }
  /** A name of the repository that could not be found (a file outside the change, a dynamic attribute). */
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

/** What a call invokes. */
export type Callee =
  | { readonly kind: 'function'; readonly ref: FunctionRef }
  /** An API outside the repository; `derived` as for values: its receiver's type is a guess. */
  | { readonly kind: 'api'; readonly qname: string; readonly derived: boolean }
  | { readonly kind: 'internal' }
  | { readonly kind: 'unknown' };

const UNKNOWN: Value = { kind: 'unknown' };
const INTERNAL: Value = { kind: 'internal' };
/** How many indirections (variables, attributes, bases) a resolution follows. */
const MAX_DEPTH = 16;

export class Resolver {
  private readonly valueCache = new WeakMap<ValueRef, Value>();
  /** Names no definition answers to, found without reaching the depth limit: asked again and again. */
  private readonly undefinedNames = new Set<string>();
  /** How many times a resolution stopped at the depth limit: a miss found meanwhile may not be final. */
  private cutoffs = 0;

  constructor(
    private readonly program: Program,
    private readonly catalog: EcosystemIndex,
  ) {}

  /** What calling `callee` invokes. */
  callee(callee: ValueRef): Callee {
    const v = callee.kind === 'member' ? this.member(this.value(callee.of), callee.name, 'callee', 0) : this.valueForCall(callee);
    switch (v.kind) {
      case 'function':
        return { kind: 'function', ref: v.ref };
      case 'class': {
        const init = this.findMethod(v.ref, '__init__', 0);
        return init ? { kind: 'function', ref: init } : { kind: 'internal' };
      }
      case 'api':
        return { kind: 'api', qname: v.qname, derived: v.derived };
      case 'module': {
        // Calling a module calls what it exports as a whole (`module.exports = fn`).
        const whole = this.definition(`${v.qname}.default`, 0);
        return whole?.kind === 'function' ? { kind: 'function', ref: whole.ref } : { kind: 'internal' };
      }
      case 'internal':
      case 'instance':
        return { kind: 'internal' };
      default:
        return { kind: 'unknown' };
    }
  }

  private valueForCall(ref: ValueRef): Value {
    return ref.kind === 'name' ? this.name(ref.qname, 'callee', 0) : this.value(ref);
  }

  /** The value an expression evaluates to. */
  value(ref: ValueRef, depth = 0): Value {
    const cached = this.valueCache.get(ref);
    if (cached) return cached;
    const v = this.computeValue(ref, depth);
    if (depth === 0) this.valueCache.set(ref, v);
    return v;
  }

  private computeValue(ref: ValueRef, depth: number): Value {
    if (this.tooDeep(depth)) return UNKNOWN;
    switch (ref.kind) {
      case 'name':
        return this.name(ref.qname, 'value', depth + 1);
      case 'member':
        return this.member(this.value(ref.of, depth + 1), ref.name, 'value', depth + 1);
      case 'result':
        return this.result(ref.of.kind === 'member' ? this.member(this.value(ref.of.of, depth + 1), ref.of.name, 'callee', depth + 1) : ref.of.kind === 'name' ? this.name(ref.of.qname, 'callee', depth + 1) : this.value(ref.of, depth + 1), depth + 1);
      case 'item': {
        const of = this.value(ref.of, depth + 1);
        if (of.kind !== 'api') return of.kind === 'internal' || of.kind === 'instance' ? INTERNAL : UNKNOWN;
        return this.typed(`${of.qname}.__getitem__`);
      }
      case 'instance': {
        const t = this.value(ref.type, depth + 1);
        if (t.kind === 'class') return { kind: 'instance', cls: t.ref };
        if (t.kind === 'api') return { kind: 'api', qname: t.qname, role: 'instance', derived: t.derived };
        return t.kind === 'internal' ? INTERNAL : UNKNOWN;
      }
      case 'unknown':
        return UNKNOWN;
    }
  }

  /** The value a call returns. */
  private result(callee: Value, depth: number): Value {
    switch (callee.kind) {
      case 'function':
        return callee.ref.fn.returns ? this.value(callee.ref.fn.returns, depth + 1) : INTERNAL;
      case 'class':
        return { kind: 'instance', cls: callee.ref };
      case 'api': {
        // Calling a class gives an instance of it; an API the catalog knows returns its type; what
        // an undescribed method returns is anyone's guess.
        const known = this.catalog.returnType(callee.qname);
        if (known) return { kind: 'api', qname: known, role: 'instance', derived: false };
        if (callee.role === 'name') return { kind: 'api', qname: callee.qname, role: 'instance', derived: callee.derived };
        // Calling an instance (`SessionLocal()` of a sessionmaker) runs its `__call__`.
        const called = callee.role === 'instance' ? this.catalog.returnType(`${callee.qname}.__call__`) : undefined;
        if (called) return { kind: 'api', qname: called, role: 'instance', derived: false };
        return { kind: 'api', qname: `${callee.qname}()`, role: 'instance', derived: true };
      }
      case 'internal':
      case 'instance':
      case 'module':
        return INTERNAL;
      default:
        return UNKNOWN;
    }
  }

  /**
   * A qualified name: the repository's definitions first, following variables and attributes
   * through the longest prefix the repository defines; anything else is an outside API.
   */
  private name(qname: string, mode: 'callee' | 'value', depth: number): Value {
    if (this.tooDeep(depth)) return UNKNOWN;
    const direct = this.definition(qname, depth);
    if (direct) return direct;
    const parts = qname.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const prefix = parts.slice(0, i).join('.');
      let v = this.definition(prefix, depth);
      if (!v) continue;
      const rest = parts.slice(i);
      rest.forEach((segment, k) => {
        v = this.member(v as Value, segment, k === rest.length - 1 ? mode : 'value', depth + 1);
      });
      return v;
    }
    return this.program.isInternal(qname) ? INTERNAL : { kind: 'api', qname, role: 'name', derived: false };
  }

  private tooDeep(depth: number): boolean {
    if (depth <= MAX_DEPTH) return false;
    this.cutoffs++;
    return true;
  }

  /** A repository definition named exactly `qname`, if any. */
  private definition(qname: string, depth: number): Value | undefined {
    if (!this.program.mayDefine(qname) || this.undefinedNames.has(qname)) return undefined;
    const cutoffs = this.cutoffs;
    const found = this.lookUp(qname, depth);
    if (found === undefined && cutoffs === this.cutoffs) this.undefinedNames.add(qname);
    return found;
  }

  private lookUp(qname: string, depth: number): Value | undefined {
    const fn = this.program.functionNamed(qname);
    if (fn) return { kind: 'function', ref: fn };
    const cls = this.program.classNamed(qname);
    if (cls) return { kind: 'class', ref: cls };
    const binding = this.program.bindingNamed(qname);
    if (binding) {
      const b = binding.binding.value;
      // An import binding names its target; a variable, what was assigned to it.
      if (b.kind === 'name' && b.qname === qname) return { kind: 'api', qname, role: 'name', derived: false };
      return this.value(b, depth + 1);
    }
    if (this.program.isPackage(qname)) return { kind: 'module', qname };
    // `export * from './x'` and `from .x import *`: the name may live in a re-exported module.
    const dot = qname.lastIndexOf('.');
    if (dot > 0 && !this.tooDeep(depth)) {
      const stars = this.program.moduleNamed(qname.slice(0, dot))?.starExports ?? [];
      for (const star of stars) {
        const found = this.definition(`${star}${qname.slice(dot)}`, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * An attribute of a value. For a `callee` the member itself (a method, an API name); for a
   * `value`, what reading the attribute gives (a property's type, an attribute set in `__init__`).
   */
  private member(of: Value, name: string, mode: 'callee' | 'value', depth: number): Value {
    if (this.tooDeep(depth)) return UNKNOWN;
    switch (of.kind) {
      case 'module': {
        const found = this.name(`${of.qname}.${name}`, mode, depth + 1);
        if (found.kind !== 'internal') return found;
        // A member of what the module exports as a whole (`module.exports = new Service()`).
        const whole = this.definition(`${of.qname}.default`, depth + 1);
        return whole && whole.kind !== 'module' ? this.member(whole, name, mode, depth + 1) : found;
      }
      case 'class':
      case 'instance': {
        const cls = of.kind === 'class' ? of.ref : of.cls;
        const method = this.findMethod(cls, name, depth + 1);
        if (method) return { kind: 'function', ref: method };
        const nested = this.program.classNamed(`${cls.cls.qname}.${name}`);
        if (nested) return { kind: 'class', ref: nested };
        const attr = this.findAttribute(cls, name, depth + 1);
        if (attr) return attr;
        const apiBase = this.apiBase(cls, depth + 1);
        if (apiBase) return this.member({ kind: 'api', qname: apiBase, role: 'instance', derived: false }, name, mode, depth + 1);
        return INTERNAL;
      }
      case 'api': {
        const q = `${of.qname}.${name}`;
        if (of.role === 'name') return { kind: 'api', qname: q, role: 'name', derived: of.derived };
        if (mode === 'callee') return { kind: 'api', qname: q, role: 'method', derived: of.derived || of.role === 'method' };
        return this.typed(q, `${of.qname}.__getattr__`);
      }
      case 'internal':
      case 'function':
        return INTERNAL;
      default:
        return UNKNOWN;
    }
  }

  /** A value read from an API (a property, an item): typed when the catalog says, else derived. */
  private typed(qname: string, fallback?: string): Value {
    const known = this.catalog.returnType(qname) ?? (fallback ? this.catalog.returnType(fallback) : undefined);
    if (known) return { kind: 'api', qname: known, role: 'instance', derived: false };
    return { kind: 'api', qname, role: 'instance', derived: true };
  }

  private findMethod(cls: ClassRef, name: string, depth: number): FunctionRef | undefined {
    if (this.tooDeep(depth)) return undefined;
    const own = this.program.functionNamed(`${cls.cls.qname}.${name}`);
    if (own) return own;
    for (const base of cls.cls.bases) {
      const b = this.value(base, depth + 1);
      if (b.kind === 'class' && b.ref !== cls) {
        const found = this.findMethod(b.ref, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  private findAttribute(cls: ClassRef, name: string, depth: number): Value | undefined {
    if (this.tooDeep(depth)) return undefined;
    const attr = cls.cls.attributes.find((a) => a.name === name);
    if (attr) return this.value(attr.value, depth + 1);
    for (const base of cls.cls.bases) {
      const b = this.value(base, depth + 1);
      if (b.kind === 'class' && b.ref !== cls) {
        const found = this.findAttribute(b.ref, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The first base class that lives outside the repository (a framework class), by name. */
  private apiBase(cls: ClassRef, depth: number): string | undefined {
    if (this.tooDeep(depth)) return undefined;
    for (const base of cls.cls.bases) {
      const b = this.value(base, depth + 1);
      if (b.kind === 'api') return b.qname;
      if (b.kind === 'class' && b.ref !== cls) {
        const inner = this.apiBase(b.ref, depth + 1);
        if (inner) return inner;
      }
    }
    return undefined;
  }
}
