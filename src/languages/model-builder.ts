// What every adapter's lowering needs: positions from tree-sitter nodes, and a builder that
// collects a file's functions, calls, loops, bindings and classes into a `FileModel`.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { SyntaxNode as Node } from './syntax-tree.js';
import type { Binding, CallSite, ClassModel, FileIssue, FileModel, FunctionModel, LoopModel, RoleMark, Span, ValueRef } from '../ir/model.js';

/** How deep a lowering follows nested syntax before it gives up on a subtree. */
export const MAX_DEPTH = 500;

/** The `performance.now()` past which the file being lowered is given up (the per-file budget). */
const fileDeadline = new AsyncLocalStorage<{ readonly deadline: number; readonly budgetMs: number }>();

/**
 * Runs `lower` (an adapter's `lower` call) under a per-file time budget: a lowering built on
 * ModelBuilder throws LoweringBudgetExceeded once `budgetMs` have passed, so that one
 * pathological file (long call chains lowered in quadratic time) cannot hang a run.
 */
export function withFileBudget<T>(budgetMs: number, lower: () => Promise<T>): Promise<T> {
  if (!(budgetMs > 0)) return lower();
  return fileDeadline.run({ deadline: performance.now() + budgetMs, budgetMs }, lower);
}

/** Lowering a file took longer than its budget; the file is reported, not analysed. */
export class LoweringBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysing its syntax took longer than the ${budgetMs} ms budget for one file (--file-timeout)`);
  }
}

export function spanOf(node: Node): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

export function spanBetween(start: Node, end: Node): Span {
  return {
    line: start.startPosition.row + 1,
    column: start.startPosition.column + 1,
    endLine: end.endPosition.row + 1,
    endColumn: end.endPosition.column + 1,
  };
}

/** Whether the node has the anonymous token (`async`, `await`, `default`) among its children. */
export function hasToken(node: Node, token: string): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && c.type === token) return true;
  }
  return false;
}

export type MutableFunction = { -readonly [K in keyof FunctionModel]: FunctionModel[K] };

interface PendingLoop {
  readonly loop: Omit<LoopModel, 'bodySuspends'>;
  /** The body's extent, to tell whether a suspension point lies in it. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The loop suspends by itself (`async for`, `for await`). */
  readonly forceSuspends: boolean;
}

export class ModelBuilder {
  readonly functions: MutableFunction[] = [];
  readonly calls = new Map<number, CallSite>();
  nextCallId = 0;
  readonly loops: PendingLoop[] = [];
  readonly bindings: Binding[] = [];
  readonly classes: ClassModel[] = [];
  readonly classAttributes = new Map<string, { name: string; value: ValueRef }[]>();
  readonly importLines = new Set<number>();
  readonly issues: FileIssue[] = [];
  private readonly suspensions: { fnId: number; index: number }[] = [];
  private tooDeepReported = false;
  private readonly budget = fileDeadline.getStore();
  private visits = 0;

  addFunction(f: Omit<MutableFunction, 'id'>): number {
    const id = this.functions.length;
    this.functions.push({ id, ...f });
    return id;
  }

  /** Ids of the calls lowered since `before` was `nextCallId` (the calls of a loop condition). */
  callIdsSince(before: number): number[] {
    const ids: number[] = [];
    for (let id = before; id < this.nextCallId; id++) ids.push(id);
    return ids;
  }

  /** An `await`, `yield`, `async with` or `.await` in function `fnId`, at source offset `index`. */
  suspendAt(fnId: number, index: number): void {
    this.suspensions.push({ fnId, index });
  }

  addImportLines(node: Node): void {
    for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) this.importLines.add(l);
  }

  /**
   * True (and reported once per file) when `depth` is past what the lowering follows. Called on
   * every node a lowering visits, it also enforces the per-file budget (see `withFileBudget`).
   */
  tooDeep(node: Node, depth: number): boolean {
    if (this.budget !== undefined && (++this.visits & 15) === 0 && performance.now() > this.budget.deadline) {
      throw new LoweringBudgetExceeded(this.budget.budgetMs);
    }
    if (depth <= MAX_DEPTH) return false;
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.issues.push({
        kind: 'too-deep',
        message: `nesting deeper than ${MAX_DEPTH} levels; the code below it was not analysed`,
        line: node.startPosition.row + 1,
      });
    }
    return true;
  }

  /** Reports the first few places where tree-sitter had to recover from a syntax error. */
  reportSyntaxErrors(root: Node): void {
    if (!root.hasError) return;
    const stack: Node[] = [root];
    let reported = 0;
    while (stack.length > 0 && reported < 5) {
      const n = stack.pop() as Node;
      if (n.isError || n.isMissing) {
        this.issues.push({
          kind: 'syntax-error',
          message: n.isMissing ? `syntax error: missing ${n.type}` : 'syntax error: code the parser could not read',
          line: n.startPosition.row + 1,
        });
        reported++;
        continue;
      }
      if (!n.hasError) continue;
      for (let i = n.childCount - 1; i >= 0; i--) {
        const c = n.child(i);
        if (c) stack.push(c);
      }
    }
  }

  build(file: {
    readonly path: string;
    readonly ecosystem: string;
    readonly modules: readonly string[];
    readonly role?: RoleMark | undefined;
    readonly starExports?: readonly string[];
  }): FileModel {
    const calls = [...this.calls.values()].sort((a, b) => a.id - b.id);
    const loops: LoopModel[] = this.loops.map(({ loop, bodyStart, bodyEnd, forceSuspends }) => ({
      ...loop,
      bodySuspends:
        forceSuspends ||
        this.suspensions.some((s) => s.fnId === loop.functionId && s.index >= bodyStart && s.index < bodyEnd),
    }));
    return {
      path: file.path,
      ecosystem: file.ecosystem,
      modules: file.modules,
      functions: this.functions,
      calls,
      loops,
      bindings: this.bindings,
      classes: this.classes,
      ...(file.role ? { role: file.role } : {}),
      ...(file.starExports && file.starExports.length > 0 ? { starExports: [...file.starExports] } : {}),
      importLines: [...this.importLines].sort((a, b) => a - b),
      issues: this.issues,
    };
  }
}
