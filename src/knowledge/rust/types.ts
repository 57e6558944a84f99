// Value-flow facts: what calls that do no blocking I/O return, so that later calls on their results
// resolve. An entry here also tells the analysis that the API is known and does not block. Blocking
// APIs carry their own `returns` in their files; `Type::new()` and `Type::default()` need no entry.

import { type, type Entry, type TypeEntry } from '../entry.js';

/** One fact per API: calling (or reading, for a tuple field such as `channel().1`) `api` gives `returns`. */
const gives = (returns: string, api: string, ...aliases: string[]): TypeEntry => type({ id: `rust:${api}`, match: [api, ...aliases], returns });

export const entries: readonly Entry[] = [
  // Pools that hand out connections to offload queries with (`conn.interact(...)`).
  gives('deadpool_diesel.postgres.Object', 'deadpool_diesel.postgres.Pool.get'),
  gives('deadpool_diesel.sqlite.Object', 'deadpool_diesel.sqlite.Pool.get'),
  gives('deadpool_diesel.mysql.Object', 'deadpool_diesel.mysql.Pool.get'),
  gives('deadpool_sqlite.Object', 'deadpool_sqlite.Pool.get'),
  // Strings and collections, for the methods called on what they give.
  gives('std.string.String', 'std.string.String.from', 'std.string.String.from_utf8', 'std.string.String.from_utf8_lossy', 'std.string.ToString.to_string'),
  gives('std.vec.Vec', 'std.vec.Vec.with_capacity'),
  gives('std.collections.hash_map.Entry', 'std.collections.HashMap.entry'),
  gives('std.collections.btree_map.Entry', 'std.collections.BTreeMap.entry'),
];
