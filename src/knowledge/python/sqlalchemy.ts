// SQLAlchemy's synchronous API: Engine, Connection, ORM Session and the legacy Query. The
// sqlalchemy.ext.asyncio API is the non-blocking side (non-blocking.ts). create_engine, sessionmaker
// and the Query builders do no I/O and are followed for their types (types.ts).

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The names a value of each sync class can carry: the documented import path first. */
const ENGINE = ['sqlalchemy.engine.Engine', 'sqlalchemy.Engine', 'sqlalchemy.engine.base.Engine'];
const CONNECTION = ['sqlalchemy.engine.Connection', 'sqlalchemy.Connection', 'sqlalchemy.engine.base.Connection'];
const SESSION = ['sqlalchemy.orm.Session', 'sqlalchemy.orm.session.Session'];
const QUERY = ['sqlalchemy.orm.Query', 'sqlalchemy.orm.query.Query'];

/** The async class that replaces each sync one, with the same method names. */
const ASYNC_OF: Readonly<Record<string, string>> = {
  'sqlalchemy.engine.Engine': 'sqlalchemy.ext.asyncio.AsyncEngine',
  'sqlalchemy.engine.Connection': 'sqlalchemy.ext.asyncio.AsyncConnection',
  'sqlalchemy.orm.Session': 'sqlalchemy.ext.asyncio.AsyncSession',
};

/**
 * A method of a sync SQLAlchemy class that checks out a DBAPI connection and runs SQL, called as
 * `<receiver>.<method>(<args>)`. The good example awaits the same call on the asyncio class.
 */
function sqlaMethod(
  names: readonly string[],
  method: string,
  o: { receiver: string; does: string; what: string; args: string; returns?: string },
): BlockingEntry {
  const cls = names[0] ?? '';
  const asyncCls = ASYNC_OF[cls] ?? 'sqlalchemy.ext.asyncio.AsyncSession';
  const call = `${o.receiver}.${method}(${o.args})`;
  const module = cls.split('.').slice(0, -1).join('.');
  return blocking({
    id: `python:${cls}.${method}`,
    match: names.map((n) => `${n}.${method}`),
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'database',
    why: `${cls.split('.').pop()}.${method} ${o.what} through the synchronous DBAPI driver, waiting on the calling thread for the database.`,
    does: o.does,
    useInstead: [`await ${call}  # ${o.receiver}: ${asyncCls}, with an async driver (asyncpg, aiosqlite, aiomysql, psycopg)`, ...toThread(`${o.receiver}.${method}${o.args ? `, ${o.args}` : ''}`)],
    example: {
      bad: py`
        import ${module}

        async def handle(${o.receiver}: ${cls}, statement, instance, user_id: int):
            return ${call}
      `,
      good: py`
        import sqlalchemy.ext.asyncio

        async def handle(${o.receiver}: ${asyncCls}, statement, instance, user_id: int):
            return await ${call}
      `,
    },
  });
}

/** A terminal method of the legacy `Query`: it emits the SELECT (or bulk statement) and fetches the result. */
function queryMethod(method: string, o: { does: string; what: string; args: string; instead: string }): BlockingEntry {
  return blocking({
    id: `python:sqlalchemy.orm.Query.${method}`,
    match: QUERY.map((n) => `${n}.${method}`),
    category: 'database',
    why: `Query.${method} ${o.what} through the Session's synchronous connection, waiting on the calling thread for the database.`,
    does: o.does,
    useInstead: [`${o.instead}  # session: sqlalchemy.ext.asyncio.AsyncSession, statement built with select()`, ...toThread(`query.${method}${o.args ? `, ${o.args}` : ''}`)],
    example: {
      bad: py`
        import sqlalchemy.orm

        async def handle(query: sqlalchemy.orm.Query, user_id: int):
            return query.${method}(${o.args})
      `,
      good: py`
        import asyncio

        import sqlalchemy.orm

        async def handle(query: sqlalchemy.orm.Query, user_id: int):
            return await asyncio.to_thread(query.${method}${o.args ? `, ${o.args}` : ''})
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Engine.
  sqlaMethod(ENGINE, 'connect', { receiver: 'engine', does: 'opens a database connection synchronously', what: 'checks a connection out of the pool, connecting when none is idle,', args: '', returns: 'sqlalchemy.engine.Connection' }),
  blocking({
    id: 'python:sqlalchemy.engine.Engine.begin',
    match: ENGINE.map((n) => `${n}.begin`),
    returns: 'sqlalchemy.engine.Connection',
    category: 'database',
    why: 'Engine.begin checks a connection out of the pool (connecting when none is idle) and begins a transaction, waiting on the calling thread for the database.',
    does: 'opens a database transaction synchronously',
    useInstead: ['async with engine.begin() as conn: await conn.execute(statement)  # engine from create_async_engine'],
    example: {
      bad: py`
        import sqlalchemy.engine

        async def archive(engine: sqlalchemy.engine.Engine, statement) -> None:
            with engine.begin() as conn:
                print(conn)
      `,
      good: py`
        import sqlalchemy.ext.asyncio

        async def archive(engine: sqlalchemy.ext.asyncio.AsyncEngine, statement) -> None:
            async with engine.begin() as conn:
                await conn.execute(statement)
      `,
    },
  }),
  blocking({
    id: 'python:sqlalchemy.engine.Engine.execute',
    match: ENGINE.map((n) => `${n}.execute`),
    category: 'database',
    why: 'Engine.execute (SQLAlchemy 1.x) checks a connection out of the pool and runs the statement through the synchronous DBAPI driver, waiting on the calling thread.',
    does: 'runs a database query synchronously',
    useInstead: ['async with engine.connect() as conn: result = await conn.execute(statement)  # engine from create_async_engine'],
    example: {
      bad: py`
        import sqlalchemy.engine

        async def handle(engine: sqlalchemy.engine.Engine, statement):
            return engine.execute(statement)
      `,
      good: py`
        import sqlalchemy.ext.asyncio

        async def handle(engine: sqlalchemy.ext.asyncio.AsyncEngine, statement):
            async with engine.connect() as conn:
                return await conn.execute(statement)
      `,
    },
  }),

  // Connection.
  sqlaMethod(CONNECTION, 'execute', { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs the statement', args: 'statement' }),
  sqlaMethod(CONNECTION, 'exec_driver_sql', { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs the SQL string', args: 'statement' }),
  sqlaMethod(CONNECTION, 'scalar', { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs the statement and fetches the first value', args: 'statement' }),
  sqlaMethod(CONNECTION, 'scalars', { receiver: 'conn', does: 'runs a database query synchronously', what: 'runs the statement and fetches its rows', args: 'statement' }),
  sqlaMethod(CONNECTION, 'commit', { receiver: 'conn', does: 'commits a transaction synchronously', what: 'commits the transaction', args: '' }),
  sqlaMethod(CONNECTION, 'rollback', { receiver: 'conn', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '' }),

  // ORM Session. add() and delete() only mark objects; the SQL is sent by flush or commit.
  sqlaMethod(SESSION, 'execute', { receiver: 'session', does: 'runs a database query synchronously', what: 'flushes pending changes and runs the statement', args: 'statement' }),
  sqlaMethod(SESSION, 'scalars', { receiver: 'session', does: 'runs a database query synchronously', what: 'flushes pending changes, runs the statement and fetches its rows', args: 'statement' }),
  sqlaMethod(SESSION, 'scalar', { receiver: 'session', does: 'runs a database query synchronously', what: 'flushes pending changes, runs the statement and fetches the first value', args: 'statement' }),
  sqlaMethod(SESSION, 'get', { receiver: 'session', does: 'loads a row synchronously', what: 'loads the object by primary key, with a SELECT unless it is already in the identity map,', args: 'instance, user_id' }),
  sqlaMethod(SESSION, 'get_one', { receiver: 'session', does: 'loads a row synchronously', what: 'loads the object by primary key, with a SELECT unless it is already in the identity map,', args: 'instance, user_id' }),
  sqlaMethod(SESSION, 'commit', { receiver: 'session', does: 'commits a transaction synchronously', what: 'flushes every pending change and commits', args: '' }),
  sqlaMethod(SESSION, 'flush', { receiver: 'session', does: 'writes to the database synchronously', what: 'sends every pending INSERT, UPDATE and DELETE', args: '' }),
  sqlaMethod(SESSION, 'refresh', { receiver: 'session', does: 'loads a row synchronously', what: "reloads the object's attributes with a SELECT", args: 'instance' }),
  sqlaMethod(SESSION, 'merge', { receiver: 'session', does: 'loads a row synchronously', what: 'looks the object up, with a SELECT when it is not loaded,', args: 'instance' }),
  sqlaMethod(SESSION, 'rollback', { receiver: 'session', does: 'rolls back a transaction synchronously', what: 'rolls the transaction back', args: '' }),

  // Legacy Query: building it (filter, order_by, ...) is free; these run it.
  queryMethod('all', { does: 'runs a database query synchronously', what: 'runs the SELECT and fetches every row', args: '', instead: '(await session.scalars(statement)).all()' }),
  queryMethod('first', { does: 'runs a database query synchronously', what: 'runs the SELECT with LIMIT 1 and fetches the row', args: '', instead: '(await session.scalars(statement.limit(1))).first()' }),
  queryMethod('one', { does: 'runs a database query synchronously', what: 'runs the SELECT and fetches exactly one row', args: '', instead: '(await session.scalars(statement)).one()' }),
  queryMethod('one_or_none', { does: 'runs a database query synchronously', what: 'runs the SELECT and fetches at most one row', args: '', instead: '(await session.scalars(statement)).one_or_none()' }),
  queryMethod('scalar', { does: 'runs a database query synchronously', what: 'runs the SELECT and fetches the first value', args: '', instead: 'await session.scalar(statement)' }),
  queryMethod('count', { does: 'runs a database query synchronously', what: 'runs a SELECT count(*) over the query', args: '', instead: 'await session.scalar(select(func.count()).select_from(statement.subquery()))' }),
  queryMethod('get', { does: 'loads a row synchronously', what: '(SQLAlchemy 1.x) loads the object by primary key', args: 'user_id', instead: 'await session.get(Model, user_id)' }),
  queryMethod('delete', { does: 'writes to the database synchronously', what: 'runs a bulk DELETE', args: '', instead: 'await session.execute(delete(Model).where(...))' }),
  queryMethod('update', { does: 'writes to the database synchronously', what: 'runs a bulk UPDATE', args: '{"active": False}', instead: 'await session.execute(update(Model).where(...).values(...))' }),
];
