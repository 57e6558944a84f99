// The redis crate's synchronous connections; its `aio` connections are async and listed with
// the non-blocking families.

import { blocking, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

const INSTEAD = [
  'an async connection: client.get_multiplexed_async_connection().await?, then con.get(key).await?',
  'redis::cmd("GET").arg(key).query_async(&mut con).await?',
  'a deadpool_redis or bb8_redis pool, awaited',
];

export const entries: readonly Entry[] = [
  blocking({
    id: 'rust:redis.Client.get_connection',
    match: ['redis.Client.get_connection', 'redis.Client.get_connection_with_timeout', 'redis.cluster.ClusterClient.get_connection'],
    category: 'database',
    why: 'redis::Client::get_connection opens a synchronous connection to the server on the calling thread.',
    does: 'opens a blocking Redis connection',
    returns: 'redis.Connection',
    useInstead: INSTEAD,
    example: {
      bad: rs`
        async fn connect(client: redis::Client) -> redis::RedisResult<()> {
            let _con = client.get_connection()?;
            Ok(())
        }
      `,
      good: rs`
        async fn connect(client: redis::Client) -> redis::RedisResult<()> {
            let _con = client.get_multiplexed_async_connection().await?;
            Ok(())
        }
      `,
    },
  }),
  blocking({
    id: 'rust:redis.Connection',
    match: ['redis.Connection.*', 'redis.cluster.ClusterConnection.*'],
    category: 'database',
    why: 'Commands on a synchronous redis Connection (get, set, incr, publish... from redis::Commands) send the request and wait for the reply on the calling thread.',
    does: 'runs a blocking Redis command',
    useInstead: INSTEAD,
    example: {
      bad: rs`
        use redis::Commands;

        async fn bump(con: &mut redis::Connection) -> redis::RedisResult<i64> {
            con.incr("visits", 1)
        }
      `,
      good: rs`
        use redis::AsyncCommands;

        async fn bump(con: &mut redis::aio::MultiplexedConnection) -> redis::RedisResult<i64> {
            con.incr("visits", 1).await
        }
      `,
    },
  }),
  blocking({
    id: 'rust:redis.Cmd.query',
    match: ['redis.Cmd.query', 'redis.Cmd.execute', 'redis.Pipeline.query', 'redis.Pipeline.execute'],
    category: 'database',
    why: 'Cmd::query and Pipeline::query run the command on a synchronous connection and wait for the reply on the calling thread.',
    does: 'runs a blocking Redis command',
    useInstead: ['redis::cmd(...).query_async(&mut con).await?', ...INSTEAD.slice(2)],
    example: {
      bad: rs`
        async fn ttl(con: &mut redis::Connection, key: String) -> redis::RedisResult<i64> {
            redis::cmd("TTL").arg(&key).query(con)
        }
      `,
      good: rs`
        async fn ttl(con: &mut redis::aio::MultiplexedConnection, key: String) -> redis::RedisResult<i64> {
            redis::cmd("TTL").arg(&key).query_async(con).await
        }
      `,
    },
  }),
  type({ id: 'rust:redis.Client.open', match: ['redis.Client.open'], returns: 'redis.Client' }),
  type({ id: 'rust:redis.cmd', match: ['redis.cmd', 'redis.Cmd.new', 'redis.Cmd.arg', 'redis.Cmd.cursor_arg'], returns: 'redis.Cmd' }),
  type({ id: 'rust:redis.pipe', match: ['redis.pipe', 'redis.Pipeline.new', 'redis.Pipeline.cmd', 'redis.Pipeline.arg', 'redis.Pipeline.atomic', 'redis.Pipeline.ignore', 'redis.Pipeline.add_command'], returns: 'redis.Pipeline' }),
  type({ id: 'rust:redis.Client.get_multiplexed_async_connection', match: ['redis.Client.get_multiplexed_async_connection', 'redis.Client.get_multiplexed_tokio_connection'], returns: 'redis.aio.MultiplexedConnection' }),
];
