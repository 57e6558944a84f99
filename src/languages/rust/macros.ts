// Which macro invocations hold Rust expressions, and how to read them.
//
// tree-sitter leaves a macro's arguments as a flat token tree. The lowering re-parses the token
// tree of the macros below as the arguments of a call, so that calls written inside `format!`,
// `assert!` or `info!` are seen; macros with a syntax of their own are read as described here.

/** The wrapper a macro's arguments are parsed in: `<prefix><token tree contents><suffix>`. */
export const ARGUMENTS_PREFIX = 'fn __m(){__m(';
export const ARGUMENTS_SUFFIX = ');}';
/** `vec![x; n]` is an array expression. */
export const ARRAY_PREFIX = 'fn __m(){__m([';
export const ARRAY_SUFFIX = ']);}';

/** Macros that do not evaluate expressions the lowering could follow, or whose syntax is not Rust's. */
const OPAQUE: ReadonlySet<string> = new Set([
  'json',
  'html',
  'sql',
  'query',
  'query_as',
  'query_scalar',
  'include_str',
  'include_bytes',
  'include',
  'env',
  'option_env',
  'concat',
  'stringify',
  'cfg',
  'line',
  'column',
  'file',
  'module_path',
  'matches',
  'macro_rules',
  'lazy_static',
  'thread_local',
  'table',
  'joinable',
  'allow_tables_to_appear_in_same_query',
  'sql_function',
  'define_sql_function',
]);

/** How the lowering reads one macro invocation. */
export type MacroReading =
  /** Its arguments are expressions: `format!("{}", f(x))`, `assert_eq!(a, b)`, `info!(...)`. */
  | { readonly kind: 'arguments' }
  /** `vec![...]`, an array expression. */
  | { readonly kind: 'array' }
  /** `write!(w, ...)` and `writeln!`: a call of `w.write_fmt(...)`. */
  | { readonly kind: 'write' }
  /** `join!(a, b)` and `try_join!`: the futures are polled, as if awaited, and the macro suspends. */
  | { readonly kind: 'join' }
  /** `select! { pat = fut => handler, ... }`: futures polled, handlers run in the enclosing async code. */
  | { readonly kind: 'select' }
  | { readonly kind: 'opaque' };

export function macroReading(name: string): MacroReading {
  if (OPAQUE.has(name)) return { kind: 'opaque' };
  switch (name) {
    case 'vec':
      return { kind: 'array' };
    case 'write':
    case 'writeln':
      return { kind: 'write' };
    case 'join':
    case 'try_join':
      return { kind: 'join' };
    case 'select':
    case 'select_biased':
      return { kind: 'select' };
    default:
      // User and library macros are read as argument lists when they parse as such.
      return { kind: 'arguments' };
  }
}
