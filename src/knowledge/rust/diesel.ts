// Diesel: a synchronous ORM. Queries are built in memory; the RunQueryDsl methods (`load`,
// `get_result`, `execute`, `first`...) run them on the calling thread through a blocking
// connection. The lowering turns each `table!` into a module whose `table` is a `diesel::Table`,
// so queries started from `users::table` (or `dsl::users`) resolve to the names below.

import { blocking, type Entry, type } from '../entry.js';
import { offloaded, rs } from './authoring.js';

/** The query types of diesel's query builder, as the analysis names them. */
const QUERIES = [
  'diesel.Table',
  'diesel.query_builder.SelectStatement',
  'diesel.query_builder.InsertStatement',
  'diesel.query_builder.UpdateStatement',
  'diesel.query_builder.DeleteStatement',
  'diesel.query_builder.SqlQuery',
  'diesel.query_builder.BoxedSelectStatement',
  'diesel.RunQueryDsl',
  'diesel.prelude.RunQueryDsl',
];
const RUN = ['load', 'get_result', 'get_results', 'execute', 'first', 'load_iter'];
const BUILD = ['filter', 'or_filter', 'select', 'order', 'order_by', 'then_order_by', 'limit', 'offset', 'find', 'inner_join', 'left_join', 'left_outer_join', 'group_by', 'having', 'distinct', 'into_boxed', 'count', 'for_update', 'single_value'];
const CONNECTIONS = ['diesel.PgConnection', 'diesel.pg.PgConnection', 'diesel.SqliteConnection', 'diesel.sqlite.SqliteConnection', 'diesel.MysqlConnection', 'diesel.mysql.MysqlConnection', 'diesel.Connection', 'diesel.connection.Connection'];

const INSTEAD = [
  'diesel_async with an async pool: users::table.load::<User>(&mut conn).await?',
  'deadpool_diesel: pool.get().await?.interact(|conn| users::table.load::<User>(conn)).await??',
  ...offloaded('users::table.load::<User>(&mut pool.get()?)').slice(0, 2),
];

export const entries: readonly Entry[] = [
  blocking({
    id: 'rust:diesel.RunQueryDsl.load',
    match: QUERIES.flatMap((q) => RUN.map((m) => `${q}.${m}`)),
    category: 'database',
    why: "Diesel's RunQueryDsl methods (load, get_result(s), execute, first) send the query through a synchronous connection and wait for the database on the calling thread.",
    does: 'runs a blocking database query',
    useInstead: INSTEAD,
    example: {
      bad: rs`
        use diesel::prelude::*;

        diesel::table! {
            users (id) {
                id -> Int4,
                name -> Text,
            }
        }

        async fn names(conn: &mut diesel::PgConnection) -> QueryResult<Vec<String>> {
            users::table.select(users::name).load(conn)
        }
      `,
      good: rs`
        use diesel::prelude::*;

        diesel::table! {
            users (id) {
                id -> Int4,
                name -> Text,
            }
        }

        async fn names(pool: deadpool_diesel::postgres::Pool) -> Vec<String> {
            let conn = pool.get().await.expect("connection");
            conn.interact(|conn| users::table.select(users::name).load(conn)).await.expect("interact").unwrap_or_default()
        }
      `,
    },
  }),
  blocking({
    id: 'rust:diesel.Connection.establish',
    match: CONNECTIONS.map((c) => `${c}.establish`),
    category: 'database',
    why: "Diesel's Connection::establish connects to the database and authenticates on the calling thread.",
    does: 'opens a blocking database connection',
    useInstead: ['diesel_async::AsyncPgConnection::establish(url).await?', 'build a pool (deadpool_diesel, bb8 with diesel_async) once at start-up'],
    example: {
      bad: rs`
        use diesel::Connection;

        async fn connect(url: String) -> diesel::ConnectionResult<()> {
            let _conn = diesel::PgConnection::establish(&url)?;
            Ok(())
        }
      `,
      good: rs`
        async fn connect(url: String) -> Result<(), sqlx::Error> {
            let _pool = sqlx::PgPool::connect(&url).await?;
            Ok(())
        }
      `,
    },
  }),
  blocking({
    id: 'rust:diesel.Connection.transaction',
    match: CONNECTIONS.flatMap((c) => [`${c}.transaction`, `${c}.batch_execute`, `${c}.build_transaction`]),
    category: 'database',
    why: "Diesel's Connection::transaction runs BEGIN, the closure's queries and COMMIT on the calling thread.",
    does: 'runs a blocking database transaction',
    useInstead: ['diesel_async: conn.transaction(|conn| async move { ... }.scope_boxed()).await?', ...offloaded('conn.transaction(|conn| ...)').slice(0, 1)],
    example: {
      bad: rs`
        use diesel::Connection;

        async fn reset(conn: &mut diesel::PgConnection) -> diesel::QueryResult<()> {
            conn.batch_execute("TRUNCATE sessions")
        }
      `,
      good: rs`
        async fn reset(pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
            sqlx::query("TRUNCATE sessions").execute(pool).await?;
            Ok(())
        }
      `,
    },
  }),
  // Building a query touches no database.
  type({ id: 'rust:diesel.Table.filter', match: QUERIES.flatMap((q) => BUILD.map((m) => `${q}.${m}`)), returns: 'diesel.query_builder.SelectStatement' }),
  type({ id: 'rust:diesel.insert_into', match: ['diesel.insert_into', 'diesel.replace_into', 'diesel.insert_or_ignore_into'], returns: 'diesel.query_builder.IncompleteInsertStatement' }),
  type({ id: 'rust:diesel.query_builder.IncompleteInsertStatement.values', match: ['diesel.query_builder.IncompleteInsertStatement.values', 'diesel.query_builder.IncompleteInsertStatement.default_values', 'diesel.query_builder.InsertStatement.on_conflict', 'diesel.query_builder.InsertStatement.do_nothing', 'diesel.query_builder.InsertStatement.returning'], returns: 'diesel.query_builder.InsertStatement' }),
  type({ id: 'rust:diesel.update', match: ['diesel.update', 'diesel.query_builder.UpdateStatement.set', 'diesel.query_builder.UpdateStatement.filter', 'diesel.query_builder.UpdateStatement.returning'], returns: 'diesel.query_builder.UpdateStatement' }),
  type({ id: 'rust:diesel.delete', match: ['diesel.delete', 'diesel.query_builder.DeleteStatement.filter', 'diesel.query_builder.DeleteStatement.returning'], returns: 'diesel.query_builder.DeleteStatement' }),
  type({ id: 'rust:diesel.sql_query', match: ['diesel.sql_query', 'diesel.query_builder.SqlQuery.bind', 'diesel.query_builder.SqlQuery.sql'], returns: 'diesel.query_builder.SqlQuery' }),
];
