// Names Rust resolves without a `use`, and the method and type names the lowering treats specially.

/** The standard prelude: names in scope in every module, with the path they stand for. */
export const PRELUDE: ReadonlyMap<string, string> = new Map([
  ['Option', 'std.option.Option'],
  ['Some', 'std.option.Option.Some'],
  ['None', 'std.option.Option.None'],
  ['Result', 'std.result.Result'],
  ['Ok', 'std.result.Result.Ok'],
  ['Err', 'std.result.Result.Err'],
  ['Vec', 'std.vec.Vec'],
  ['String', 'std.string.String'],
  ['ToString', 'std.string.ToString'],
  ['Box', 'std.boxed.Box'],
  ['ToOwned', 'std.borrow.ToOwned'],
  ['Clone', 'std.clone.Clone'],
  ['Default', 'std.default.Default'],
  ['Iterator', 'std.iter.Iterator'],
  ['IntoIterator', 'std.iter.IntoIterator'],
  ['Extend', 'std.iter.Extend'],
  ['FromIterator', 'std.iter.FromIterator'],
  ['DoubleEndedIterator', 'std.iter.DoubleEndedIterator'],
  ['ExactSizeIterator', 'std.iter.ExactSizeIterator'],
  ['From', 'std.convert.From'],
  ['Into', 'std.convert.Into'],
  ['TryFrom', 'std.convert.TryFrom'],
  ['TryInto', 'std.convert.TryInto'],
  ['AsRef', 'std.convert.AsRef'],
  ['AsMut', 'std.convert.AsMut'],
  ['PartialEq', 'std.cmp.PartialEq'],
  ['Eq', 'std.cmp.Eq'],
  ['PartialOrd', 'std.cmp.PartialOrd'],
  ['Ord', 'std.cmp.Ord'],
  ['Drop', 'std.ops.Drop'],
  ['Fn', 'std.ops.Fn'],
  ['FnMut', 'std.ops.FnMut'],
  ['FnOnce', 'std.ops.FnOnce'],
  ['Send', 'std.marker.Send'],
  ['Sync', 'std.marker.Sync'],
  ['Sized', 'std.marker.Sized'],
  ['Unpin', 'std.marker.Unpin'],
  ['Copy', 'std.marker.Copy'],
  ['drop', 'std.mem.drop'],
]);

/** Primitive types, which also name modules of associated items (`u64::MAX`, `str::from_utf8`). */
export const PRIMITIVES: ReadonlySet<string> = new Set(
  'bool char str u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64'.split(' '),
);

/** Attributes the compiler knows without an import; they are named `std.prelude.v1.<name>`. */
export const BUILTIN_ATTRIBUTES: ReadonlySet<string> = new Set(
  (
    'test bench cfg cfg_attr derive allow warn deny forbid expect deprecated must_use inline cold doc path ' +
    'macro_use macro_export non_exhaustive repr no_mangle track_caller should_panic ignore automatically_derived ' +
    'export_name link link_name used global_allocator proc_macro proc_macro_derive proc_macro_attribute ' +
    'target_feature unsafe rustfmt clippy'
  ).split(' '),
);

/**
 * Methods whose result is, for the analysis, the value they are called on: error plumbing
 * (`?` is syntax, `.unwrap()` and friends are methods), clones and borrows, future adapters.
 * Calls to them are not recorded: they never block, and their receiver's type flows through.
 */
export const PASS_THROUGH_METHODS: ReadonlySet<string> = new Set([
  'unwrap',
  'expect',
  'unwrap_or',
  'unwrap_or_else',
  'unwrap_or_default',
  'unwrap_unchecked',
  'ok',
  'map_err',
  'or_else',
  'context',
  'with_context',
  'wrap_err',
  'wrap_err_with',
  'clone',
  'to_owned',
  'as_ref',
  'as_mut',
  'as_deref',
  'as_deref_mut',
  'borrow',
  'borrow_mut',
  'deref',
  'deref_mut',
  'boxed',
  'boxed_local',
  'fuse',
  'instrument',
  'in_current_span',
]);

/** The methods that take a lock and return a guard (`Mutex::lock`, `RwLock::read`/`write`). */
export const LOCK_METHODS: ReadonlySet<string> = new Set(['lock', 'read', 'write']);

/**
 * Generic types that stand, for method calls, for the value they hold: smart pointers, `Option`
 * and `Result` (their contents are reached with `?` or `.unwrap()`), lock guards, lazy statics,
 * and the extractors of web frameworks (`State<T>`, `Json<T>`, `web::Data<T>`) that dereference to
 * their content. Recognised by their last path segment, only when written with type arguments.
 */
export const TRANSPARENT_TYPES: ReadonlySet<string> = new Set([
  'Arc',
  'Rc',
  'Box',
  'Cow',
  'Pin',
  'Option',
  'Result',
  'ManuallyDrop',
  'AssertUnwindSafe',
  'MutexGuard',
  'RwLockReadGuard',
  'RwLockWriteGuard',
  'Ref',
  'RefMut',
  'Lazy',
  'LazyLock',
  'Data',
  'State',
  'Extension',
  'Json',
  'Query',
  'Form',
  'Path',
]);

/**
 * Associated functions whose value is their argument's, for method calls on it: `Arc::new(x)`,
 * `Box::pin(fut)`, and the buffering wrappers whose reads and writes reach the inner reader or
 * writer (`BufReader::new(File::open(p)?)`). Keyed by the type's qualified name, the value is the
 * index of the argument that flows through.
 */
export const WRAPPING_CONSTRUCTORS: ReadonlyMap<string, number> = new Map([
  ['std.sync.Arc.new', 0],
  ['std.sync.Arc.clone', 0],
  ['std.rc.Rc.new', 0],
  ['std.rc.Rc.clone', 0],
  ['std.boxed.Box.new', 0],
  ['std.boxed.Box.pin', 0],
  ['std.option.Option.Some', 0],
  ['std.result.Result.Ok', 0],
  ['std.io.BufReader.new', 0],
  ['std.io.BufReader.with_capacity', 1],
  ['std.io.BufWriter.new', 0],
  ['std.io.BufWriter.with_capacity', 1],
  ['std.io.LineWriter.new', 0],
]);

/** Associated functions that by convention return an instance of their type (`Client::new()`). */
export const CONSTRUCTOR_NAMES: ReadonlySet<string> = new Set(['new', 'default']);

/**
 * Types whose content is reached through an accessor that returns a guard or reference
 * (`Mutex<T>::lock()`, `RefCell<T>::borrow()`): the lowering records the content's type beside the
 * container's, so that calls on the guard resolve on T.
 */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set([
  'Mutex',
  'RwLock',
  'RefCell',
  'OnceCell',
  'OnceLock',
  'ReentrantMutex',
  'FairMutex',
]);

/** The accessors of `CONTAINER_TYPES` whose result stands for the content. */
export const CONTAINER_ACCESSORS: ReadonlySet<string> = new Set([
  'lock',
  'read',
  'write',
  'try_lock',
  'try_read',
  'try_write',
  'blocking_lock',
  'blocking_read',
  'blocking_write',
  'lock_owned',
  'read_owned',
  'write_owned',
  'borrow',
  'borrow_mut',
  'get_or_init',
]);

/** The suffix of the synthetic variable or attribute that holds a container's content (`conn::inner`). */
export const INNER = '::inner';
