// The shared, language-neutral model that every language adapter lowers a syntax tree into.
//
// The analysis reads only these types. A name in the model is a *qualified name*: a dotted path
// from a module root (`requests.get`, `app.geo.country_for_ip`, `std::fs::read` is lowered to
// `std.fs.read`), so that the repository's own definitions, the knowledge catalog and third-party
// code all meet in one namespace.

/** A source range, 1-based lines and columns, end inclusive of the last character's column + 1. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * A symbolic value: where a callee, receiver or variable comes from, as far as the adapter can
 * tell from one file. The analysis resolves it against the repository and the catalog.
 */
export type ValueRef =
  /** A qualified name: a module, or a function, class or variable inside one. */
  | { readonly kind: 'name'; readonly qname: string }
  /** The value returned by calling `of` (an instance when `of` is a class). */
  | { readonly kind: 'result'; readonly of: ValueRef }
  /** An attribute or method of a value that is not a module (`conn.execute`). */
  | { readonly kind: 'member'; readonly of: ValueRef; readonly name: string }
  /** An element of a value (`client["shop"]`). */
  | { readonly kind: 'item'; readonly of: ValueRef }
  /** A value declared to be an instance of a type (a parameter annotation). */
  | { readonly kind: 'instance'; readonly type: ValueRef }
  /** A value whose origin the adapter cannot see (an unannotated parameter, a loop variable). */
  | { readonly kind: 'unknown'; readonly text: string };

/** What a file is for, when that takes it out of the rule's reach (SPEC §3). */
export type Role = 'test' | 'script' | 'startup' | 'threadpool' | 'worker' | 'browser';

/** A role, with the evidence for it. */
export interface RoleMark {
  readonly role: Role;
  readonly reason: string;
}

/** How a function came to be asynchronous. */
export type AsyncOrigin =
  /** Declared with the language's async keyword (`async def`, `async fn`, `async function`). */
  | 'keyword'
  /** Passed as a callback that the runtime runs on the event loop (Express handler, `.then`). */
  | 'callback';

export type FunctionKind = 'module' | 'function' | 'method' | 'lambda' | 'block';

/** A function, method, lambda or async block, or the pseudo-function of a module's top-level code. */
export interface FunctionModel {
  readonly id: number;
  /** Index of the lexically enclosing function; null for the module pseudo-function. */
  readonly parent: number | null;
  readonly kind: FunctionKind;
  /** The name as written, `<lambda>` for anonymous functions, `<module>` for top-level code. */
  readonly name: string;
  /** Qualified name under which other code can call it; absent for lambdas and nested blocks. */
  readonly qname?: string;
  readonly isAsync: boolean;
  /** How it became async, when it is. */
  readonly asyncOrigin?: AsyncOrigin;
  /** The line that made it async: the `async def` line, or the line that registers the callback. */
  readonly asyncLine?: number;
  readonly span: Span;
  /** The line holding the declaration's name (`def name(...)`). */
  readonly headerLine: number;
  /** The qualified name of the class a method belongs to. */
  readonly classQname?: string;
  /** Decorators or attributes, outermost first, as values (`router.get`, `sync_to_async`). */
  readonly decorators: readonly Decorator[];
  /** When this function is written as an argument of a call: which call and which argument. */
  readonly passedTo?: ArgumentPosition;
  /**
   * The language runs this callback in place, on its caller's thread, unless an offload API
   * claims it: JavaScript array callbacks (`items.map(f)`), Rust closures given to adapters.
   */
  readonly runsInPlace?: boolean;
  /** The declared type of what it returns (`-> sqlite3.Connection`), as an instance. */
  readonly returns?: ValueRef;
  /** A role the adapter recognised from the language's own markers (`if __name__ == "__main__"`). */
  readonly role?: RoleMark;
}

export interface Decorator {
  readonly ref: ValueRef;
  readonly text: string;
  /** The decorator is itself called (`@router.get("/x")`): its callee is `ref`. */
  readonly called: boolean;
  /** String literal arguments of a called decorator, for markers such as `on_event("startup")`. */
  readonly stringArgs: readonly string[];
}

export interface ArgumentPosition {
  readonly callId: number;
  /** Zero-based index among the positional arguments; -1 for a keyword argument. */
  readonly index: number;
  readonly keyword?: string;
}

/** An argument of a call, as far as the analysis needs to know it. */
export type Argument =
  | { readonly kind: 'function'; readonly functionId: number; readonly index: number; readonly keyword?: string }
  | { readonly kind: 'reference'; readonly ref: ValueRef; readonly index: number; readonly keyword?: string }
  | { readonly kind: 'call'; readonly callId: number; readonly index: number; readonly keyword?: string }
  | { readonly kind: 'literal'; readonly value: string | number; readonly index: number; readonly keyword?: string }
  | { readonly kind: 'other'; readonly index: number; readonly keyword?: string };

/** A call expression. */
export interface CallSite {
  readonly id: number;
  /** The innermost function whose body holds the call. */
  readonly functionId: number;
  /** Where the finding is reported: from the callee's name to the end of the call. */
  readonly span: Span;
  /** The callee as written, whitespace collapsed (`requests.get`, `fh.read`). */
  readonly calleeText: string;
  readonly callee: ValueRef;
  /** The call's result is awaited (`await f()`, `async with f()`, `async for x in f()`, `f().await`). */
  readonly awaited: boolean;
  /** The call is an argument of an awaited call (`await asyncio.wait_for(proc.communicate())`). */
  readonly insideAwaitedCall: boolean;
  readonly args: readonly Argument[];
  /**
   * What the adapter observed about this call that only some APIs care about, named for the
   * catalog's `when.fact`: `held-across-await` for a lock guard alive at a later `.await`,
   * `sync-xhr` for `send()` on an XMLHttpRequest opened with `async = false`.
   */
  readonly facts?: readonly string[];
}

/** A loop, for the heavy-computation and busy-wait checks. */
export interface LoopModel {
  readonly functionId: number;
  readonly kind: 'for' | 'while';
  readonly span: Span;
  /** The loop header, where a finding about the loop is reported. */
  readonly headerSpan: Span;
  /** The header as written (`for i in range(10_000_000)`), for messages. */
  readonly headerText: string;
  /** Iterations when the header fixes them with constants (`range(10**7)`); absent otherwise. */
  readonly constantIterations?: number;
  /** Calls made while evaluating the loop condition (`time.time()` in `while time.time() < t`). */
  readonly conditionCallIds: readonly number[];
  /** The condition is the constant true (`while True`, `loop {}`, `for (;;)`). */
  readonly infinite: boolean;
  /** The body suspends (`await`, `async for`, `async with`, `yield`) without leaving the loop's function. */
  readonly bodySuspends: boolean;
}

/** A name bound at module or class level: a variable, or an import of another module's name. */
export interface Binding {
  readonly name: string;
  readonly qname: string;
  readonly value: ValueRef;
  readonly line: number;
}

/** A class (or struct with methods, or trait impl) and what the adapter knows of its attributes. */
export interface ClassModel {
  readonly name: string;
  readonly qname: string;
  readonly bases: readonly ValueRef[];
  /** Attribute types set in the constructor (`self.db = sqlite3.connect(...)`). */
  readonly attributes: readonly { readonly name: string; readonly value: ValueRef }[];
  readonly span: Span;
}

/** A problem met while reading a file that may hide code from the analysis. */
export interface FileIssue {
  readonly kind: 'syntax-error' | 'too-deep' | 'skipped';
  readonly message: string;
  readonly line: number;
}

/** One source file, lowered. */
export interface FileModel {
  /** Repository-relative path with `/` separators. */
  readonly path: string;
  /** The knowledge ecosystem the file's calls are looked up in (`python`, `node`, `rust`). */
  readonly ecosystem: string;
  /** The qualified names this module is known by (`app.geo`); a package `__init__` also by its folder. */
  readonly modules: readonly string[];
  readonly functions: readonly FunctionModel[];
  readonly calls: readonly CallSite[];
  readonly loops: readonly LoopModel[];
  /** Module-level names: imports (value is the imported name) and variables (value is what is assigned). */
  readonly bindings: readonly Binding[];
  readonly classes: readonly ClassModel[];
  /** The role of the whole file, from its path or contents (`tests/`, `scripts/`). */
  readonly role?: RoleMark;
  /** Modules whose every name this module re-exports (`export * from './x'`, `from .x import *`). */
  readonly starExports?: readonly string[];
  /** Lines that belong to no function body but to import statements: changing them changes no path. */
  readonly importLines: readonly number[];
  readonly issues: readonly FileIssue[];
}
