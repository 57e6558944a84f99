// Synchronous SQL drivers (sqlite3, psycopg2, psycopg 3, PyMySQL) and Elasticsearch's sync client.
// SQLAlchemy, MongoDB and Redis have files of their own.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** How one driver's values are written in examples: the blocking side and its async counterpart. */
interface Driver {
  /** The driver's name in `why` sentences. */
  readonly name: string;
  /** What a call waits for: the database file, or the server. */
  readonly waitsFor: string;
  readonly imports: string;
  readonly goodImports: string;
  /** Replacements shown for every method of the driver. */
  readonly instead: readonly string[];
}

const SQLITE: Driver = {
  name: 'sqlite3',
  waitsFor: 'runs SQLite in-process, reading and writing the database file (and waiting on its locks)',
  imports: 'import sqlite3',
  goodImports: 'import aiosqlite',
  instead: ['aiosqlite: db = await aiosqlite.connect(path); await db.execute(query, params)'],
};
const PSYCOPG2: Driver = {
  name: 'psycopg2',
  waitsFor: 'sends the command to PostgreSQL and waits for the reply on a blocking socket',
  imports: 'import psycopg2.extensions',
  goodImports: 'import psycopg',
  instead: ['psycopg 3 async: conn = await psycopg.AsyncConnection.connect(dsn); await conn.execute(query, params)', 'asyncpg: await pool.fetch(query, *args)'],
};
const PSYCOPG: Driver = {
  name: 'psycopg',
  waitsFor: 'sends the command to PostgreSQL and waits for the reply on a blocking socket',
  imports: 'import psycopg',
  goodImports: 'import psycopg',
  instead: ['the same calls on psycopg.AsyncConnection / AsyncCursor, awaited', 'asyncpg: await pool.fetch(query, *args)'],
};
const PYMYSQL: Driver = {
  name: 'PyMySQL',
  waitsFor: 'sends the command to MySQL and waits for the reply on a blocking socket',
  imports: 'import pymysql.connections\nimport pymysql.cursors',
  goodImports: 'import aiomysql',
  instead: ['aiomysql: async with pool.acquire() as conn: async with conn.cursor() as cur: await cur.execute(query, params)', 'asyncmy, with the same API'],
};

/**
 * A driver method that talks to the database, called as `<receiver>.<method>(<args>)` on a
 * parameter of type `cls`; the good example awaits the same call on `goodType` unless `goodCall`
 * says otherwise.
 */
function dbMethod(
  cls: string,
  method: string,
  driver: Driver,
  o: { receiver: string; does: string; what: string; args: string; goodType: string; goodCall?: string; goodImports?: string; returns?: string },
): BlockingEntry {
  const api = `${cls}.${method}`;
  const call = `${o.receiver}.${method}(${o.args})`;
  return blocking({
    id: `python:${api}`,
    match: [api],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'database',
    why: `${api} ${o.what}: ${driver.name} ${driver.waitsFor}, holding the calling thread and the event loop until it is done.`,
    does: o.does,
    useInstead: [...driver.instead, ...toThread(`${o.receiver}.${method}${o.args ? `, ${o.args}` : ''}`)],
    example: {
      bad: py`
        ${driver.imports}

        async def handle(${o.receiver}: ${cls}, query: str, params: tuple, rows: list[tuple]):
            return ${call}
      `,
      good: py`
        ${o.goodImports ?? driver.goodImports}

        async def handle(${o.receiver}: ${o.goodType}, query: str, params: tuple, rows: list[tuple]):
            return ${o.goodCall ?? `await ${call}`}
      `,
    },
  });
}

/** A driver's connect function: it opens the database (a file, or a server connection with its handshake). */
function connect(api: string, o: { match: readonly string[]; returns: string; does: string; what: string; imports: string; call: string; goodImports: string; goodCall: string; instead: readonly string[] }): BlockingEntry {
  return blocking({
    id: `python:${api}`,
    match: o.match,
    returns: o.returns,
    category: 'database',
    why: `${api} ${o.what} on the calling thread before it returns; open connections at start-up or take them from an async pool.`,
    does: o.does,
    useInstead: o.instead,
    example: {
      bad: py`
        ${o.imports}

        async def open_database(dsn: str):
            return ${o.call}
      `,
      good: py`
        ${o.goodImports}

        async def open_database(dsn: str):
            return ${o.goodCall}
      `,
    },
  });
}

/**
 * The request methods of the sync Elasticsearch client, and its API namespaces (`es.indices.create`).
 * Listed by name: `options()` returns a configured copy of the client without any request.
 */
const ELASTICSEARCH_METHODS = [
  'search', 'index', 'get', 'get_source', 'mget', 'msearch', 'count', 'exists', 'create', 'update', 'delete', 'bulk',
  'delete_by_query', 'update_by_query', 'reindex', 'scroll', 'clear_scroll', 'open_point_in_time', 'close_point_in_time',
  'info', 'ping', 'termvectors', 'explain', 'field_caps', 'knn_search', 'search_template', 'render_search_template',
  'perform_request',
];
const ELASTICSEARCH_NAMESPACES = [
  'indices', 'cluster', 'cat', 'ingest', 'snapshot', 'tasks', 'nodes', 'sql', 'esql', 'ml', 'security', 'transform',
  'inference', 'async_search', 'enrich', 'ilm',
];

export const entries: readonly Entry[] = [
  // sqlite3: every statement runs the SQLite engine on the calling thread.
  connect('sqlite3.connect', {
    match: ['sqlite3.connect'],
    returns: 'sqlite3.Connection',
    does: 'opens a database synchronously',
    what: 'opens (or creates) the database file and reads its header',
    imports: 'import sqlite3',
    call: 'sqlite3.connect(dsn)',
    goodImports: 'import aiosqlite',
    goodCall: 'await aiosqlite.connect(dsn)',
    instead: ['db = await aiosqlite.connect(path)', ...toThread('sqlite3.connect, path, check_same_thread=False')],
  }),
  dbMethod('sqlite3.Connection', 'execute', SQLITE, { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs a statement', args: 'query, params', goodType: 'aiosqlite.Connection', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Connection', 'executemany', SQLITE, { receiver: 'conn', does: 'runs database statements synchronously', what: 'runs a statement once per row', args: 'query, rows', goodType: 'aiosqlite.Connection', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Connection', 'executescript', SQLITE, { receiver: 'conn', does: 'runs a database script synchronously', what: 'runs a whole SQL script', args: 'query', goodType: 'aiosqlite.Connection', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Connection', 'commit', SQLITE, { receiver: 'conn', does: 'commits a transaction synchronously', what: 'commits the transaction, writing and syncing the database file', args: '', goodType: 'aiosqlite.Connection' }),
  dbMethod('sqlite3.Connection', 'rollback', SQLITE, { receiver: 'conn', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '', goodType: 'aiosqlite.Connection' }),
  dbMethod('sqlite3.Connection', 'backup', SQLITE, { receiver: 'conn', does: 'copies a database synchronously', what: 'copies the whole database into another one', args: 'target', goodType: 'aiosqlite.Connection' }),
  dbMethod('sqlite3.Cursor', 'execute', SQLITE, { receiver: 'cursor', does: 'runs a database query synchronously', what: 'runs a statement', args: 'query, params', goodType: 'aiosqlite.Cursor', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Cursor', 'executemany', SQLITE, { receiver: 'cursor', does: 'runs database statements synchronously', what: 'runs a statement once per row', args: 'query, rows', goodType: 'aiosqlite.Cursor', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Cursor', 'executescript', SQLITE, { receiver: 'cursor', does: 'runs a database script synchronously', what: 'runs a whole SQL script', args: 'query', goodType: 'aiosqlite.Cursor', returns: 'sqlite3.Cursor' }),
  dbMethod('sqlite3.Cursor', 'fetchone', SQLITE, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'steps the query to the next row', args: '', goodType: 'aiosqlite.Cursor' }),
  dbMethod('sqlite3.Cursor', 'fetchmany', SQLITE, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'steps the query through the next rows', args: '100', goodType: 'aiosqlite.Cursor' }),
  dbMethod('sqlite3.Cursor', 'fetchall', SQLITE, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'steps the query through every remaining row', args: '', goodType: 'aiosqlite.Cursor' }),

  // psycopg2: a blocking PostgreSQL client. The connection's cursor() is only a type fact (types.ts).
  connect('psycopg2.connect', {
    match: ['psycopg2.connect'],
    returns: 'psycopg2.extensions.connection',
    does: 'connects to PostgreSQL synchronously',
    what: 'opens a TCP connection, authenticates and negotiates the session',
    imports: 'import psycopg2',
    call: 'psycopg2.connect(dsn)',
    goodImports: 'import asyncpg',
    goodCall: 'await asyncpg.connect(dsn)',
    instead: ['conn = await asyncpg.connect(dsn)  # or a pool from asyncpg.create_pool, made at start-up', 'conn = await psycopg.AsyncConnection.connect(dsn)'],
  }),
  dbMethod('psycopg2.extensions.connection', 'commit', PSYCOPG2, { receiver: 'conn', does: 'commits a transaction synchronously', what: 'commits the transaction', args: '', goodType: 'psycopg.AsyncConnection' }),
  dbMethod('psycopg2.extensions.connection', 'rollback', PSYCOPG2, { receiver: 'conn', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '', goodType: 'psycopg.AsyncConnection' }),
  dbMethod('psycopg2.extensions.cursor', 'execute', PSYCOPG2, { receiver: 'cursor', does: 'runs a database query synchronously', what: 'runs a statement', args: 'query, params', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg2.extensions.cursor', 'executemany', PSYCOPG2, { receiver: 'cursor', does: 'runs database statements synchronously', what: 'runs a statement once per row', args: 'query, rows', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg2.extensions.cursor', 'fetchone', PSYCOPG2, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next row (from the server, for a named cursor)', args: '', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg2.extensions.cursor', 'fetchmany', PSYCOPG2, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next rows (from the server, for a named cursor)', args: '100', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg2.extensions.cursor', 'fetchall', PSYCOPG2, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads every remaining row (from the server, for a named cursor)', args: '', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg2.extensions.cursor', 'callproc', PSYCOPG2, { receiver: 'cursor', does: 'calls a stored procedure synchronously', what: 'calls a stored procedure', args: 'query, params', goodType: 'psycopg.AsyncCursor', goodCall: 'await cursor.execute(f"SELECT * FROM {query}(%s)", params)' }),
  dbMethod('psycopg2.extensions.cursor', 'copy_expert', PSYCOPG2, { receiver: 'cursor', does: 'runs a COPY synchronously', what: 'runs a COPY and streams the file through the connection', args: 'query, params', goodType: 'psycopg2.extensions.cursor', goodImports: 'import asyncio\nimport psycopg2.extensions', goodCall: 'await asyncio.to_thread(cursor.copy_expert, query, params)' }),
  dbMethod('psycopg2.extensions.cursor', 'copy_from', PSYCOPG2, { receiver: 'cursor', does: 'runs a COPY synchronously', what: 'streams a file into a table', args: 'params, query', goodType: 'psycopg2.extensions.cursor', goodImports: 'import asyncio\nimport psycopg2.extensions', goodCall: 'await asyncio.to_thread(cursor.copy_from, params, query)' }),
  dbMethod('psycopg2.extensions.cursor', 'copy_to', PSYCOPG2, { receiver: 'cursor', does: 'runs a COPY synchronously', what: 'streams a table into a file', args: 'params, query', goodType: 'psycopg2.extensions.cursor', goodImports: 'import asyncio\nimport psycopg2.extensions', goodCall: 'await asyncio.to_thread(cursor.copy_to, params, query)' }),
  blocking({
    id: 'python:psycopg2.extras.execute_values',
    match: ['psycopg2.extras.execute_values'],
    category: 'database',
    why: 'psycopg2.extras.execute_values sends batched INSERT statements and waits for each reply on a blocking socket, on the calling thread.',
    does: 'runs database statements synchronously',
    useInstead: ['await conn.executemany(query, rows)  # asyncpg', 'await cursor.executemany(query, rows)  # psycopg.AsyncCursor', ...toThread('psycopg2.extras.execute_values, cursor, query, rows')],
    example: {
      bad: py`
        import psycopg2.extensions
        import psycopg2.extras

        async def insert_rows(cursor: psycopg2.extensions.cursor, query: str, rows: list[tuple]) -> None:
            psycopg2.extras.execute_values(cursor, query, rows)
      `,
      good: py`
        import psycopg

        async def insert_rows(cursor: psycopg.AsyncCursor, query: str, rows: list[tuple]) -> None:
            await cursor.executemany(query, rows)
      `,
    },
  }),
  blocking({
    id: 'python:psycopg2.extras.execute_batch',
    match: ['psycopg2.extras.execute_batch'],
    category: 'database',
    why: 'psycopg2.extras.execute_batch sends the statements in pages and waits for each reply on a blocking socket, on the calling thread.',
    does: 'runs database statements synchronously',
    useInstead: ['await conn.executemany(query, rows)  # asyncpg', 'await cursor.executemany(query, rows)  # psycopg.AsyncCursor', ...toThread('psycopg2.extras.execute_batch, cursor, query, rows')],
    example: {
      bad: py`
        import psycopg2.extensions
        import psycopg2.extras

        async def insert_rows(cursor: psycopg2.extensions.cursor, query: str, rows: list[tuple]) -> None:
            psycopg2.extras.execute_batch(cursor, query, rows)
      `,
      good: py`
        import psycopg

        async def insert_rows(cursor: psycopg.AsyncCursor, query: str, rows: list[tuple]) -> None:
            await cursor.executemany(query, rows)
      `,
    },
  }),
  blocking({
    id: 'python:psycopg2.pool.AbstractConnectionPool.getconn',
    match: ['psycopg2.pool.SimpleConnectionPool.getconn', 'psycopg2.pool.ThreadedConnectionPool.getconn', 'psycopg2.pool.AbstractConnectionPool.getconn'],
    returns: 'psycopg2.extensions.connection',
    category: 'database',
    why: 'psycopg2.pool getconn opens a new PostgreSQL connection on the calling thread whenever no idle one is left in the pool.',
    does: 'takes a database connection synchronously',
    useInstead: ['async with pool.acquire() as conn: ...  # pool from asyncpg.create_pool', 'async with pool.connection() as conn: ...  # psycopg_pool.AsyncConnectionPool'],
    example: {
      bad: py`
        import psycopg2.pool

        async def borrow(pool: psycopg2.pool.ThreadedConnectionPool):
            return pool.getconn()
      `,
      good: py`
        import asyncpg

        async def borrow(pool: asyncpg.Pool):
            return await pool.acquire()
      `,
    },
  }),

  // psycopg 3, sync side. psycopg.AsyncConnection and AsyncCursor are non-blocking (non-blocking.ts).
  connect('psycopg.connect', {
    match: ['psycopg.connect', 'psycopg.Connection.connect'],
    returns: 'psycopg.Connection',
    does: 'connects to PostgreSQL synchronously',
    what: 'opens a TCP connection, authenticates and negotiates the session',
    imports: 'import psycopg',
    call: 'psycopg.connect(dsn)',
    goodImports: 'import psycopg',
    goodCall: 'await psycopg.AsyncConnection.connect(dsn)',
    instead: ['conn = await psycopg.AsyncConnection.connect(dsn)', 'async with pool.connection() as conn: ...  # psycopg_pool.AsyncConnectionPool, opened at start-up'],
  }),
  dbMethod('psycopg.Connection', 'execute', PSYCOPG, { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs a statement on a new cursor', args: 'query, params', goodType: 'psycopg.AsyncConnection', returns: 'psycopg.Cursor' }),
  dbMethod('psycopg.Connection', 'commit', PSYCOPG, { receiver: 'conn', does: 'commits a transaction synchronously', what: 'commits the transaction', args: '', goodType: 'psycopg.AsyncConnection' }),
  dbMethod('psycopg.Connection', 'rollback', PSYCOPG, { receiver: 'conn', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '', goodType: 'psycopg.AsyncConnection' }),
  dbMethod('psycopg.Cursor', 'execute', PSYCOPG, { receiver: 'cursor', does: 'runs a database query synchronously', what: 'runs a statement', args: 'query, params', goodType: 'psycopg.AsyncCursor', returns: 'psycopg.Cursor' }),
  dbMethod('psycopg.Cursor', 'executemany', PSYCOPG, { receiver: 'cursor', does: 'runs database statements synchronously', what: 'runs a statement once per row', args: 'query, rows', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg.Cursor', 'fetchone', PSYCOPG, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next row (from the server, for a server-side cursor)', args: '', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg.Cursor', 'fetchmany', PSYCOPG, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next rows (from the server, for a server-side cursor)', args: '100', goodType: 'psycopg.AsyncCursor' }),
  dbMethod('psycopg.Cursor', 'fetchall', PSYCOPG, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads every remaining row (from the server, for a server-side cursor)', args: '', goodType: 'psycopg.AsyncCursor' }),
  blocking({
    id: 'python:psycopg_pool.ConnectionPool.connection',
    match: ['psycopg_pool.ConnectionPool.connection', 'psycopg_pool.ConnectionPool.getconn'],
    returns: 'psycopg.Connection',
    category: 'database',
    why: 'psycopg_pool.ConnectionPool hands out connections on the calling thread, waiting for a free one (or for a new one to connect) when the pool is busy.',
    does: 'takes a database connection synchronously',
    useInstead: ['async with pool.connection() as conn: ...  # psycopg_pool.AsyncConnectionPool'],
    example: {
      bad: py`
        import psycopg_pool

        async def count(pool: psycopg_pool.ConnectionPool, query: str):
            with pool.connection() as conn:
                return conn
      `,
      good: py`
        import psycopg_pool

        async def count(pool: psycopg_pool.AsyncConnectionPool, query: str):
            async with pool.connection() as conn:
                return conn
      `,
    },
  }),

  // PyMySQL.
  connect('pymysql.connect', {
    match: ['pymysql.connect', 'pymysql.Connect', 'pymysql.connections.Connection'],
    returns: 'pymysql.connections.Connection',
    does: 'connects to MySQL synchronously',
    what: 'opens a TCP connection and authenticates',
    imports: 'import pymysql',
    call: 'pymysql.connect(host=dsn)',
    goodImports: 'import aiomysql',
    goodCall: 'await aiomysql.connect(host=dsn)',
    instead: ['conn = await aiomysql.connect(host=host, user=user, password=password, db=db)', 'pool = await aiomysql.create_pool(...)  # at start-up, then async with pool.acquire() as conn'],
  }),
  dbMethod('pymysql.connections.Connection', 'commit', PYMYSQL, { receiver: 'conn', does: 'commits a transaction synchronously', what: 'commits the transaction', args: '', goodType: 'aiomysql.Connection' }),
  dbMethod('pymysql.connections.Connection', 'rollback', PYMYSQL, { receiver: 'conn', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '', goodType: 'aiomysql.Connection' }),
  dbMethod('pymysql.connections.Connection', 'ping', PYMYSQL, { receiver: 'conn', does: 'pings the database synchronously', what: 'pings the server, reconnecting if asked', args: '', goodType: 'aiomysql.Connection' }),
  dbMethod('pymysql.cursors.Cursor', 'execute', PYMYSQL, { receiver: 'cursor', does: 'runs a database query synchronously', what: 'runs a statement', args: 'query, params', goodType: 'aiomysql.Cursor' }),
  dbMethod('pymysql.cursors.Cursor', 'executemany', PYMYSQL, { receiver: 'cursor', does: 'runs database statements synchronously', what: 'runs a statement once per row', args: 'query, rows', goodType: 'aiomysql.Cursor' }),
  dbMethod('pymysql.cursors.Cursor', 'fetchone', PYMYSQL, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next row (from the server, for an unbuffered cursor)', args: '', goodType: 'aiomysql.Cursor' }),
  dbMethod('pymysql.cursors.Cursor', 'fetchmany', PYMYSQL, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads the next rows (from the server, for an unbuffered cursor)', args: '100', goodType: 'aiomysql.Cursor' }),
  dbMethod('pymysql.cursors.Cursor', 'fetchall', PYMYSQL, { receiver: 'cursor', does: 'fetches query results synchronously', what: 'reads every remaining row (from the server, for an unbuffered cursor)', args: '', goodType: 'aiomysql.Cursor' }),
  dbMethod('pymysql.cursors.Cursor', 'callproc', PYMYSQL, { receiver: 'cursor', does: 'calls a stored procedure synchronously', what: 'calls a stored procedure', args: 'query, params', goodType: 'aiomysql.Cursor' }),

  // Elasticsearch: every method of the sync client is an HTTP round trip.
  blocking({
    id: 'python:elasticsearch.Elasticsearch',
    match: [
      ...ELASTICSEARCH_METHODS.map((m) => `elasticsearch.Elasticsearch.${m}`),
      ...ELASTICSEARCH_NAMESPACES.map((n) => `elasticsearch.Elasticsearch.${n}.*`),
    ],
    category: 'database',
    why: 'Every API method of the synchronous Elasticsearch client (search, index, get, bulk, indices.*, ...) sends an HTTP request and waits for the cluster on the calling thread.',
    does: 'performs a blocking Elasticsearch request',
    useInstead: ['await es.search(index=index, query=query)  # es: elasticsearch.AsyncElasticsearch, same API'],
    example: {
      bad: py`
        from elasticsearch import Elasticsearch

        async def find(es: Elasticsearch, index: str, query: dict):
            return es.search(index=index, query=query)
      `,
      good: py`
        from elasticsearch import AsyncElasticsearch

        async def find(es: AsyncElasticsearch, index: str, query: dict):
            return await es.search(index=index, query=query)
      `,
    },
  }),
  blocking({
    id: 'python:elasticsearch.helpers.bulk',
    match: ['elasticsearch.helpers.bulk', 'elasticsearch.helpers.streaming_bulk', 'elasticsearch.helpers.parallel_bulk'],
    category: 'database',
    why: 'elasticsearch.helpers.bulk sends the actions in chunks with the synchronous client and waits for every response on the calling thread.',
    does: 'performs blocking Elasticsearch requests',
    useInstead: ['await elasticsearch.helpers.async_bulk(es, actions)  # es: AsyncElasticsearch'],
    example: {
      bad: py`
        from elasticsearch import Elasticsearch, helpers

        async def index_all(es: Elasticsearch, actions: list[dict]):
            return helpers.bulk(es, actions)
      `,
      good: py`
        from elasticsearch import AsyncElasticsearch, helpers

        async def index_all(es: AsyncElasticsearch, actions: list[dict]):
            return await helpers.async_bulk(es, actions)
      `,
    },
  }),
  blocking({
    id: 'python:elasticsearch.helpers.scan',
    match: ['elasticsearch.helpers.scan'],
    category: 'database',
    why: 'elasticsearch.helpers.scan pages through a scroll with the synchronous client, waiting for each page on the calling thread as it is iterated.',
    does: 'performs blocking Elasticsearch requests',
    useInstead: ['async for hit in elasticsearch.helpers.async_scan(es, query=query, index=index): ...'],
    example: {
      bad: py`
        from elasticsearch import Elasticsearch, helpers

        async def every_hit(es: Elasticsearch, index: str):
            return list(helpers.scan(es, index=index))
      `,
      good: py`
        from elasticsearch import AsyncElasticsearch, helpers

        async def every_hit(es: AsyncElasticsearch, index: str):
            return [hit async for hit in helpers.async_scan(es, index=index)]
      `,
    },
  }),
];
