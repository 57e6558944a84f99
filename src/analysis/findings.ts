// Walks every async context through the synchronous functions it calls and collects what blocks.
//
// Each state of the walk is a function and whether the path to it already holds a changed line
// (SPEC §5: a finding is introduced when the path from the async context to the blocking call
// contains a changed line). Without a change (whole-file checks) every line counts as changed.

import type { FileModel, FunctionModel, LoopModel } from '../ir/model.js';
import type { Category, ChainLink, Confidence, ContextKind } from '../ir/report.js';
import type { Advice, BlockingEntry } from '../knowledge/entry.js';
import type { FunctionInfo, FunctionTable, ResolvedCall } from './functions.js';
import { ioSignal } from './io-names.js';
import type { FunctionRef } from './program.js';

/** Constant loop trip counts at or above this are heavy inline work. */
export const HEAVY_LOOP_ITERATIONS = 1_000_000;

/** Which lines a change adds or modifies, per repository-relative path; undefined: every line. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>> | undefined;

/** What blocks, before it is worded as a report finding. */
export interface RawFinding {
  readonly file: FileModel;
  readonly span: { line: number; column: number; endLine: number; endColumn: number };
  readonly category: Category;
  readonly call: string;
  readonly confidence: Confidence;
  readonly context: FunctionRef;
  readonly contextKind: ContextKind;
  readonly via: readonly ChainLink[];
  readonly introduced: boolean;
  /** The catalog entry, or the construct (`loop:heavy`, `loop:busy-wait`, `unknown:<name>`). */
  readonly ruleEntry: string;
  readonly entry?: BlockingEntry;
  readonly advice?: Advice;
  /** What the call does, for the message (`performs a blocking HTTP request`). */
  readonly does: string;
  /** A key that identifies the blocking site, whichever context reaches it. */
  readonly siteKey: string;
}

interface State {
  readonly fn: FunctionRef;
  readonly introduced: boolean;
  /** The path passes through a function the change touches (see `FindingCollector`). */
  readonly touches: boolean;
  readonly via: readonly ChainLink[];
}

/** How much a path to a function is worth exploring again: changed, then touching, then neither. */
const rankOf = (state: { introduced: boolean; touches: boolean }): number => (state.introduced ? 2 : state.touches ? 1 : 0);

export function isChanged(changed: ChangedLines, file: string, line: number | undefined): boolean {
  if (changed === undefined) return true;
  if (line === undefined) return false;
  return changed.get(file)?.has(line) ?? false;
}

export function contextKindOf(fn: FunctionModel): ContextKind {
  if (fn.asyncOrigin === 'callback') return 'event-callback';
  switch (fn.kind) {
    case 'method':
      return 'async-method';
    case 'lambda':
      return 'async-lambda';
    case 'block':
      return 'async-block';
    default:
      return 'async-function';
  }
}

/** The display name of a function: its qualified name without the module (`PairingServer.handle`). */
export function displayName(ref: FunctionRef): string {
  const { file, fn } = ref;
  const q = fn.qname;
  if (!q) return fn.name;
  for (const m of file.modules) if (q.startsWith(`${m}.`)) return q.slice(m.length + 1);
  return q;
}

export class FindingCollector {
  private readonly found = new Map<string, RawFinding>();

  /**
   * `touched`, for a diff: the functions that hold a changed line. Blocking code whose
   * path holds no changed line is reported (as pre-existing) only when that path passes through
   * one of them: blocking code elsewhere in the repository is not the change's business.
   */
  constructor(
    private readonly table: FunctionTable,
    private readonly changed: ChangedLines,
    private readonly touched?: ReadonlySet<FunctionModel>,
  ) {}

  /** Every finding reachable from the async contexts, one per blocking site, the best path kept. */
  collect(contexts: readonly FunctionInfo[]): RawFinding[] {
    for (const ctx of contexts) this.walk(ctx.ref);
    return [...this.found.values()];
  }

  /** Functions on an async path: the contexts and every sync function they reach. */
  reachable(contexts: readonly FunctionInfo[]): Set<FunctionModel> {
    const seen = new Set<FunctionModel>();
    const queue: FunctionRef[] = contexts.map((c) => c.ref);
    for (const c of queue) seen.add(c.fn);
    while (queue.length > 0) {
      const fn = queue.shift() as FunctionRef;
      for (const next of this.successors(fn)) {
        const key = next.target.fn;
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(next.target);
      }
    }
    return seen;
  }

  private walk(context: FunctionRef): void {
    const info = this.table.info(context);
    const spot = info ? this.table.contextSpot(info) : { file: context.file.path, line: context.fn.asyncLine };
    const start: State = {
      fn: context,
      introduced: isChanged(this.changed, spot.file, spot.line),
      touches: this.isTouched(context),
      via: [],
    };
    const visited = new Map<FunctionModel, number>();
    const queue: State[] = [start];
    visited.set(context.fn, rankOf(start));
    while (queue.length > 0) {
      const state = queue.shift() as State;
      this.inspect(context, state);
      for (const next of this.successors(state.fn)) {
        const introduced = state.introduced || isChanged(this.changed, next.call.file.path, next.call.site.span.line);
        const touches = state.touches || this.isTouched(next.target);
        const key = next.target.fn;
        // A state is worth revisiting only when it turns an unchanged path into a changed (or touching) one.
        const rank = rankOf({ introduced, touches });
        if ((visited.get(key) ?? -1) >= rank) continue;
        visited.set(key, rank);
        const link: ChainLink = { name: displayName(next.target), file: next.target.file.path, line: next.target.fn.headerLine };
        queue.push({ fn: next.target, introduced, touches, via: [...state.via, link] });
      }
    }
  }

  /** The synchronous repository functions that `fn` runs on its own thread. */
  private successors(fn: FunctionRef): { call: ResolvedCall; target: FunctionRef }[] {
    const out: { call: ResolvedCall; target: FunctionRef }[] = [];
    for (const call of this.table.callsOf(fn)) {
      if (call.callee.kind !== 'function') continue;
      if (this.isSyncOnPath(call.callee.ref)) out.push({ call, target: call.callee.ref });
    }
    for (const r of this.table.inPlaceTargets(fn)) if (this.isSyncOnPath(r.target)) out.push(r);
    return out;
  }

  private isSyncOnPath(target: FunctionRef): boolean {
    // Calling an async function only creates a coroutine: it is a context of its own.
    if (target.fn.isAsync) return false;
    const info = this.table.info(target);
    return info !== undefined && !info.offloaded;
  }

  private isTouched(fn: FunctionRef): boolean {
    return this.touched === undefined || this.touched.has(fn.fn);
  }

  private inspect(context: FunctionRef, state: State): void {
    // Nothing here can be introduced (no changed line is on the path) nor is it the change's business.
    if (!state.introduced && !state.touches) return;
    const eco = this.table.ecosystem(state.fn.file);
    if (!eco) return;
    const direct = state.via.length === 0;
    for (const call of this.table.callsOf(state.fn)) this.inspectCall(context, state, call, direct);
    this.inspectLoops(context, state, direct);
  }

  private inspectCall(context: FunctionRef, state: State, call: ResolvedCall, direct: boolean): void {
    if (call.callee.kind !== 'api' || call.site.awaited) return;
    const eco = this.table.ecosystem(call.file);
    if (!eco) return;
    const q = call.callee.qname;
    const introduced = state.introduced || isChanged(this.changed, call.file.path, call.site.span.line);
    const base = {
      file: call.file,
      span: call.site.span,
      context,
      contextKind: this.kindOf(context),
      via: state.via,
      introduced,
      siteKey: `${call.file.path}#c${call.site.id}`,
    };
    const entry = eco.find(q, 'blocking');
    if (entry) {
      if (!blocksWith(entry, call)) return;
      this.offer({
        ...base,
        category: entry.category,
        call: q,
        confidence: direct ? 'high' : 'medium',
        ruleEntry: entry.id,
        entry,
        does: entry.does,
      });
      return;
    }
    if (call.callee.derived || call.site.insideAwaitedCall || eco.knows(q) || eco.isStandard(q)) return;
    if (this.table.program.isInternal(q)) return;
    const last = q.split('.').pop() ?? q;
    const signal = ioSignal(last);
    if (!signal) return;
    this.offer({
      ...base,
      category: signal,
      call: call.site.calleeText || q,
      confidence: 'low',
      ruleEntry: `${call.file.ecosystem}:unknown-call`,
      advice: eco.ecosystem.advice.unknownCall,
      does: `calls ${q}, outside the repository and not awaited, whose name suggests blocking I/O`,
    });
  }

  private inspectLoops(context: FunctionRef, state: State, direct: boolean): void {
    const { file } = state.fn;
    const eco = this.table.ecosystem(file);
    if (!eco) return;
    const loops = file.loops.filter((l) => this.ownerOf(file, l.functionId) === state.fn.fn);
    for (const loop of loops) {
      const introduced = state.introduced || isChanged(this.changed, file.path, loop.headerSpan.line);
      const base = {
        file,
        span: loop.headerSpan,
        context,
        contextKind: this.kindOf(context),
        via: state.via,
        introduced,
        confidence: (direct ? 'high' : 'medium') as Confidence,
        siteKey: `${file.path}#l${loop.headerSpan.line}:${loop.headerSpan.column}`,
      };
      if (this.isHeavy(loop, loops)) {
        const n = (nestTotal(loop, loops) ?? 0).toLocaleString('en-US');
        this.offer({
          ...base,
          category: 'cpu',
          call: loop.headerText,
          ruleEntry: `${file.ecosystem}:loop:heavy`,
          advice: eco.ecosystem.advice.heavyLoop,
          does: `runs ${n} iterations inline`,
        });
      } else if (this.isBusyWait(file, loop)) {
        this.offer({
          ...base,
          category: 'sleep',
          call: loop.headerText,
          ruleEntry: `${file.ecosystem}:loop:busy-wait`,
          advice: eco.ecosystem.advice.busyWait,
          does: 'spins on the clock without yielding (a busy wait)',
        });
      }
    }
  }

  private kindOf(context: FunctionRef): ContextKind {
    return this.table.info(context)?.callback ? 'event-callback' : contextKindOf(context.fn);
  }

  private ownerOf(file: FileModel, functionId: number): FunctionModel {
    const fn = this.table.fnOf(file, functionId);
    return this.table.info({ file, fn })?.owner.fn ?? fn;
  }

  /**
   * The outermost loop of a nest whose constant trip counts multiply to the threshold or more, none
   * of whose loops yields: `for i in range(2000): for j in range(2000)` is reported at the `for i`.
   */
  private isHeavy(loop: LoopModel, loops: readonly LoopModel[]): boolean {
    if (loop.constantIterations === undefined) return false;
    const total = nestTotal(loop, loops);
    if (total === undefined || total < HEAVY_LOOP_ITERATIONS) return false;
    const enclosing = loops.filter((o) => o !== loop && contains(o.span, loop.span));
    if (enclosing.some((o) => o.bodySuspends)) return false;
    return !enclosing.some((o) => o.constantIterations !== undefined && (nestTotal(o, loops) ?? 0) >= HEAVY_LOOP_ITERATIONS);
  }

  /** A loop that reads the clock in its condition, or forever in its body, and never yields. */
  private isBusyWait(file: FileModel, loop: LoopModel): boolean {
    if (loop.kind !== 'while' || loop.bodySuspends) return false;
    const eco = this.table.ecosystem(file);
    if (!eco) return false;
    const isClock = (call: ResolvedCall | undefined): boolean =>
      call?.callee.kind === 'api' && eco.find(call.callee.qname, 'clock') !== undefined;
    if (loop.conditionCallIds.some((id) => isClock(this.table.call(file, id)))) return true;
    if (!loop.infinite) return false;
    const inBody = file.calls.filter((c) => c.functionId === loop.functionId && contains(loop.span, c.span));
    const blocksInBody = inBody.some((c) => {
      const call = this.table.call(file, c.id);
      return call?.callee.kind === 'api' && eco.find(call.callee.qname, 'blocking') !== undefined;
    });
    return !blocksInBody && inBody.some((c) => isClock(this.table.call(file, c.id)));
  }

  /** Keeps, per blocking site, the finding a reviewer needs: introduced first, then surest, then shortest. */
  private offer(f: RawFinding): void {
    const prev = this.found.get(f.siteKey);
    if (!prev || better(f, prev)) this.found.set(f.siteKey, f);
  }
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

function better(a: RawFinding, b: RawFinding): boolean {
  if (a.introduced !== b.introduced) return a.introduced;
  if (RANK[a.confidence] !== RANK[b.confidence]) return RANK[a.confidence] > RANK[b.confidence];
  return a.via.length < b.via.length;
}

function contains(outer: { line: number; column: number; endLine: number; endColumn: number }, inner: typeof outer): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}

/**
 * The most iterations the body of `loop`'s deepest nested loop runs: the product of the constant
 * trip counts on the way down (a loop with no constant bound counts once). Undefined when some loop
 * of the nest yields to the event loop.
 */
function nestTotal(loop: LoopModel, loops: readonly LoopModel[]): number | undefined {
  if (loop.bodySuspends) return undefined;
  const inside = loops.filter((o) => o !== loop && contains(loop.span, o.span));
  let best = 1;
  for (const inner of inside) {
    if (inner.bodySuspends) return undefined;
    const chain = inside.filter((o) => o === inner || contains(o.span, inner.span));
    best = Math.max(best, chain.reduce((p, o) => p * (o.constantIterations ?? 1), 1));
  }
  return (loop.constantIterations ?? 1) * best;
}

/**
 * Applies an entry's condition: a work factor below the threshold, a literal where only a computed
 * argument blocks, or a missing adapter fact means the call does not block.
 */
function blocksWith(entry: BlockingEntry, call: ResolvedCall): boolean {
  const when = entry.when;
  if (!when) return true;
  if (when.fact !== undefined && !(call.site.facts ?? []).includes(when.fact)) return false;
  // A function, or a name standing for one, among the arguments is the callback of the async form.
  if (when.noCallback && call.site.args.some((a) => a.kind === 'function' || a.kind === 'reference')) return false;
  if (when.argNotLiteral !== undefined) {
    const arg = call.site.args.find((a) => a.index === when.argNotLiteral);
    if (arg?.kind === 'literal') return false;
  }
  const min = when.minArg;
  if (!min) return true;
  const arg = call.site.args.find((a) => (min.keyword !== undefined && a.keyword === min.keyword) || a.index === min.index);
  if (!arg || arg.kind !== 'literal' || typeof arg.value !== 'number') return true;
  return arg.value >= min.value;
}
