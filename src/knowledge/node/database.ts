// Synchronous database drivers: better-sqlite3, node:sqlite (DatabaseSync) and pg-native's *Sync
// methods. Their queries run to completion on the calling thread, disk or network I/O included.
// The asynchronous drivers (pg, mysql2, mongodb, sqlite, ...) are listed as non-blocking.

import { blocking, type, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** Keeping a synchronous SQLite driver, but in a worker thread that opens the database itself. */
const SQLITE_WORKER = 'await pool.run({ sql, params })  // piscina: the synchronous driver, in a worker thread that opens the database';


/** A better-sqlite3 or node:sqlite statement method: the example prepares and runs one query. */
function statementCall(o: {
  id: string;
  match: readonly string[];
  driver: string;
  method: string;
  what: string;
  does: string;
  /** How the bad example opens the database, at module level. */
  open: string;
  /** The example's function: its parameters, the sync query and the awaited `sqlite` call. */
  params: string;
  sync: string;
  awaited: string;
}): BlockingEntry {
  const typeName = o.match[0]?.split('.').slice(-2, -1)[0] ?? 'Statement';
  return blocking({
    id: o.id,
    match: o.match,
    category: 'database',
    why: `${o.driver}'s ${typeName}.${o.method} ${o.what} on the calling thread: the query and its disk I/O run there, and the event loop waits for both.`,
    does: o.does,
    // The examples' replacement: the \`sqlite\` wrapper over \`sqlite3\`.
    useInstead: [`await ${o.awaited}  // sqlite (over sqlite3): queries run in libuv's threadpool`, SQLITE_WORKER],
    example: {
      bad: ts`
        ${o.open}

        export async function handle(${o.params}): Promise<unknown> {
          return ${o.sync};
        }
      `,
      good: ts`
        import type { Database } from 'sqlite';

        export async function handle(db: Database, ${o.params}): Promise<unknown> {
          return await ${o.awaited};
        }
      `,
    },
  });
}

const BETTER_SQLITE = "import Database from 'better-sqlite3';\n\nconst db = new Database('app.db');";
const NODE_SQLITE = "import { DatabaseSync } from 'node:sqlite';\n\nconst db = new DatabaseSync('app.db');";

/** A pg-native method whose name ends in Sync: it waits on libpq's blocking calls. */
function pgNativeSync(o: { name: string; what: string; does: string; params: string; sync: string; instead: string; good: string }): BlockingEntry {
  return blocking({
    id: `node:pg-native.${o.name}`,
    match: [`pg-native.${o.name}`],
    category: 'database',
    why: `pg-native's ${o.name} ${o.what} with libpq's blocking calls on the event loop thread, which waits for the database server's answer.`,
    does: o.does,
    useInstead: [o.instead, `client.${o.name.replace(/Sync$/, '')}(..., callback)  // pg-native's asynchronous form`],
    example: {
      bad: ts`
        import Client from 'pg-native';

        const client = new Client();

        export async function handle(${o.params}): Promise<unknown> {
          return ${o.sync};
        }
      `,
      good: o.good,
    },
  });
}

/** The pg replacement for the pg-native examples. */
const PG_QUERY = ts`
  import pg from 'pg';

  const pool = new pg.Pool();

  export async function handle(id: number): Promise<unknown> {
    const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0];
  }
`;

export const entries: readonly Entry[] = [
  // better-sqlite3: `new Database(path)` is an instance of `better-sqlite3`; a parameter annotated
  // with its type (`Database.Database`, `import type { Database }`) of `better-sqlite3.Database`.
  // prepare() compiles the SQL without running it.
  type({ id: 'node:better-sqlite3.prepare', match: ['better-sqlite3.prepare', 'better-sqlite3.Database.prepare'], returns: 'better-sqlite3.Statement' }),
  ...['bind', 'pluck', 'expand', 'raw', 'safeIntegers'].map((builder) =>
    type({ id: `node:better-sqlite3.Statement.${builder}`, match: [`better-sqlite3.Statement.${builder}`], returns: 'better-sqlite3.Statement' }),
  ),
  statementCall({
    id: 'node:better-sqlite3.Statement.get',
    match: ['better-sqlite3.Statement.get'],
    driver: 'better-sqlite3',
    method: 'get',
    what: 'runs the query for its first row',
    does: 'queries the database synchronously',
    open: BETTER_SQLITE,
    params: 'id: number',
    sync: "db.prepare('SELECT * FROM users WHERE id = ?').get(id)",
    awaited: "db.get('SELECT * FROM users WHERE id = ?', id)",
  }),
  statementCall({
    id: 'node:better-sqlite3.Statement.all',
    match: ['better-sqlite3.Statement.all'],
    driver: 'better-sqlite3',
    method: 'all',
    what: 'runs the query and collects every row',
    does: 'queries the database synchronously',
    open: BETTER_SQLITE,
    params: 'userId: number',
    sync: "db.prepare('SELECT * FROM orders WHERE user_id = ?').all(userId)",
    awaited: "db.all('SELECT * FROM orders WHERE user_id = ?', userId)",
  }),
  statementCall({
    id: 'node:better-sqlite3.Statement.run',
    match: ['better-sqlite3.Statement.run'],
    driver: 'better-sqlite3',
    method: 'run',
    what: 'executes the statement and, when it commits, writes the change to disk',
    does: 'writes to the database synchronously',
    open: BETTER_SQLITE,
    params: 'id: number, name: string',
    sync: "db.prepare('UPDATE users SET name = ? WHERE id = ?').run(name, id)",
    awaited: "db.run('UPDATE users SET name = ? WHERE id = ?', name, id)",
  }),
  statementCall({
    id: 'node:better-sqlite3.Statement.iterate',
    match: ['better-sqlite3.Statement.iterate'],
    driver: 'better-sqlite3',
    method: 'iterate',
    what: 'steps through the rows as the iterator is consumed',
    does: 'queries the database synchronously',
    open: BETTER_SQLITE,
    params: 'since: number',
    sync: "[...db.prepare('SELECT * FROM events WHERE at > ?').iterate(since)]",
    awaited: "db.all('SELECT * FROM events WHERE at > ?', since)",
  }),
  blocking({
    id: 'node:better-sqlite3.exec',
    match: ['better-sqlite3.exec', 'better-sqlite3.Database.exec'],
    category: 'database',
    why: "better-sqlite3's exec runs every statement of the SQL text to completion on the calling thread, disk I/O included, while the event loop waits.",
    does: 'writes to the database synchronously',
    useInstead: ['await db.exec(sql)  // sqlite (over sqlite3)', SQLITE_WORKER],
    example: {
      bad: ts`
        ${BETTER_SQLITE}

        export async function purgeSessions(): Promise<void> {
          db.exec('DELETE FROM sessions WHERE expires_at < unixepoch()');
        }
      `,
      good: ts`
        import type { Database } from 'sqlite';

        export async function purgeSessions(db: Database): Promise<void> {
          await db.exec('DELETE FROM sessions WHERE expires_at < unixepoch()');
        }
      `,
    },
  }),
  blocking({
    id: 'node:better-sqlite3.pragma',
    match: ['better-sqlite3.pragma', 'better-sqlite3.Database.pragma'],
    category: 'database',
    why: "better-sqlite3's pragma runs the PRAGMA statement on the calling thread; some (wal_checkpoint, integrity_check, optimize, vacuum settings) read or write the whole database file while the event loop waits.",
    does: 'queries the database synchronously',
    useInstead: ["await db.exec('PRAGMA ...')  // sqlite (over sqlite3)", SQLITE_WORKER],
    example: {
      bad: ts`
        import type { Database } from 'better-sqlite3';

        export async function checkpoint(db: Database): Promise<unknown> {
          return db.pragma('wal_checkpoint(TRUNCATE)');
        }
      `,
      good: ts`
        import type { Database } from 'sqlite';

        export async function checkpoint(db: Database): Promise<unknown> {
          return await db.all('PRAGMA wal_checkpoint(TRUNCATE)');
        }
      `,
    },
  }),
  blocking({
    id: 'node:better-sqlite3.serialize',
    match: ['better-sqlite3.serialize', 'better-sqlite3.Database.serialize'],
    category: 'database',
    why: "better-sqlite3's serialize copies the whole database into a Buffer on the calling thread, reading every page, while the event loop waits.",
    does: 'reads the whole database synchronously',
    useInstead: ["await db.backup(path)  // better-sqlite3's backup is asynchronous: it copies pages between event loop turns"],
    example: {
      bad: ts`
        import type { Database } from 'better-sqlite3';

        export async function snapshot(db: Database): Promise<unknown> {
          return db.serialize();
        }
      `,
      good: ts`
        import type { Database } from 'better-sqlite3';

        export async function snapshot(db: Database): Promise<unknown> {
          return await db.backup('snapshot.db');
        }
      `,
    },
  }),
  // transaction(fn) only wraps fn; calling the wrapper runs fn and the BEGIN/COMMIT around it.
  type({ id: 'node:better-sqlite3.transaction', match: ['better-sqlite3.transaction', 'better-sqlite3.Database.transaction'], returns: 'better-sqlite3.Transaction' }),
  blocking({
    id: 'node:better-sqlite3.Transaction',
    match: ['better-sqlite3.Transaction', 'better-sqlite3.Transaction.deferred', 'better-sqlite3.Transaction.immediate', 'better-sqlite3.Transaction.exclusive'],
    category: 'database',
    why: 'A function made by better-sqlite3\'s transaction() runs BEGIN, every statement of the wrapped function and COMMIT synchronously on the calling thread, so the event loop waits for the whole transaction and its disk writes.',
    does: 'runs a database transaction synchronously',
    useInstead: ["await db.exec('BEGIN'); ...; await db.exec('COMMIT')  // sqlite (over sqlite3)", SQLITE_WORKER],
    example: {
      bad: ts`
        ${BETTER_SQLITE}

        const insertAll = db.transaction((lines: string[]) => {
          for (const line of lines) db.prepare('INSERT INTO log (line) VALUES (?)').run(line);
        });

        export async function saveLines(lines: string[]): Promise<void> {
          insertAll(lines);
        }
      `,
      good: ts`
        import type { Database } from 'sqlite';

        export async function saveLines(db: Database, lines: string[]): Promise<void> {
          await db.exec('BEGIN');
          for (const line of lines) await db.run('INSERT INTO log (line) VALUES (?)', line);
          await db.exec('COMMIT');
        }
      `,
    },
  }),

  // node:sqlite (Node 22.5+): DatabaseSync and its statements are synchronous by design.
  type({ id: 'node:sqlite.DatabaseSync.prepare', match: ['sqlite.DatabaseSync.prepare'], returns: 'sqlite.StatementSync' }),
  statementCall({
    id: 'node:sqlite.StatementSync.get',
    match: ['sqlite.StatementSync.get'],
    driver: 'node:sqlite',
    method: 'get',
    what: 'runs the query for its first row',
    does: 'queries the database synchronously',
    open: NODE_SQLITE,
    params: 'id: number',
    sync: "db.prepare('SELECT * FROM users WHERE id = ?').get(id)",
    awaited: "db.get('SELECT * FROM users WHERE id = ?', id)",
  }),
  statementCall({
    id: 'node:sqlite.StatementSync.all',
    match: ['sqlite.StatementSync.all'],
    driver: 'node:sqlite',
    method: 'all',
    what: 'runs the query and collects every row',
    does: 'queries the database synchronously',
    open: NODE_SQLITE,
    params: 'userId: number',
    sync: "db.prepare('SELECT * FROM orders WHERE user_id = ?').all(userId)",
    awaited: "db.all('SELECT * FROM orders WHERE user_id = ?', userId)",
  }),
  statementCall({
    id: 'node:sqlite.StatementSync.run',
    match: ['sqlite.StatementSync.run'],
    driver: 'node:sqlite',
    method: 'run',
    what: 'executes the statement and, when it commits, writes the change to disk',
    does: 'writes to the database synchronously',
    open: NODE_SQLITE,
    params: 'id: number, name: string',
    sync: "db.prepare('UPDATE users SET name = ? WHERE id = ?').run(name, id)",
    awaited: "db.run('UPDATE users SET name = ? WHERE id = ?', name, id)",
  }),
  statementCall({
    id: 'node:sqlite.StatementSync.iterate',
    match: ['sqlite.StatementSync.iterate'],
    driver: 'node:sqlite',
    method: 'iterate',
    what: 'steps through the rows as the iterator is consumed',
    does: 'queries the database synchronously',
    open: NODE_SQLITE,
    params: 'since: number',
    sync: "[...db.prepare('SELECT * FROM events WHERE at > ?').iterate(since)]",
    awaited: "db.all('SELECT * FROM events WHERE at > ?', since)",
  }),
  blocking({
    id: 'node:sqlite.DatabaseSync.exec',
    match: ['sqlite.DatabaseSync.exec'],
    category: 'database',
    why: "node:sqlite's DatabaseSync.exec runs every statement of the SQL text to completion on the calling thread, disk I/O included, while the event loop waits.",
    does: 'writes to the database synchronously',
    useInstead: ['await db.exec(sql)  // sqlite (over sqlite3)', SQLITE_WORKER],
    example: {
      bad: ts`
        ${NODE_SQLITE}

        export async function purgeSessions(): Promise<void> {
          db.exec('DELETE FROM sessions WHERE expires_at < unixepoch()');
        }
      `,
      good: ts`
        import type { Database } from 'sqlite';

        export async function purgeSessions(db: Database): Promise<void> {
          await db.exec('DELETE FROM sessions WHERE expires_at < unixepoch()');
        }
      `,
    },
  }),

  // pg-native: `new Client()` of the default export is an instance of `pg-native`.
  pgNativeSync({
    name: 'querySync',
    what: 'sends the query and waits for every row',
    does: 'queries the database synchronously',
    params: 'id: number',
    sync: "client.querySync('SELECT * FROM users WHERE id = $1', [id])[0]",
    instead: 'await pool.query(text, values)  // pg',
    good: PG_QUERY,
  }),
  pgNativeSync({
    name: 'executeSync',
    what: 'runs a prepared statement and waits for every row',
    does: 'queries the database synchronously',
    params: 'id: number',
    sync: "client.executeSync('user-by-id', [id])[0]",
    instead: "await pool.query({ name: 'user-by-id', text, values })  // pg: a named, prepared query",
    good: PG_QUERY,
  }),
  pgNativeSync({
    name: 'prepareSync',
    what: 'sends the statement to the server to be prepared and waits for the answer',
    does: 'queries the database synchronously',
    params: '',
    sync: "client.prepareSync('user-by-id', 'SELECT * FROM users WHERE id = $1', 1)",
    instead: "await pool.query({ name: 'user-by-id', text, values })  // pg prepares a named query on first use",
    good: PG_QUERY,
  }),
  pgNativeSync({
    name: 'connectSync',
    what: 'opens the connection, DNS lookup, TLS and authentication included,',
    does: 'connects to the database synchronously',
    params: 'url: string',
    sync: 'client.connectSync(url)',
    instead: 'await client.connect()  // pg: new pg.Client({ connectionString: url })',
    good: ts`
      import pg from 'pg';

      export async function handle(url: string): Promise<unknown> {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return client;
      }
    `,
  }),
];
