// A syntax tree held in plain arrays: what lowering reads, copied out of tree-sitter in one pass.
//
// Reading a tree-sitter node property from JavaScript crosses into WebAssembly and allocates, and a
// lowering reads hundreds of thousands of them per file. A SyntaxTree is read once (tree-reader.ts),
// the parser's tree is freed at once, and lowering then reads arrays. SyntaxNode offers the subset of
// web-tree-sitter's `Node` interface the adapters use, with the same meaning, so that a lowering
// written against one reads the other unchanged.

/** A position: 0-based row, and column in UTF-16 code units from the start of the row. */
export interface Point {
  readonly row: number;
  readonly column: number;
}

/** What a grammar says about its node types and fields, read once per grammar. */
export interface GrammarInfo {
  /** Node type names by symbol; symbols without a name read as `ERROR`, as in tree-sitter. */
  readonly types: readonly (string | undefined)[];
  /** Field names by field id (0: no field). */
  readonly fields: readonly (string | null | undefined)[];
  readonly fieldIds: ReadonlyMap<string, number>;
}

export const FLAG_NAMED = 1;
export const FLAG_MISSING = 2;
export const FLAG_ERROR = 4;
export const FLAG_HAS_ERROR = 8;

/** The nodes of a tree in pre-order: node 0 is the root, and each node's children follow it. */
export interface SyntaxArrays {
  readonly count: number;
  readonly symbol: Uint16Array;
  readonly field: Uint16Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** Index of the parent; -1 for the root. */
  readonly parent: Int32Array;
  readonly flags: Uint8Array;
}

export class SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Children of node `i` are `childList[childStart[i] .. childStart[i + 1])`, in source order. */
  readonly childStart: Uint32Array;
  readonly childList: Uint32Array;
  private lineStarts: Uint32Array | undefined;

  constructor(
    readonly source: string,
    readonly grammar: GrammarInfo,
    readonly nodes: SyntaxArrays,
  ) {
    const { count, parent } = nodes;
    const buffer = new ArrayBuffer(8 * count);
    const childStart = new Uint32Array(buffer, 0, count + 1);
    const childList = new Uint32Array(buffer, 4 * (count + 1), Math.max(0, count - 1));
    // Count each node's children, sum the counts into offsets, then place the children: pre-order
    // lists each parent's children in source order. Placing moves each offset to the next node's,
    // so shifting the offsets back one node restores them.
    for (let i = 1; i < count; i++) {
      const slot = (parent[i] as number) + 1;
      childStart[slot] = (childStart[slot] as number) + 1;
    }
    for (let i = 0; i < count; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
    for (let i = 1; i < count; i++) {
      const p = parent[i] as number;
      childList[childStart[p] as number] = i;
      childStart[p] = (childStart[p] as number) + 1;
    }
    for (let i = count; i > 0; i--) childStart[i] = childStart[i - 1] as number;
    childStart[0] = 0;
    this.childStart = childStart;
    this.childList = childList;
    this.rootNode = new SyntaxNode(this, 0);
  }

  /** The row and column of a source index; tree-sitter counts rows at `\n` only. */
  pointAt(index: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: index - (starts[lo] as number) };
  }
}

function lineStartsOf(source: string): Uint32Array {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

/** A node of a SyntaxTree: a tree and an index, made on demand like web-tree-sitter's nodes. */
export class SyntaxNode {
  constructor(
    readonly tree: SyntaxTree,
    readonly index: number,
  ) {}

  get type(): string {
    return this.tree.grammar.types[this.tree.nodes.symbol[this.index] as number] || 'ERROR';
  }

  get isNamed(): boolean {
    return ((this.tree.nodes.flags[this.index] as number) & FLAG_NAMED) !== 0;
  }

  get isMissing(): boolean {
    return ((this.tree.nodes.flags[this.index] as number) & FLAG_MISSING) !== 0;
  }

  get isError(): boolean {
    return ((this.tree.nodes.flags[this.index] as number) & FLAG_ERROR) !== 0;
  }

  /** The node is or holds a syntax error or a missing node. */
  get hasError(): boolean {
    return ((this.tree.nodes.flags[this.index] as number) & FLAG_HAS_ERROR) !== 0;
  }

  get startIndex(): number {
    return this.tree.nodes.start[this.index] as number;
  }

  get endIndex(): number {
    return this.tree.nodes.end[this.index] as number;
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  get text(): string {
    return this.tree.source.slice(this.startIndex, this.endIndex);
  }

  get parent(): SyntaxNode | null {
    const p = this.tree.nodes.parent[this.index] as number;
    return p < 0 ? null : new SyntaxNode(this.tree, p);
  }

  get childCount(): number {
    return (this.tree.childStart[this.index + 1] as number) - (this.tree.childStart[this.index] as number);
  }

  child(index: number): SyntaxNode | null {
    if (index < 0 || index >= this.childCount) return null;
    return new SyntaxNode(this.tree, this.tree.childList[(this.tree.childStart[this.index] as number) + index] as number);
  }

  get children(): SyntaxNode[] {
    const { childStart, childList } = this.tree;
    const result: SyntaxNode[] = [];
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      result.push(new SyntaxNode(this.tree, childList[i] as number));
    }
    return result;
  }

  get namedChildCount(): number {
    const { childStart, childList, nodes } = this.tree;
    let count = 0;
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      if (((nodes.flags[childList[i] as number] as number) & FLAG_NAMED) !== 0) count++;
    }
    return count;
  }

  namedChild(index: number): SyntaxNode | null {
    const { childStart, childList, nodes } = this.tree;
    let seen = 0;
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      const c = childList[i] as number;
      if (((nodes.flags[c] as number) & FLAG_NAMED) === 0) continue;
      if (seen++ === index) return new SyntaxNode(this.tree, c);
    }
    return null;
  }

  get namedChildren(): SyntaxNode[] {
    const { childStart, childList, nodes } = this.tree;
    const result: SyntaxNode[] = [];
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      const c = childList[i] as number;
      if (((nodes.flags[c] as number) & FLAG_NAMED) !== 0) result.push(new SyntaxNode(this.tree, c));
    }
    return result;
  }

  /**
   * The first child in the field, as tree-sitter's cursor assigns fields (inherited through hidden
   * nodes). Where a hidden rule is aliased to a visible node, its fields belong to that node's
   * children, where the cursor puts them: Python's `match_statement` has no `alternative` here
   * (web-tree-sitter's `childForFieldName` reaches into its `block` for one).
   */
  childForFieldName(fieldName: string): SyntaxNode | null {
    const id = this.tree.grammar.fieldIds.get(fieldName);
    if (id === undefined) return null;
    const { childStart, childList, nodes } = this.tree;
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      const c = childList[i] as number;
      if (nodes.field[c] === id) return new SyntaxNode(this.tree, c);
    }
    return null;
  }

  childrenForFieldName(fieldName: string): SyntaxNode[] {
    const id = this.tree.grammar.fieldIds.get(fieldName);
    if (id === undefined) return [];
    const { childStart, childList, nodes } = this.tree;
    const result: SyntaxNode[] = [];
    for (let i = childStart[this.index] as number, end = childStart[this.index + 1] as number; i < end; i++) {
      const c = childList[i] as number;
      if (nodes.field[c] === id) result.push(new SyntaxNode(this.tree, c));
    }
    return result;
  }

  /**
   * This node and its descendants of the given types, in pre-order, as web-tree-sitter gives them
   * with no range: nodes that end at the very start of the file are passed over with their subtrees.
   */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const { nodes } = this.tree;
    const result: SyntaxNode[] = [];
    const last = this.lastDescendant();
    for (let i = this.index; i <= last; i++) {
      if ((nodes.end[i] as number) === 0) {
        i = new SyntaxNode(this.tree, i).lastDescendant();
        continue;
      }
      const node = new SyntaxNode(this.tree, i);
      if (wanted.includes(node.type)) result.push(node);
    }
    return result;
  }

  /** The pre-order index of the last node of this node's subtree. */
  private lastDescendant(): number {
    let n = this.index;
    for (;;) {
      const { childStart, childList } = this.tree;
      const end = childStart[n + 1] as number;
      if (end === childStart[n]) return n;
      n = childList[end - 1] as number;
    }
  }
}
