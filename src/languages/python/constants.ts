// Evaluates constant numeric expressions in loop headers (`range(10**7)`, `range(LIMIT)`).

import { arithmetic, numberValue } from '../numbers.js';
import type { SyntaxNode as Node } from '../syntax-tree.js';

/** The value of a numeric literal as Python writes it (`10_000_000`, `0x10`, `1e7`), or undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '').toLowerCase();
  return numberValue(t) ?? numberValue(t.replace(/[jl]$/, ''));
}

/** Evaluates `node` when it is made only of numbers, arithmetic and known constants. */
export function evaluateConstant(node: Node | null, named: ReadonlyMap<string, number>, depth = 0): number | undefined {
  if (!node || depth > 20) return undefined;
  switch (node.type) {
    case 'integer':
    case 'float':
      return parseNumber(node.text);
    case 'identifier':
      return named.get(node.text);
    case 'parenthesized_expression':
      return evaluateConstant(node.namedChild(0), named, depth + 1);
    case 'unary_operator': {
      const v = evaluateConstant(node.childForFieldName('argument'), named, depth + 1);
      const op = node.childForFieldName('operator')?.text;
      if (v === undefined) return undefined;
      return op === '-' ? -v : op === '+' ? v : undefined;
    }
    case 'binary_operator': {
      const a = evaluateConstant(node.childForFieldName('left'), named, depth + 1);
      const b = evaluateConstant(node.childForFieldName('right'), named, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      return arithmetic(node.childForFieldName('operator')?.text, a, b);
    }
    case 'call': {
      // `int(1e7)` keeps its value.
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (fn?.text === 'int' && args?.namedChildCount === 1) return evaluateConstant(args.namedChild(0), named, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Iterations of `range(...)` given its argument nodes, when they are all constant. */
export function rangeIterations(args: readonly Node[], named: ReadonlyMap<string, number>): number | undefined {
  const values = args.map((a) => evaluateConstant(a, named));
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b, c] = values as number[];
  if (values.length === 1) return Math.max(0, Math.floor(a ?? 0));
  const step = values.length === 3 ? (c ?? 1) : 1;
  if (step === 0) return undefined;
  return Math.max(0, Math.ceil(((b ?? 0) - (a ?? 0)) / step));
}
