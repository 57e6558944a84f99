// The synchronous redis-py client: its commands, pipelines, pub/sub and locks. redis.asyncio is
// the non-blocking side (non-blocking.ts).
//
// The commands are listed by name rather than as `redis.Redis.*`: the client also has methods that
// only build objects (pipeline, pubsub, lock, register_script), and those must not be reported.

import { blocking, nonBlocking, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The sync client classes a value can be: the constructors and `from_url` give `redis.Redis` (types.ts). */
const CLIENTS = ['redis.Redis', 'redis.StrictRedis', 'redis.client.Redis', 'redis.cluster.RedisCluster', 'redis.RedisCluster'];

/** Commands of the sync client, each a request and a reply on the connection's socket. */
const COMMANDS = [
  // Keys and strings.
  'get', 'set', 'mget', 'mset', 'setex', 'psetex', 'setnx', 'getset', 'getdel', 'getex', 'append', 'strlen',
  'incr', 'incrby', 'incrbyfloat', 'decr', 'decrby', 'delete', 'unlink', 'exists', 'expire', 'expireat', 'pexpire',
  'ttl', 'pttl', 'persist', 'rename', 'type', 'keys', 'scan', 'scan_iter', 'dump', 'restore', 'copy', 'touch',
  // Hashes.
  'hget', 'hset', 'hsetnx', 'hmget', 'hmset', 'hgetall', 'hdel', 'hexists', 'hincrby', 'hincrbyfloat', 'hkeys',
  'hvals', 'hlen', 'hscan', 'hscan_iter',
  // Lists.
  'lpush', 'rpush', 'lpop', 'rpop', 'blpop', 'brpop', 'brpoplpush', 'blmove', 'lmove', 'lrange', 'llen', 'lindex',
  'lset', 'lrem', 'ltrim', 'linsert', 'rpoplpush',
  // Sets and sorted sets.
  'sadd', 'srem', 'smembers', 'sismember', 'smismember', 'scard', 'spop', 'srandmember', 'sinter', 'sunion',
  'sdiff', 'sscan', 'sscan_iter', 'zadd', 'zrem', 'zrange', 'zrangebyscore', 'zrevrange', 'zrevrangebyscore',
  'zscore', 'zincrby', 'zcard', 'zcount', 'zrank', 'zrevrank', 'zpopmin', 'zpopmax', 'bzpopmin', 'bzpopmax',
  'zremrangebyscore', 'zremrangebyrank', 'zscan', 'zscan_iter',
  // Streams, HyperLogLog, bitmaps, geo.
  'xadd', 'xread', 'xreadgroup', 'xack', 'xrange', 'xrevrange', 'xlen', 'xdel', 'xtrim', 'xgroup_create',
  'xpending', 'xclaim', 'xautoclaim', 'pfadd', 'pfcount', 'pfmerge', 'setbit', 'getbit', 'bitcount', 'geoadd',
  'geosearch', 'geodist', 'geopos',
  // Pub/sub, scripting, server.
  'publish', 'eval', 'evalsha', 'script_load', 'ping', 'echo', 'info', 'dbsize', 'flushdb', 'flushall', 'time',
  'config_get', 'config_set', 'client_list', 'wait', 'watch', 'unwatch', 'transaction',
];

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:redis.Redis.execute_command',
    match: [...CLIENTS.map((c) => `${c}.execute_command`), ...COMMANDS.flatMap((cmd) => CLIENTS.map((c) => `${c}.${cmd}`))],
    category: 'database',
    why: 'Every command of the synchronous redis client goes through execute_command, which writes the request to a blocking socket and waits on the calling thread for the reply; blocking commands such as BLPOP wait for data too.',
    does: 'sends a blocking Redis command',
    useInstead: ['await client.get(key)  # client = redis.asyncio.Redis(...) or redis.asyncio.from_url(url), same commands', ...toThread('client.get, key')],
    example: {
      bad: py`
        import redis

        async def cached_profile(client: redis.Redis, user_id: str):
            return client.get(f"profile:{user_id}")
      `,
      good: py`
        import redis.asyncio

        async def cached_profile(client: redis.asyncio.Redis, user_id: str):
            return await client.get(f"profile:{user_id}")
      `,
    },
  }),

  // Pipelines buffer commands in memory; only execute talks to the server.
  nonBlocking({
    id: 'python:redis.client.Pipeline',
    match: ['redis.client.Pipeline.*', 'redis.cluster.ClusterPipeline.*'],
    why: 'A pipeline only queues commands in memory until execute() sends them all: queuing a command does no I/O.',
    example: {
      bad: py`
        import redis

        async def bump(client: redis.Redis, key: str) -> None:
            client.incr(key)
      `,
      good: py`
        import asyncio

        import redis

        async def bump(client: redis.Redis, key: str) -> None:
            pipe = client.pipeline()
            pipe.incr(key)
            pipe.expire(key, 60)
            await asyncio.to_thread(pipe.execute)
      `,
    },
  }),
  blocking({
    id: 'python:redis.client.Pipeline.execute',
    match: ['redis.client.Pipeline.execute', 'redis.cluster.ClusterPipeline.execute'],
    category: 'database',
    why: 'redis Pipeline.execute sends every queued command over a blocking socket and waits on the calling thread for all the replies.',
    does: 'sends blocking Redis commands',
    useInstead: ['async with client.pipeline() as pipe: pipe.incr(key); await pipe.execute()  # client: redis.asyncio.Redis', ...toThread('pipe.execute')],
    example: {
      bad: py`
        import redis

        async def bump(client: redis.Redis, key: str) -> None:
            pipe = client.pipeline()
            pipe.incr(key)
            pipe.execute()
      `,
      good: py`
        import redis.asyncio

        async def bump(client: redis.asyncio.Redis, key: str) -> None:
            pipe = client.pipeline()
            pipe.incr(key)
            await pipe.execute()
      `,
    },
  }),

  // Pub/sub: reading messages waits for the server.
  blocking({
    id: 'python:redis.client.PubSub.get_message',
    match: ['redis.client.PubSub.get_message'],
    category: 'database',
    why: 'redis PubSub.get_message reads from a blocking socket, waiting on the calling thread up to its timeout for a message.',
    does: 'waits for a Redis message',
    useInstead: ['message = await pubsub.get_message(timeout=1.0)  # pubsub from redis.asyncio.Redis.pubsub()'],
    example: {
      bad: py`
        import redis.client

        async def next_event(pubsub: redis.client.PubSub):
            return pubsub.get_message(timeout=1.0)
      `,
      good: py`
        import redis.asyncio.client

        async def next_event(pubsub: redis.asyncio.client.PubSub):
            return await pubsub.get_message(timeout=1.0)
      `,
    },
  }),
  blocking({
    id: 'python:redis.client.PubSub.listen',
    match: ['redis.client.PubSub.listen'],
    category: 'database',
    why: 'redis PubSub.listen is a generator that waits on a blocking socket for each message, holding the calling thread for as long as it is iterated.',
    does: 'waits for Redis messages',
    useInstead: ['async for message in pubsub.listen(): ...  # pubsub from redis.asyncio.Redis.pubsub()'],
    example: {
      bad: py`
        import redis.client

        async def events(pubsub: redis.client.PubSub):
            for message in pubsub.listen():
                print(message)
      `,
      good: py`
        import redis.asyncio.client

        async def events(pubsub: redis.asyncio.client.PubSub):
            async for message in pubsub.listen():
                print(message)
      `,
    },
  }),

  // Locks: acquire polls the server, sleeping between tries.
  blocking({
    id: 'python:redis.lock.Lock.acquire',
    match: ['redis.lock.Lock.acquire'],
    category: 'lock',
    why: 'redis Lock.acquire retries SET NX over a blocking socket and sleeps with time.sleep between tries, so the calling thread waits until the lock is free or the timeout passes.',
    does: 'waits for a Redis lock',
    useInstead: ['async with client.lock(name, timeout=10): ...  # client: redis.asyncio.Redis', ...toThread('lock.acquire')],
    example: {
      bad: py`
        import redis

        async def run_exclusive(client: redis.Redis) -> bool:
            lock = client.lock("nightly-report", timeout=60)
            return lock.acquire(blocking_timeout=5)
      `,
      good: py`
        import redis.asyncio

        async def run_exclusive(client: redis.asyncio.Redis) -> bool:
            lock = client.lock("nightly-report", timeout=60)
            return await lock.acquire(blocking_timeout=5)
      `,
    },
  }),
];
