// A SyntaxTree answers as web-tree-sitter's own nodes do, node for node, by either reading path.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Node, Parser } from 'web-tree-sitter';
import { createParser } from '../../src/languages/parser.js';
import type { SyntaxNode } from '../../src/languages/syntax-tree.js';
import { readTree, readTreePortably } from '../../src/languages/tree-reader.js';
import { fixturesDir, projectRoot } from '../helpers/paths.js';

const GRAMMARS: readonly (readonly [RegExp, string])[] = [
  [/\.py$/, 'tree-sitter-python/tree-sitter-python.wasm'],
  [/\.[mc]?jsx?$/, 'tree-sitter-javascript/tree-sitter-javascript.wasm'],
  [/\.[mc]?ts$/, 'tree-sitter-typescript/tree-sitter-typescript.wasm'],
  [/\.tsx$/, 'tree-sitter-typescript/tree-sitter-tsx.wasm'],
  [/\.rs$/, 'tree-sitter-rust/tree-sitter-rust.wasm'],
];

/** Sources that exercise positions and error recovery beyond the fixtures. */
const EXTRA: readonly (readonly [string, string])[] = [
  ['crlf.py', 'import os\r\n\r\nasync def f():\r\n    os.remove("x")\r\n'],
  ['astral.py', 'x = "😀 é"; y = f("😀", 1)\nasync def g():\n    return h("ß😀")\n'],
  ['broken.py', 'def f(:\n    return (1,\nclass\n'],
  ['missing.js', 'function f() { return g(1, 2\n'],
  ['broken.rs', 'fn main() { let x = ; foo(\n'],
  ['lone.ts', 'const s = "\ud800";\nfoo(s)\n'],
];

/** The field names the lowerings ask for. */
function fieldsAsked(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/childr?e?n?ForFieldName\('([a-z_]+)'\)/g)) names.add(m[1] as string);
      }
    }
  };
  walk(join(projectRoot, 'src', 'languages'));
  return [...names].sort();
}

function sources(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (GRAMMARS.some(([pattern]) => pattern.test(name))) found.push([relative(fixturesDir, full), readFileSync(full, 'utf8')]);
    }
  };
  walk(fixturesDir);
  return [...found, ...EXTRA.map(([p, s]): [string, string] => [p, s])];
}

function same(a: Node | null, b: SyntaxNode | null): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

function compare(where: string, a: Node, b: SyntaxNode, fields: readonly string[]): void {
  const at = `${where}: ${a.type} at ${a.startIndex}`;
  assert.equal(b.type, a.type, at);
  assert.deepEqual([b.isNamed, b.isMissing, b.isError, b.hasError], [a.isNamed, a.isMissing, a.isError, a.hasError], at);
  assert.deepEqual([b.startIndex, b.endIndex, b.startPosition, b.endPosition], [a.startIndex, a.endIndex, a.startPosition, a.endPosition], at);
  assert.equal(b.text, a.text, at);
  assert.ok(same(a.parent, b.parent), `${at}: parent`);
  assert.equal(b.childCount, a.childCount, at);
  assert.equal(b.namedChildCount, a.namedChildCount, at);
  assert.ok(same(a.namedChild(0), b.namedChild(0)), `${at}: first named child`);
  for (const name of a.childCount > 0 ? fields : []) {
    assert.ok(same(a.childForFieldName(name), b.childForFieldName(name)), `${at}: field ${name}`);
    const [xs, ys] = [a.childrenForFieldName(name), b.childrenForFieldName(name)];
    assert.ok(xs.length === ys.length && xs.every((x, i) => same(x, ys[i] ?? null)), `${at}: fields ${name}`);
  }
  const [as, bs] = [a.children, b.children];
  as.forEach((c, i) => compare(where, c, bs[i] as SyntaxNode, fields));
}

describe('syntax trees read out of tree-sitter', () => {
  const fields = fieldsAsked();
  const parsers = new Map<string, Promise<Parser>>();
  const parserFor = (path: string): Promise<Parser> => {
    const spec = GRAMMARS.find(([pattern]) => pattern.test(path))?.[1] as string;
    let parser = parsers.get(spec);
    if (!parser) {
      parser = createParser(spec);
      parsers.set(spec, parser);
    }
    return parser;
  };

  it('answer node for node as web-tree-sitter does, on every fixture', async () => {
    let nodes = 0;
    for (const [path, source] of sources()) {
      const tree = (await parserFor(path)).parse(source);
      assert.ok(tree, path);
      try {
        const read = readTree(tree, source);
        nodes += read.nodes.count;
        compare(path, tree.rootNode, read.rootNode, fields);
      } finally {
        tree.delete();
      }
    }
    assert.ok(nodes > 10_000, `compared ${nodes} nodes`);
  });

  it('are the same whether read through the binding or the public cursor', async () => {
    for (const [path, source] of sources()) {
      const tree = (await parserFor(path)).parse(source);
      assert.ok(tree, path);
      try {
        const [fast, portable] = [readTree(tree, source), readTreePortably(tree, source)];
        for (const column of ['symbol', 'field', 'start', 'end', 'parent', 'flags'] as const) {
          assert.deepEqual([...fast.nodes[column]], [...portable.nodes[column]], `${path}: ${column}`);
        }
      } finally {
        tree.delete();
      }
    }
  });

  it('finds descendants by type in pre-order, the node itself included', async () => {
    const source = 'const { a, b: [c, d] } = f(x => y);\n';
    const tree = (await parserFor('x.js')).parse(source);
    assert.ok(tree);
    try {
      const read = readTree(tree, source);
      const pattern = read.rootNode.descendantsOfType('lexical_declaration')[0]?.namedChild(0)?.childForFieldName('name');
      const original = tree.rootNode.descendantsOfType('lexical_declaration')[0]?.namedChild(0)?.childForFieldName('name');
      assert.ok(pattern && original);
      const types = ['identifier', 'shorthand_property_identifier_pattern', 'object_pattern'];
      assert.deepEqual(
        pattern.descendantsOfType(types).map((n) => `${n.type}@${n.startIndex}`),
        original.descendantsOfType(types).map((n) => `${n.type}@${n.startIndex}`),
      );
    } finally {
      tree.delete();
    }
  });
});
