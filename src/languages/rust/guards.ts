// How long the guard a lock call returns stays alive, from the syntax: Rust drops a temporary at
// the end of its enclosing statement, and a `let`-bound guard at the end of its block or at an
// explicit `drop(guard)`. An `.await` inside that range holds the lock across a suspension.
//
//   let mut s = stats.lock().unwrap();     // alive until the end of the block ...
//   publish(s.count).await;                // ... so this await holds it
//
//   let total = { let v = m.lock().unwrap(); *v };   // dropped with the inner block
//   sink.emit(total).await;                           // fine

import type { SyntaxNode as Node } from '../syntax-tree.js';

/** Wrappers that hand the guard through to the binding (`m.lock().unwrap()`, `m.lock()?`). */
const GUARD_WRAPPERS: ReadonlySet<string> = new Set([
  'unwrap',
  'expect',
  'unwrap_or_else',
  'unwrap_or_default',
  'map_err',
  'context',
  'with_context',
]);

const DROP_CALLEES: ReadonlySet<string> = new Set(['drop', 'mem::drop', 'std::mem::drop', 'core::mem::drop']);

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/**
 * The end (a tree index) of the range in which the guard returned by `call` is alive: the end of
 * the enclosing block, or the start of its `drop(...)`, for a guard bound by `let`; the end of the
 * temporary's scope otherwise.
 */
export function guardLiveEnd(call: Node): number {
  let n = call;
  for (;;) {
    const p = n.parent;
    if (!p) break;
    if (p.type === 'try_expression' || p.type === 'parenthesized_expression') {
      n = p;
      continue;
    }
    if (p.type === 'field_expression' && sameNode(p.childForFieldName('value'), n)) {
      const wrapper = p.parent;
      if (wrapper?.type === 'call_expression' && GUARD_WRAPPERS.has(p.childForFieldName('field')?.text ?? '')) {
        n = wrapper;
        continue;
      }
    }
    break;
  }
  const stmt = n.parent;
  if (stmt?.type === 'let_declaration' && sameNode(stmt.childForFieldName('value'), n)) {
    const pattern = stmt.childForFieldName('pattern');
    const block = stmt.parent;
    // `let _ = m.lock()` drops at once; `let _guard = ...` keeps the guard.
    if (pattern?.type === 'identifier' && pattern.text !== '_' && block?.type === 'block') {
      return dropPoint(block, stmt, pattern.text) ?? block.endIndex;
    }
  }
  return temporaryScopeEnd(call);
}

/** Where the innermost temporary scope around `node` ends (Rust reference, "Temporary scopes"). */
export function temporaryScopeEnd(node: Node): number {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    switch (p.type) {
      case 'expression_statement':
      case 'let_declaration':
      case 'block':
      case 'closure_expression':
        return p.endIndex;
      case 'if_expression':
      case 'while_expression': {
        // A plain condition is a temporary scope; an `if let` scrutinee lives through the body.
        const cond = p.childForFieldName('condition');
        if (sameNode(cond, n) && n.type !== 'let_condition' && n.type !== 'let_chain') return n.endIndex;
        break;
      }
      case 'match_arm':
        if (sameNode(p.childForFieldName('value'), n)) return n.endIndex;
        break;
      case 'binary_expression': {
        const op = p.childForFieldName('operator')?.text;
        if ((op === '&&' || op === '||') && sameNode(p.childForFieldName('right'), n)) return n.endIndex;
        break;
      }
      default:
        break;
    }
  }
  return n.endIndex;
}

/** The start of the first `drop(name)` after `after` in `block`, if any. */
function dropPoint(block: Node, after: Node, name: string): number | undefined {
  for (const stmt of block.namedChildren) {
    if (!stmt || stmt.startIndex < after.endIndex) continue;
    const stack: Node[] = [stmt];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      if (n.type === 'call_expression') {
        const fn = n.childForFieldName('function');
        const args = n.childForFieldName('arguments')?.namedChildren ?? [];
        if (fn && DROP_CALLEES.has(fn.text.replace(/\s+/g, '')) && args.length === 1 && args[0]?.text === name) return n.startIndex;
      }
      // Closures and async blocks run later, if at all: a drop inside them does not end the guard here.
      if (n.type === 'closure_expression' || n.type === 'async_block') continue;
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
  }
  return undefined;
}
