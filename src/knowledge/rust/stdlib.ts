// The crates that ship with the Rust toolchain: calls into them are known, never "third-party".

export const standardModules: ReadonlySet<string> = new Set(['std', 'core', 'alloc', 'proc_macro', 'test']);
