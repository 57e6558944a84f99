// Synchronous database drivers: postgres, rusqlite, mysql, sync MongoDB, and r2d2 pools. Every
// query is a round trip to the server (or the disk, for SQLite) made on the calling thread.

import { type BlockingEntry, type Entry, type } from '../entry.js';
import { blockingInAsyncFn, offloaded } from './authoring.js';

function dbCall(id: string, o: {
  match: readonly string[];
  why: string;
  does: string;
  returns?: string;
  useInstead: readonly string[];
  params: string;
  goodParams: string;
  bad: string;
  good: string;
}): BlockingEntry {
  const signature = (params: string): string => `async fn find_user(${params}) -> Result<(), Box<dyn std::error::Error>>`;
  return blockingInAsyncFn(id, 'database', o, { bad: signature(o.params), good: signature(o.goodParams), result: true });
}

const QUERY = 'runs a blocking database query';
const CONNECT = 'opens a blocking database connection';

const POSTGRES_INSTEAD = [
  'tokio_postgres::Client, awaited: client.query(sql, &[&id]).await?',
  'sqlx::query(sql).bind(id).fetch_all(&pool).await?',
  'a deadpool_postgres or bb8 pool of tokio_postgres clients',
];
const SQLITE_INSTEAD = [
  'sqlx::query(sql).bind(id).fetch_one(&pool).await?  // with an SqlitePool',
  'tokio_rusqlite::Connection::call(move |conn| conn.query_row(...)).await?',
  ...offloaded('conn.query_row(sql, params, map)').slice(0, 1),
];
const MYSQL_INSTEAD = ['mysql_async::Conn, awaited: conn.query_drop(sql).await?', 'sqlx::query(sql).execute(&pool).await?  // with a MySqlPool'];
const postgresQueries = ['query', 'query_one', 'query_opt', 'query_raw', 'execute', 'batch_execute', 'simple_query', 'prepare', 'copy_in', 'copy_out'];
const rusqliteConnection = ['execute', 'execute_batch', 'query_row', 'query_row_and_then', 'prepare', 'prepare_cached', 'pragma_update', 'pragma_query', 'pragma_query_value', 'last_insert_rowid', 'backup'];
const rusqliteStatement = ['execute', 'query', 'query_map', 'query_row', 'query_and_then', 'insert', 'exists'];
const mysqlQueries = ['query', 'query_drop', 'query_first', 'query_map', 'query_iter', 'query_fold', 'exec', 'exec_drop', 'exec_first', 'exec_map', 'exec_iter', 'exec_batch', 'exec_fold', 'start_transaction', 'prep'];

export const entries: readonly Entry[] = [
  // postgres (the synchronous wrapper around tokio_postgres)
  dbCall('postgres.Client.connect', {
    match: ['postgres.Client.connect', 'postgres.Config.connect'],
    why: 'postgres::Client::connect opens a connection and authenticates on the calling thread; the synchronous postgres crate runs a private runtime and blocks until it is done.',
    does: CONNECT,
    returns: 'postgres.Client',
    useInstead: ['tokio_postgres::connect(url, NoTls).await?  // and spawn the connection future', ...POSTGRES_INSTEAD.slice(1)],
    params: 'url: String',
    goodParams: 'url: String',
    bad: 'let _client = postgres::Client::connect(&url, postgres::NoTls)?',
    good: 'let (_client, _connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?',
  }),
  dbCall('postgres.Client.query', {
    match: [...postgresQueries.map((m) => `postgres.Client.${m}`), ...postgresQueries.map((m) => `postgres.Transaction.${m}`), 'postgres.Transaction.commit', 'postgres.Transaction.rollback'],
    why: 'The synchronous postgres client waits for the server on the calling thread for every query, execute and commit.',
    does: QUERY,
    useInstead: POSTGRES_INSTEAD,
    params: 'client: &mut postgres::Client, id: i32',
    goodParams: 'client: &tokio_postgres::Client, id: i32',
    bad: 'let _rows = client.query("SELECT name FROM users WHERE id = $1", &[&id])?',
    good: 'let _rows = client.query("SELECT name FROM users WHERE id = $1", &[&id]).await?',
  }),
  dbCall('postgres.Client.transaction', {
    match: ['postgres.Client.transaction', 'postgres.Client.build_transaction'],
    why: 'postgres::Client::transaction sends BEGIN and waits for the server on the calling thread.',
    does: QUERY,
    returns: 'postgres.Transaction',
    useInstead: ['tokio_postgres::Client::transaction().await?', 'sqlx::Pool::begin().await?'],
    params: 'client: &mut postgres::Client',
    goodParams: 'client: &mut tokio_postgres::Client',
    bad: 'let _tx = client.transaction()?',
    good: 'let _tx = client.transaction().await?',
  }),

  // rusqlite
  dbCall('rusqlite.Connection.open', {
    match: ['rusqlite.Connection.open', 'rusqlite.Connection.open_with_flags'],
    why: 'rusqlite::Connection::open opens (and may create) the database file with blocking file I/O on the calling thread.',
    does: CONNECT,
    returns: 'rusqlite.Connection',
    useInstead: ['sqlx::SqlitePool::connect(url).await?', 'tokio_rusqlite::Connection::open(path).await?', ...offloaded('rusqlite::Connection::open(path)').slice(0, 1)],
    params: 'path: String',
    goodParams: 'url: String',
    bad: 'let _conn = rusqlite::Connection::open(&path)?',
    good: 'let _pool = sqlx::SqlitePool::connect(&url).await?',
  }),
  dbCall('rusqlite.Connection.query_row', {
    match: [...rusqliteConnection.map((m) => `rusqlite.Connection.${m}`), ...rusqliteConnection.map((m) => `rusqlite.Transaction.${m}`), 'rusqlite.Transaction.commit', 'rusqlite.Transaction.rollback'],
    why: 'rusqlite runs SQLite in the calling thread: every statement reads and writes the database file, and waits on its locks, before it returns.',
    does: QUERY,
    useInstead: SQLITE_INSTEAD,
    params: 'conn: &rusqlite::Connection, id: i64',
    goodParams: 'pool: &sqlx::SqlitePool, id: i64',
    bad: 'let _name: String = conn.query_row("SELECT name FROM users WHERE id = ?1", [id], |row| row.get(0))?',
    good: 'let _name: (String,) = sqlx::query_as("SELECT name FROM users WHERE id = ?").bind(id).fetch_one(pool).await?',
  }),
  dbCall('rusqlite.Statement.query_map', {
    match: rusqliteStatement.map((m) => `rusqlite.Statement.${m}`),
    why: 'A rusqlite Statement runs SQLite in the calling thread: executing it reads the database file before it returns, and its rows are read as they are iterated.',
    does: QUERY,
    useInstead: SQLITE_INSTEAD,
    params: 'mut stmt: rusqlite::Statement<\'_>',
    goodParams: 'pool: &sqlx::SqlitePool',
    bad: 'let _rows = stmt.query_map([], |row| row.get::<_, String>(0))?',
    good: 'let _rows: Vec<(String,)> = sqlx::query_as("SELECT name FROM users").fetch_all(pool).await?',
  }),
  type({ id: 'rust:rusqlite.Connection.prepare', match: ['rusqlite.Connection.prepare', 'rusqlite.Connection.prepare_cached', 'rusqlite.Transaction.prepare'], returns: 'rusqlite.Statement' }),
  dbCall('rusqlite.Connection.transaction', {
    match: ['rusqlite.Connection.transaction', 'rusqlite.Connection.transaction_with_behavior', 'rusqlite.Connection.unchecked_transaction'],
    why: 'rusqlite::Connection::transaction runs BEGIN in SQLite on the calling thread, waiting on the database lock.',
    does: QUERY,
    returns: 'rusqlite.Transaction',
    useInstead: ['sqlx::SqlitePool::begin().await?', ...offloaded('{ let tx = conn.transaction()?; ...; tx.commit() }').slice(0, 1)],
    params: 'conn: &mut rusqlite::Connection',
    goodParams: 'pool: &sqlx::SqlitePool',
    bad: 'let _tx = conn.transaction()?',
    good: 'let _tx = pool.begin().await?',
  }),
  type({ id: 'rust:rusqlite.Connection.open_in_memory', match: ['rusqlite.Connection.open_in_memory'], returns: 'rusqlite.Connection' }),

  // mysql (the synchronous crate; mysql_async is the async one)
  dbCall('mysql.Pool.get_conn', {
    match: ['mysql.Pool.get_conn', 'mysql.Pool.try_get_conn', 'mysql.Pool.new', 'mysql.Conn.new'],
    why: 'The synchronous mysql crate connects (or waits for a pooled connection) on the calling thread.',
    does: CONNECT,
    returns: 'mysql.PooledConn',
    useInstead: ['mysql_async::Pool::get_conn().await?', 'sqlx::MySqlPool::acquire().await?'],
    params: 'pool: &mysql::Pool',
    goodParams: 'pool: &sqlx::MySqlPool',
    bad: 'let _conn = pool.get_conn()?',
    good: 'let _conn = pool.acquire().await?',
  }),
  dbCall('mysql.PooledConn.query', {
    match: [...mysqlQueries.map((m) => `mysql.PooledConn.${m}`), ...mysqlQueries.map((m) => `mysql.Conn.${m}`), ...mysqlQueries.map((m) => `mysql.Transaction.${m}`), 'mysql.Transaction.commit'],
    why: 'The synchronous mysql crate sends each query and waits for the server on the calling thread.',
    does: QUERY,
    useInstead: MYSQL_INSTEAD,
    params: 'mut conn: mysql::PooledConn',
    goodParams: 'mut conn: mysql_async::Conn',
    bad: 'let _names: Vec<String> = conn.query("SELECT name FROM users")?',
    good: 'let _names: Vec<String> = mysql_async::prelude::Queryable::query(&mut conn, "SELECT name FROM users").await?',
  }),

  // r2d2 pools hand out connections of synchronous drivers.
  dbCall('r2d2.Pool.get', {
    match: ['r2d2.Pool.get', 'r2d2.Pool.get_timeout', 'diesel.r2d2.Pool.get', 'diesel.r2d2.Pool.get_timeout'],
    why: 'r2d2::Pool::get waits on the calling thread until a connection is free (up to the connection timeout), and may open a new one.',
    does: 'waits for a pooled database connection',
    returns: 'r2d2.PooledConnection',
    useInstead: ['deadpool or bb8, awaited: pool.get().await?', 'sqlx::Pool::acquire().await?', ...offloaded('{ let conn = pool.get()?; /* queries */ }').slice(0, 1)],
    params: 'pool: &r2d2::Pool<r2d2_sqlite::SqliteConnectionManager>',
    goodParams: 'pool: &deadpool_postgres::Pool',
    bad: 'let _conn = pool.get()?',
    good: 'let _conn = pool.get().await?',
  }),
  dbCall('r2d2.Pool.new', {
    match: ['r2d2.Pool.new', 'r2d2.Builder.build', 'diesel.r2d2.Pool.new', 'diesel.r2d2.Builder.build'],
    why: 'Building an r2d2 pool opens its initial connections on the calling thread and waits until they are established.',
    does: CONNECT,
    returns: 'r2d2.Pool',
    useInstead: ['build the pool once at start-up, before serving', 'deadpool or bb8, awaited: bb8::Pool::builder().build(manager).await?'],
    params: 'manager: r2d2_sqlite::SqliteConnectionManager',
    goodParams: 'url: String',
    bad: 'let _pool = r2d2::Pool::new(manager)?',
    good: 'let _pool = sqlx::SqlitePool::connect(&url).await?',
  }),
  dbCall('r2d2.PooledConnection', {
    match: ['r2d2.PooledConnection.*'],
    why: "An r2d2 PooledConnection is a connection of a synchronous driver (rusqlite, postgres, diesel): its queries run on the calling thread.",
    does: QUERY,
    useInstead: ['an async driver with an async pool (sqlx, deadpool_postgres, bb8)', ...offloaded('{ let conn = pool.get()?; conn.execute(sql, params) }').slice(0, 1)],
    params: 'conn: r2d2::PooledConnection<r2d2_sqlite::SqliteConnectionManager>',
    goodParams: 'pool: &sqlx::SqlitePool',
    bad: 'conn.execute("DELETE FROM sessions", [])?',
    good: 'sqlx::query("DELETE FROM sessions").execute(pool).await?',
  }),
  type({ id: 'rust:r2d2.Pool.builder', match: ['r2d2.Pool.builder', 'diesel.r2d2.Pool.builder', 'r2d2.Builder.new'], returns: 'r2d2.Builder' }),
  type({
    id: 'rust:r2d2.Builder.max_size',
    match: ['max_size', 'min_idle', 'connection_timeout', 'idle_timeout', 'max_lifetime', 'test_on_check_out', 'connection_customizer'].flatMap((m) => [`r2d2.Builder.${m}`, `diesel.r2d2.Builder.${m}`]),
    returns: 'r2d2.Builder',
  }),

  // MongoDB's synchronous API (the default API of the mongodb crate is async).
  dbCall('mongodb.sync.Client.with_uri_str', {
    match: ['mongodb.sync.Client.with_uri_str', 'mongodb.sync.Client.with_options'],
    why: "mongodb::sync::Client::with_uri_str resolves the deployment and connects on the calling thread, driving a private runtime until it is done.",
    does: CONNECT,
    returns: 'mongodb.sync.Client',
    useInstead: ['mongodb::Client::with_uri_str(uri).await?'],
    params: 'uri: String',
    goodParams: 'uri: String',
    bad: 'let _client = mongodb::sync::Client::with_uri_str(&uri)?',
    good: 'let _client = mongodb::Client::with_uri_str(&uri).await?',
  }),
  dbCall('mongodb.sync.Collection', {
    match: ['mongodb.sync.Collection.*', 'mongodb.sync.Cursor.*'],
    why: "mongodb::sync collections and cursors run each operation to completion on the calling thread, driving the driver's private runtime.",
    does: QUERY,
    useInstead: ['mongodb::Collection, awaited: coll.find_one(filter).await?'],
    params: 'users: mongodb::sync::Collection<mongodb::bson::Document>',
    goodParams: 'users: mongodb::Collection<mongodb::bson::Document>',
    bad: 'let _user = users.find_one(mongodb::bson::doc! { "name": "ada" })',
    good: 'let _user = users.find_one(mongodb::bson::doc! { "name": "ada" }).await?',
  }),
  type({ id: 'rust:mongodb.sync.Client.database', match: ['mongodb.sync.Client.database', 'mongodb.sync.Client.default_database'], returns: 'mongodb.sync.Database' }),
  type({ id: 'rust:mongodb.sync.Database.collection', match: ['mongodb.sync.Database.collection'], returns: 'mongodb.sync.Collection' }),
];
