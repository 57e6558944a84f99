// Decides, for every function of the program, what it is to the rule: an async context, code run in
// place by its caller, work offloaded to another thread, or code out of reach (a test, a script).

import type { Argument, CallSite, FileModel, FunctionModel, RoleMark } from '../ir/model.js';
import type { Catalog, EcosystemIndex } from '../knowledge/catalog.js';
import type { CallbackEntry, OffloadEntry, RoleEntry } from '../knowledge/entry.js';
import type { FunctionRef, Program } from './program.js';
import { type Callee, Resolver } from './resolve.js';

/** A call site with its callee resolved. */
export interface ResolvedCall {
  readonly file: FileModel;
  readonly site: CallSite;
  readonly callee: Callee;
}

export interface FunctionInfo {
  readonly ref: FunctionRef;
  /** The function whose path this one's calls belong to: itself, or its caller for in-place callbacks. */
  owner: FunctionRef;
  /** Handed to another thread or process: its body is not on any async path. */
  offloaded?: { readonly by: string };
  /** Registered as an event-loop callback (a route handler, a listener): an async context. */
  callback?: { readonly by: string; readonly file: string; readonly line: number };
  role?: RoleMark;
}

function argumentAt(args: readonly Argument[], position: number | string): Argument | undefined {
  return typeof position === 'number'
    ? args.find((a) => a.index === position)
    : args.find((a) => a.keyword === position);
}

/** The arguments at `positions` (indexes and keywords; 'all' for every one). */
export function argumentsAt(args: readonly Argument[], positions: readonly (number | string)[] | 'all'): Argument[] {
  if (positions === 'all') return [...args];
  return positions.map((p) => argumentAt(args, p)).filter((a): a is Argument => a !== undefined);
}

/**
 * Whether calls in `from` can give functions of `to` a role, a boundary or a callback registration.
 * Test code cannot, outside tests: a function of the application that a test runs, registers or
 * calls at module level is still application code (and `check` and `diff` need not read tests to
 * know a function's role).
 */
function marks(from: FileModel, to: FileModel): boolean {
  return from.role?.role !== 'test' || to.role?.role === 'test';
}

// Functions and calls are keyed by their model objects: each is one object of one file's model.
export class FunctionTable {
  private readonly infos = new Map<FunctionModel, FunctionInfo>();
  /** Each file's calls, resolved, by call id. */
  private readonly calls = new Map<FileModel, ResolvedCall[]>();
  private readonly resolvers = new Map<string, Resolver>();
  /** Calls made from each owner, in source order: the edges and the candidates for findings. */
  private readonly owned = new Map<FunctionModel, ResolvedCall[]>();
  /** Functions called by reference from in-place APIs (`sorted(xs, key=helper)`): extra edges. */
  private readonly inPlaceReferences = new Map<FunctionModel, { call: ResolvedCall; target: FunctionRef }[]>();
  /** Lambdas and nested functions handed to in-place APIs: they run as part of their caller. */
  private readonly inPlaceFunctions = new Set<FunctionModel>();
  /** Functions handed to a role API (a lifespan hook, `add_event_handler("startup", f)`). */
  private readonly rolesByCall = new Map<FunctionModel, RoleMark>();
  /** Coroutines handed to a runner such as `asyncio.run(main())`, with the runner's call. */
  private readonly runners: { file: FileModel; site: CallSite; target: FunctionRef; api: string }[] = [];
  private readonly roleCache = new Map<FunctionModel, RoleMark | null>();
  /** For each repository function, the kinds of the functions that call it directly. */
  private readonly callerKinds = new Map<FunctionModel, Set<string>>();

  constructor(
    readonly program: Program,
    readonly catalog: Catalog,
  ) {
    for (const file of program.files) {
      const eco = catalog.get(file.ecosystem);
      if (!eco) continue;
      this.resolvers.set(file.ecosystem, new Resolver(program, eco));
      for (const fn of file.functions) this.infos.set(fn, { ref: { file, fn }, owner: { file, fn } });
    }
    for (const file of program.files) {
      const resolver = this.resolvers.get(file.ecosystem);
      if (!resolver) continue;
      const resolved: ResolvedCall[] = [];
      for (const site of file.calls) resolved[site.id] = { file, site, callee: resolver.callee(site.callee) };
      this.calls.set(file, resolved);
    }
    for (const call of this.allCalls()) {
      if (call.callee.kind !== 'function' || !marks(call.file, call.callee.ref.file)) continue;
      const key = call.callee.ref.fn;
      const kinds = this.callerKinds.get(key) ?? new Set<string>();
      kinds.add(this.fnOf(call.file, call.site.functionId).kind);
      this.callerKinds.set(key, kinds);
    }
    for (const file of program.files) this.markBoundaries(file);
    for (const info of this.infos.values()) info.owner = this.ownerOf(info.ref, 0);
    for (const info of this.infos.values()) {
      const role = this.roleOf(info.ref, 0);
      if (role) info.role = role;
    }
    this.rekeyInPlaceReferences();
    for (const call of this.allCalls()) {
      const owner = this.infoOf({ file: call.file, fn: this.fnOf(call.file, call.site.functionId) }).owner;
      const key = owner.fn;
      const list = this.owned.get(key) ?? [];
      list.push(call);
      this.owned.set(key, list);
    }
  }

  ecosystem(file: FileModel): EcosystemIndex | undefined {
    return this.catalog.get(file.ecosystem);
  }

  resolver(file: FileModel): Resolver | undefined {
    return this.resolvers.get(file.ecosystem);
  }

  info(ref: FunctionRef): FunctionInfo | undefined {
    return this.infos.get(ref.fn);
  }

  private infoOf(ref: FunctionRef): FunctionInfo {
    const info = this.infos.get(ref.fn);
    if (!info) throw new Error(`internal: no function ${ref.file.path}#${ref.fn.id}`);
    return info;
  }

  fnOf(file: FileModel, id: number): FunctionModel {
    const fn = file.functions[id];
    if (!fn) throw new Error(`internal: ${file.path} has no function ${id}`);
    return fn;
  }

  call(file: FileModel, id: number): ResolvedCall | undefined {
    return this.calls.get(file)?.[id];
  }

  /** Every resolved call, file by file, in source order. */
  private *allCalls(): Generator<ResolvedCall> {
    for (const calls of this.calls.values()) for (const call of calls) if (call) yield call;
  }

  /** The calls that run as part of `owner`'s body, its in-place callbacks included. */
  callsOf(owner: FunctionRef): readonly ResolvedCall[] {
    return this.owned.get(owner.fn) ?? [];
  }

  inPlaceTargets(owner: FunctionRef): readonly { call: ResolvedCall; target: FunctionRef }[] {
    return this.inPlaceReferences.get(owner.fn) ?? [];
  }

  /** Every function of the program, in a stable order. */
  all(): readonly FunctionInfo[] {
    return [...this.infos.values()];
  }

  /**
   * Is `ref` an async context: async (by keyword, or as an event-loop callback), not offloaded, not
   * run in place by its caller, and not out of the rule's reach?
   */
  isAsyncContext(info: FunctionInfo): boolean {
    const { fn } = info.ref;
    const async = fn.isAsync || fn.asyncOrigin === 'callback' || info.callback !== undefined;
    return async && !info.offloaded && !info.role && info.owner === info.ref;
  }

  /**
   * Where a context was made async: its `async` keyword, or the call that registered it, which may
   * be in another file.
   */
  contextSpot(info: FunctionInfo): { readonly file: string; readonly line: number | undefined } {
    const { asyncLine } = info.ref.fn;
    if (asyncLine !== undefined || !info.callback) return { file: info.ref.file.path, line: asyncLine };
    return { file: info.callback.file, line: info.callback.line };
  }

  // ---- offload and in-place boundaries, and roles given by calls -----------------------------

  private markBoundaries(file: FileModel): void {
    const eco = this.catalog.get(file.ecosystem);
    const resolver = this.resolvers.get(file.ecosystem);
    if (!eco || !resolver) return;
    for (const site of file.calls) {
      const call = this.call(file, site.id);
      if (call?.callee.kind !== 'api') continue;
      const q = call.callee.qname;
      const offload = eco.find(q, 'offload');
      if (offload) this.markOffloaded(file, site, offload);
      const callback = eco.find(q, 'callback');
      if (callback) this.markCallbacks(file, call, callback, resolver);
      const inPlace = eco.find(q, 'in-place');
      if (inPlace) this.markInPlace(file, call, inPlace.callableArgs, resolver);
      const role = eco.find(q, 'role');
      if (role) this.markRoleByCall(file, site, role, resolver);
    }
    for (const fn of file.functions) {
      for (const d of fn.decorators) {
        const v = resolver.value(d.ref);
        if (v.kind !== 'api') continue;
        const off = eco.find(v.qname, 'offload');
        if (off?.decorator) this.infoOf({ file, fn }).offloaded = { by: v.qname };
        const cb = eco.find(v.qname, 'callback');
        if (cb?.decorator) this.infoOf({ file, fn }).callback = { by: v.qname, file: file.path, line: fn.headerLine };
      }
    }
  }

  private markOffloaded(file: FileModel, site: CallSite, entry: OffloadEntry): void {
    for (const arg of argumentsAt(site.args, entry.callableArgs)) {
      if (arg.kind === 'function') this.infoOf({ file, fn: this.fnOf(file, arg.functionId) }).offloaded = { by: entry.match[0] ?? entry.id };
    }
  }

  private markCallbacks(file: FileModel, call: ResolvedCall, entry: CallbackEntry, resolver: Resolver): void {
    const by = entry.match[0] ?? entry.id;
    for (const arg of argumentsAt(call.site.args, entry.callableArgs)) {
      let target: FunctionRef | undefined;
      if (arg.kind === 'function') target = { file, fn: this.fnOf(file, arg.functionId) };
      else if (arg.kind === 'reference') {
        const v = resolver.value(arg.ref);
        if (v.kind === 'function') target = v.ref;
      }
      if (target && marks(file, target.file)) this.infoOf(target).callback = { by, file: file.path, line: call.site.span.line };
    }
  }

  private markInPlace(file: FileModel, call: ResolvedCall, positions: readonly (number | string)[] | 'all', resolver: Resolver): void {
    for (const arg of argumentsAt(call.site.args, positions)) {
      if (arg.kind === 'function') this.inPlaceFunctions.add(this.fnOf(file, arg.functionId));
      if (arg.kind === 'reference') {
        const v = resolver.value(arg.ref);
        if (v.kind !== 'function') continue;
        const ownerKey = this.fnOf(file, call.site.functionId);
        const list = this.inPlaceReferences.get(ownerKey) ?? [];
        list.push({ call, target: v.ref });
        this.inPlaceReferences.set(ownerKey, list);
      }
    }
  }

  private markRoleByCall(file: FileModel, site: CallSite, entry: RoleEntry, resolver: Resolver): void {
    if (entry.role === 'runner') {
      // `asyncio.run(main())` hands over a coroutine, `trio.run(main)` the function itself.
      const first = argumentAt(site.args, 0);
      const target =
        first?.kind === 'call'
          ? this.call(file, first.callId)?.callee
          : first?.kind === 'reference'
            ? resolver.callee(first.ref)
            : undefined;
      if (target?.kind === 'function' && marks(file, target.ref.file)) this.runners.push({ file, site, target: target.ref, api: entry.match[0] ?? entry.id });
      return;
    }
    if (entry.whenArg && !site.args.some((a) => a.kind === 'literal' && entry.whenArg?.includes(String(a.value)))) return;
    for (const arg of site.args) {
      let target: FunctionRef | undefined;
      if (arg.kind === 'function') target = { file, fn: this.fnOf(file, arg.functionId) };
      else if (arg.kind === 'reference') {
        const v = resolver.value(arg.ref);
        if (v.kind === 'function') target = v.ref;
      }
      if (!target || !marks(file, target.file)) continue;
      // Only a sync callable is handed to the threadpool (`Depends(get_db)`); an async one runs on the loop.
      if (entry.role === 'threadpool-route') {
        if (!target.fn.isAsync) this.rolesByCall.set(target.fn, { role: 'threadpool', reason: `run in a threadpool by ${entry.match[0] ?? entry.id}` });
        continue;
      }
      this.rolesByCall.set(target.fn, { role: entry.role, reason: entry.why });
    }
  }

  /** In-place references were recorded by the function that holds the call; edges start at its owner. */
  private rekeyInPlaceReferences(): void {
    const byFunction = [...this.inPlaceReferences];
    this.inPlaceReferences.clear();
    for (const [, refs] of byFunction) {
      for (const r of refs) {
        const holder: FunctionRef = { file: r.call.file, fn: this.fnOf(r.call.file, r.call.site.functionId) };
        const key = this.infoOf(holder).owner.fn;
        const list = this.inPlaceReferences.get(key) ?? [];
        list.push(r);
        this.inPlaceReferences.set(key, list);
      }
    }
  }

  private ownerOf(ref: FunctionRef, depth: number): FunctionRef {
    if (depth > 64 || ref.fn.parent === null) return ref;
    const key = ref.fn;
    const info = this.infoOf(ref);
    // The language's in-place default yields to an explicit offload or event-loop registration.
    const inPlace = this.inPlaceFunctions.has(key) || (ref.fn.runsInPlace === true && !info.offloaded && !info.callback);
    if (!inPlace) return ref;
    return this.ownerOf({ file: ref.file, fn: this.fnOf(ref.file, ref.fn.parent) }, depth + 1);
  }

  // ---- roles ----------------------------------------------------------------------------------

  /** The role that takes a function out of the rule's reach, from the nearest evidence. */
  private roleOf(ref: FunctionRef, depth: number): RoleMark | undefined {
    const key = ref.fn;
    const cached = this.roleCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const role = this.computeRole(ref, depth);
    this.roleCache.set(key, role ?? null);
    return role;
  }

  private computeRole(ref: FunctionRef, depth: number): RoleMark | undefined {
    const { file, fn } = ref;
    if (fn.role) return fn.role;
    const decorated = this.decoratorRole(ref);
    if (decorated) return decorated;
    const byCall = this.rolesByCall.get(ref.fn);
    if (byCall) return byCall;
    const runner = this.runnerRole(ref, depth);
    if (runner) return runner;
    // `async function start() {...}; start();` at module level: a program's start-up, run once.
    const callers = this.callerKinds.get(ref.fn);
    if (fn.isAsync && callers?.size === 1 && callers.has('module') && !this.infos.get(ref.fn)?.callback) {
      return { role: 'startup', reason: 'an async function started only from module-level code' };
    }
    // Code nested in a test or a script is test or script code too; but a callback or task started
    // from start-up code (`tokio::spawn` in `main`, a route registered at module level) is not
    // start-up code itself.
    if (fn.parent !== null && depth < 64) {
      const parent = this.roleOf({ file, fn: this.fnOf(file, fn.parent) }, depth + 1);
      if (parent && (parent.role === 'test' || parent.role === 'script' || parent.role === 'worker' || parent.role === 'browser')) return parent;
    }
    return file.role;
  }

  private decoratorRole(ref: FunctionRef): RoleMark | undefined {
    const eco = this.catalog.get(ref.file.ecosystem);
    const resolver = this.resolvers.get(ref.file.ecosystem);
    if (!eco || !resolver) return undefined;
    for (const d of ref.fn.decorators) {
      const v = resolver.value(d.ref);
      if (v.kind !== 'api') continue;
      const entry = eco.find(v.qname, 'role');
      if (!entry || entry.role === 'runner') continue;
      if (entry.whenArg && !d.stringArgs.some((s) => entry.whenArg?.includes(s))) continue;
      if (entry.role === 'threadpool-route') {
        // An async route runs on the loop; only a sync one is handed to the threadpool.
        if (!ref.fn.isAsync) return { role: 'threadpool', reason: `sync route run in a threadpool (${d.text})` };
        continue;
      }
      return { role: entry.role, reason: `@${d.text}` };
    }
    return undefined;
  }

  /**
   * A coroutine handed to a runner (`asyncio.run(main())`) is a program's entry point when the runner
   * is called from script code: module level, a `__main__` block, a CLI command, a script file.
   */
  private runnerRole(ref: FunctionRef, depth: number): RoleMark | undefined {
    for (const r of this.runners) {
      if (r.target.file !== ref.file || r.target.fn !== ref.fn) continue;
      const caller: FunctionRef = { file: r.file, fn: this.fnOf(r.file, r.site.functionId) };
      const callerRole = depth < 64 ? this.roleOf(caller, depth + 1) : undefined;
      if (callerRole && callerRole.role !== 'threadpool') return { role: callerRole.role, reason: `run by ${r.api} from ${callerRole.reason}` };
      if (caller.fn.kind === 'module') return { role: 'script', reason: `run by ${r.api} at module level` };
    }
    return undefined;
  }
}
