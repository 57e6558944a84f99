// Lowers a Rust syntax tree into the shared model: functions, calls, loops, bindings, types.
//
// Paths become dotted qualified names (`std::fs::read` is `std.fs.read`, `crate::db::load` is
// `crate.db.load`), through `use` declarations, aliases and glob imports. Values carry their type
// as far as one file shows it: annotated parameters, `let` bindings and struct fields (with
// `Arc`, `Box`, `&`, `Option`, `Result` and framework extractors looked through), constructors
// (`Client::new()`), and what the catalog says calls return. `?`, `.unwrap()` and friends hand
// their receiver's value through. The analysis resolves the rest across the repository.

import type { SyntaxNode as Node, SyntaxTree as Tree } from '../syntax-tree.js';
import type {
  Argument,
  ArgumentPosition,
  ClassModel,
  Decorator,
  FileModel,
  LoopModel,
  RoleMark,
  Span,
  ValueRef,
} from '../../ir/model.js';
import { ModelBuilder, type MutableFunction } from '../model-builder.js';
import { evaluateConstant, parseRustNumber, rangeIterations } from './constants.js';
import { guardLiveEnd, sameNode } from './guards.js';
import { ARGUMENTS_PREFIX, ARGUMENTS_SUFFIX, ARRAY_PREFIX, ARRAY_SUFFIX, macroReading } from './macros.js';
import type { RustModulePath } from './modules.js';
import {
  BUILTIN_ATTRIBUTES,
  CONSTRUCTOR_NAMES,
  CONTAINER_ACCESSORS,
  CONTAINER_TYPES,
  INNER,
  LOCK_METHODS,
  PASS_THROUGH_METHODS,
  PRELUDE,
  PRIMITIVES,
  TRANSPARENT_TYPES,
  WRAPPING_CONSTRUCTORS,
} from './names.js';

/** How deep macro arguments are re-parsed inside other macros' arguments. */
const MAX_MACRO_NESTING = 4;

/** The fact the catalog's lock entries wait for: the guard is alive at a later `.await`. */
const HELD_ACROSS_AWAIT = 'held-across-await';

const UNKNOWN = (text: string): ValueRef => ({ kind: 'unknown', text: text.slice(0, 80) });
const named = (qname: string): ValueRef => ({ kind: 'name', qname });
const instanceOf = (qname: string): ValueRef => ({ kind: 'instance', type: named(qname) });

/** Attribute access on a value: a qualified name grows, anything else becomes a member. */
function attributeOf(of: ValueRef, name: string): ValueRef {
  return of.kind === 'name' ? named(`${of.qname}.${name}`) : { kind: 'member', of, name };
}

const lastSegment = (qname: string): string => qname.slice(qname.lastIndexOf('.') + 1);
const parentPath = (qname: string): string => (qname.includes('.') ? qname.slice(0, qname.lastIndexOf('.')) : qname);
const isTypeName = (segment: string): boolean => /^[A-Z]/.test(segment);

/** A module: the file's own, or an inline `mod name { ... }` inside it. */
interface ModuleScope {
  readonly qname: string;
  /** Items declared in the module and names brought in by `use`, with their qualified names. */
  readonly names: Map<string, string>;
  /** Modules imported with `use path::*`: where names nothing declares come from. */
  readonly globs: string[];
  /** Modules re-exported with `pub use path::*`: the file's `starExports`. */
  readonly reexports: string[];
  /** The module `super::` names. */
  readonly parentQname: string;
}

/** A block of code (or a function's parameters), nested in its enclosing blocks. */
interface Scope {
  readonly fnId: number;
  /** Local variables and parameters (`self` among them), with their values. */
  readonly vars: Map<string, ValueRef>;
  /** Items and `use` names declared in this block. */
  readonly names: Map<string, string>;
  readonly parent: Scope | undefined;
  /** A `fn` item's scope: the enclosing function's locals are not visible past it. */
  readonly barrier: boolean;
  readonly module: ModuleScope;
  /** Prefix of qualified names for items defined here. */
  readonly qprefix: string;
  /** The type `Self` names, inside `impl` and `trait` blocks. */
  readonly selfType?: string;
  readonly typeParams?: ReadonlySet<string>;
}

interface Ctx {
  readonly scope: Scope;
  readonly depth: number;
  /** Calls lowered under this context are arguments or receivers of an awaited call. */
  readonly inAwaitedCall: boolean;
  /** A role inherited from an enclosing `#[cfg(test)]` module or impl. */
  readonly role: RoleMark | undefined;
}

/** Where the tree being lowered sits in the file: a macro's arguments are parsed as a snippet. */
interface Snippet {
  readonly text: string;
  /** The absolute row, column and index of the snippet's column `prefix` on its first row. */
  readonly row: number;
  readonly column: number;
  readonly index: number;
  readonly prefix: number;
}

type MutableClass = { -readonly [K in keyof ClassModel]: ClassModel[K] } & { bases: ValueRef[]; attributes: { name: string; value: ValueRef }[] };

function hasChildOfType(node: Node, type: string): boolean {
  for (const c of node.children) if (c?.type === type) return true;
  return false;
}

/** The sub-patterns of a tuple-struct pattern (`State(s)`), without its path. */
function patternFields(pattern: Node): Node[] {
  const type = pattern.childForFieldName('type');
  return pattern.namedChildren.filter((c): c is Node => c !== null && !sameNode(c, type));
}

function isAsyncFunction(node: Node): boolean {
  const modifiers = node.namedChildren.find((c) => c?.type === 'function_modifiers');
  return !!modifiers && hasChildOfType(modifiers, 'async');
}

function unwrapParens(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0) ?? n;
  return n;
}

function stringValue(node: Node): string | undefined {
  if (node.type === 'string_literal') {
    if (node.namedChildren.some((c) => c?.type === 'escape_sequence')) return node.text.slice(1, -1);
    return node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c?.text ?? '').join('');
  }
  if (node.type === 'raw_string_literal') return node.namedChildren.find((c) => c?.type === 'string_content')?.text ?? '';
  return undefined;
}

/** The callee as a reader would name it: `state.pay.send_charge`, `Command::new().output`. */
function calleeText(node: Node, depth = 0): string {
  if (depth > 30) return '…';
  switch (node.type) {
    case 'identifier':
    case 'self':
    case 'crate':
    case 'super':
      return node.text;
    case 'scoped_identifier':
      return node.text.replace(/\s+/g, '');
    case 'field_expression': {
      const value = node.childForFieldName('value');
      return `${value ? calleeText(value, depth + 1) : '…'}.${node.childForFieldName('field')?.text ?? ''}`;
    }
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      return `${fn ? calleeText(fn, depth + 1) : '…'}()`;
    }
    case 'generic_function':
      return node.childForFieldName('function') ? calleeText(node.childForFieldName('function') as Node, depth + 1) : '…';
    case 'try_expression':
      return node.namedChild(0) ? `${calleeText(node.namedChild(0) as Node, depth + 1)}?` : '…';
    case 'await_expression':
      return node.namedChild(0) ? `${calleeText(node.namedChild(0) as Node, depth + 1)}.await` : '…';
    case 'parenthesized_expression':
    case 'reference_expression':
      return node.namedChild(node.namedChildCount - 1) ? calleeText(node.namedChild(node.namedChildCount - 1) as Node, depth + 1) : '…';
    default:
      return node.text.length <= 20 && !node.text.includes('\n') ? node.text : '…';
  }
}

/** `#[cfg(test)]`, `#[cfg(all(test, ...))]`: code compiled only for tests. */
function isCfgTest(attribute: Node): boolean {
  const attr = attribute.namedChildren.find((c) => c?.type === 'attribute');
  const path = attr?.namedChild(0);
  if (!attr || path?.text !== 'cfg') return false;
  const args = attr.childForFieldName('arguments')?.text.replace(/\s+/g, '') ?? '';
  return args === '(test)' || (/^\(all\(/.test(args) && /[(,]test[,)]/.test(args) && !args.includes('not('));
}

export type Reparse = (text: string) => Tree | undefined;

export class RustLowering {
  private readonly b = new ModelBuilder();
  /** Where each `.await` (or polling macro) suspends, as a file index, per function. */
  private readonly suspensions: { fnId: number; index: number }[] = [];
  /** Lock calls whose guard is alive from `from` to `to` (file indexes) in function `fnId`. */
  private readonly guards: { callId: number; fnId: number; from: number; to: number }[] = [];
  private readonly classes = new Map<string, MutableClass>();
  /** Traits implemented by types, from `impl Trait for Type`: bases for the types defined here. */
  private readonly implBases = new Map<string, ValueRef[]>();
  private readonly constants = new Map<string, number>();
  private readonly module: string;
  private readonly fileModule: ModuleScope;
  private readonly snippets: Snippet[] = [];
  private fileRole: RoleMark | undefined;

  constructor(
    private readonly path: string,
    private readonly source: string,
    private readonly layout: RustModulePath,
    pathRole: RoleMark | undefined,
    private readonly reparse: Reparse,
  ) {
    this.module = layout.modules[0] ?? path;
    this.fileRole = pathRole;
    this.fileModule = { qname: this.module, names: new Map(), globs: [], reexports: [], parentQname: parentPath(this.module) };
  }

  lower(tree: Tree): FileModel {
    const root = tree.rootNode;
    this.snippets.push({ text: this.source, row: 0, column: 0, index: 0, prefix: 0 });
    const moduleFn = this.addFunction({
      parent: null,
      kind: 'module',
      name: '<module>',
      isAsync: false,
      span: this.span(root),
      headerLine: 1,
      decorators: [],
    });
    // `#![cfg(test)]` at the top of a file makes all of it test code.
    for (const c of root.namedChildren) {
      if (c?.type === 'inner_attribute_item' && isCfgTest(c)) this.fileRole ??= { role: 'test', reason: '#![cfg(test)]' };
    }
    const scope: Scope = {
      fnId: moduleFn,
      vars: new Map(),
      names: this.fileModule.names,
      parent: undefined,
      barrier: true,
      module: this.fileModule,
      qprefix: this.module,
    };
    const ctx: Ctx = { scope, depth: 0, inAwaitedCall: false, role: undefined };
    this.collectItems(root, scope, true);
    this.visitItems(root, ctx, undefined);
    this.b.reportSyntaxErrors(root);
    return this.result();
  }

  // ---- positions -------------------------------------------------------------------------------

  private get snippet(): Snippet {
    return this.snippets[this.snippets.length - 1] as Snippet;
  }

  private absRow(row: number): number {
    return this.snippet.row + row;
  }

  private absColumn(row: number, column: number): number {
    const s = this.snippet;
    return row === 0 ? s.column + (column - s.prefix) : column;
  }

  /** A tree index as an index into the file's text. */
  private index(i: number): number {
    return this.snippet.index + (i - this.snippet.prefix);
  }

  private line(node: Node): number {
    return this.absRow(node.startPosition.row) + 1;
  }

  private span(node: Node): Span {
    return this.spanBetween(node, node);
  }

  private spanBetween(start: Node, end: Node): Span {
    return {
      line: this.absRow(start.startPosition.row) + 1,
      column: this.absColumn(start.startPosition.row, start.startPosition.column) + 1,
      endLine: this.absRow(end.endPosition.row) + 1,
      endColumn: this.absColumn(end.endPosition.row, end.endPosition.column) + 1,
    };
  }

  // ---- names -----------------------------------------------------------------------------------

  /** The qualified name an item or `use` name stands for in `scope`, if it is declared or imported. */
  private declared(name: string, scope: Scope): string | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const q = s.names.get(name);
      if (q) return q;
    }
    return undefined;
  }

  private isTypeParam(name: string, scope: Scope): boolean {
    return scope.typeParams?.has(name) ?? false;
  }

  /**
   * A name no declaration explains: from a glob import when there is one to take it from, else a
   * name of the module itself (macro-generated items, or names the resolver finds through the
   * file's glob imports, which it follows as re-exports).
   */
  private globName(name: string, scope: Scope): string {
    const globs = scope.module.globs;
    if (globs.length === 1) return `${globs[0]}.${name}`;
    // Several globs: the module's own re-exports are searched by the resolver; else the crate's
    // own modules are the likelier source of a name the catalog cannot know.
    if (globs.length > 1 && scope.module.reexports.length === 0) {
      const local = globs.find((g) => g === this.layout.crateRoot || g.startsWith(`${this.layout.crateRoot}.`));
      return `${local ?? globs[0]}.${name}`;
    }
    return `${scope.module.qname}.${name}`;
  }

  /** A value named by a single identifier: a local, an item, an import, the prelude. */
  private lookup(name: string, scope: Scope): ValueRef {
    let crossed = false;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (!crossed) {
        const v = s.vars.get(name);
        if (v) return v;
      }
      const q = s.names.get(name);
      if (q) return named(q);
      if (s.barrier) crossed = true;
    }
    const prelude = PRELUDE.get(name);
    if (prelude) return named(prelude);
    return named(this.globName(name, scope));
  }

  /** The qualified name of a type written as a single identifier, or undefined for type parameters. */
  private typeName(name: string, scope: Scope): string | undefined {
    if (name === 'Self') return scope.selfType;
    if (this.isTypeParam(name, scope)) return undefined;
    const q = this.declared(name, scope);
    if (q) return q;
    const prelude = PRELUDE.get(name);
    if (prelude) return prelude;
    if (PRIMITIVES.has(name)) return undefined;
    return this.globName(name, scope);
  }

  /** The first segment of a multi-segment path: a keyword, a declared name, or an external crate. */
  private pathHead(node: Node, scope: Scope, depth = 0): string | undefined {
    switch (node.type) {
      case 'crate':
        return this.layout.crateRoot;
      case 'self':
        return scope.module.qname;
      case 'super':
        return scope.module.parentQname;
      case 'identifier':
      case 'type_identifier': {
        const name = node.text;
        if (name === 'Self') return scope.selfType;
        if (this.isTypeParam(name, scope)) return undefined;
        const q = this.declared(name, scope);
        if (q) return q;
        const prelude = PRELUDE.get(name);
        if (prelude) return prelude;
        if (PRIMITIVES.has(name)) return `std.primitive.${name}`;
        return name;
      }
      default:
        return this.resolvePath(node, scope, 'head', depth + 1);
    }
  }

  /**
   * The qualified name a path names: `std::fs::read` is `std.fs.read`, `super::db::Pool` the parent
   * module's `db.Pool`. `mode` says how a single identifier is read: as a type or as a path head.
   */
  private resolvePath(node: Node, scope: Scope, mode: 'type' | 'head', depth = 0): string | undefined {
    if (depth > 100) return undefined;
    switch (node.type) {
      case 'identifier':
      case 'type_identifier':
        return mode === 'type' ? this.typeName(node.text, scope) : this.pathHead(node, scope);
      case 'crate':
      case 'self':
      case 'super':
        return this.pathHead(node, scope);
      case 'scoped_identifier':
      case 'scoped_type_identifier': {
        const name = node.childForFieldName('name')?.text;
        const prefix = node.childForFieldName('path');
        if (!name) return undefined;
        if (!prefix) return name;
        const head = this.pathHead(prefix, scope, depth + 1);
        return head ? `${head}.${name}` : undefined;
      }
      case 'generic_type':
      case 'generic_type_with_turbofish': {
        const t = node.childForFieldName('type');
        return t ? this.resolvePath(t, scope, 'type', depth + 1) : undefined;
      }
      case 'bracketed_type': {
        // `<T as Trait>::method` names the trait's method; `<T>::method`, the type's.
        const inner = node.namedChild(0);
        if (inner?.type === 'qualified_type') {
          const alias = inner.childForFieldName('alias');
          return alias ? this.resolvePath(alias, scope, 'type') : undefined;
        }
        return inner ? this.resolvePath(inner, scope, 'type') : undefined;
      }
      default:
        return undefined;
    }
  }

  // ---- types -----------------------------------------------------------------------------------

  /**
   * The type a type expression stands for, for method calls on its values: `&T`, `Arc<T>`,
   * `Option<T>`, `Result<T, E>`, `State<T>` give T; `dyn Trait` and `impl Trait` give the trait.
   */
  private typeRef(node: Node | null, scope: Scope, depth = 0): string | undefined {
    if (!node || depth > 12) return undefined;
    switch (node.type) {
      case 'reference_type':
      case 'pointer_type':
        return this.typeRef(node.childForFieldName('type'), scope, depth + 1);
      case 'generic_type': {
        const base = node.childForFieldName('type');
        const q = base ? this.resolvePath(base, scope, 'type') : undefined;
        const args = node.childForFieldName('type_arguments')?.namedChildren.filter(
          (a): a is Node => a !== null && a.type !== 'lifetime' && a.type !== 'type_binding',
        );
        if (base && TRANSPARENT_TYPES.has(lastSegment(base.text.replace(/\s+/g, '').replace(/::/g, '.'))) && args?.[0]) {
          return this.typeRef(args[0], scope, depth + 1);
        }
        return q;
      }
      case 'type_identifier':
      case 'scoped_type_identifier':
      case 'identifier':
      case 'scoped_identifier':
        return this.resolvePath(node, scope, 'type');
      case 'dynamic_type':
      case 'abstract_type': {
        const t = node.childForFieldName('trait');
        return t ? this.typeRef(t, scope, depth + 1) : undefined;
      }
      case 'bounded_type':
        return this.typeRef(node.namedChild(0), scope, depth + 1);
      default:
        return undefined;
    }
  }

  /** A value of the declared type, or undefined when the type says nothing useful. */
  private typeInstance(node: Node | null, scope: Scope): ValueRef | undefined {
    const q = this.typeRef(node, scope);
    return q ? instanceOf(q) : undefined;
  }

  /** The content of a container type (`Arc<Mutex<Conn>>` holds a `Conn`), as a value. */
  private containerInner(node: Node | null, scope: Scope, depth = 0): ValueRef | undefined {
    if (!node || depth > 12) return undefined;
    if (node.type === 'reference_type') return this.containerInner(node.childForFieldName('type'), scope, depth + 1);
    if (node.type !== 'generic_type') return undefined;
    const base = node.childForFieldName('type');
    const last = base ? lastSegment(base.text.replace(/\s+/g, '').replace(/::/g, '.')) : '';
    const arg = node.childForFieldName('type_arguments')?.namedChildren.find((a) => a !== null && a.type !== 'lifetime' && a.type !== 'type_binding');
    if (!arg) return undefined;
    if (CONTAINER_TYPES.has(last)) return this.typeInstance(arg, scope);
    if (TRANSPARENT_TYPES.has(last)) return this.containerInner(arg, scope, depth + 1);
    return undefined;
  }

  /**
   * What a guard taken from `receiver` stands for (`self.conn.lock()`: the connection), when the
   * receiver is a variable, field or static whose container type was declared.
   */
  private innerOf(receiver: Node, scope: Scope, depth: number): ValueRef | undefined {
    if (depth > 60) return undefined;
    const r = unwrapParens(receiver);
    switch (r.type) {
      case 'identifier': {
        if (this.isLocal(r.text, scope)) {
          const local = this.lookup(`${r.text}${INNER}`, scope);
          return local.kind === 'name' ? undefined : local;
        }
        const v = this.lookup(r.text, scope);
        return v.kind === 'name' ? named(`${v.qname}${INNER}`) : undefined;
      }
      case 'field_expression': {
        const value = r.childForFieldName('value');
        const field = r.childForFieldName('field')?.text;
        return value && field ? attributeOf(this.valueOf(value, scope, depth + 1), `${field}${INNER}`) : undefined;
      }
      case 'reference_expression':
      case 'try_expression': {
        const inner = r.type === 'reference_expression' ? r.childForFieldName('value') : r.namedChild(0);
        return inner ? this.innerOf(inner, scope, depth + 1) : undefined;
      }
      case 'call_expression': {
        // `self.state.clone().lock()`
        const fn = r.childForFieldName('function');
        const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
        const value = fn?.type === 'field_expression' ? fn.childForFieldName('value') : null;
        return method && value && PASS_THROUGH_METHODS.has(method) ? this.innerOf(value, scope, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Binds `name::inner` beside a variable whose declared type is a container. */
  private bindInner(pattern: Node, inner: ValueRef | undefined, scope: Scope): void {
    if (!inner) return;
    let p: Node | null = pattern;
    while (p && (p.type === 'mut_pattern' || p.type === 'ref_pattern' || p.type === 'reference_pattern')) p = p.namedChildren.filter((c) => c.type !== 'mutable_specifier').pop() ?? null;
    if (p?.type === 'identifier') scope.vars.set(`${p.text}${INNER}`, inner);
  }

  private typeParamsOf(node: Node, scope: Scope): ReadonlySet<string> | undefined {
    const list = node.childForFieldName('type_parameters');
    if (!list) return scope.typeParams;
    const names = new Set(scope.typeParams ?? []);
    for (const p of list.namedChildren) {
      const n = p?.childForFieldName('name') ?? (p?.type === 'type_identifier' ? p : null);
      if (n && p?.type !== 'lifetime_parameter') names.add(n.text);
    }
    return names;
  }

  // ---- items (first pass) ------------------------------------------------------------------------

  /**
   * Declares the items of a module or block, so that code can use names declared below it, and
   * processes its `use` declarations. `topLevel`: a module's item list (its uses become bindings).
   */
  private collectItems(list: Node, scope: Scope, topLevel: boolean): void {
    const uses: Node[] = [];
    for (const item of list.namedChildren) {
      if (!item) continue;
      switch (item.type) {
        case 'function_item':
        case 'struct_item':
        case 'enum_item':
        case 'union_item':
        case 'trait_item':
        case 'type_item':
        case 'static_item':
        case 'mod_item': {
          const name = item.childForFieldName('name')?.text;
          if (name) scope.names.set(name, `${scope.qprefix}.${name}`);
          break;
        }
        case 'const_item': {
          const name = item.childForFieldName('name')?.text;
          if (name) {
            scope.names.set(name, `${scope.qprefix}.${name}`);
            const value = evaluateConstant(item.childForFieldName('value'), this.constants);
            if (value !== undefined) this.constants.set(name, value);
          }
          break;
        }
        case 'use_declaration':
          uses.push(item);
          break;
        case 'extern_crate_declaration': {
          const crate = item.childForFieldName('name')?.text;
          const alias = item.childForFieldName('alias')?.text ?? crate;
          if (crate && alias && alias !== '_') scope.names.set(alias, crate);
          break;
        }
        case 'macro_invocation':
          if (topLevel) this.collectDieselTables(item, scope);
          break;
        default:
          break;
      }
    }
    for (const use of uses) this.lowerUse(use, scope, topLevel);
  }

  /**
   * `diesel::table! { users (id) { ... } }` generates a module `users` holding the unit struct
   * `table` (a `diesel::Table`) and `dsl::users`, its alias; queries start from them.
   */
  private collectDieselTables(node: Node, scope: Scope): void {
    const macro = node.childForFieldName('macro');
    if (!macro || lastSegment(macro.text.replace(/::/g, '.')) !== 'table') return;
    const tokens = node.namedChildren.find((c) => c?.type === 'token_tree')?.namedChildren ?? [];
    tokens.forEach((tok, i) => {
      const next = tokens[i + 1];
      if (tok?.type !== 'identifier' || next?.type !== 'token_tree' || !next.text.startsWith('(')) return;
      const mod = `${scope.qprefix}.${tok.text}`;
      scope.names.set(tok.text, mod);
      this.classes.set(`${mod}.table`, {
        name: 'table',
        qname: `${mod}.table`,
        bases: [named('diesel.Table')],
        attributes: [],
        span: this.span(node),
      });
      this.b.bindings.push({ name: tok.text, qname: `${mod}.dsl.${tok.text}`, value: named(`${mod}.table`), line: this.line(tok) });
    });
  }

  /** `use a::b::{self, c as d, e::*};` */
  private lowerUse(node: Node, scope: Scope, topLevel: boolean): void {
    if (topLevel) for (let l = this.line(node); l <= this.absRow(node.endPosition.row) + 1; l++) this.b.importLines.add(l);
    const bind = (local: string, target: string): void => {
      if (local === '_' || local === 'self') return;
      scope.names.set(local, target);
      if (topLevel) this.b.bindings.push({ name: local, qname: `${scope.qprefix}.${local}`, value: named(target), line: this.line(node) });
    };
    // Only `pub use x::*` re-exports x's names to other modules; a private glob serves this one.
    const isPublic = node.namedChildren.some((c) => c?.type === 'visibility_modifier');
    const glob = (target: string): void => {
      // A glob inside a function body serves that body only; the module's fallback is not changed by it.
      if (!topLevel) return;
      if (!scope.module.globs.includes(target)) scope.module.globs.push(target);
      if (isPublic && topLevel && !scope.module.reexports.includes(target)) scope.module.reexports.push(target);
    };
    const walk = (n: Node | null, prefix: string | undefined, depth: number): void => {
      if (!n || depth > 20) return;
      const full = (p: Node): string | undefined => {
        if (prefix === undefined) return this.resolvePath(p, scope, 'head');
        if (p.type === 'self') return prefix;
        return `${prefix}.${p.text.replace(/\s+/g, '').replace(/::/g, '.')}`;
      };
      switch (n.type) {
        case 'identifier':
        case 'scoped_identifier':
        case 'crate':
        case 'super': {
          const target = full(n);
          if (target) bind(lastSegment(target), target);
          return;
        }
        case 'self':
          if (prefix !== undefined) bind(lastSegment(prefix), prefix);
          return;
        case 'use_as_clause': {
          const p = n.childForFieldName('path');
          const alias = n.childForFieldName('alias')?.text;
          const target = p ? full(p) : undefined;
          if (target && alias) bind(alias, target);
          return;
        }
        case 'use_wildcard': {
          const p = n.namedChild(0);
          const target = p ? full(p) : prefix;
          if (target) glob(target);
          return;
        }
        case 'scoped_use_list': {
          const p = n.childForFieldName('path');
          const next = p ? full(p) : prefix;
          walk(n.childForFieldName('list'), next, depth + 1);
          return;
        }
        case 'use_list':
          for (const c of n.namedChildren) walk(c, prefix, depth + 1);
          return;
        default:
          return;
      }
    };
    walk(node.childForFieldName('argument'), undefined, 0);
  }

  // ---- items (second pass) -----------------------------------------------------------------------

  /** The items of a module, impl or trait body, each with the attributes written above it. */
  private visitItems(list: Node, ctx: Ctx, cls: string | undefined): void {
    let attrs: Node[] = [];
    for (const item of list.namedChildren) {
      if (!item) continue;
      if (item.type === 'attribute_item') {
        attrs.push(item);
        continue;
      }
      if (item.type === 'line_comment' || item.type === 'block_comment') continue;
      this.visitItem(item, ctx, cls, attrs);
      attrs = [];
    }
  }

  private visitItem(item: Node, ctx: Ctx, cls: string | undefined, attrs: Node[]): void {
    const role = ctx.role ?? (attrs.some(isCfgTest) ? { role: 'test' as const, reason: '#[cfg(test)]' } : undefined);
    const itemCtx: Ctx = role === ctx.role ? ctx : { ...ctx, role };
    switch (item.type) {
      case 'function_item':
        this.lowerFunction(item, itemCtx, cls, attrs);
        return;
      case 'impl_item':
        this.lowerImpl(item, itemCtx);
        return;
      case 'trait_item':
        this.lowerTrait(item, itemCtx);
        return;
      case 'struct_item':
      case 'enum_item':
      case 'union_item':
        this.lowerStruct(item, itemCtx.scope);
        return;
      case 'mod_item':
        this.lowerModule(item, itemCtx);
        return;
      case 'use_declaration':
        // Module-level uses were read in the first pass.
        return;
      case 'extern_crate_declaration':
        if (ctx.scope.parent === undefined) for (let l = this.line(item); l <= this.absRow(item.endPosition.row) + 1; l++) this.b.importLines.add(l);
        return;
      case 'const_item':
      case 'static_item':
        this.lowerStatic(item, itemCtx);
        return;
      case 'type_item': {
        const name = item.childForFieldName('name')?.text;
        const target = this.typeRef(item.childForFieldName('type'), ctx.scope);
        if (name && target && ctx.scope.parent === undefined) {
          this.b.bindings.push({ name, qname: `${ctx.scope.qprefix}.${name}`, value: named(target), line: this.line(item) });
        }
        return;
      }
      case 'macro_invocation':
        this.lowerMacro(item, itemCtx);
        return;
      case 'macro_definition':
      case 'function_signature_item':
      case 'associated_type':
      case 'inner_attribute_item':
      case 'foreign_mod_item':
        return;
      default:
        this.visit(item, itemCtx);
    }
  }

  private lowerModule(node: Node, ctx: Ctx): void {
    const name = node.childForFieldName('name')?.text;
    const body = node.childForFieldName('body');
    if (!name) return;
    if (!body) {
      // `mod db;`: the module lives in its own file, named from its path.
      if (ctx.scope.parent === undefined) for (let l = this.line(node); l <= this.absRow(node.endPosition.row) + 1; l++) this.b.importLines.add(l);
      return;
    }
    const qname = `${ctx.scope.qprefix}.${name}`;
    const module: ModuleScope = { qname, names: new Map(), globs: [], reexports: [], parentQname: ctx.scope.module.qname };
    const scope: Scope = {
      fnId: ctx.scope.fnId,
      vars: new Map(),
      names: module.names,
      parent: undefined,
      barrier: true,
      module,
      qprefix: qname,
    };
    this.collectItems(body, scope, true);
    this.visitItems(body, { ...ctx, scope, depth: ctx.depth + 1 }, undefined);
  }

  private lowerStatic(node: Node, ctx: Ctx): void {
    const name = node.childForFieldName('name')?.text;
    const value = node.childForFieldName('value');
    if (value) this.visit(value, ctx);
    if (!name || ctx.scope.parent !== undefined) return;
    const declared = this.typeInstance(node.childForFieldName('type'), ctx.scope);
    const v = declared ?? (value ? this.valueOf(value, ctx.scope) : UNKNOWN(name));
    this.b.bindings.push({ name, qname: `${ctx.scope.qprefix}.${name}`, value: v, line: this.line(node) });
    const inner = this.containerInner(node.childForFieldName('type'), ctx.scope);
    if (inner) this.b.bindings.push({ name: `${name}${INNER}`, qname: `${ctx.scope.qprefix}.${name}${INNER}`, value: inner, line: this.line(node) });
  }

  private lowerStruct(node: Node, scope: Scope): void {
    const name = node.childForFieldName('name')?.text;
    if (!name) return;
    const qname = `${scope.qprefix}.${name}`;
    const typeScope: Scope = { ...scope, typeParams: this.typeParamsOf(node, scope) ?? new Set<string>() };
    const attributes: { name: string; value: ValueRef }[] = [];
    const body = node.childForFieldName('body');
    if (node.type === 'struct_item' || node.type === 'union_item') {
      if (body?.type === 'field_declaration_list') {
        for (const f of body.namedChildren) {
          if (f?.type !== 'field_declaration') continue;
          const field = f.childForFieldName('name')?.text;
          const value = this.typeInstance(f.childForFieldName('type'), typeScope);
          if (field && value) attributes.push({ name: field, value });
          const inner = this.containerInner(f.childForFieldName('type'), typeScope);
          if (field && inner) attributes.push({ name: `${field}${INNER}`, value: inner });
        }
      } else if (body?.type === 'ordered_field_declaration_list') {
        let i = 0;
        for (const t of body.childrenForFieldName('type')) {
          const value = this.typeInstance(t, typeScope);
          if (value) attributes.push({ name: String(i), value });
          const inner = this.containerInner(t, typeScope);
          if (inner) attributes.push({ name: `${i}${INNER}`, value: inner });
          i++;
        }
      }
    }
    const existing = this.classes.get(qname);
    if (existing) existing.attributes.push(...attributes);
    else this.classes.set(qname, { name, qname, bases: [], attributes, span: this.span(node) });
  }

  private lowerImpl(node: Node, ctx: Ctx): void {
    const scope = ctx.scope;
    const typeParams = this.typeParamsOf(node, scope);
    const inner: Scope = { ...scope, ...(typeParams ? { typeParams } : {}) };
    const typeNode = node.childForFieldName('type');
    const cls = this.typeRef(typeNode, inner) ?? `${scope.qprefix}.<impl>`;
    const trait = node.childForFieldName('trait');
    const traitQ = trait ? this.typeRef(trait, inner) : undefined;
    if (traitQ) {
      const list = this.implBases.get(cls) ?? [];
      list.push(named(traitQ));
      this.implBases.set(cls, list);
    }
    this.visitTypeBody(node, ctx, cls, typeParams);
  }

  private lowerTrait(node: Node, ctx: Ctx): void {
    const scope = ctx.scope;
    const name = node.childForFieldName('name')?.text;
    if (!name) return;
    const qname = `${scope.qprefix}.${name}`;
    const typeParams = this.typeParamsOf(node, scope);
    const bases: ValueRef[] = [];
    for (const b of node.childForFieldName('bounds')?.namedChildren ?? []) {
      const q = b ? this.typeRef(b, scope) : undefined;
      if (q) bases.push(named(q));
    }
    if (!this.classes.has(qname)) this.classes.set(qname, { name, qname, bases, attributes: [], span: this.span(node) });
    this.visitTypeBody(node, ctx, qname, typeParams);
  }

  /** Visits the items of an `impl` or `trait` body, in which `Self` is `selfType`. */
  private visitTypeBody(node: Node, ctx: Ctx, selfType: string, typeParams: ReadonlySet<string> | undefined): void {
    const scope: Scope = {
      fnId: ctx.scope.fnId,
      vars: new Map(),
      names: new Map(),
      parent: ctx.scope,
      barrier: true,
      module: ctx.scope.module,
      qprefix: selfType,
      selfType,
      ...(typeParams ? { typeParams } : {}),
    };
    const body = node.childForFieldName('body');
    if (body) this.visitItems(body, { ...ctx, scope, depth: ctx.depth + 1 }, selfType);
  }

  // ---- functions -------------------------------------------------------------------------------

  private lowerAttribute(item: Node, scope: Scope): Decorator | undefined {
    const attr = item.namedChildren.find((c) => c?.type === 'attribute');
    const path = attr?.namedChild(0);
    if (!attr || !path) return undefined;
    let ref: ValueRef;
    if (path.type === 'identifier') {
      const q = this.declared(path.text, scope);
      ref = q ? named(q) : BUILTIN_ATTRIBUTES.has(path.text) ? named(`std.prelude.v1.${path.text}`) : named(this.globName(path.text, scope));
    } else {
      const q = this.resolvePath(path, scope, 'head');
      ref = q ? named(q) : UNKNOWN(path.text);
    }
    const args = attr.childForFieldName('arguments');
    const stringArgs: string[] = [];
    for (const a of args?.namedChildren ?? []) {
      const s = a ? stringValue(a) : undefined;
      if (s !== undefined) stringArgs.push(s);
    }
    return { ref, text: attr.text.replace(/\s+/g, ' ').slice(0, 120), called: args !== null, stringArgs };
  }

  private lowerFunction(node: Node, ctx: Ctx, cls: string | undefined, attrs: readonly Node[]): void {
    const nameNode = node.childForFieldName('name');
    const name = nameNode?.text ?? '<fn>';
    const scope = ctx.scope;
    const isAsync = isAsyncFunction(node);
    const qname = cls ? `${cls}.${name}` : `${scope.qprefix}.${name}`;
    const typeParams = this.typeParamsOf(node, scope);
    const decorators = attrs.map((a) => this.lowerAttribute(a, scope)).filter((d): d is Decorator => d !== undefined);
    let role = ctx.role;
    // A synchronous `fn main` runs before any runtime serves requests: start-up code.
    if (!role && !cls && !isAsync && name === 'main' && scope.parent === undefined) {
      role = { role: 'startup', reason: 'fn main, before the async runtime starts' };
    }
    const fnScopeBase = { ...scope, ...(typeParams ? { typeParams } : {}) };
    const returns = this.typeInstance(node.childForFieldName('return_type'), fnScopeBase);
    const modifiers = node.namedChildren.find((c) => c?.type === 'function_modifiers');
    const id = this.addFunction({
      parent: scope.fnId,
      kind: cls ? 'method' : 'function',
      name,
      qname,
      isAsync,
      ...(isAsync ? { asyncOrigin: 'keyword' as const, asyncLine: this.line(modifiers ?? node) } : {}),
      span: this.spanBetween(attrs[0] ?? node, node),
      headerLine: this.line(nameNode ?? node),
      ...(cls ? { classQname: cls } : {}),
      decorators,
      ...(returns ? { returns } : {}),
      ...(role ? { role } : {}),
    });
    // A nested `fn` is callable by name in the block that declares it.
    if (!cls && scope.parent !== undefined) scope.names.set(name, qname);
    const fnScope: Scope = {
      fnId: id,
      vars: new Map(),
      names: new Map(),
      parent: scope,
      barrier: true,
      module: scope.module,
      qprefix: qname,
      ...(scope.selfType ? { selfType: scope.selfType } : {}),
      ...(typeParams ? { typeParams } : {}),
    };
    for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      if (p.type === 'self_parameter') {
        if (scope.selfType) fnScope.vars.set('self', instanceOf(scope.selfType));
      } else if (p.type === 'parameter') {
        const pattern = p.childForFieldName('pattern');
        const typeNode = p.childForFieldName('type');
        if (pattern?.type === 'self') {
          if (scope.selfType) fnScope.vars.set('self', instanceOf(scope.selfType));
        } else if (pattern) this.bindParameter(pattern, typeNode, fnScope);
      }
    }
    const body = node.childForFieldName('body');
    // Only test code passes its role on to nested code: a task spawned from `fn main` is not start-up code.
    if (body) this.visitBlock(body, { scope: fnScope, depth: ctx.depth + 1, inAwaitedCall: false, role: ctx.role }, false);
  }

  /** A parameter `pattern: type`; `State(s): State<T>` gives `s` the type T. */
  private bindParameter(pattern: Node, typeNode: Node | null, scope: Scope): void {
    if (pattern.type === 'tuple_struct_pattern' && typeNode?.type === 'generic_type') {
      const subs = patternFields(pattern);
      const args = typeNode.childForFieldName('type_arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'lifetime') ?? [];
      if (subs.length === 1 && subs[0] && args[0]) {
        this.bindPattern(subs[0], this.typeInstance(args[0], scope) ?? UNKNOWN(subs[0].text), scope);
        this.bindInner(subs[0], this.containerInner(args[0], scope), scope);
        return;
      }
    }
    if (pattern.type === 'tuple_pattern' && typeNode?.type === 'tuple_type') {
      const subs = pattern.namedChildren.filter((c): c is Node => c !== null);
      const types = typeNode.namedChildren.filter((c): c is Node => c !== null);
      subs.forEach((s, i) => this.bindPattern(s, this.typeInstance(types[i] ?? null, scope) ?? UNKNOWN(s.text), scope));
      return;
    }
    this.bindPattern(pattern, this.typeInstance(typeNode, scope) ?? UNKNOWN(pattern.text), scope);
    this.bindInner(pattern, this.containerInner(typeNode, scope), scope);
  }

  /** Binds the names a pattern introduces to the parts of `value` they take. */
  private bindPattern(pattern: Node, value: ValueRef, scope: Scope, depth = 0): void {
    if (depth > 20) return;
    const known = value.kind !== 'unknown';
    switch (pattern.type) {
      case 'identifier':
        if (pattern.text !== '_') scope.vars.set(pattern.text, value);
        return;
      case 'mut_pattern':
      case 'ref_pattern':
      case 'reference_pattern':
      case 'parenthesized_pattern': {
        const inner = pattern.namedChildren.filter((c): c is Node => c !== null && c.type !== 'mutable_specifier').pop();
        if (inner) this.bindPattern(inner, value, scope, depth + 1);
        return;
      }
      case 'captured_pattern': {
        const first = pattern.namedChild(0);
        if (first?.type === 'identifier') scope.vars.set(first.text, value);
        const rest = pattern.namedChild(1);
        if (rest) this.bindPattern(rest, value, scope, depth + 1);
        return;
      }
      case 'tuple_pattern':
        pattern.namedChildren.forEach((c, i) => {
          if (c) this.bindPattern(c, known ? { kind: 'member', of: value, name: String(i) } : UNKNOWN(c.text), scope, depth + 1);
        });
        return;
      case 'tuple_struct_pattern': {
        // `Some(x)`, `Ok(x)`: the contents, which the value already stands for.
        const type = pattern.childForFieldName('type')?.text ?? '';
        const subs = patternFields(pattern);
        const passes = type === 'Some' || type === 'Ok' || type.endsWith('::Some') || type.endsWith('::Ok');
        for (const s of subs) this.bindPattern(s, passes && subs.length === 1 ? value : UNKNOWN(s.text), scope, depth + 1);
        return;
      }
      case 'struct_pattern':
        for (const f of pattern.namedChildren) {
          if (f?.type !== 'field_pattern') continue;
          const name = f.childForFieldName('name');
          const sub = f.childForFieldName('pattern');
          const fieldValue = known && name ? attributeOf(value, name.text) : UNKNOWN(f.text);
          if (sub) this.bindPattern(sub, fieldValue, scope, depth + 1);
          else if (name) this.bindPattern(name, fieldValue, scope, depth + 1);
        }
        return;
      case 'shorthand_field_identifier':
        scope.vars.set(pattern.text, value);
        return;
      default:
        for (const c of pattern.namedChildren) if (c) this.bindPattern(c, UNKNOWN(c.text), scope, depth + 1);
    }
  }

  /**
   * A closure runs in place by default: where it is written, unless an offload API claims it. A
   * closure given to an awaited call is run by the future that call returns (a wrapper such as
   * tokio's `asyncify(move || std::fs::read(p)).await` hands it to `spawn_blocking`): not in place.
   */
  private lowerClosure(node: Node, ctx: Ctx, passedTo: ArgumentPosition | undefined, inPlace = true): number {
    const isAsync = hasChildOfType(node, 'async');
    const id = this.addFunction({
      parent: ctx.scope.fnId,
      kind: 'lambda',
      name: '<closure>',
      isAsync,
      ...(isAsync ? { asyncOrigin: 'keyword' as const, asyncLine: this.line(node) } : inPlace ? { runsInPlace: true } : {}),
      span: this.span(node),
      headerLine: this.line(node),
      decorators: [],
      ...(passedTo ? { passedTo } : {}),
      ...(ctx.role ? { role: ctx.role } : {}),
    });
    const scope = this.childScope(ctx.scope, id);
    for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p) continue;
      if (p.type === 'parameter') {
        const pattern = p.childForFieldName('pattern');
        if (pattern) this.bindParameter(pattern, p.childForFieldName('type'), scope);
      } else this.bindPattern(p, UNKNOWN(p.text), scope);
    }
    const body = node.childForFieldName('body');
    if (body) this.visit(body, { scope, depth: ctx.depth + 1, inAwaitedCall: false, role: ctx.role });
    return id;
  }

  private lowerAsyncBlock(node: Node, ctx: Ctx, passedTo: ArgumentPosition | undefined, ownRole?: RoleMark): number {
    const role = ownRole ?? ctx.role;
    const id = this.addFunction({
      parent: ctx.scope.fnId,
      kind: 'block',
      name: '<async block>',
      isAsync: true,
      asyncOrigin: 'keyword',
      asyncLine: this.line(node),
      span: this.span(node),
      headerLine: this.line(node),
      decorators: [],
      ...(passedTo ? { passedTo } : {}),
      ...(role ? { role } : {}),
    });
    const body = node.namedChildren.find((c) => c?.type === 'block');
    if (body) this.visitBlock(body, { scope: this.childScope(ctx.scope, id), depth: ctx.depth + 1, inAwaitedCall: false, role: ctx.role }, false);
    return id;
  }

  private childScope(parent: Scope, fnId = parent.fnId): Scope {
    return { ...parent, fnId, vars: new Map(), names: new Map(), parent, barrier: false };
  }

  // ---- statements and expressions ------------------------------------------------------------------

  /** A `{ ... }` block: its items are declared first; `fresh` gives it a scope of its own. */
  private visitBlock(node: Node, ctx: Ctx, fresh = true): void {
    const scope = fresh ? this.childScope(ctx.scope) : ctx.scope;
    const inner: Ctx = fresh ? { ...ctx, scope } : ctx;
    this.collectItems(node, scope, false);
    let attrs: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute_item') {
        attrs.push(child);
        continue;
      }
      if (child.type === 'function_item' || child.type === 'impl_item' || child.type === 'mod_item' || child.type === 'trait_item') {
        this.visitItem(child, inner, undefined, attrs);
      } else if (child.type === 'use_declaration') {
        // Read by collectItems.
      } else this.visit(child, inner);
      attrs = [];
    }
  }

  /** True (and reported once) when `ctx` is nested too deep to follow; also enforces the file's time budget. */
  private tooDeep(node: Node, ctx: Ctx): boolean {
    return this.b.tooDeep(node, ctx.depth);
  }

  private visit(node: Node, ctx: Ctx): void {
    if (this.tooDeep(node, ctx)) return;
    // Written out rather than spread: V8 copies a spread object far more slowly on this hot path.
    const inner: Ctx = { scope: ctx.scope, depth: ctx.depth + 1, inAwaitedCall: ctx.inAwaitedCall, role: ctx.role };
    switch (node.type) {
      case 'line_comment':
      case 'block_comment':
      case 'string_literal':
      case 'raw_string_literal':
      case 'char_literal':
      case 'integer_literal':
      case 'float_literal':
      case 'boolean_literal':
      case 'identifier':
      case 'self':
      case 'scoped_identifier':
      case 'attribute_item':
      case 'inner_attribute_item':
      case 'use_declaration':
        return;
      case 'function_item':
      case 'impl_item':
      case 'trait_item':
      case 'mod_item':
      case 'struct_item':
      case 'enum_item':
      case 'union_item':
      case 'const_item':
      case 'static_item':
      case 'type_item':
        this.visitItem(node, inner, undefined, []);
        return;
      case 'let_declaration':
        this.lowerLet(node, inner);
        return;
      case 'assignment_expression':
        this.lowerAssignment(node, inner);
        return;
      case 'call_expression':
        this.lowerCall(node, inner, false);
        return;
      case 'await_expression':
        this.recordSuspension(node, ctx.scope);
        this.visitAwaited(node.namedChild(0), inner);
        return;
      case 'closure_expression':
        this.lowerClosure(node, inner, undefined);
        return;
      case 'async_block':
        this.lowerAsyncBlock(node, inner, undefined);
        return;
      case 'for_expression':
        this.lowerFor(node, inner);
        return;
      case 'while_expression':
        this.lowerWhile(node, inner);
        return;
      case 'loop_expression':
        this.lowerLoop(node, inner);
        return;
      case 'macro_invocation':
        this.lowerMacro(node, inner);
        return;
      case 'block':
        this.visitBlock(node, inner);
        return;
      case 'if_expression':
      case 'let_chain': {
        // Bindings of `if let` patterns and match arms are local to them.
        const scope = this.childScope(ctx.scope);
        for (const c of node.namedChildren) if (c) this.visit(c, { ...inner, scope });
        return;
      }
      case 'match_expression': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value, inner);
        const scrutinee = value ? this.valueOf(value, ctx.scope) : UNKNOWN('');
        for (const arm of node.childForFieldName('body')?.namedChildren ?? []) {
          if (arm?.type !== 'match_arm') continue;
          const scope = this.childScope(ctx.scope);
          const pattern = arm.childForFieldName('pattern');
          const p = pattern?.type === 'match_pattern' ? pattern.namedChild(0) : pattern;
          if (p) this.bindPattern(p, scrutinee, scope);
          const guard = pattern?.childForFieldName('condition');
          if (guard) this.visit(guard, { ...inner, scope });
          const value = arm.childForFieldName('value');
          if (value) this.visit(value, { ...inner, scope });
        }
        return;
      }
      case 'let_condition': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value, inner);
        const pattern = node.childForFieldName('pattern');
        if (pattern) this.bindPattern(pattern, value ? this.valueOf(value, ctx.scope) : UNKNOWN(''), ctx.scope);
        return;
      }
      case 'field_expression': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value, inner);
        return;
      }
      default:
        for (const c of node.namedChildren) if (c) this.visit(c, inner);
    }
  }

  private lowerLet(node: Node, ctx: Ctx): void {
    const value = node.childForFieldName('value');
    if (value) this.visit(value, ctx);
    const typeNode = node.childForFieldName('type');
    const declared = this.typeInstance(typeNode, ctx.scope);
    const v = declared ?? (value ? this.valueOf(value, ctx.scope) : UNKNOWN(''));
    const pattern = node.childForFieldName('pattern');
    if (pattern) {
      this.bindPattern(pattern, v, ctx.scope);
      // `let state = self.state.clone();` keeps what the container holds, for `state.lock()`.
      this.bindInner(pattern, typeNode ? this.containerInner(typeNode, ctx.scope) : value ? this.innerOf(value, ctx.scope, 0) : undefined, ctx.scope);
    }
    const alt = node.childForFieldName('alternative');
    if (alt) this.visitBlock(alt, ctx);
  }

  /** `x = value` gives the variable the value it was last assigned. */
  private lowerAssignment(node: Node, ctx: Ctx): void {
    const right = node.childForFieldName('right');
    if (right) this.visit(right, ctx);
    const left = node.childForFieldName('left');
    if (!left) return;
    if (left.type !== 'identifier') {
      this.visit(left, ctx);
      return;
    }
    for (let s: Scope | undefined = ctx.scope; s; s = s.parent) {
      if (s.vars.has(left.text)) {
        s.vars.set(left.text, right ? this.valueOf(right, ctx.scope) : UNKNOWN(left.text));
        return;
      }
      if (s.barrier) return;
    }
  }

  /** `x.await`: a call directly under the await is awaited. */
  private visitAwaited(node: Node | null, ctx: Ctx): void {
    if (!node) return;
    const target = unwrapParens(node);
    if (target.type === 'call_expression') this.lowerCall(target, ctx, true);
    else this.visit(target, ctx);
  }

  private recordSuspension(node: Node, scope: Scope): void {
    const index = this.index(node.endIndex) - 1;
    this.suspensions.push({ fnId: scope.fnId, index });
    this.b.suspendAt(scope.fnId, index);
  }

  // ---- loops -----------------------------------------------------------------------------------

  private lowerFor(node: Node, ctx: Ctx): void {
    const value = node.childForFieldName('value');
    const pattern = node.childForFieldName('pattern');
    const body = node.childForFieldName('body');
    if (value) this.visit(value, ctx);
    const scope = this.childScope(ctx.scope);
    if (pattern) this.bindPattern(pattern, UNKNOWN(pattern.text), scope);
    const headerEnd = value ?? pattern ?? node;
    const iterations = value ? rangeIterations(value, this.constants) : undefined;
    this.pushLoop(node, body, ctx, {
      kind: 'for',
      header: this.spanBetween(node, headerEnd),
      headerText: this.headerText(node, headerEnd),
      ...(iterations !== undefined ? { constantIterations: iterations } : {}),
      conditionCallIds: [],
      infinite: false,
    });
    if (body) this.visitBlock(body, { ...ctx, scope });
  }

  private lowerWhile(node: Node, ctx: Ctx): void {
    const cond = node.childForFieldName('condition');
    const body = node.childForFieldName('body');
    const scope = this.childScope(ctx.scope);
    const before = this.b.nextCallId;
    if (cond) this.visit(cond, { ...ctx, scope });
    const conditionCallIds: number[] = [];
    for (let id = before; id < this.b.nextCallId; id++) if (this.b.calls.has(id)) conditionCallIds.push(id);
    this.pushLoop(node, body, ctx, {
      kind: 'while',
      header: this.spanBetween(node, cond ?? node),
      headerText: this.headerText(node, cond ?? node),
      conditionCallIds,
      infinite: cond !== null && unwrapParens(cond).type === 'boolean_literal' && unwrapParens(cond).text === 'true',
    });
    if (body) this.visitBlock(body, { ...ctx, scope });
  }

  /** `loop { ... }`: a `while true`. */
  private lowerLoop(node: Node, ctx: Ctx): void {
    const keyword = node.children.find((c) => c?.type === 'loop') ?? node;
    const body = node.childForFieldName('body');
    this.pushLoop(node, body, ctx, {
      kind: 'while',
      header: this.span(keyword),
      headerText: 'loop',
      conditionCallIds: [],
      infinite: true,
    });
    if (body) this.visitBlock(body, ctx);
  }

  /** The loop header as written, from its keyword to the end of `last`, whitespace collapsed. */
  private headerText(node: Node, last: Node): string {
    const text = node.text.slice(0, Math.max(0, last.endIndex - node.startIndex));
    return text.replace(/\s+/g, ' ').trim().slice(0, 120);
  }

  private pushLoop(node: Node, body: Node | null, ctx: Ctx, loop: Omit<LoopModel, 'bodySuspends' | 'functionId' | 'span' | 'headerSpan'> & { header: Span }): void {
    const extent = body ?? node;
    const { header, ...rest } = loop;
    this.b.loops.push({
      loop: { functionId: ctx.scope.fnId, span: this.span(node), headerSpan: header, ...rest },
      bodyStart: this.index(extent.startIndex),
      bodyEnd: this.index(extent.endIndex),
      forceSuspends: false,
    });
  }

  // ---- calls -----------------------------------------------------------------------------------

  /** Lowers a call; returns its id, or -1 for a pass-through method (`.unwrap()`) that is not recorded. */
  private lowerCall(node: Node, ctx: Ctx, awaited: boolean): number {
    const fnNode = node.childForFieldName('function');
    const argsNode = node.childForFieldName('arguments');
    const fn = fnNode?.type === 'generic_function' ? (fnNode.childForFieldName('function') ?? fnNode) : fnNode;
    const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
    const receiver = fn?.type === 'field_expression' ? fn.childForFieldName('value') : null;
    // The receiver of an awaited call builds the future that is awaited (`client.get(u).send().await`).
    const receiverCtx: Ctx = awaited && !ctx.inAwaitedCall ? { ...ctx, inAwaitedCall: true } : ctx;
    if (method && receiver && PASS_THROUGH_METHODS.has(method)) {
      this.visitReceiver(receiver, receiverCtx, awaited);
      for (const a of argsNode?.namedChildren ?? []) if (a) this.visit(a, ctx);
      return -1;
    }
    const id = this.b.nextCallId++;
    if (receiver) this.visitReceiver(receiver, receiverCtx, false);
    else if (fn && fn.type !== 'identifier' && fn.type !== 'scoped_identifier') this.visit(fn, ctx);
    const argCtx: Ctx = { scope: ctx.scope, depth: ctx.depth + 1, inAwaitedCall: ctx.inAwaitedCall || awaited, role: ctx.role };
    const args: Argument[] = [];
    let index = 0;
    for (const a of argsNode?.namedChildren ?? []) {
      if (!a || a.type === 'line_comment' || a.type === 'block_comment' || a.type === 'attribute_item') continue;
      args.push(this.lowerArgument(a, argCtx, { callId: id, index: index++ }, awaited));
    }
    const callee = fn ? this.valueOf(fn, ctx.scope) : UNKNOWN(node.text);
    this.b.calls.set(id, {
      id,
      functionId: ctx.scope.fnId,
      span: this.callSpan(node, fn),
      calleeText: fn ? calleeText(fn).slice(0, 120) : '',
      callee,
      awaited,
      insideAwaitedCall: ctx.inAwaitedCall,
      args,
    });
    if (method && LOCK_METHODS.has(method) && !awaited) {
      this.guards.push({ callId: id, fnId: ctx.scope.fnId, from: this.index(node.endIndex), to: this.index(guardLiveEnd(node)) });
    }
    return id;
  }

  /** The receiver of a method call; a call there is lowered as awaited when the pass-through is. */
  private visitReceiver(receiver: Node, ctx: Ctx, awaited: boolean): void {
    const r = unwrapParens(receiver);
    // Written out rather than spread: V8 copies a spread object far more slowly on this hot path.
    const inner: Ctx = { scope: ctx.scope, depth: ctx.depth + 1, inAwaitedCall: ctx.inAwaitedCall, role: ctx.role };
    if (r.type !== 'call_expression') this.visit(r, inner);
    else if (!this.tooDeep(r, inner)) this.lowerCall(r, inner, awaited);
  }

  /** `ofAwaited`: the argument of an awaited call, whose future runs what it is given. */
  private lowerArgument(node: Node, ctx: Ctx, pos: ArgumentPosition, ofAwaited = false): Argument {
    const index = pos.index;
    let n = unwrapParens(node);
    // `&x`, `&mut x`: the argument is what is borrowed.
    for (let guard = 0; n.type === 'reference_expression' && guard < 50; guard++) {
      const inner = n.childForFieldName('value');
      if (!inner) break;
      n = unwrapParens(inner);
    }
    switch (n.type) {
      case 'closure_expression':
        return { kind: 'function', functionId: this.lowerClosure(n, ctx, pos, !ofAwaited), index };
      case 'async_block': {
        // `rt.block_on(async { ... })` in `fn main` is the program's async main, as `#[tokio::main]` writes it.
        const inMain = this.b.functions[ctx.scope.fnId]?.role?.role === 'startup';
        const callee = node.parent?.parent?.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
        const role: RoleMark | undefined =
          inMain && callee.endsWith('block_on') ? { role: 'startup', reason: 'the async main that fn main runs with block_on' } : undefined;
        return { kind: 'function', functionId: this.lowerAsyncBlock(n, ctx, pos, role), index };
      }
      case 'call_expression': {
        if (this.tooDeep(n, ctx)) return { kind: 'other', index };
        const callId = this.lowerCall(n, ctx, false);
        if (callId >= 0) return { kind: 'call', callId, index };
        const ref = this.valueOf(n, ctx.scope);
        return ref.kind === 'unknown' ? { kind: 'other', index } : { kind: 'reference', ref, index };
      }
      case 'identifier': {
        const constant = this.constants.get(n.text);
        if (constant !== undefined && !this.isLocal(n.text, ctx.scope)) return { kind: 'literal', value: constant, index };
        const ref = this.valueOf(n, ctx.scope);
        return ref.kind === 'unknown' ? { kind: 'other', index } : { kind: 'reference', ref, index };
      }
      case 'scoped_identifier':
      case 'field_expression':
      case 'self': {
        this.visit(n, ctx);
        const ref = this.valueOf(n, ctx.scope);
        return ref.kind === 'unknown' ? { kind: 'other', index } : { kind: 'reference', ref, index };
      }
      case 'integer_literal':
      case 'float_literal': {
        const v = parseRustNumber(n.text);
        return v === undefined ? { kind: 'other', index } : { kind: 'literal', value: v, index };
      }
      case 'string_literal':
      case 'raw_string_literal': {
        const s = stringValue(n);
        return s === undefined ? { kind: 'other', index } : { kind: 'literal', value: s, index };
      }
      default: {
        this.visit(n, ctx);
        const v = evaluateConstant(n, this.constants);
        return v === undefined ? { kind: 'other', index } : { kind: 'literal', value: v, index };
      }
    }
  }

  private isLocal(name: string, scope: Scope): boolean {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.vars.has(name)) return true;
      if (s.barrier) return false;
    }
    return false;
  }

  /**
   * Where a finding on this call is reported: from the callee to the end of the call, except for a
   * method called on the result of another call or across lines (`Command::new("df")\n.output()`),
   * which starts at the method's name.
   */
  private callSpan(node: Node, fn: Node | null): Span {
    if (fn?.type === 'field_expression') {
      const value = fn.childForFieldName('value');
      const field = fn.childForFieldName('field');
      if (value && field) {
        const v = unwrapParens(value);
        const chained = v.type === 'call_expression' || v.type === 'await_expression' || v.type === 'try_expression';
        if (chained || value.endPosition.row !== field.startPosition.row) return this.spanBetween(field, node);
      }
    }
    return this.spanBetween(fn ?? node, node);
  }

  // ---- macros ----------------------------------------------------------------------------------

  private lowerMacro(node: Node, ctx: Ctx): void {
    const macro = node.childForFieldName('macro');
    const tokens = node.namedChildren.find((c) => c?.type === 'token_tree');
    if (!macro || !tokens || this.snippets.length > MAX_MACRO_NESTING) return;
    const name = lastSegment(macro.text.replace(/\s+/g, '').replace(/::/g, '.'));
    const reading = macroReading(name);
    switch (reading.kind) {
      case 'opaque':
        return;
      case 'select':
        this.lowerSelect(node, tokens, ctx);
        return;
      case 'array':
        this.withArguments(tokens, ARRAY_PREFIX, ARRAY_SUFFIX, (args) => {
          for (const a of args) this.visit(a, ctx);
        });
        return;
      case 'arguments':
        this.withArguments(tokens, ARGUMENTS_PREFIX, ARGUMENTS_SUFFIX, (args) => {
          for (const a of args) this.visit(a, ctx);
        });
        return;
      case 'join': {
        const joinCtx: Ctx = { ...ctx, inAwaitedCall: true };
        this.withArguments(tokens, ARGUMENTS_PREFIX, ARGUMENTS_SUFFIX, (args) => {
          for (const a of args) {
            const n = unwrapParens(a);
            if (n.type === 'call_expression') this.lowerCall(n, joinCtx, true);
            else this.visit(n, joinCtx);
          }
        });
        this.recordSuspension(node, ctx.scope);
        return;
      }
      case 'write': {
        // `writeln!(w, "...", args)` calls `w.write_fmt(format_args!(...))`.
        const span = this.span(node);
        const fnId = ctx.scope.fnId;
        this.withArguments(tokens, ARGUMENTS_PREFIX, ARGUMENTS_SUFFIX, (args) => {
          const [writer, ...rest] = args;
          if (!writer) return;
          const id = this.b.nextCallId++;
          this.visit(writer, ctx);
          for (const a of rest) this.visit(a, ctx);
          this.b.calls.set(id, {
            id,
            functionId: fnId,
            span,
            calleeText: `${name}!`,
            callee: attributeOf(this.valueOf(writer, ctx.scope), 'write_fmt'),
            awaited: false,
            insideAwaitedCall: ctx.inAwaitedCall,
            args: [],
          });
        });
        return;
      }
    }
  }

  /**
   * Parses the contents of a macro's token tree as the arguments of a call and hands them to `use`,
   * with positions mapped back to the file. Token trees that do not parse as Rust are left alone.
   */
  private withArguments(tokens: Node, prefix: string, suffix: string, use: (args: Node[]) => void): void {
    const open = tokens.children[0];
    const close = tokens.children[tokens.children.length - 1];
    if (!open || !close || tokens.children.length < 3) return;
    const first = tokens.children[1] as Node;
    const inner = this.snippet.text.slice(first.startIndex, close.startIndex);
    this.withSnippet(inner, first, prefix, suffix, (root) => {
      const call = root.namedChild(0)?.childForFieldName('body')?.namedChild(0)?.namedChild(0);
      const argsNode = call?.type === 'call_expression' ? call.childForFieldName('arguments') : null;
      if (!argsNode) return;
      let args = argsNode.namedChildren.filter((a): a is Node => a !== null && a.type !== 'line_comment' && a.type !== 'block_comment');
      if (prefix === ARRAY_PREFIX) args = args[0]?.namedChildren.filter((a): a is Node => a !== null) ?? [];
      use(args);
    });
  }

  /** Parses `text`, which starts where `at` starts in the current tree, and lowers it with `use`. */
  private withSnippet(text: string, at: Node, prefix: string, suffix: string, use: (root: Node) => void): void {
    const tree = this.reparse(`${prefix}${text}${suffix}`);
    if (!tree || tree.rootNode.hasError) return;
    this.snippets.push({
      text: `${prefix}${text}${suffix}`,
      row: this.absRow(at.startPosition.row),
      column: this.absColumn(at.startPosition.row, at.startPosition.column),
      index: this.index(at.startIndex),
      prefix: prefix.length,
    });
    try {
      use(tree.rootNode);
    } finally {
      this.snippets.pop();
    }
  }

  /**
   * `tokio::select! { v = rx.recv() => handle(v), _ = sleep(d), if armed => {...}, else => ... }`:
   * each branch's future is polled (as if awaited), and its handler runs in the enclosing async code.
   */
  private lowerSelect(node: Node, tokens: Node, ctx: Ctx): void {
    const toks = tokens.children.slice(1, -1).filter((t): t is Node => t !== null);
    const text = this.snippet.text;
    const segment = (from: number, to: number): { first: Node; text: string } | undefined => {
      const first = toks[from];
      const last = toks[to - 1];
      if (!first || !last || to <= from) return undefined;
      return { first, text: text.slice(first.startIndex, last.endIndex) };
    };
    const lowerPart = (part: { first: Node; text: string } | undefined, future: boolean): void => {
      if (!part) return;
      this.withSnippet(part.text, part.first, ARGUMENTS_PREFIX, ARGUMENTS_SUFFIX, (root) => {
        const call = root.namedChild(0)?.childForFieldName('body')?.namedChild(0)?.namedChild(0);
        for (const a of call?.childForFieldName('arguments')?.namedChildren ?? []) {
          if (!a) continue;
          const n = unwrapParens(a);
          if (future && n.type === 'call_expression') this.lowerCall(n, { ...ctx, inAwaitedCall: true }, true);
          else this.visit(n, ctx);
        }
      });
    };
    let start = 0;
    while (start < toks.length) {
      const arrow = toks.findIndex((t, i) => i >= start && t.type === '=>');
      if (arrow < 0) break;
      // `pattern = future [, if precondition]`
      const eq = toks.findIndex((t, i) => i >= start && i < arrow && t.type === '=');
      if (eq >= 0) {
        const comma = toks.findIndex((t, i) => i > eq && i < arrow && t.type === ',');
        lowerPart(segment(eq + 1, comma >= 0 ? comma : arrow), true);
        if (comma >= 0 && toks[comma + 1]?.type === 'if') lowerPart(segment(comma + 2, arrow), false);
      }
      // The handler: a `{ ... }` block, or everything up to the next top-level comma.
      let end = arrow + 1;
      if (toks[end]?.type === 'token_tree' && toks[end]?.text.startsWith('{')) end += 1;
      else while (end < toks.length && toks[end]?.type !== ',') end++;
      lowerPart(segment(arrow + 1, end), false);
      start = toks[end]?.type === ',' ? end + 1 : end;
    }
    this.recordSuspension(node, ctx.scope);
  }

  // ---- values ----------------------------------------------------------------------------------

  /** The symbolic value of an expression. */
  private valueOf(node: Node, scope: Scope, depth = 0): ValueRef {
    if (depth > 60) return UNKNOWN(node.text);
    const n = unwrapParens(node);
    switch (n.type) {
      case 'identifier':
        return this.lookup(n.text, scope);
      case 'self':
        return this.lookup('self', scope);
      case 'scoped_identifier': {
        const q = this.resolvePath(n, scope, 'head');
        return q ? named(q) : UNKNOWN(n.text);
      }
      case 'field_expression': {
        const value = n.childForFieldName('value');
        const field = n.childForFieldName('field')?.text;
        if (!value || !field) return UNKNOWN(n.text);
        return attributeOf(this.valueOf(value, scope, depth + 1), field);
      }
      case 'generic_function': {
        const fn = n.childForFieldName('function');
        return fn ? this.valueOf(fn, scope, depth + 1) : UNKNOWN(n.text);
      }
      case 'call_expression':
        return this.callValue(n, scope, depth);
      case 'try_expression':
      case 'await_expression':
      case 'reference_expression':
      case 'unary_expression': {
        if (n.type === 'unary_expression' && !n.text.startsWith('*')) return UNKNOWN(n.text);
        const inner = n.type === 'reference_expression' ? n.childForFieldName('value') : n.namedChild(0);
        return inner ? this.valueOf(inner, scope, depth + 1) : UNKNOWN(n.text);
      }
      case 'struct_expression': {
        const nameNode = n.childForFieldName('name');
        const q = nameNode ? this.resolvePath(nameNode, scope, 'type') : undefined;
        return q ? { kind: 'result', of: named(q) } : UNKNOWN(n.text);
      }
      case 'index_expression': {
        const of = n.namedChild(0);
        return of ? { kind: 'item', of: this.valueOf(of, scope, depth + 1) } : UNKNOWN(n.text);
      }
      case 'type_cast_expression':
        return this.typeInstance(n.childForFieldName('type'), scope) ?? UNKNOWN(n.text);
      case 'block':
      case 'unsafe_block': {
        const block = n.type === 'block' ? n : n.namedChildren.find((c) => c?.type === 'block');
        const tail = block?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'line_comment' && c.type !== 'block_comment').pop();
        if (!tail || tail.type === 'expression_statement' || tail.type === 'let_declaration') return UNKNOWN(n.text);
        return this.valueOf(tail, scope, depth + 1);
      }
      default:
        return UNKNOWN(n.text);
    }
  }

  /** What a call evaluates to: its result, or for pass-throughs and wrappers, the value inside. */
  private callValue(node: Node, scope: Scope, depth: number): ValueRef {
    const fnNode = node.childForFieldName('function');
    const fn = fnNode?.type === 'generic_function' ? (fnNode.childForFieldName('function') ?? fnNode) : fnNode;
    if (!fn) return UNKNOWN(node.text);
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
      (a): a is Node => a !== null && a.type !== 'line_comment' && a.type !== 'block_comment',
    );
    if (fn.type === 'field_expression') {
      const method = fn.childForFieldName('field')?.text ?? '';
      const receiver = fn.childForFieldName('value');
      if (receiver && CONTAINER_ACCESSORS.has(method)) {
        const inner = this.innerOf(receiver, scope, depth + 1);
        if (inner) return inner;
      }
      if (receiver && PASS_THROUGH_METHODS.has(method)) return this.valueOf(receiver, scope, depth + 1);
      return { kind: 'result', of: this.valueOf(fn, scope, depth + 1) };
    }
    const callee = this.valueOf(fn, scope, depth + 1);
    if (callee.kind === 'name') {
      const wrapped = WRAPPING_CONSTRUCTORS.get(callee.qname);
      if (wrapped !== undefined) {
        const arg = args[wrapped];
        return arg ? this.valueOf(arg, scope, depth + 1) : UNKNOWN(node.text);
      }
      // `Client::new()` and `Config::default()` give an instance of their type.
      const type = parentPath(callee.qname);
      if (fn.type === 'scoped_identifier' && CONSTRUCTOR_NAMES.has(lastSegment(callee.qname)) && isTypeName(lastSegment(type))) {
        return { kind: 'result', of: named(type) };
      }
    }
    return { kind: 'result', of: callee };
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  private addFunction(f: Omit<MutableFunction, 'id'>): number {
    return this.b.addFunction(f);
  }

  private result(): FileModel {
    const held = new Set<number>();
    for (const g of this.guards) {
      if (this.suspensions.some((s) => s.fnId === g.fnId && s.index >= g.from && s.index < g.to)) held.add(g.callId);
    }
    for (const id of held) {
      const call = this.b.calls.get(id);
      if (call) this.b.calls.set(id, { ...call, facts: [HELD_ACROSS_AWAIT] });
    }
    for (const c of this.classes.values()) this.b.classes.push({ ...c, bases: [...c.bases, ...(this.implBases.get(c.qname) ?? [])] });
    return this.b.build({
      path: this.path,
      ecosystem: 'rust',
      modules: this.layout.modules,
      role: this.fileRole,
      starExports: this.fileModule.reexports,
    });
  }
}
