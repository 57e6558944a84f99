// Reads a tree-sitter tree into a SyntaxTree in one walk, so the tree can be freed at once.
//
// web-tree-sitter copies every value between JavaScript and WebAssembly through a shared transfer
// buffer, several typed writes and reads per property. The walk here calls the same exported
// binding functions web-tree-sitter's TreeCursor calls (`ts_tree_cursor_*_wasm`), but leaves the
// cursor in the transfer buffer between calls, where the binding keeps it, instead of writing it
// back and forth around each one: about four times faster. When those exports are not there (another
// web-tree-sitter build), or the start of the first tree read through them differs from what the
// public TreeCursor reads, the public TreeCursor gives the same tree, more slowly.

import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import {
  FLAG_ERROR,
  FLAG_HAS_ERROR,
  FLAG_MISSING,
  FLAG_NAMED,
  type GrammarInfo,
  type SyntaxArrays,
  SyntaxTree,
} from './syntax-tree.js';

/**
 * The object web-tree-sitter's runtime is initialised with (`Parser.init(moduleOptions)`): the
 * Emscripten module, which receives the binding's exports.
 */
export const treeSitterRuntime: Record<string, unknown> = {};

/** tree-sitter's symbol for ERROR nodes. */
const ERROR_SYMBOL = 0xffff;

/** The binding exports the walk uses; each takes the tree and reads the cursor from the transfer buffer. */
interface CursorBinding {
  readonly rootNode: (tree: number) => void;
  /** Of the node in the transfer buffer (the root, just after `rootNode`). */
  readonly descendantCount: (tree: number) => number;
  readonly hasError: (tree: number) => number;
  readonly newCursor: (tree: number) => void;
  readonly deleteCursor: (tree: number) => void;
  readonly firstChild: (tree: number) => number;
  readonly nextSibling: (tree: number) => number;
  readonly parent: (tree: number) => number;
  readonly symbol: (tree: number) => number;
  readonly field: (tree: number) => number;
  readonly start: (tree: number) => number;
  readonly end: (tree: number) => number;
  readonly missing: (tree: number) => number;
}

const BINDING_EXPORTS: Readonly<Record<keyof CursorBinding, string>> = {
  rootNode: '_ts_tree_root_node_wasm',
  descendantCount: '_ts_node_descendant_count_wasm',
  hasError: '_ts_node_has_error_wasm',
  newCursor: '_ts_tree_cursor_new_wasm',
  deleteCursor: '_ts_tree_cursor_delete_wasm',
  firstChild: '_ts_tree_cursor_goto_first_child_wasm',
  nextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
  symbol: '_ts_tree_cursor_current_node_type_id_wasm',
  field: '_ts_tree_cursor_current_field_id_wasm',
  start: '_ts_tree_cursor_start_index_wasm',
  end: '_ts_tree_cursor_end_index_wasm',
  missing: '_ts_tree_cursor_current_node_is_missing_wasm',
};

let binding: CursorBinding | null | undefined;

function cursorBinding(): CursorBinding | null {
  if (binding !== undefined) return binding;
  const found: Partial<Record<keyof CursorBinding, unknown>> = {};
  for (const [key, name] of Object.entries(BINDING_EXPORTS) as [keyof CursorBinding, string][]) {
    found[key] = treeSitterRuntime[name];
  }
  binding = Object.values(found).every((f) => typeof f === 'function') ? (found as CursorBinding) : null;
  return binding;
}

/** The address of a tree in WebAssembly memory, where web-tree-sitter keeps it (`tree[0]`). */
function treeAddress(tree: Tree): number | undefined {
  const address = (tree as unknown as { readonly 0?: unknown })[0];
  return typeof address === 'number' && address > 0 ? address : undefined;
}

const grammars = new WeakMap<Language, GrammarInfo & { readonly named: Uint8Array }>();

function grammarOf(language: Language): GrammarInfo & { readonly named: Uint8Array } {
  let info = grammars.get(language);
  if (!info) {
    const fieldIds = new Map<string, number>();
    language.fields.forEach((name, id) => {
      if (name && !fieldIds.has(name)) fieldIds.set(name, id);
    });
    const named = new Uint8Array(language.nodeTypeCount);
    for (let id = 0; id < named.length; id++) named[id] = language.nodeTypeIsNamed(id) ? 1 : 0;
    info = { types: language.types, fields: language.fields, fieldIds, named };
    grammars.set(language, info);
  }
  return info;
}

/** Columns of node data, filled in pre-order, in one buffer (small trees, such as macro arguments, are many). */
class Columns {
  count = 0;
  start!: Uint32Array;
  end!: Uint32Array;
  parent!: Int32Array;
  symbol!: Uint16Array;
  field!: Uint16Array;
  flags!: Uint8Array;

  constructor(capacity: number) {
    this.allocate(Math.max(1, capacity));
  }

  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * 17);
    this.start = new Uint32Array(buffer, 0, capacity);
    this.end = new Uint32Array(buffer, capacity * 4, capacity);
    this.parent = new Int32Array(buffer, capacity * 8, capacity);
    this.symbol = new Uint16Array(buffer, capacity * 12, capacity);
    this.field = new Uint16Array(buffer, capacity * 14, capacity);
    this.flags = new Uint8Array(buffer, capacity * 16, capacity);
  }

  /** Room for one more node; the root's descendant count makes growing rare. */
  reserve(): number {
    const n = this.count;
    if (n === this.symbol.length) {
      const { start, end, parent, symbol, field, flags } = this;
      this.allocate(n * 2);
      this.start.set(start);
      this.end.set(end);
      this.parent.set(parent);
      this.symbol.set(symbol);
      this.field.set(field);
      this.flags.set(flags);
    }
    this.count++;
    return n;
  }

  /** Marks errors, and every node holding one, once the walk is done. */
  finish(rootHasError: boolean): SyntaxArrays {
    const { count, parent, flags } = this;
    for (let i = count - 1; i > 0; i--) {
      const f = flags[i] as number;
      if (f & (FLAG_ERROR | FLAG_MISSING)) flags[i] = f | FLAG_HAS_ERROR;
      if ((flags[i] as number) & FLAG_HAS_ERROR) {
        const p = parent[i] as number;
        flags[p] = (flags[p] as number) | FLAG_HAS_ERROR;
      }
    }
    // The root's own answer also counts errors inside hidden nodes, which no walk reaches.
    if (count > 0) flags[0] = rootHasError ? (flags[0] as number) | FLAG_HAS_ERROR : (flags[0] as number) & ~FLAG_HAS_ERROR;
    return {
      count,
      symbol: this.symbol.subarray(0, count),
      field: this.field.subarray(0, count),
      start: this.start.subarray(0, count),
      end: this.end.subarray(0, count),
      parent: this.parent.subarray(0, count),
      flags: this.flags.subarray(0, count),
    };
  }
}

/** How the walk reads the node at the cursor and moves it (each move says whether it moved). */
interface CursorAccess {
  symbol(): number;
  field(): number;
  start(): number;
  end(): number;
  missing(): boolean;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
}

/** The binding's exports bound to one tree: the cursor stays in the transfer buffer throughout. */
class BindingCursor implements CursorAccess {
  /** The root's descendants, itself included, and whether it holds a syntax error. */
  readonly size: number;
  readonly rootHasError: boolean;

  constructor(
    private readonly b: CursorBinding,
    private readonly tree: number,
  ) {
    b.rootNode(tree);
    this.size = b.descendantCount(tree);
    this.rootHasError = b.hasError(tree) !== 0;
    b.newCursor(tree);
  }
  symbol(): number {
    return this.b.symbol(this.tree);
  }
  field(): number {
    return this.b.field(this.tree);
  }
  start(): number {
    return this.b.start(this.tree);
  }
  end(): number {
    return this.b.end(this.tree);
  }
  missing(): boolean {
    return this.b.missing(this.tree) !== 0;
  }
  firstChild(): boolean {
    return this.b.firstChild(this.tree) !== 0;
  }
  nextSibling(): boolean {
    return this.b.nextSibling(this.tree) !== 0;
  }
  parent(): boolean {
    return this.b.parent(this.tree) !== 0;
  }
  delete(): void {
    this.b.deleteCursor(this.tree);
  }
}

/** web-tree-sitter's public TreeCursor. */
class PublicCursor implements CursorAccess {
  private readonly cursor: TreeCursor;
  constructor(tree: Tree) {
    this.cursor = tree.walk();
  }
  symbol(): number {
    return this.cursor.nodeTypeId;
  }
  field(): number {
    return this.cursor.currentFieldId;
  }
  start(): number {
    return this.cursor.startIndex;
  }
  end(): number {
    return this.cursor.endIndex;
  }
  missing(): boolean {
    return this.cursor.nodeIsMissing;
  }
  firstChild(): boolean {
    return this.cursor.gotoFirstChild();
  }
  nextSibling(): boolean {
    return this.cursor.gotoNextSibling();
  }
  parent(): boolean {
    return this.cursor.gotoParent();
  }
  delete(): void {
    this.cursor.delete();
  }
}

/** Records the node at the cursor as a child of `parentIndex`. */
function record(columns: Columns, parentIndex: number, named: Uint8Array, cursor: CursorAccess): number {
  const i = columns.reserve();
  const symbol = cursor.symbol();
  const start = cursor.start();
  const end = cursor.end();
  columns.symbol[i] = symbol;
  columns.field[i] = cursor.field();
  columns.start[i] = start;
  columns.end[i] = end;
  columns.parent[i] = parentIndex;
  let flags = symbol === ERROR_SYMBOL ? FLAG_ERROR | FLAG_NAMED : named[symbol] ? FLAG_NAMED : 0;
  // Missing nodes are always empty: only empty nodes need the question.
  if (start === end && cursor.missing()) flags |= FLAG_MISSING;
  columns.flags[i] = flags;
  return i;
}

/**
 * Walks the cursor in pre-order from the root, recording every node, or the first `limit`. The walk
 * keeps its own stack of ancestors, so it never recurses however deep the tree.
 */
function walk<C extends CursorAccess>(columns: Columns, named: Uint8Array, cursor: C, limit = Infinity): void {
  let current = record(columns, -1, named, cursor);
  const ancestors: number[] = [];
  for (;;) {
    if (columns.count >= limit) return;
    if (cursor.firstChild()) {
      ancestors.push(current);
      current = record(columns, current, named, cursor);
      continue;
    }
    for (;;) {
      const parent = ancestors[ancestors.length - 1];
      if (parent === undefined) return;
      if (cursor.nextSibling()) {
        current = record(columns, parent, named, cursor);
        break;
      }
      cursor.parent();
      ancestors.pop();
    }
  }
}

/** Nodes of the first tree read through the binding that are read again through the public cursor. */
const CHECKED_NODES = 512;
let bindingChecked = false;

/**
 * Whether the walk through the binding read the start of `tree` as the public TreeCursor does: a
 * web-tree-sitter build whose binding works otherwise than this file expects is then not used.
 */
function agreesWithPublicCursor(tree: Tree, read: Columns, named: Uint8Array): boolean {
  const check = new Columns(CHECKED_NODES);
  const cursor = new PublicCursor(tree);
  try {
    walk(check, named, cursor, CHECKED_NODES);
  } finally {
    cursor.delete();
  }
  if (check.count !== Math.min(read.count, CHECKED_NODES)) return false;
  for (let i = 0; i < check.count; i++) {
    if (
      check.symbol[i] !== read.symbol[i] ||
      check.field[i] !== read.field[i] ||
      check.start[i] !== read.start[i] ||
      check.end[i] !== read.end[i] ||
      check.parent[i] !== read.parent[i] ||
      check.flags[i] !== read.flags[i]
    ) {
      return false;
    }
  }
  return true;
}

/** Copies `tree` (parsed from `source`) into a SyntaxTree; the caller then frees `tree`. */
export function readTree(tree: Tree, source: string): SyntaxTree {
  const grammar = grammarOf(tree.language);
  const b = cursorBinding();
  const address = treeAddress(tree);
  let columns: Columns;
  let rootHasError: boolean;
  if (b && address !== undefined) {
    const cursor = new BindingCursor(b, address);
    columns = new Columns(cursor.size);
    rootHasError = cursor.rootHasError;
    try {
      walk(columns, grammar.named, cursor);
    } finally {
      cursor.delete();
    }
    if (!bindingChecked) {
      bindingChecked = true;
      if (!agreesWithPublicCursor(tree, columns, grammar.named)) {
        binding = null;
        return readTree(tree, source);
      }
    }
  } else {
    const root = tree.rootNode;
    columns = new Columns(root.descendantCount);
    rootHasError = root.hasError;
    const cursor = new PublicCursor(tree);
    try {
      walk(columns, grammar.named, cursor);
    } finally {
      cursor.delete();
    }
  }
  return new SyntaxTree(source, grammar, columns.finish(rootHasError));
}

/** Reads trees through the public TreeCursor API only: for tests that compare the two walks. */
export function readTreePortably(tree: Tree, source: string): SyntaxTree {
  const saved = binding;
  binding = null;
  try {
    return readTree(tree, source);
  } finally {
    binding = saved;
  }
}
