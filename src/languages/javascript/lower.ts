// Lowers a JavaScript or TypeScript syntax tree into the shared model.
//
// Imports, `require` and their destructurings become qualified names (`const { readFileSync } =
// require('fs')` makes `readFileSync` `fs.readFileSync`); locals carry the value they were assigned,
// TypeScript annotations the type they declare. The language's own event-loop semantics are marked
// here: `.then/.catch/.finally` and emitter `.on(event, fn)` callbacks run on the event loop, array
// callbacks (`items.map(fn)`) run in place. Framework callbacks come from the catalog.

import type { SyntaxNode as Node, SyntaxTree as Tree } from '../syntax-tree.js';
import type {
  Argument,
  ArgumentPosition,
  Decorator,
  FileModel,
  RoleMark,
  Span,
  ValueRef,
} from '../../ir/model.js';
import { hasToken, ModelBuilder, spanBetween, spanOf } from '../model-builder.js';
import { arithmetic, numberValue } from '../numbers.js';
import { moduleNamesForPath, resolveSpecifier } from './modules.js';
import { PathAliases } from './path-aliases.js';

/** Callbacks the runtime runs on the event loop whatever the receiver: promise reactions. */
export const PROMISE_REACTIONS = new Set(['then', 'catch', 'finally']);
/** Emitter registrations: `emitter.on('event', listener)` runs the listener on the event loop. */
export const EMITTER_REGISTRATIONS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Array and iterator methods that call their callback before they return. */
const IN_PLACE_METHODS = new Set([
  'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'flatMap', 'sort', 'toSorted',
]);
/** Globals whose calls are lowered as `globalThis.<name>`. */
const GLOBALS = new Set([
  'fetch', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask',
  'require', 'Atomics', 'Date', 'performance', 'XMLHttpRequest', 'Promise', 'JSON', 'process', 'console', 'Buffer',
  'Math', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Map', 'Set', 'WeakMap', 'Error', 'URL', 'URLSearchParams',
  'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'structuredClone', 'crypto', 'Intl', 'RegExp',
  'Symbol', 'Reflect', 'Proxy', 'BigInt', 'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent',
  'describe', 'it', 'test', 'expect', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach', 'module', 'exports',
  'globalThis', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'WebSocket', 'Worker',
  'SharedArrayBuffer', 'Int32Array', 'Uint8Array', 'ArrayBuffer', 'Response', 'Request', 'Headers', 'FormData', 'Blob',
]);

const UNKNOWN = (text: string): ValueRef => ({ kind: 'unknown', text: text.slice(0, 80) });
const named = (qname: string): ValueRef => ({ kind: 'name', qname });

function attributeOf(of: ValueRef, name: string): ValueRef {
  return of.kind === 'name' ? named(`${of.qname}.${name}`) : { kind: 'member', of, name };
}

/** Strips what does not change a value: parentheses, `x!`, `x as T`, `<T>x`, `x satisfies T`. */
function unwrap(node: Node): Node {
  let n = node;
  for (let guard = 0; guard < 50; guard++) {
    if (n.type === 'parenthesized_expression' || n.type === 'non_null_expression') {
      const inner = n.namedChild(0);
      if (!inner) break;
      n = inner;
    } else if (n.type === 'as_expression' || n.type === 'satisfies_expression') {
      const inner = n.namedChild(0);
      if (!inner) break;
      n = inner;
    } else if (n.type === 'type_assertion') {
      const inner = n.namedChild(1);
      if (!inner) break;
      n = inner;
    } else break;
  }
  return n;
}

function stringValue(node: Node): string | undefined {
  if (node.type === 'string') return node.namedChildren.map((c) => c?.text ?? '').join('');
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution')) {
    return node.text.slice(1, -1);
  }
  return undefined;
}

function parseNumber(text: string): number | undefined {
  return numberValue(text.replace(/_/g, '').toLowerCase().replace(/n$/, ''));
}

/** The callee as a reader names it: `fs.readFileSync`, `db.prepare().get`. */
function calleeText(node: Node, depth = 0): string {
  if (depth > 30) return '…';
  const n = unwrap(node);
  switch (n.type) {
    case 'identifier':
    case 'this':
    case 'super':
      return n.text;
    case 'member_expression': {
      const obj = n.childForFieldName('object');
      return `${obj ? calleeText(obj, depth + 1) : '…'}.${n.childForFieldName('property')?.text ?? ''}`;
    }
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      return `${fn ? calleeText(fn, depth + 1) : '…'}()`;
    }
    case 'new_expression': {
      const c = n.childForFieldName('constructor');
      return `new ${c ? calleeText(c, depth + 1) : '…'}()`;
    }
    case 'subscript_expression': {
      const obj = n.childForFieldName('object');
      return `${obj ? calleeText(obj, depth + 1) : '…'}[]`;
    }
    case 'await_expression':
      return n.namedChild(0) ? `await ${calleeText(n.namedChild(0) as Node, depth + 1)}` : '…';
    default:
      return n.text.length <= 20 && !n.text.includes('\n') ? n.text : '…';
  }
}

interface Scope {
  readonly fnId: number;
  readonly vars: Map<string, ValueRef>;
  readonly parent: Scope | undefined;
  readonly qprefix: string;
  /** Inside a class method: the class (for `this`). */
  readonly thisClass?: string;
  /** Variables holding an XMLHttpRequest opened synchronously (`xhr.open(m, url, false)`). */
  readonly syncXhr: Set<string>;
}

interface Ctx {
  readonly scope: Scope;
  readonly depth: number;
  readonly inAwaitedCall: boolean;
}


/** How a function expression is written as an argument, and what the language says about it. */
interface PassedAs {
  readonly position: ArgumentPosition;
  /** How messages name an anonymous callback: after the call it is given to (`app.get callback`). */
  readonly label?: string;
  readonly eventCallback?: { readonly line: number };
  readonly inPlace?: boolean;
}

export class JavaScriptLowering {
  private readonly model = new ModelBuilder();
  private readonly moduleVars = new Map<string, ValueRef>();
  private readonly constants = new Map<string, number>();
  private readonly starExports: string[] = [];
  private readonly modules: string[];
  private readonly module: string;
  private clientRole: RoleMark | undefined;

  constructor(
    private readonly path: string,
    private readonly fileRole: RoleMark | undefined,
    private readonly aliases: PathAliases = PathAliases.none,
  ) {
    this.modules = moduleNamesForPath(path);
    this.module = this.modules[0] ?? `./${path}`;
  }

  lower(tree: Tree): FileModel {
    const root = tree.rootNode;
    // `'use client'` marks a module that React frameworks ship to the browser: no server loop runs it.
    const first = root.namedChild(0);
    const directive = first?.type === 'expression_statement' ? first.namedChild(0) : null;
    if (directive?.type === 'string' && stringValue(directive) === 'use client') {
      this.clientRole = { role: 'browser', reason: "a 'use client' module" };
    }
    const moduleFn = this.model.addFunction({
      parent: null,
      kind: 'module',
      name: '<module>',
      isAsync: false,
      span: spanOf(root),
      headerLine: 1,
      decorators: [],
    });
    const scope: Scope = { fnId: moduleFn, vars: new Map(), parent: undefined, qprefix: this.module, syncXhr: new Set() };
    this.collectModuleNames(root);
    this.visitChildren(root, { scope, depth: 0, inAwaitedCall: false });
    this.model.reportSyntaxErrors(root);
    return this.result();
  }

  // ---- module-level names (first pass) -------------------------------------------------------

  private collectModuleNames(root: Node): void {
    for (const stmt of root.namedChildren) {
      if (!stmt) continue;
      const decl = stmt.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
      if (!decl) continue;
      switch (decl.type) {
        case 'function_declaration':
        case 'generator_function_declaration':
        case 'class_declaration':
        case 'abstract_class_declaration': {
          const name = decl.childForFieldName('name')?.text;
          if (name) this.moduleVars.set(name, named(`${this.module}.${name}`));
          break;
        }
        case 'lexical_declaration':
        case 'variable_declaration':
          for (const d of decl.namedChildren) {
            if (d?.type !== 'variable_declarator') continue;
            const name = d.childForFieldName('name');
            if (name?.type !== 'identifier') continue;
            this.moduleVars.set(name.text, named(`${this.module}.${name.text}`));
            const value = d.childForFieldName('value');
            const n = value ? this.constant(value) : undefined;
            if (n !== undefined) this.constants.set(name.text, n);
          }
          break;
        default:
          break;
      }
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  private visitChildren(node: Node, ctx: Ctx): void {
    for (const child of node.namedChildren) if (child) this.visit(child, ctx);
  }

  private visit(node: Node, ctx: Ctx): void {
    if (this.model.tooDeep(node, ctx.depth)) return;
    // Written out rather than spread: V8 copies a spread object far more slowly on this hot path.
    const inner: Ctx = { scope: ctx.scope, depth: ctx.depth + 1, inAwaitedCall: ctx.inAwaitedCall };
    switch (node.type) {
      case 'import_statement':
        this.lowerImport(node, ctx.scope);
        return;
      case 'export_statement':
        this.lowerExport(node, inner);
        return;
      case 'function_declaration':
      case 'generator_function_declaration':
        this.lowerFunction(node, inner, { name: node.childForFieldName('name')?.text });
        return;
      case 'class_declaration':
      case 'abstract_class_declaration':
      case 'class':
        this.lowerClass(node, inner);
        return;
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of node.namedChildren) if (d?.type === 'variable_declarator') this.lowerDeclarator(d, inner);
        return;
      case 'assignment_expression':
        this.lowerAssignment(node, inner);
        return;
      case 'for_statement':
        this.lowerFor(node, inner);
        return;
      case 'for_in_statement':
        this.lowerForIn(node, inner);
        return;
      case 'while_statement':
      case 'do_statement':
        this.lowerWhile(node, inner);
        return;
      case 'call_expression':
      case 'new_expression':
        this.lowerCall(node, inner, false);
        return;
      case 'await_expression':
        this.model.suspendAt(ctx.scope.fnId, node.startIndex);
        this.visitAwaited(node.namedChild(0), inner);
        return;
      case 'yield_expression':
        this.model.suspendAt(ctx.scope.fnId, node.startIndex);
        this.visitChildren(node, inner);
        return;
      case 'arrow_function':
      case 'function_expression':
      case 'function':
      case 'generator_function':
        this.lowerFunction(node, inner, {});
        return;
      case 'method_definition':
        this.lowerFunction(node, inner, { name: propertyName(node.childForFieldName('name')) });
        return;
      case 'comment':
      case 'string':
      case 'number':
      case 'identifier':
      case 'property_identifier':
      case 'type_annotation':
      case 'type_alias_declaration':
      case 'interface_declaration':
      case 'enum_declaration':
        return;
      default:
        this.visitChildren(node, inner);
    }
  }

  private visitAwaited(node: Node | null, ctx: Ctx): void {
    if (!node) return;
    const target = unwrap(node);
    if (target.type === 'call_expression' || target.type === 'new_expression') this.lowerCall(target, ctx, true);
    else this.visit(target, ctx);
  }

  // ---- imports and exports -----------------------------------------------------------------

  private bindModule(local: string, value: ValueRef, line: number, scope: Scope): void {
    if (scope.parent === undefined) {
      this.moduleVars.set(local, value);
      this.model.bindings.push({ name: local, qname: `${this.module}.${local}`, value, line });
    } else scope.vars.set(local, value);
  }

  private lowerImport(node: Node, scope: Scope): void {
    for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) this.model.importLines.add(l);
    const source = node.childForFieldName('source');
    const requireClause = node.namedChildren.find((c) => c?.type === 'import_require_clause');
    const spec = source ? stringValue(source) : requireClause ? stringValue(requireClause.childForFieldName('source') ?? requireClause) : undefined;
    if (spec === undefined) return;
    const from = resolveSpecifier(this.path, spec, this.aliases);
    const line = node.startPosition.row + 1;
    if (requireClause) {
      const id = requireClause.namedChild(0);
      if (id?.type === 'identifier') this.bindModule(id.text, named(from), line, scope);
      return;
    }
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    for (const part of clause?.namedChildren ?? []) {
      if (!part) continue;
      if (part.type === 'identifier') {
        // A package's default export is the package itself (CommonJS interop); a file's is `default`.
        this.bindModule(part.text, named(from.startsWith('.') ? `${from}.default` : from), line, scope);
      } else if (part.type === 'namespace_import') {
        const id = part.namedChild(0);
        if (id) this.bindModule(id.text, named(from), line, scope);
      } else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          if (spec?.type !== 'import_specifier') continue;
          const name = spec.childForFieldName('name')?.text;
          const alias = spec.childForFieldName('alias')?.text ?? name;
          if (!name || !alias) continue;
          const target = name === 'default' && !from.startsWith('.') ? from : `${from}.${name}`;
          this.bindModule(alias, named(target), line, scope);
        }
      }
    }
  }

  private lowerExport(node: Node, ctx: Ctx): void {
    const declaration = node.childForFieldName('declaration');
    const value = node.childForFieldName('value');
    const source = node.childForFieldName('source');
    const isDefault = hasToken(node, 'default');
    const line = node.startPosition.row + 1;
    if (source) {
      for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) this.model.importLines.add(l);
      const from = resolveSpecifier(this.path, stringValue(source) ?? '', this.aliases);
      const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
      if (!clause) {
        this.starExports.push(from);
        return;
      }
      for (const spec of clause.namedChildren) {
        if (spec?.type !== 'export_specifier') continue;
        const name = spec.childForFieldName('name')?.text;
        const alias = spec.childForFieldName('alias')?.text ?? name;
        if (name && alias) this.model.bindings.push({ name: alias, qname: `${this.module}.${alias}`, value: named(`${from}.${name}`), line });
      }
      return;
    }
    if (declaration) {
      this.visit(declaration, ctx);
      if (isDefault) {
        const name = declaration.childForFieldName('name')?.text;
        if (name) this.model.bindings.push({ name: 'default', qname: `${this.module}.default`, value: named(`${this.module}.${name}`), line });
      }
      return;
    }
    if (value) {
      const v = unwrap(value);
      if (v.type === 'arrow_function' || v.type === 'function_expression' || v.type === 'function') {
        this.lowerFunction(v, ctx, { name: 'default' });
        return;
      }
      this.visit(value, ctx);
      if (isDefault) this.model.bindings.push({ name: 'default', qname: `${this.module}.default`, value: this.valueOf(value, ctx.scope), line });
      return;
    }
    const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
    for (const spec of clause?.namedChildren ?? []) {
      if (spec?.type !== 'export_specifier') continue;
      const name = spec.childForFieldName('name')?.text;
      const alias = spec.childForFieldName('alias')?.text ?? name;
      if (name && alias && alias !== name) this.model.bindings.push({ name: alias, qname: `${this.module}.${alias}`, value: this.lookup(name, ctx.scope), line });
    }
    // `export = value` (TypeScript's CommonJS export).
    const assigned = node.namedChildren.find((c) => c?.type === 'identifier');
    if (assigned && !clause) this.model.bindings.push({ name: 'default', qname: `${this.module}.default`, value: this.lookup(assigned.text, ctx.scope), line });
  }

  // ---- declarations and assignments -----------------------------------------------------------

  private lowerDeclarator(node: Node, ctx: Ctx): void {
    const nameNode = node.childForFieldName('name');
    const valueNode = node.childForFieldName('value');
    const typeNode = node.childForFieldName('type');
    if (!nameNode) return;
    const value = valueNode ? unwrap(valueNode) : null;
    // `const handler = async (req, res) => {...}` is a function named `handler`.
    if (nameNode.type === 'identifier' && value && isFunctionNode(value)) {
      this.lowerFunction(value, ctx, { name: nameNode.text, bindName: true });
      return;
    }
    if (value?.type === 'class') {
      this.lowerClass(value, ctx, nameNode.type === 'identifier' ? nameNode.text : undefined);
      return;
    }
    if (valueNode) this.visit(valueNode, ctx);
    const declared = typeNode ? this.annotationType(typeNode, ctx.scope) : undefined;
    const v = declared ?? (valueNode ? this.valueOf(valueNode, ctx.scope) : UNKNOWN(nameNode.text));
    if (valueNode && isRequireCall(unwrap(valueNode))) for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) if (ctx.scope.parent === undefined) this.model.importLines.add(l);
    this.bindPattern(nameNode, v, ctx, node.startPosition.row + 1);
    if (nameNode.type === 'identifier' && value?.type === 'new_expression' && value.childForFieldName('constructor')?.text === 'XMLHttpRequest') {
      ctx.scope.syncXhr.delete(nameNode.text);
    }
  }

  /** Binds a declaration's target: a name, or the parts of a destructuring. */
  private bindPattern(pattern: Node, value: ValueRef, ctx: Ctx, line: number): void {
    const scope = ctx.scope;
    const set = (name: string, v: ValueRef): void => {
      if (scope.parent === undefined) {
        this.moduleVars.set(name, v.kind === 'name' ? v : named(`${this.module}.${name}`));
        this.model.bindings.push({ name, qname: `${this.module}.${name}`, value: v, line });
      } else scope.vars.set(name, v);
    };
    switch (pattern.type) {
      case 'identifier':
        set(pattern.text, value);
        return;
      case 'object_pattern':
        for (const p of pattern.namedChildren) {
          if (!p) continue;
          if (p.type === 'shorthand_property_identifier_pattern') set(p.text, attributeOf(value, p.text));
          else if (p.type === 'pair_pattern') {
            const key = p.childForFieldName('key')?.text;
            const target = p.childForFieldName('value');
            if (key && target) this.bindPattern(target, attributeOf(value, key), ctx, line);
          } else if (p.type === 'object_assignment_pattern') {
            const left = p.childForFieldName('left');
            if (left?.type === 'shorthand_property_identifier_pattern') set(left.text, attributeOf(value, left.text));
          }
        }
        return;
      case 'array_pattern':
        for (const p of pattern.namedChildren) if (p?.type === 'identifier') set(p.text, UNKNOWN(p.text));
        return;
      case 'assignment_pattern': {
        const left = pattern.childForFieldName('left');
        if (left) this.bindPattern(left, value, ctx, line);
        return;
      }
      default:
        return;
    }
  }

  private lowerAssignment(node: Node, ctx: Ctx): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return;
    const r = unwrap(right);
    const line = node.startPosition.row + 1;
    // `module.exports = {...}`, `module.exports.x = ...`, `exports.x = ...`
    const exported = left.type === 'member_expression' ? this.exportTarget(left) : undefined;
    if (exported !== undefined && ctx.scope.parent === undefined) {
      if (exported === '' && r.type === 'object') {
        this.lowerExportObject(r, ctx, line);
        return;
      }
      const name = exported === '' ? 'default' : exported;
      if (isFunctionNode(r)) {
        this.lowerFunction(r, ctx, { name, bindName: false });
        if (name !== 'default' && exported === '') return;
        return;
      }
      this.visit(right, ctx);
      this.model.bindings.push({ name, qname: `${this.module}.${name}`, value: this.valueOf(right, ctx.scope), line });
      return;
    }
    if (isFunctionNode(r) && left.type === 'identifier') {
      this.lowerFunction(r, ctx, { name: left.text, bindName: true });
      return;
    }
    this.visit(right, ctx);
    const value = this.valueOf(right, ctx.scope);
    if (left.type === 'identifier') {
      if (ctx.scope.parent === undefined) this.model.bindings.push({ name: left.text, qname: `${this.module}.${left.text}`, value, line });
      else ctx.scope.vars.set(left.text, value);
      return;
    }
    if (left.type === 'member_expression') {
      const obj = left.childForFieldName('object');
      const prop = left.childForFieldName('property')?.text;
      if (obj?.type === 'this' && prop && ctx.scope.thisClass) this.model.classAttributes.get(ctx.scope.thisClass)?.push({ name: prop, value });
      else this.visit(left, ctx);
    }
  }

  /** '' for `module.exports`, the name for `module.exports.x` and `exports.x`, else undefined. */
  private exportTarget(left: Node): string | undefined {
    const text = left.text.replace(/\s+/g, '');
    if (text === 'module.exports') return '';
    const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(text);
    return m?.[1];
  }

  /** `module.exports = { a, b: impl, c() {} }`: each property is an export. */
  private lowerExportObject(obj: Node, ctx: Ctx, line: number): void {
    for (const p of obj.namedChildren) {
      if (!p) continue;
      if (p.type === 'shorthand_property_identifier') {
        this.model.bindings.push({ name: p.text, qname: `${this.module}.${p.text}`, value: this.lookup(p.text, ctx.scope), line });
      } else if (p.type === 'pair') {
        const key = propertyName(p.childForFieldName('key'));
        const value = p.childForFieldName('value');
        if (!key || !value) continue;
        const v = unwrap(value);
        if (isFunctionNode(v)) this.lowerFunction(v, ctx, { name: key });
        else {
          this.visit(value, ctx);
          this.model.bindings.push({ name: key, qname: `${this.module}.${key}`, value: this.valueOf(value, ctx.scope), line });
        }
      } else if (p.type === 'method_definition') {
        this.lowerFunction(p, ctx, { name: propertyName(p.childForFieldName('name')) });
      } else this.visit(p, ctx);
    }
  }

  // ---- functions and classes ----------------------------------------------------------------

  private lowerFunction(
    node: Node,
    ctx: Ctx,
    o: { name?: string | undefined; bindName?: boolean; classQname?: string; decorators?: Decorator[]; passed?: PassedAs },
  ): number {
    const scope = ctx.scope;
    const isAsync = hasToken(node, 'async');
    const name = o.name ?? node.childForFieldName('name')?.text;
    const kind = o.classQname ? 'method' : name ? 'function' : 'lambda';
    const qname = name ? (o.classQname ? `${o.classQname}.${name}` : `${scope.qprefix}.${name}`) : undefined;
    const returnType = node.childForFieldName('return_type');
    const returns = returnType ? this.annotationType(returnType, scope) : undefined;
    const eventLine = o.passed?.eventCallback?.line;
    const id = this.model.addFunction({
      parent: scope.fnId,
      kind,
      name: name ?? (o.passed?.label ? `${o.passed.label} callback` : '<anonymous>'),
      ...(qname && (kind !== 'lambda' || scope.parent === undefined) ? { qname } : {}),
      isAsync,
      ...(isAsync
        ? { asyncOrigin: 'keyword' as const, asyncLine: node.startPosition.row + 1 }
        : eventLine !== undefined
          ? { asyncOrigin: 'callback' as const, asyncLine: eventLine }
          : {}),
      span: spanOf(node),
      headerLine: (node.childForFieldName('name') ?? node).startPosition.row + 1,
      ...(o.classQname ? { classQname: o.classQname } : {}),
      decorators: o.decorators ?? [],
      ...(o.passed ? { passedTo: o.passed.position } : {}),
      ...(o.passed?.inPlace ? { runsInPlace: true } : {}),
      ...(returns ? { returns } : {}),
    });
    if (name && qname && (o.bindName || node.type === 'function_declaration' || node.type === 'generator_function_declaration')) {
      if (scope.parent === undefined) this.moduleVars.set(name, named(qname));
      else scope.vars.set(name, named(qname));
    }
    const fnScope: Scope = {
      fnId: id,
      vars: new Map(),
      parent: scope,
      qprefix: qname ?? `${scope.qprefix}.<anonymous>`,
      ...(o.classQname ? { thisClass: o.classQname } : scope.thisClass && node.type === 'arrow_function' ? { thisClass: scope.thisClass } : {}),
      syncXhr: new Set(),
    };
    const params = node.childForFieldName('parameters') ?? node.childForFieldName('parameter');
    this.bindParameters(params, fnScope, ctx, o.classQname);
    const body = node.childForFieldName('body');
    if (body) {
      const bodyCtx: Ctx = { scope: fnScope, depth: ctx.depth + 1, inAwaitedCall: false };
      if (body.type === 'statement_block' || body.type === 'class_body') this.visitChildren(body, bodyCtx);
      else this.visit(body, bodyCtx);
    }
    return id;
  }

  private bindParameters(params: Node | null, scope: Scope, ctx: Ctx, classQname: string | undefined): void {
    if (!params) return;
    if (params.type === 'identifier') {
      scope.vars.set(params.text, UNKNOWN(params.text));
      return;
    }
    for (const p of params.namedChildren) {
      if (!p) continue;
      const pattern = p.childForFieldName('pattern') ?? (p.type === 'identifier' ? p : null);
      const typeNode = p.childForFieldName('type');
      const value = p.childForFieldName('value');
      if (value) this.visit(value, { ...ctx, scope });
      if (!pattern) continue;
      const declared = typeNode ? this.annotationType(typeNode, scope) : undefined;
      if (pattern.type === 'identifier') {
        scope.vars.set(pattern.text, declared ?? UNKNOWN(pattern.text));
        // `constructor(private db: Db)` declares a field too.
        if (classQname && declared && p.namedChildren.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'readonly')) {
          this.model.classAttributes.get(classQname)?.push({ name: pattern.text, value: declared });
        }
      } else {
        for (const id of pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
          if (id) scope.vars.set(id.text, UNKNOWN(id.text));
        }
      }
    }
  }

  /** The type a TypeScript annotation declares, as an instance: `T | null`, `Promise<T>` give T. */
  private annotationType(node: Node, scope: Scope): ValueRef | undefined {
    let t: Node | null = node.type === 'type_annotation' ? node.namedChild(0) : node;
    for (let guard = 0; t && guard < 8; guard++) {
      if (t.type === 'union_type') {
        t = t.namedChildren.find((c) => c !== null && c.type !== 'literal_type' && c.text !== 'undefined' && c.text !== 'null') ?? null;
        continue;
      }
      if (t.type === 'generic_type') {
        const name = t.childForFieldName('name');
        if (name && ['Promise', 'Readonly', 'Partial', 'Required'].includes(name.text)) {
          t = t.childForFieldName('type_arguments')?.namedChild(0) ?? null;
          continue;
        }
        t = name;
        continue;
      }
      if (t.type === 'parenthesized_type') {
        t = t.namedChild(0);
        continue;
      }
      break;
    }
    if (!t) return undefined;
    if (t.type === 'type_identifier' || t.type === 'identifier') return { kind: 'instance', type: this.lookup(t.text, scope) };
    if (t.type === 'nested_type_identifier') {
      const mod = t.childForFieldName('module');
      const name = t.childForFieldName('name')?.text;
      if (mod && name) return { kind: 'instance', type: attributeOf(this.valueOf(mod, scope), name) };
    }
    return undefined;
  }

  private lowerClass(node: Node, ctx: Ctx, nameOverride?: string): void {
    const name = nameOverride ?? node.childForFieldName('name')?.text ?? '<class>';
    const scope = ctx.scope;
    const qname = `${scope.qprefix}.${name}`;
    if (scope.parent !== undefined) scope.vars.set(name, named(qname));
    const bases: ValueRef[] = [];
    const heritage = node.namedChildren.find((c) => c?.type === 'class_heritage');
    const ext = heritage?.namedChildren.find((c) => c?.type === 'extends_clause') ?? heritage;
    const baseNode = ext?.childForFieldName('value') ?? ext?.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'member_expression');
    if (baseNode) bases.push(this.valueOf(baseNode, scope));
    const attributes: { name: string; value: ValueRef }[] = [];
    this.model.classAttributes.set(qname, attributes);
    const body = node.childForFieldName('body');
    let pending: Decorator[] = [];
    for (const member of body?.namedChildren ?? []) {
      if (!member) continue;
      if (member.type === 'decorator') {
        pending.push(this.lowerDecorator(member, ctx));
        continue;
      }
      const decorators = [...pending, ...member.namedChildren.filter((c): c is Node => c?.type === 'decorator').map((d) => this.lowerDecorator(d, ctx))];
      pending = [];
      if (member.type === 'method_definition') {
        const mname = propertyName(member.childForFieldName('name'));
        this.lowerFunction(member, { ...ctx, depth: ctx.depth + 1 }, { name: mname, classQname: qname, decorators });
      } else if (member.type === 'public_field_definition' || member.type === 'field_definition') {
        const fname = propertyName(member.childForFieldName('name') ?? member.childForFieldName('property'));
        const value = member.childForFieldName('value');
        const typeNode = member.childForFieldName('type');
        if (value && isFunctionNode(unwrap(value)) && fname) {
          this.lowerFunction(unwrap(value), { ...ctx, depth: ctx.depth + 1 }, { name: fname, classQname: qname, decorators });
          continue;
        }
        if (value) this.visit(value, ctx);
        const v = (typeNode ? this.annotationType(typeNode, scope) : undefined) ?? (value ? this.valueOf(value, scope) : undefined);
        if (fname && v) attributes.push({ name: fname, value: v });
      }
    }
    this.model.classes.push({ name, qname, bases, attributes, span: spanOf(node) });
  }

  private lowerDecorator(node: Node, ctx: Ctx): Decorator {
    const expr = node.namedChild(0);
    if (!expr) return { ref: UNKNOWN(node.text), text: node.text, called: false, stringArgs: [] };
    const target = unwrap(expr);
    if (target.type === 'call_expression') {
      const fn = target.childForFieldName('function');
      const args = target.childForFieldName('arguments');
      const stringArgs = (args?.namedChildren ?? []).map((a) => (a ? stringValue(a) : undefined)).filter((s): s is string => s !== undefined);
      return { ref: fn ? this.valueOf(fn, ctx.scope) : UNKNOWN(expr.text), text: expr.text, called: true, stringArgs };
    }
    return { ref: this.valueOf(target, ctx.scope), text: expr.text, called: false, stringArgs: [] };
  }

  // ---- loops -------------------------------------------------------------------------------------

  /** `for (let i = A; i < N; i++)` with constant A and N: N - A iterations. */
  private lowerFor(node: Node, ctx: Ctx): void {
    const init = node.childForFieldName('initializer');
    const cond = node.childForFieldName('condition');
    const incr = node.childForFieldName('increment');
    const body = node.childForFieldName('body');
    if (init) this.visit(init, ctx);
    const before = this.model.nextCallId;
    if (cond) this.visit(cond, ctx);
    const conditionCallIds = this.model.callIdsSince(before);
    if (incr) this.visit(incr, ctx);
    const headerEnd = incr ?? cond ?? init ?? node;
    this.pushLoop(node, body, ctx, {
      kind: 'for',
      header: spanBetween(node, headerEnd),
      headerText: this.headerText(node, headerEnd),
      iterations: this.countedIterations(init, cond, incr),
      conditionCallIds,
      infinite: cond === null || cond.text.trim() === ';',
    });
    if (body) this.visit(body, ctx);
  }

  private countedIterations(init: Node | null, cond: Node | null, incr: Node | null): number | undefined {
    const decl = init?.namedChildren.find((c) => c?.type === 'variable_declarator');
    const variable = decl?.childForFieldName('name')?.text;
    const start = decl?.childForFieldName('value');
    const c = cond?.type === 'expression_statement' ? cond.namedChild(0) : cond;
    if (!variable || !start || c?.type !== 'binary_expression' || !incr) return undefined;
    const op = c.childForFieldName('operator')?.text;
    if (c.childForFieldName('left')?.text !== variable) return undefined;
    if (!/^(\+\+\w+|\w+\+\+|\w+\s*\+=\s*1)$/.test(incr.text.replace(/\s+/g, '')) || !incr.text.includes(variable)) return undefined;
    const a = this.constant(start);
    const b = this.constant(c.childForFieldName('right'));
    if (a === undefined || b === undefined) return undefined;
    if (op === '<') return Math.max(0, Math.ceil(b - a));
    if (op === '<=') return Math.max(0, Math.floor(b - a) + 1);
    return undefined;
  }

  private lowerForIn(node: Node, ctx: Ctx): void {
    const isAwait = hasToken(node, 'await');
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    const body = node.childForFieldName('body');
    if (right) {
      const target = unwrap(right);
      if (isAwait && (target.type === 'call_expression' || target.type === 'new_expression')) this.lowerCall(target, ctx, true);
      else this.visit(right, ctx);
    }
    if (left) for (const id of [left, ...left.descendantsOfType('identifier')]) if (id?.type === 'identifier') ctx.scope.vars.set(id.text, UNKNOWN(id.text));
    const headerEnd = right ?? left ?? node;
    this.pushLoop(node, body, ctx, {
      kind: 'for',
      header: spanBetween(node, headerEnd),
      headerText: this.headerText(node, headerEnd),
      conditionCallIds: [],
      infinite: false,
      suspends: isAwait,
    });
    if (body) this.visit(body, ctx);
  }

  private lowerWhile(node: Node, ctx: Ctx): void {
    const cond = node.childForFieldName('condition');
    const body = node.childForFieldName('body');
    const before = this.model.nextCallId;
    if (cond) this.visit(cond, ctx);
    const conditionCallIds = this.model.callIdsSince(before);
    const c = cond ? unwrap(cond) : null;
    const headerEnd = node.type === 'do_statement' ? node : (cond ?? node);
    this.pushLoop(node, body, ctx, {
      kind: 'while',
      header: node.type === 'do_statement' ? spanBetween(cond ?? node, cond ?? node) : spanBetween(node, headerEnd),
      headerText: node.type === 'do_statement' ? `do … while ${cond?.text ?? ''}`.slice(0, 120) : this.headerText(node, headerEnd),
      conditionCallIds,
      infinite: c !== null && (c.type === 'true' || (c.type === 'number' && c.text !== '0')),
    });
    if (body) this.visit(body, ctx);
  }

  private headerText(node: Node, last: Node): string {
    const text = node.text.slice(0, Math.max(0, last.endIndex - node.startIndex));
    return `${text.replace(/\s+/g, ' ').trim().slice(0, 118)}${node.type === 'for_statement' || node.type === 'for_in_statement' || node.type === 'while_statement' ? ')' : ''}`;
  }

  private pushLoop(
    node: Node,
    body: Node | null,
    ctx: Ctx,
    l: { kind: 'for' | 'while'; header: Span; headerText: string; iterations?: number | undefined; conditionCallIds: number[]; infinite: boolean; suspends?: boolean },
  ): void {
    const b = body ?? node;
    this.model.loops.push({
      loop: {
        functionId: ctx.scope.fnId,
        kind: l.kind,
        span: spanOf(node),
        headerSpan: l.header,
        headerText: l.headerText,
        ...(l.iterations !== undefined ? { constantIterations: l.iterations } : {}),
        conditionCallIds: l.conditionCallIds,
        infinite: l.infinite,
      },
      bodyStart: b.startIndex,
      bodyEnd: b.endIndex,
      forceSuspends: l.suspends ?? false,
    });
  }

  // ---- calls -------------------------------------------------------------------------------------

  private lowerCall(node: Node, ctx: Ctx, awaited: boolean): number {
    const id = this.model.nextCallId++;
    const isNew = node.type === 'new_expression';
    const fn = isNew ? node.childForFieldName('constructor') : node.childForFieldName('function');
    const argsNode = node.childForFieldName('arguments');
    const callee = fn ? unwrap(fn) : null;
    if (callee) {
      if (callee.type === 'member_expression') {
        const obj = callee.childForFieldName('object');
        if (obj) this.visit(obj, ctx);
      } else if (callee.type !== 'identifier') this.visit(callee, ctx);
    }
    const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
    const label = callee ? `${isNew ? 'new ' : ''}${calleeText(callee)}`.slice(0, 120) : '';
    const firstArg = argsNode?.namedChildren.find((a) => a !== null && a.type !== 'comment');
    const eventRegistration =
      method !== undefined &&
      (PROMISE_REACTIONS.has(method) || (EMITTER_REGISTRATIONS.has(method) && firstArg !== undefined && stringValue(firstArg) !== undefined));
    const inPlace = method !== undefined && IN_PLACE_METHODS.has(method);
    const argCtx: Ctx = { scope: ctx.scope, depth: ctx.depth, inAwaitedCall: ctx.inAwaitedCall || awaited };
    const args: Argument[] = [];
    let index = 0;
    for (const a of argsNode?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'spread_element') {
        this.visit(a, argCtx);
        args.push({ kind: 'other', index: index++ });
        continue;
      }
      const position: ArgumentPosition = { callId: id, index };
      const passed: PassedAs = {
        position,
        ...(label ? { label } : {}),
        ...(eventRegistration ? { eventCallback: { line: node.startPosition.row + 1 } } : {}),
        ...(inPlace ? { inPlace: true } : {}),
      };
      const u = unwrap(a);
      if (u.type === 'object') {
        // An options object: its function-valued properties are callbacks, named by their key.
        this.lowerOptionsObject(u, argCtx, id, args);
        index++;
        continue;
      }
      args.push(this.lowerArgument(a, argCtx, passed));
      index++;
    }
    this.trackSyncXhr(callee, argsNode, ctx.scope);
    const facts = this.callFacts(callee, ctx.scope);
    this.model.calls.set(id, {
      id,
      functionId: ctx.scope.fnId,
      span: this.callSpan(node, callee),
      calleeText: label,
      callee: callee ? this.valueOf(callee, ctx.scope) : UNKNOWN(node.text),
      awaited,
      insideAwaitedCall: ctx.inAwaitedCall,
      args,
      ...(facts.length > 0 ? { facts } : {}),
    });
    return id;
  }

  private lowerOptionsObject(obj: Node, ctx: Ctx, callId: number, args: Argument[]): void {
    for (const p of obj.namedChildren) {
      if (!p) continue;
      if (p.type === 'pair') {
        const key = propertyName(p.childForFieldName('key'));
        const value = p.childForFieldName('value');
        if (!value) continue;
        if (key && isFunctionNode(unwrap(value))) {
          const functionId = this.lowerFunction(unwrap(value), ctx, { name: key, passed: { position: { callId, index: -1, keyword: key } } });
          args.push({ kind: 'function', functionId, index: -1, keyword: key });
        } else if (key && (unwrap(value).type === 'identifier' || unwrap(value).type === 'member_expression')) {
          this.visit(value, ctx);
          args.push({ kind: 'reference', ref: this.valueOf(value, ctx.scope), index: -1, keyword: key });
        } else this.visit(value, ctx);
      } else if (p.type === 'method_definition') {
        const key = propertyName(p.childForFieldName('name'));
        if (!key) continue;
        const functionId = this.lowerFunction(p, ctx, { name: key, passed: { position: { callId, index: -1, keyword: key } } });
        args.push({ kind: 'function', functionId, index: -1, keyword: key });
      } else if (p.type === 'shorthand_property_identifier') {
        args.push({ kind: 'reference', ref: this.lookup(p.text, ctx.scope), index: -1, keyword: p.text });
      } else this.visit(p, ctx);
    }
  }

  private lowerArgument(node: Node, ctx: Ctx, passed: PassedAs): Argument {
    const index = passed.position.index;
    const n = unwrap(node);
    if (isFunctionNode(n)) return { kind: 'function', functionId: this.lowerFunction(n, ctx, { passed }), index };
    if (n.type === 'call_expression' || n.type === 'new_expression') return { kind: 'call', callId: this.lowerCall(n, ctx, false), index };
    if (n.type === 'identifier' || n.type === 'member_expression') {
      this.visit(n, ctx);
      const ref = this.valueOf(n, ctx.scope);
      return ref.kind === 'unknown' ? { kind: 'other', index } : { kind: 'reference', ref, index };
    }
    const s = stringValue(n);
    if (s !== undefined) return { kind: 'literal', value: s, index };
    this.visit(n, ctx);
    const v = this.constant(n);
    if (v !== undefined) return { kind: 'literal', value: v, index };
    if (n.type === 'false' || n.type === 'true') return { kind: 'literal', value: n.type, index };
    return { kind: 'other', index };
  }

  /** `xhr.open(method, url, false)` makes the request synchronous: remember it for `send()`. */
  private trackSyncXhr(callee: Node | null, args: Node | null, scope: Scope): void {
    if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'open') return;
    const obj = callee.childForFieldName('object');
    const third = (args?.namedChildren ?? []).filter((a) => a !== null && a.type !== 'comment')[2];
    if (obj?.type === 'identifier' && third?.type === 'false') scope.syncXhr.add(obj.text);
  }

  private callFacts(callee: Node | null, scope: Scope): string[] {
    if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'send') return [];
    const obj = callee.childForFieldName('object');
    for (let s: Scope | undefined = scope; s && obj?.type === 'identifier'; s = s.parent) {
      if (s.syncXhr.has(obj.text)) return ['sync-xhr'];
    }
    return [];
  }

  private callSpan(node: Node, callee: Node | null): Span {
    if (callee?.type === 'member_expression') {
      const obj = callee.childForFieldName('object');
      const prop = callee.childForFieldName('property');
      if (obj && prop && (obj.endPosition.row !== prop.startPosition.row || obj.type === 'call_expression')) return spanBetween(prop, node);
    }
    return spanBetween(node.type === 'new_expression' ? node : (callee ?? node), node);
  }

  // ---- values ------------------------------------------------------------------------------------

  private lookup(name: string, scope: Scope): ValueRef {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    const mod = this.moduleVars.get(name);
    if (mod) return mod;
    if (GLOBALS.has(name)) return named(`globalThis.${name}`);
    return UNKNOWN(name);
  }

  private valueOf(node: Node, scope: Scope): ValueRef {
    const n = unwrap(node);
    switch (n.type) {
      case 'identifier':
        return this.lookup(n.text, scope);
      case 'this':
        return scope.thisClass ? { kind: 'instance', type: named(scope.thisClass) } : UNKNOWN('this');
      case 'member_expression': {
        const obj = n.childForFieldName('object');
        const prop = n.childForFieldName('property')?.text;
        if (!obj || !prop) return UNKNOWN(n.text);
        return attributeOf(this.valueOf(obj, scope), prop);
      }
      case 'subscript_expression': {
        const obj = n.childForFieldName('object');
        return obj ? { kind: 'item', of: this.valueOf(obj, scope) } : UNKNOWN(n.text);
      }
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        if (!fn) return UNKNOWN(n.text);
        // `require('fs')` is the module itself.
        if (isRequireCall(n)) {
          const spec = n.childForFieldName('arguments')?.namedChild(0);
          const s = spec ? stringValue(spec) : undefined;
          if (s !== undefined) return named(resolveSpecifier(this.path, s, this.aliases));
        }
        return { kind: 'result', of: this.valueOf(fn, scope) };
      }
      case 'new_expression': {
        const c = n.childForFieldName('constructor');
        return c ? { kind: 'result', of: this.valueOf(c, scope) } : UNKNOWN(n.text);
      }
      case 'await_expression':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0) as Node, scope) : UNKNOWN(n.text);
      default:
        return UNKNOWN(n.text);
    }
  }

  /** The value of a constant numeric expression (`1e7`, `10_000 * 1000`, `LIMIT`). */
  private constant(node: Node | null, depth = 0): number | undefined {
    if (!node || depth > 20) return undefined;
    const n = unwrap(node);
    switch (n.type) {
      case 'number':
        return parseNumber(n.text);
      case 'identifier':
        return this.constants.get(n.text);
      case 'unary_expression': {
        const v = this.constant(n.childForFieldName('argument'), depth + 1);
        const op = n.childForFieldName('operator')?.text;
        return v === undefined ? undefined : op === '-' ? -v : op === '+' ? v : undefined;
      }
      case 'binary_expression': {
        const a = this.constant(n.childForFieldName('left'), depth + 1);
        const b = this.constant(n.childForFieldName('right'), depth + 1);
        if (a === undefined || b === undefined) return undefined;
        return arithmetic(n.childForFieldName('operator')?.text, a, b);
      }
      default:
        return undefined;
    }
  }

  // ---- bookkeeping -------------------------------------------------------------------------------

  /**
   * A worker thread's script (it takes `parentPort` or `workerData` from `worker_threads`) runs on
   * its own thread and event loop: blocking there does not stall the main loop.
   */
  private workerRole(): RoleMark | undefined {
    const usesWorkerApi = this.model.bindings.some(
      (b) => b.value.kind === 'name' && /^worker_threads\.(parentPort|workerData)$/.test(b.value.qname),
    );
    return usesWorkerApi ? { role: 'worker', reason: 'a worker thread script (uses worker_threads parentPort or workerData)' } : undefined;
  }

  private result(): FileModel {
    return this.model.build({
      path: this.path,
      ecosystem: 'node',
      modules: this.modules,
      role: this.fileRole ?? this.workerRole() ?? this.clientRole,
      starExports: this.starExports,
    });
  }
}

function isFunctionNode(n: Node): boolean {
  return (
    n.type === 'arrow_function' ||
    n.type === 'function_expression' ||
    n.type === 'function' ||
    n.type === 'generator_function'
  );
}

function isRequireCall(n: Node): boolean {
  if (n.type !== 'call_expression') return false;
  const fn = n.childForFieldName('function');
  const arg = n.childForFieldName('arguments')?.namedChild(0);
  return fn?.type === 'identifier' && fn.text === 'require' && arg !== null && arg !== undefined && stringValue(arg) !== undefined;
}

function propertyName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return stringValue(node);
  if (node.type === 'computed_property_name') return undefined;
  return node.text;
}
