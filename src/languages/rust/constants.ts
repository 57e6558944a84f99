// Evaluates constant numeric expressions in loop headers (`0..10_000_000`, `0..N * M`).

import { arithmetic, numberValue } from '../numbers.js';
import type { SyntaxNode as Node } from '../syntax-tree.js';

/** The value of a numeric literal as Rust writes it (`10_000_000u64`, `0xff`, `1e6`), or undefined. */
export function parseRustNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '').toLowerCase();
  // `f32` and `f64` are hexadecimal digits after `0x`: only integer suffixes end a hex literal.
  return numberValue(t.startsWith('0x') ? t.replace(/[iu](8|16|32|64|128|size)$/, '') : t.replace(/([iu](8|16|32|64|128|size)|f32|f64)$/, ''));
}

/** Evaluates `node` when it is made only of numbers, arithmetic, casts and known constants. */
export function evaluateConstant(node: Node | null, named: ReadonlyMap<string, number>, depth = 0): number | undefined {
  if (!node || depth > 20) return undefined;
  switch (node.type) {
    case 'integer_literal':
    case 'float_literal':
      return parseRustNumber(node.text);
    case 'identifier':
      return named.get(node.text);
    case 'parenthesized_expression':
      return evaluateConstant(node.namedChild(0), named, depth + 1);
    case 'type_cast_expression':
      return evaluateConstant(node.childForFieldName('value'), named, depth + 1);
    case 'unary_expression': {
      const v = evaluateConstant(node.namedChild(0), named, depth + 1);
      return v !== undefined && node.text.startsWith('-') ? -v : undefined;
    }
    case 'binary_expression': {
      const a = evaluateConstant(node.childForFieldName('left'), named, depth + 1);
      const b = evaluateConstant(node.childForFieldName('right'), named, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      return arithmetic(node.childForFieldName('operator')?.text, a, b, true);
    }
    case 'call_expression': {
      // `10u64.pow(7)`
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      if (fn?.type === 'field_expression' && fn.childForFieldName('field')?.text === 'pow' && args.length === 1) {
        const base = evaluateConstant(fn.childForFieldName('value'), named, depth + 1);
        const exp = evaluateConstant(args[0] ?? null, named, depth + 1);
        return base !== undefined && exp !== undefined && exp < 64 ? base ** exp : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Methods on a range that keep its trip count, or divide it (`step_by`). */
const RANGE_ADAPTERS: ReadonlySet<string> = new Set(['rev', 'enumerate', 'into_iter', 'step_by', 'peekable', 'cycle']);

/**
 * Iterations of a `for` loop over `iterable` when its bounds are constant: `0..N`, `1..=N`,
 * `(0..N).rev()`, `(0..N).step_by(2)`. An open range (`0..`) or anything else gives undefined.
 */
export function rangeIterations(iterable: Node, named: ReadonlyMap<string, number>): number | undefined {
  let node = iterable;
  let divisor = 1;
  for (let guard = 0; guard < 8; guard++) {
    if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) {
      node = node.namedChild(0) ?? node;
      continue;
    }
    if (node.type === 'call_expression') {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
      if (!fn || !method || !RANGE_ADAPTERS.has(method) || method === 'cycle') return undefined;
      if (method === 'step_by') {
        const step = evaluateConstant(node.childForFieldName('arguments')?.namedChild(0) ?? null, named);
        if (step === undefined || step <= 0) return undefined;
        divisor *= step;
      }
      node = fn.childForFieldName('value') ?? node;
      continue;
    }
    break;
  }
  if (node.type !== 'range_expression') return undefined;
  const children = node.children;
  const opIndex = children.findIndex((c) => c.type === '..' || c.type === '..=' || c.type === '...');
  if (opIndex <= 0 || opIndex >= children.length - 1) return undefined;
  const start = evaluateConstant(children[opIndex - 1] ?? null, named);
  const end = evaluateConstant(children[opIndex + 1] ?? null, named);
  if (start === undefined || end === undefined) return undefined;
  const inclusive = children[opIndex]?.type !== '..';
  const count = Math.max(0, end - start + (inclusive ? 1 : 0));
  return Math.ceil(count / divisor);
}
