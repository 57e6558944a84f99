// Shares equal strings and equal symbolic values among the lowered files of a run.
//
// A tree's files repeat the same names thousands of times (`self.assertEqual`, `os.path.join`,
// `this.emit`), and every file's model, read back from JSON or built by an adapter, holds its own
// copy of each. Held together for the whole-program analysis, the copies cost more than the
// models' structure. A `ValueRef` means the same in every file (its names are qualified), so equal
// ones are shared too, which also lets the resolver's per-value cache serve every file at once.

import type { Argument, Binding, CallSite, ClassModel, Decorator, FileModel, FunctionModel, LoopModel, RoleMark, ValueRef } from './model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The one empty list every model shares in place of its own (models are never written to). */
const EMPTY: readonly never[] = Object.freeze([]);

export class ModelInterner {
  private readonly strings = new Map<string, string>();
  private readonly refs = new Map<string, ValueRef>();
  private readonly ids = new WeakMap<ValueRef, number>();
  private readonly roles = new Map<string, RoleMark>();

  /** Rewrites `model` in place to share what earlier models hold, and returns it. */
  model(model: FileModel): FileModel {
    const m = model as Mutable<FileModel>;
    m.ecosystem = this.string(m.ecosystem);
    m.modules = this.strings$(m.modules);
    m.functions = this.list(m.functions, (fn) => this.function(fn));
    m.calls = this.list(m.calls, (call) => this.call(call));
    m.loops = this.list(m.loops, (loop) => this.loop(loop));
    m.bindings = this.list(m.bindings, (b) => this.binding(b));
    m.classes = this.list(m.classes, (c) => this.class(c));
    if (m.role) m.role = this.role(m.role);
    if (m.starExports) m.starExports = this.strings$(m.starExports);
    m.importLines = this.list(m.importLines, (n) => n);
    m.issues = this.list(m.issues, (i) => i);
    return m;
  }

  /** One copy of each distinct text, flat: a slice of a file's source must not keep the source alive. */
  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    const flat = s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
    this.strings.set(flat, flat);
    return flat;
  }

  /** One object for each distinct value: its parts shared first, then the whole by their identities. */
  ref(ref: ValueRef): ValueRef {
    if (this.ids.has(ref)) return ref;
    // Parts are shared in place: a value met for the first time becomes the shared one.
    const r = ref as Mutable<ValueRef> & Record<string, unknown>;
    let key: string;
    switch (r.kind) {
      case 'name':
        r.qname = this.string(r.qname);
        key = `n${r.qname}`;
        break;
      case 'result':
        r.of = this.ref(r.of);
        key = `r${this.idOf(r.of)}`;
        break;
      case 'member':
        r.of = this.ref(r.of);
        r.name = this.string(r.name);
        key = `m${this.idOf(r.of)}.${r.name}`;
        break;
      case 'item':
        r.of = this.ref(r.of);
        key = `i${this.idOf(r.of)}`;
        break;
      case 'instance':
        r.type = this.ref(r.type);
        key = `t${this.idOf(r.type)}`;
        break;
      case 'unknown':
        r.text = this.string(r.text);
        key = `u${r.text}`;
        break;
    }
    const known = this.refs.get(key);
    if (known) return known;
    this.refs.set(key, ref);
    this.ids.set(ref, this.refs.size);
    return ref;
  }

  private idOf(ref: ValueRef): number {
    return this.ids.get(ref) ?? 0;
  }

  private list<T>(items: readonly T[], each: (item: T) => T): readonly T[] {
    if (items.length === 0) return EMPTY;
    const out = items as T[];
    for (let i = 0; i < out.length; i++) out[i] = each(out[i] as T);
    return out;
  }

  private strings$(items: readonly string[]): readonly string[] {
    return this.list(items, (s) => this.string(s));
  }

  private role(role: RoleMark): RoleMark {
    const key = `${role.role}\0${role.reason}`;
    const known = this.roles.get(key);
    if (known) return known;
    this.roles.set(key, role);
    return role;
  }

  private function(fn: FunctionModel): FunctionModel {
    const f = fn as Mutable<FunctionModel>;
    f.name = this.string(f.name);
    if (f.qname !== undefined) f.qname = this.string(f.qname);
    if (f.classQname !== undefined) f.classQname = this.string(f.classQname);
    f.decorators = this.list(f.decorators, (d) => this.decorator(d));
    if (f.returns) f.returns = this.ref(f.returns);
    if (f.role) f.role = this.role(f.role);
    if (f.passedTo?.keyword !== undefined) (f.passedTo as Mutable<NonNullable<FunctionModel['passedTo']>>).keyword = this.string(f.passedTo.keyword);
    return f;
  }

  private decorator(d: Decorator): Decorator {
    const m = d as Mutable<Decorator>;
    m.ref = this.ref(m.ref);
    m.text = this.string(m.text);
    m.stringArgs = this.strings$(m.stringArgs);
    return m;
  }

  private call(call: CallSite): CallSite {
    const c = call as Mutable<CallSite>;
    c.calleeText = this.string(c.calleeText);
    c.callee = this.ref(c.callee);
    c.args = this.list(c.args, (a) => this.argument(a));
    if (c.facts) c.facts = this.strings$(c.facts);
    return c;
  }

  private argument(arg: Argument): Argument {
    const a = arg as Mutable<Argument> & { ref?: ValueRef; value?: string | number };
    if (a.keyword !== undefined) a.keyword = this.string(a.keyword);
    if (a.kind === 'reference' && a.ref) a.ref = this.ref(a.ref);
    if (a.kind === 'literal' && typeof a.value === 'string') a.value = this.string(a.value);
    return a as Argument;
  }

  private loop(loop: LoopModel): LoopModel {
    const l = loop as Mutable<LoopModel>;
    l.headerText = this.string(l.headerText);
    l.conditionCallIds = this.list(l.conditionCallIds, (n) => n);
    return l;
  }

  private binding(binding: Binding): Binding {
    const b = binding as Mutable<Binding>;
    b.name = this.string(b.name);
    b.qname = this.string(b.qname);
    b.value = this.ref(b.value);
    return b;
  }

  private class(cls: ClassModel): ClassModel {
    const c = cls as Mutable<ClassModel>;
    c.name = this.string(c.name);
    c.qname = this.string(c.qname);
    c.bases = this.list(c.bases, (b) => this.ref(b));
    c.attributes = this.list(c.attributes, (a) => {
      const m = a as Mutable<typeof a>;
      m.name = this.string(m.name);
      m.value = this.ref(m.value);
      return m;
    });
    return c;
  }
}
