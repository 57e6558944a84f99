// Indexes the ecosystems' entries for lookup by qualified name, most specific match first.

import { lastSegment } from '../ir/names.js';
import type { Ecosystem, Entry } from './entry.js';

type EntryOf<K extends Entry['kind']> = Extract<Entry, { kind: K }>;

/** The entries of one ecosystem, indexed: exact names, then `prefix.*` wildcards, longest first. */
export class EcosystemIndex {
  private readonly exact = new Map<string, Entry[]>();
  private readonly wildcards: { prefix: string; entry: Entry }[] = [];
  /** The first segment of every name the entries use: modules the ecosystem's libraries own. */
  private readonly roots = new Set<string>();
  private callbackNames: Set<string> | undefined;

  constructor(readonly ecosystem: Ecosystem) {
    for (const entry of ecosystem.entries) {
      for (const name of entry.match) {
        this.roots.add(name.split('.')[0] ?? name);
        if (name.endsWith('.*')) this.wildcards.push({ prefix: name.slice(0, -1), entry });
        else {
          const list = this.exact.get(name) ?? [];
          list.push(entry);
          this.exact.set(name, list);
        }
      }
    }
    this.wildcards.sort((a, b) => b.prefix.length - a.prefix.length || a.prefix.localeCompare(b.prefix));
  }

  /** The most specific entry of `kind` that covers `qname`: an exact name beats any wildcard. */
  find<K extends Entry['kind']>(qname: string, kind: K): EntryOf<K> | undefined {
    const exact = this.exact.get(qname)?.find((e) => e.kind === kind);
    if (exact) return exact as EntryOf<K>;
    for (const w of this.wildcards) {
      if (w.entry.kind === kind && qname.startsWith(w.prefix)) return w.entry as EntryOf<K>;
    }
    return undefined;
  }

  /** Every entry of any kind that names `qname` exactly, or by wildcard when none does. */
  all(qname: string): readonly Entry[] {
    const exact = this.exact.get(qname);
    if (exact && exact.length > 0) return exact;
    const w = this.wildcards.find((x) => qname.startsWith(x.prefix));
    return w ? [w.entry] : [];
  }

  /** The type a call to `qname` returns, when an entry says so. */
  returnType(qname: string): string | undefined {
    for (const e of this.exact.get(qname) ?? []) if (e.returns) return e.returns;
    return undefined;
  }

  /** True when some entry is about `qname` itself or a member of it (it is a known type or module). */
  knows(qname: string): boolean {
    if (this.exact.has(qname)) return true;
    return this.wildcards.some((w) => qname.startsWith(w.prefix));
  }

  /**
   * The last names of the APIs that register event-loop callbacks (`get` of `app.get(path, handler)`,
   * `call_soon`): a call or decorator that makes a function a callback context is written with one.
   * A wildcard (`ws.Server.*`) gives the name of what it covers.
   */
  callbackWords(): ReadonlySet<string> {
    this.callbackNames ??= new Set(
      this.ecosystem.entries
        .filter((e) => e.kind === 'callback')
        .flatMap((e) => e.match.map((name) => lastSegment(name.endsWith('.*') ? name.slice(0, -2) : name))),
    );
    return this.callbackNames;
  }

  /** True when `root` is a module of the standard library or of a library the catalog describes. */
  ownsRoot(root: string): boolean {
    return this.roots.has(root) || this.ecosystem.standardModules.has(root);
  }

  isStandard(qname: string): boolean {
    const root = qname.split('.')[0] ?? qname;
    return this.ecosystem.standardModules.has(root) || qname.startsWith(this.ecosystem.builtinPrefix);
  }
}

/** All ecosystems, by name. */
export class Catalog {
  private readonly byName = new Map<string, EcosystemIndex>();

  constructor(ecosystems: readonly Ecosystem[]) {
    for (const eco of ecosystems) this.byName.set(eco.name, new EcosystemIndex(eco));
  }

  get(name: string): EcosystemIndex | undefined {
    return this.byName.get(name);
  }

  /** True when some ecosystem owns the module root (see `EcosystemIndex.ownsRoot`). */
  ownsRoot(root: string): boolean {
    for (const index of this.byName.values()) if (index.ownsRoot(root)) return true;
    return false;
  }

  ecosystems(): readonly Ecosystem[] {
    return [...this.byName.values()].map((i) => i.ecosystem);
  }
}
