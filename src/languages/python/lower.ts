// Lowers a Python syntax tree into the shared model: functions, calls, loops, bindings, classes.
//
// Names are resolved lexically, as far as one file allows: imports and aliases become qualified
// names (`from fxrates import client as fx` makes `fx.fetch_rates` `fxrates.client.fetch_rates`),
// locals carry the value they were assigned (`conn = sqlite3.connect(p)`), and annotated
// parameters their declared type. The analysis resolves the rest across the repository.

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
import { PYTHON_BUILTINS } from './builtins.js';
import { evaluateConstant, rangeIterations } from './constants.js';
import { isPackageInit, moduleNamesForPath, resolveRelativeModule } from './modules.js';

const UNKNOWN = (text: string): ValueRef => ({ kind: 'unknown', text: text.slice(0, 80) });
const named = (qname: string): ValueRef => ({ kind: 'name', qname });

/** Attribute access on a value: a qualified name grows, anything else becomes a member. */
function attributeOf(of: ValueRef, name: string): ValueRef {
  return of.kind === 'name' ? named(`${of.qname}.${name}`) : { kind: 'member', of, name };
}

interface Scope {
  readonly fnId: number;
  readonly vars: Map<string, ValueRef>;
  readonly parent: Scope | undefined;
  /** Prefix of qualified names for functions defined here. */
  readonly qprefix: string;
  /** The class whose methods are being defined, when this is a class body. */
  readonly classQname?: string;
  /** The name of the receiver parameter (`self`) inside a method. */
  readonly selfName?: string;
  readonly selfClass?: string;
}

interface Ctx {
  readonly scope: Scope;
  readonly depth: number;
  /** Calls lowered under this context are arguments of an awaited call. */
  readonly inAwaitedCall: boolean;
}


function unwrapParens(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0) ?? n;
  return n;
}

function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const parts = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'string_content');
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return parts.map((p) => p.text).join('');
}

/** The callee as a reader would name it: `_conn.execute().fetchone`, arguments left out. */
function calleeText(node: Node, depth = 0): string {
  if (depth > 30) return '…';
  switch (node.type) {
    case 'identifier':
      return node.text;
    case 'attribute': {
      const obj = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute')?.text ?? '';
      return `${obj ? calleeText(obj, depth + 1) : '…'}.${attr}`;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      return `${fn ? calleeText(fn, depth + 1) : '…'}()`;
    }
    case 'subscript': {
      const v = node.childForFieldName('value');
      return `${v ? calleeText(v, depth + 1) : '…'}[]`;
    }
    case 'parenthesized_expression':
      return node.namedChild(0) ? calleeText(node.namedChild(0) as Node, depth + 1) : '…';
    case 'await':
      return node.namedChild(0) ? `await ${calleeText(node.namedChild(0) as Node, depth + 1)}` : '…';
    default:
      return node.text.length <= 20 && !node.text.includes('\n') ? node.text : '…';
  }
}

function isMainGuard(node: Node): boolean {
  const cond = node.childForFieldName('condition');
  if (!cond || cond.type !== 'comparison_operator') return false;
  const parts = cond.namedChildren.filter((c): c is Node => c !== null);
  if (parts.length !== 2) return false;
  const texts = parts.map((p) => (p.type === 'string' ? stringValue(p) : p.text));
  return texts.includes('__name__') && texts.includes('__main__');
}

export class PythonLowering {
  private readonly model = new ModelBuilder();
  private readonly moduleVars = new Map<string, ValueRef>();
  private readonly constants = new Map<string, number>();
  private readonly starImports: string[] = [];
  private readonly modules: string[];
  private readonly module: string;
  private readonly isInit: boolean;

  constructor(
    private readonly path: string,
    private readonly fileRole: RoleMark | undefined,
  ) {
    this.modules = moduleNamesForPath(path);
    this.module = this.modules[0] ?? path;
    this.isInit = isPackageInit(path);
  }

  lower(tree: Tree): FileModel {
    const root = tree.rootNode;
    const moduleFn = this.model.addFunction({
      parent: null,
      kind: 'module',
      name: '<module>',
      isAsync: false,
      span: spanOf(root),
      headerLine: 1,
      decorators: [],
    });
    const scope: Scope = { fnId: moduleFn, vars: new Map(), parent: undefined, qprefix: this.module };
    this.collectModuleNames(root);
    this.visitBlock(root, { scope, depth: 0, inAwaitedCall: false });
    this.model.reportSyntaxErrors(root);
    return this.result();
  }

  // ---- module-level names (first pass) -------------------------------------------------------

  /** Names defined at module level, so that functions can refer to names defined below them. */
  private collectModuleNames(node: Node): void {
    for (const stmt of node.namedChildren) {
      if (!stmt) continue;
      switch (stmt.type) {
        case 'function_definition':
        case 'class_definition': {
          const name = stmt.childForFieldName('name')?.text;
          if (name) this.moduleVars.set(name, named(`${this.module}.${name}`));
          break;
        }
        case 'decorated_definition': {
          const def = stmt.childForFieldName('definition');
          const name = def?.childForFieldName('name')?.text;
          if (name) this.moduleVars.set(name, named(`${this.module}.${name}`));
          break;
        }
        case 'expression_statement': {
          const assign = stmt.namedChild(0);
          if (assign?.type === 'assignment') {
            const left = assign.childForFieldName('left');
            if (left?.type === 'identifier') {
              this.moduleVars.set(left.text, named(`${this.module}.${left.text}`));
              const value = evaluateConstant(assign.childForFieldName('right'), this.constants);
              if (value !== undefined) this.constants.set(left.text, value);
            }
          }
          break;
        }
        case 'if_statement':
        case 'try_statement':
        case 'with_statement':
        case 'block':
        case 'else_clause':
        case 'elif_clause':
        case 'except_clause':
        case 'finally_clause':
          this.collectModuleNames(stmt);
          break;
        default:
          break;
      }
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  private visitBlock(node: Node, ctx: Ctx): void {
    for (const child of node.namedChildren) if (child) this.visit(child, ctx);
  }

  private visit(node: Node, ctx: Ctx): void {
    if (this.model.tooDeep(node, ctx.depth)) return;
    // Written out rather than spread: V8 copies a spread object far more slowly on this hot path.
    const inner: Ctx = { scope: ctx.scope, depth: ctx.depth + 1, inAwaitedCall: ctx.inAwaitedCall };
    switch (node.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        this.lowerImport(node, ctx.scope);
        return;
      case 'function_definition':
        this.lowerFunction(node, [], inner);
        return;
      case 'decorated_definition':
        this.lowerDecorated(node, inner);
        return;
      case 'class_definition':
        this.lowerClass(node, inner);
        return;
      case 'assignment':
        this.lowerAssignment(node, inner);
        return;
      case 'with_statement':
        this.lowerWith(node, inner);
        return;
      case 'for_statement':
        this.lowerFor(node, inner);
        return;
      case 'while_statement':
        this.lowerWhile(node, inner);
        return;
      case 'if_statement':
        if (ctx.scope.parent === undefined && this.model.functions[ctx.scope.fnId]?.kind === 'module' && isMainGuard(node)) {
          this.lowerMainGuard(node, inner);
          return;
        }
        this.visitBlock(node, inner);
        return;
      case 'call':
        this.lowerCall(node, inner, false);
        return;
      case 'await':
        this.recordSuspension(node, ctx.scope);
        this.visitAwaited(node.namedChild(0), inner);
        return;
      case 'yield':
        this.recordSuspension(node, ctx.scope);
        this.visitBlock(node, inner);
        return;
      case 'lambda':
        this.lowerLambda(node, inner, undefined);
        return;
      case 'for_in_clause':
        this.lowerComprehensionFor(node, inner);
        return;
      case 'comment':
      case 'string':
      case 'integer':
      case 'float':
      case 'identifier':
        if (node.type === 'string') this.visitBlock(node, inner);
        return;
      default:
        this.visitBlock(node, inner);
    }
  }

  /** `await x`: a call directly under the await is awaited. */
  private visitAwaited(node: Node | null, ctx: Ctx): void {
    if (!node) return;
    const target = unwrapParens(node);
    if (target.type === 'call') this.lowerCall(target, ctx, true);
    else this.visit(target, ctx);
  }

  private recordSuspension(node: Node, scope: Scope): void {
    this.model.suspendAt(scope.fnId, node.startIndex);
  }

  // ---- imports ---------------------------------------------------------------------------------

  private lowerImport(node: Node, scope: Scope): void {
    const atModule = scope.parent === undefined;
    if (atModule) for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) this.model.importLines.add(l);
    const bind = (local: string, target: string): void => {
      const ref = named(target);
      if (atModule) {
        this.moduleVars.set(local, ref);
        this.model.bindings.push({ name: local, qname: `${this.module}.${local}`, value: ref, line: node.startPosition.row + 1 });
      } else scope.vars.set(local, ref);
    };
    if (node.type === 'import_statement') {
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') {
          const target = n.childForFieldName('name')?.text;
          const alias = n.childForFieldName('alias')?.text;
          if (target && alias) bind(alias, target);
        } else {
          // `import a.b.c` binds `a`; `a.b.c` then grows from it.
          const root = n.text.split('.')[0];
          if (root) bind(root, root);
        }
      }
      return;
    }
    if (node.type === 'future_import_statement') return;
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) return;
    let from: string;
    if (moduleNode.type === 'relative_import') {
      const prefix = moduleNode.namedChildren.find((c) => c?.type === 'import_prefix')?.text ?? '.';
      const rest = moduleNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
      from = resolveRelativeModule(this.module, this.isInit, prefix.length, rest);
    } else from = moduleNode.text;
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      this.starImports.push(from);
      return;
    }
    for (const n of node.childrenForFieldName('name')) {
      if (!n) continue;
      if (n.type === 'aliased_import') {
        const target = n.childForFieldName('name')?.text;
        const alias = n.childForFieldName('alias')?.text;
        if (target && alias) bind(alias, from ? `${from}.${target}` : target);
      } else bind(n.text, from ? `${from}.${n.text}` : n.text);
    }
  }

  // ---- definitions -----------------------------------------------------------------------------

  private lowerDecorated(node: Node, ctx: Ctx, passedTo?: ArgumentPosition): void {
    const decorators: Decorator[] = [];
    for (const d of node.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const expr = d.namedChild(0);
      if (!expr) continue;
      decorators.push(this.lowerDecorator(expr, ctx));
    }
    const def = node.childForFieldName('definition');
    if (!def) return;
    if (def.type === 'class_definition') this.lowerClass(def, ctx);
    else if (def.type === 'function_definition') this.lowerFunction(def, decorators, ctx, passedTo, node);
  }

  private lowerDecorator(expr: Node, ctx: Ctx): Decorator {
    const target = unwrapParens(expr);
    if (target.type === 'call') {
      const fn = target.childForFieldName('function');
      const args = target.childForFieldName('arguments');
      const stringArgs: string[] = [];
      for (const a of args?.namedChildren ?? []) {
        const v = a && (a.type === 'keyword_argument' ? a.childForFieldName('value') : a);
        const s = v ? stringValue(v) : undefined;
        if (s !== undefined) stringArgs.push(s);
      }
      return { ref: fn ? this.valueOf(fn, ctx.scope) : UNKNOWN(expr.text), text: expr.text, called: true, stringArgs };
    }
    return { ref: this.valueOf(target, ctx.scope), text: expr.text, called: false, stringArgs: [] };
  }

  /** `outer` is the decorated definition, whose span (decorators included) the function takes. */
  private lowerFunction(node: Node, decorators: Decorator[], ctx: Ctx, passedTo?: ArgumentPosition, outer?: Node): void {
    const name = node.childForFieldName('name')?.text ?? '<anonymous>';
    const scope = ctx.scope;
    const isAsync = hasToken(node, 'async');
    const isMethod = scope.classQname !== undefined;
    const qname = isMethod ? `${scope.classQname}.${name}` : `${scope.qprefix}.${name}`;
    const returnType = node.childForFieldName('return_type');
    const returns = returnType ? this.annotationType(returnType, scope) : undefined;
    const id = this.model.addFunction({
      parent: scope.fnId,
      kind: isMethod ? 'method' : 'function',
      name,
      qname,
      isAsync,
      ...(isAsync ? { asyncOrigin: 'keyword' as const, asyncLine: node.startPosition.row + 1 } : {}),
      span: spanOf(outer ?? node),
      headerLine: (node.childForFieldName('name') ?? node).startPosition.row + 1,
      ...(isMethod && scope.classQname ? { classQname: scope.classQname } : {}),
      decorators,
      ...(passedTo ? { passedTo } : {}),
      ...(returns ? { returns } : {}),
    });
    // Default values are evaluated where the function is defined (`db=Depends(get_db)`).
    for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
      const value = p && (p.type === 'default_parameter' || p.type === 'typed_default_parameter') ? p.childForFieldName('value') : null;
      if (value) this.visit(value, ctx);
    }
    // A nested def is callable by name from the enclosing function.
    if (scope.parent !== undefined && !isMethod) scope.vars.set(name, named(qname));
    const isStatic = decorators.some((d) => d.text === 'staticmethod');
    const fnScope: Scope = {
      fnId: id,
      vars: new Map(),
      parent: isMethod ? this.enclosingFunctionScope(scope) : scope,
      qprefix: qname,
      ...(isMethod && !isStatic && scope.classQname ? { selfClass: scope.classQname } : {}),
    };
    const selfName = this.bindParameters(node.childForFieldName('parameters'), fnScope, isMethod && !isStatic ? scope.classQname : undefined);
    const bodyScope: Scope = selfName && fnScope.selfClass ? { ...fnScope, selfName } : fnScope;
    const body = node.childForFieldName('body');
    if (body) this.visitBlock(body, { scope: bodyScope, depth: ctx.depth + 1, inAwaitedCall: false });
  }

  /** Class bodies do not enclose their methods in Python: methods see the scope around the class. */
  private enclosingFunctionScope(scope: Scope): Scope | undefined {
    let s: Scope | undefined = scope;
    while (s && s.classQname !== undefined) s = s.parent;
    return s;
  }

  /** Binds parameters in `scope`; returns the receiver's name (`self`) for methods. */
  private bindParameters(params: Node | null, scope: Scope, selfClass: string | undefined): string | undefined {
    let receiver: string | undefined;
    let first = true;
    for (const p of params?.namedChildren ?? []) {
      if (!p) continue;
      let nameNode: Node | null = null;
      let typeNode: Node | null = null;
      switch (p.type) {
        case 'identifier':
          nameNode = p;
          break;
        case 'typed_parameter':
          nameNode = p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
          typeNode = p.childForFieldName('type');
          break;
        case 'default_parameter':
          nameNode = p.childForFieldName('name');
          break;
        case 'typed_default_parameter':
          nameNode = p.childForFieldName('name');
          typeNode = p.childForFieldName('type');
          break;
        default:
          break;
      }
      if (!nameNode) {
        first = false;
        continue;
      }
      const name = nameNode.text;
      if (first && selfClass) {
        receiver = name;
        scope.vars.set(name, { kind: 'instance', type: named(selfClass) });
      } else if (typeNode) {
        scope.vars.set(name, this.annotationType(typeNode, scope) ?? UNKNOWN(name));
      } else scope.vars.set(name, UNKNOWN(name));
      first = false;
    }
    return receiver;
  }

  /** The type an annotation declares, as an instance: `Optional[X]`, `X | None` and `"X"` give X. */
  private annotationType(node: Node, scope: Scope): ValueRef | undefined {
    let t = node.type === 'type' ? node.namedChild(0) : node;
    for (let guard = 0; t && guard < 5; guard++) {
      if (t.type === 'binary_operator') {
        const left = t.childForFieldName('left');
        const right = t.childForFieldName('right');
        t = left?.text === 'None' ? right : left;
        continue;
      }
      if (t.type === 'subscript' || t.type === 'generic_type') {
        const base = t.type === 'subscript' ? t.childForFieldName('value') : t.namedChild(0);
        const baseName = base?.text.split('.').pop();
        if (baseName === 'Optional' || baseName === 'Annotated') {
          const inner = t.type === 'subscript' ? t.childForFieldName('subscript') : t.namedChild(1)?.namedChild(0);
          t = inner ?? null;
          continue;
        }
        t = base ?? null;
        continue;
      }
      if (t.type === 'type') {
        t = t.namedChild(0);
        continue;
      }
      break;
    }
    if (!t || (t.type !== 'identifier' && t.type !== 'attribute')) return undefined;
    if (t.text === 'None') return undefined;
    return { kind: 'instance', type: this.valueOf(t, scope) };
  }

  private lowerClass(node: Node, ctx: Ctx): void {
    const name = node.childForFieldName('name')?.text ?? '<class>';
    const scope = ctx.scope;
    const qname = scope.classQname ? `${scope.classQname}.${name}` : `${scope.qprefix}.${name}`;
    const bases: ValueRef[] = [];
    for (const b of node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (b && (b.type === 'identifier' || b.type === 'attribute')) bases.push(this.valueOf(b, scope));
    }
    const attributes: { name: string; value: ValueRef }[] = [];
    this.model.classAttributes.set(qname, attributes);
    const classScope: Scope = { fnId: scope.fnId, vars: new Map(), parent: scope, qprefix: qname, classQname: qname };
    const body = node.childForFieldName('body');
    if (body) this.visitBlock(body, { ...ctx, scope: classScope });
    this.model.classes.push({ name, qname, bases, attributes, span: spanOf(node) });
  }

  private lowerLambda(node: Node, ctx: Ctx, passedTo: ArgumentPosition | undefined): number {
    const id = this.model.addFunction({
      parent: ctx.scope.fnId,
      kind: 'lambda',
      name: '<lambda>',
      isAsync: false,
      span: spanOf(node),
      headerLine: node.startPosition.row + 1,
      decorators: [],
      ...(passedTo ? { passedTo } : {}),
    });
    const scope: Scope = { fnId: id, vars: new Map(), parent: ctx.scope, qprefix: `${ctx.scope.qprefix}.<lambda>` };
    for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
      const n = p?.type === 'identifier' ? p : p?.childForFieldName('name');
      if (n) scope.vars.set(n.text, UNKNOWN(n.text));
    }
    const body = node.childForFieldName('body');
    if (body) this.visit(body, { scope, depth: ctx.depth + 1, inAwaitedCall: false });
    return id;
  }

  private lowerMainGuard(node: Node, ctx: Ctx): void {
    const id = this.model.addFunction({
      parent: ctx.scope.fnId,
      kind: 'block',
      name: '<main>',
      isAsync: false,
      span: spanOf(node),
      headerLine: node.startPosition.row + 1,
      decorators: [],
      role: { role: 'script', reason: 'if __name__ == "__main__" block' },
    });
    const scope: Scope = { ...ctx.scope, fnId: id };
    this.visitBlock(node, { ...ctx, scope });
  }

  // ---- assignments and scopes ------------------------------------------------------------------

  private lowerAssignment(node: Node, ctx: Ctx): void {
    const right = node.childForFieldName('right');
    const typeNode = node.childForFieldName('type');
    if (right) this.visit(right, ctx);
    const left = node.childForFieldName('left');
    if (!left) return;
    const declared = typeNode ? this.annotationType(typeNode, ctx.scope) : undefined;
    const value = declared ?? (right ? this.valueOf(right, ctx.scope) : UNKNOWN(left.text));
    this.assign(left, value, ctx);
  }

  private assign(target: Node, value: ValueRef, ctx: Ctx): void {
    const scope = ctx.scope;
    if (target.type === 'identifier') {
      const name = target.text;
      if (scope.classQname !== undefined) {
        this.model.classAttributes.get(scope.classQname)?.push({ name, value });
        return;
      }
      if (scope.parent === undefined) {
        this.model.bindings.push({ name, qname: `${this.module}.${name}`, value, line: target.startPosition.row + 1 });
        return;
      }
      scope.vars.set(name, value);
      return;
    }
    if (target.type === 'attribute') {
      const obj = target.childForFieldName('object');
      const attr = target.childForFieldName('attribute')?.text;
      if (obj?.type === 'identifier' && attr && scope.selfName === obj.text && scope.selfClass) {
        this.model.classAttributes.get(scope.selfClass)?.push({ name: attr, value });
      }
      return;
    }
    if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') {
      for (const t of target.namedChildren) if (t) this.assign(t, UNKNOWN(t.text), ctx);
    }
  }

  private bindTargets(target: Node | null, value: ValueRef, scope: Scope): void {
    if (!target) return;
    if (target.type === 'identifier') {
      if (scope.parent !== undefined || scope.classQname !== undefined) scope.vars.set(target.text, value);
      return;
    }
    for (const t of target.namedChildren) if (t) this.bindTargets(t, UNKNOWN(t.text), scope);
  }

  private lowerWith(node: Node, ctx: Ctx): void {
    const isAsync = hasToken(node, 'async');
    if (isAsync) this.recordSuspension(node, ctx.scope);
    const clause = node.namedChildren.find((c) => c?.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      if (item?.type !== 'with_item') continue;
      const value = item.childForFieldName('value');
      if (!value) continue;
      let expr: Node = value;
      let alias: Node | null = null;
      if (value.type === 'as_pattern') {
        expr = value.namedChild(0) ?? value;
        alias = value.childForFieldName('alias')?.namedChild(0) ?? null;
      }
      const target = unwrapParens(expr);
      if (isAsync && target.type === 'call') this.lowerCall(target, ctx, true);
      else this.visit(target, ctx);
      // `with open(p) as fh`: the context manager's `__enter__` returns itself for the APIs we follow.
      if (alias) this.bindTargets(alias, this.valueOf(target, ctx.scope), ctx.scope);
    }
    const body = node.childForFieldName('body');
    if (body) this.visitBlock(body, ctx);
  }

  // ---- loops -----------------------------------------------------------------------------------

  private lowerFor(node: Node, ctx: Ctx): void {
    const isAsync = hasToken(node, 'async');
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    const body = node.childForFieldName('body');
    if (right) {
      const target = unwrapParens(right);
      if (isAsync && target.type === 'call') this.lowerCall(target, ctx, true);
      else this.visit(target, ctx);
    }
    this.bindTargets(left, UNKNOWN(left?.text ?? ''), ctx.scope);
    this.pushLoop({
      node,
      header: spanBetween(node, right ?? left ?? node),
      headerText: this.headerText(node, right ?? left ?? node),
      body,
      kind: 'for',
      ctx,
      iterations: right ? this.rangeBound(right, ctx.scope) : undefined,
      suspends: isAsync,
    });
    if (body) this.visitBlock(body, ctx);
    const alt = node.childForFieldName('alternative');
    if (alt) this.visitBlock(alt, ctx);
  }

  /** `[f(x) for x in range(N)]`: the clause is the loop's header, the comprehension its extent. */
  private lowerComprehensionFor(node: Node, ctx: Ctx): void {
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    if (right) this.visit(right, ctx);
    this.bindTargets(left, UNKNOWN(left?.text ?? ''), ctx.scope);
    const comprehension = node.parent ?? node;
    this.pushLoop({
      node: comprehension,
      header: spanOf(node),
      headerText: this.headerText(node, node),
      body: comprehension,
      kind: 'for',
      ctx,
      iterations: right ? this.rangeBound(right, ctx.scope) : undefined,
      suspends: hasToken(node, 'async'),
    });
  }

  private lowerWhile(node: Node, ctx: Ctx): void {
    const cond = node.childForFieldName('condition');
    const body = node.childForFieldName('body');
    const before = this.model.nextCallId;
    if (cond) this.visit(cond, ctx);
    const conditionCallIds: number[] = [];
    for (let id = before; id < this.model.nextCallId; id++) conditionCallIds.push(id);
    const c = cond ? unwrapParens(cond) : null;
    this.pushLoop({
      node,
      header: spanBetween(node, cond ?? node),
      headerText: this.headerText(node, cond ?? node),
      body,
      kind: 'while',
      ctx,
      conditionCallIds,
      infinite: c !== null && (c.type === 'true' || (c.type === 'integer' && c.text !== '0')),
    });
    if (body) this.visitBlock(body, ctx);
  }

  /** The loop header as written, from its keyword to the end of `last`, whitespace collapsed. */
  private headerText(node: Node, last: Node): string {
    const text = node.text.slice(0, Math.max(0, last.endIndex - node.startIndex));
    return text.replace(/\s+/g, ' ').trim().slice(0, 120);
  }

  private rangeBound(iterable: Node, scope: Scope): number | undefined {
    const it = unwrapParens(iterable);
    if (it.type !== 'call') return undefined;
    const fn = it.childForFieldName('function');
    if (!fn || fn.type !== 'identifier' || fn.text !== 'range' || this.lookup('range', scope).kind !== 'name') return undefined;
    const args = (it.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null);
    if (args.length === 0 || args.some((a) => a.type === 'keyword_argument' || a.type === 'list_splat')) return undefined;
    return rangeIterations(args, this.constants);
  }

  private pushLoop(l: {
    node: Node;
    header: Span;
    headerText: string;
    body: Node | null;
    kind: 'for' | 'while';
    ctx: Ctx;
    iterations?: number | undefined;
    conditionCallIds?: number[];
    infinite?: boolean;
    suspends?: boolean;
  }): void {
    const body = l.body ?? l.node;
    this.model.loops.push({
      loop: {
        functionId: l.ctx.scope.fnId,
        kind: l.kind,
        span: spanOf(l.node),
        headerSpan: l.header,
        headerText: l.headerText,
        ...(l.iterations !== undefined ? { constantIterations: l.iterations } : {}),
        conditionCallIds: l.conditionCallIds ?? [],
        infinite: l.infinite ?? false,
      },
      bodyStart: body.startIndex,
      bodyEnd: body.endIndex,
      forceSuspends: l.suspends ?? false,
    });
  }

  // ---- calls -----------------------------------------------------------------------------------

  private lowerCall(node: Node, ctx: Ctx, awaited: boolean): number {
    const id = this.model.nextCallId++;
    const fn = node.childForFieldName('function');
    const argsNode = node.childForFieldName('arguments');
    // The callee's own subexpressions run first (`a.b(x).c()` lowers `a.b(x)` too).
    if (fn) {
      const callee = unwrapParens(fn);
      if (callee.type === 'attribute') {
        const obj = callee.childForFieldName('object');
        if (obj) this.visit(obj, ctx);
      } else if (callee.type !== 'identifier') this.visit(callee, ctx);
    }
    const argCtx: Ctx = { scope: ctx.scope, depth: ctx.depth, inAwaitedCall: ctx.inAwaitedCall || awaited };
    const args: Argument[] = [];
    let index = 0;
    for (const a of argsNode?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const keyword = a.childForFieldName('name')?.text ?? '';
        const value = a.childForFieldName('value');
        if (value) args.push(this.lowerArgument(value, argCtx, { callId: id, index: -1, keyword }));
        continue;
      }
      if (a.type === 'list_splat' || a.type === 'dictionary_splat') {
        this.visit(a, argCtx);
        args.push({ kind: 'other', index: index++ });
        continue;
      }
      args.push(this.lowerArgument(a, argCtx, { callId: id, index: index++ }));
    }
    const callee = fn ? this.valueOf(fn, ctx.scope) : UNKNOWN(node.text);
    this.model.calls.set(id, {
      id,
      functionId: ctx.scope.fnId,
      span: this.callSpan(node, fn),
      calleeText: fn ? calleeText(fn).slice(0, 120) : '',
      callee,
      awaited,
      insideAwaitedCall: ctx.inAwaitedCall,
      args,
    });
    return id;
  }

  private lowerArgument(node: Node, ctx: Ctx, pos: ArgumentPosition): Argument {
    const keyword = pos.keyword !== undefined ? { keyword: pos.keyword } : {};
    const index = pos.index;
    const n = unwrapParens(node);
    switch (n.type) {
      case 'lambda':
        return { kind: 'function', functionId: this.lowerLambda(n, ctx, pos), index, ...keyword };
      case 'call':
        return { kind: 'call', callId: this.lowerCall(n, ctx, false), index, ...keyword };
      case 'await':
        this.visit(n, ctx);
        return { kind: 'other', index, ...keyword };
      case 'identifier':
      case 'attribute': {
        this.visit(n, ctx);
        const ref = this.valueOf(n, ctx.scope);
        return ref.kind === 'unknown' ? { kind: 'other', index, ...keyword } : { kind: 'reference', ref, index, ...keyword };
      }
      case 'integer':
      case 'float': {
        const v = evaluateConstant(n, this.constants);
        return v === undefined ? { kind: 'other', index, ...keyword } : { kind: 'literal', value: v, index, ...keyword };
      }
      case 'string': {
        this.visit(n, ctx);
        const s = stringValue(n);
        return s === undefined ? { kind: 'other', index, ...keyword } : { kind: 'literal', value: s, index, ...keyword };
      }
      default: {
        this.visit(n, ctx);
        const v = evaluateConstant(n, this.constants);
        return v === undefined ? { kind: 'other', index, ...keyword } : { kind: 'literal', value: v, index, ...keyword };
      }
    }
  }

  /**
   * Where a finding on this call is reported: from the callee to the end of the call, except for a
   * chain split over lines (`client.table(x)\n    .select()`), which starts at the method's name.
   */
  private callSpan(node: Node, fn: Node | null): Span {
    if (fn?.type === 'attribute') {
      const obj = fn.childForFieldName('object');
      const attr = fn.childForFieldName('attribute');
      if (obj && attr && (obj.endPosition.row !== attr.startPosition.row || obj.type === 'call')) return spanBetween(attr, node);
    }
    return spanBetween(fn ?? node, node);
  }

  // ---- values ----------------------------------------------------------------------------------

  private lookup(name: string, scope: Scope): ValueRef {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.classQname !== undefined && s !== scope) continue;
      const v = s.vars.get(name);
      if (v) return v;
    }
    const mod = this.moduleVars.get(name);
    if (mod) return mod;
    if (PYTHON_BUILTINS.has(name)) return named(`builtins.${name}`);
    const star = this.starImports[0];
    if (star) return named(`${star}.${name}`);
    return UNKNOWN(name);
  }

  /** The symbolic value of an expression. */
  private valueOf(node: Node, scope: Scope): ValueRef {
    const n = unwrapParens(node);
    switch (n.type) {
      case 'identifier':
        return this.lookup(n.text, scope);
      case 'attribute': {
        const obj = n.childForFieldName('object');
        const attr = n.childForFieldName('attribute')?.text;
        if (!obj || !attr) return UNKNOWN(n.text);
        return attributeOf(this.valueOf(obj, scope), attr);
      }
      case 'call': {
        const fn = n.childForFieldName('function');
        return fn ? { kind: 'result', of: this.valueOf(fn, scope) } : UNKNOWN(n.text);
      }
      case 'subscript': {
        const v = n.childForFieldName('value');
        return v ? { kind: 'item', of: this.valueOf(v, scope) } : UNKNOWN(n.text);
      }
      case 'await':
        return n.namedChild(0) ? this.valueOf(n.namedChild(0) as Node, scope) : UNKNOWN(n.text);
      case 'binary_operator': {
        // `base / "name"` on paths: the operator is a method of the left operand.
        const op = n.childForFieldName('operator')?.text;
        const left = n.childForFieldName('left');
        if (op === '/' && left) return { kind: 'result', of: attributeOf(this.valueOf(left, scope), '__truediv__') };
        return UNKNOWN(n.text);
      }
      default:
        return UNKNOWN(n.text);
    }
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  private result(): FileModel {
    return this.model.build({
      path: this.path,
      ecosystem: 'python',
      modules: this.modules,
      role: this.fileRole,
      starExports: this.starImports,
    });
  }
}
