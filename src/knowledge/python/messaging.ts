// Synchronous message-broker and task-queue clients: kafka-python, confluent-kafka, pika's BlockingConnection, Celery and RQ.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';
import { offloadable, threadCall } from './offloadable.js';

const KAFKA_PRODUCER = ['kafka.KafkaProducer', 'kafka.producer.KafkaProducer', 'kafka.producer.kafka.KafkaProducer'];
const KAFKA_CONSUMER = ['kafka.KafkaConsumer', 'kafka.consumer.KafkaConsumer', 'kafka.consumer.group.KafkaConsumer'];
const CONFLUENT_PRODUCER = ['confluent_kafka.Producer', 'confluent_kafka.SerializingProducer', 'confluent_kafka.cimpl.Producer'];
const CONFLUENT_CONSUMER = ['confluent_kafka.Consumer', 'confluent_kafka.DeserializingConsumer', 'confluent_kafka.cimpl.Consumer'];
const PIKA_CONNECTION = ['pika.BlockingConnection', 'pika.adapters.BlockingConnection', 'pika.adapters.blocking_connection.BlockingConnection'];
const PIKA_CHANNEL = 'pika.adapters.blocking_connection.BlockingChannel';
const CELERY_TASKS = ['celery.Task', 'celery.app.task.Task', 'celery.canvas.Signature', 'celery.Signature', 'celery.group', 'celery.chain', 'celery.chord'];
const CELERY_RESULTS = ['celery.result.AsyncResult', 'celery.result.GroupResult', 'celery.result.ResultSet'];
const CELERY_RESULT_SETS = ['celery.result.GroupResult', 'celery.result.ResultSet'];
const RQ_QUEUE = ['rq.Queue', 'rq.queue.Queue'];

/** A kafka-python method; aiokafka's producer and consumer are the awaitable twins. */
function kafkaMethod(names: readonly string[], method: string, o: {
  receiver: 'producer' | 'consumer';
  what: string;
  does: string;
  args: string;
  returns?: string;
  instead: string;
}): BlockingEntry {
  const cls = o.receiver === 'producer' ? 'KafkaProducer' : 'KafkaConsumer';
  const aio = o.receiver === 'producer' ? 'AIOKafkaProducer' : 'AIOKafkaConsumer';
  return blocking({
    id: `python:${names[0]}.${method}`,
    match: names.map((n) => `${n}.${method}`),
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'network-io',
    why: `kafka-python's ${cls}.${method} ${o.what}, on the calling thread.`,
    does: o.does,
    useInstead: [`${o.instead}  # ${o.receiver}: aiokafka.${aio}`, ...toThread(threadCall(`${o.receiver}.${method}`, o.args))],
    example: {
      bad: py`
        from kafka import ${cls}

        async def handle(${o.receiver}: ${cls}, payload: bytes):
            return ${o.receiver}.${method}(${o.args})
      `,
      good: py`
        from aiokafka import ${aio}

        async def handle(${o.receiver}: ${aio}, payload: bytes):
            return ${o.instead}
      `,
    },
  });
}

/** A pika BlockingChannel method; aio-pika's channel and queue objects are the awaitable twins. */
function pikaChannel(method: string, o: { what: string; does: string; args: string; good: string; instead?: string }): BlockingEntry {
  const api = `${PIKA_CHANNEL}.${method}`;
  return blocking({
    id: `python:${api}`,
    match: [api],
    category: 'network-io',
    why: `pika's BlockingChannel.${method} ${o.what}, working on the connection's blocking socket on the calling thread.`,
    does: o.does,
    useInstead: [`${o.instead ?? o.good}  # aio-pika`, ...toThread(threadCall(`channel.${method}`, o.args))],
    example: {
      bad: py`
        from pika.adapters.blocking_connection import BlockingChannel

        async def handle(channel: BlockingChannel, body: bytes):
            return channel.${method}(${o.args})
      `,
      good: py`
        import aio_pika

        async def handle(channel: aio_pika.abc.AbstractChannel, body: bytes):
            ${o.good}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // kafka-python: the constructors bootstrap (connect and probe the broker version) unless api_version is given.
  blocking({
    id: 'python:kafka.KafkaProducer',
    match: KAFKA_PRODUCER,
    category: 'network-io',
    why: "Constructing kafka-python's KafkaProducer connects to the bootstrap servers and, unless api_version is given, probes the broker's version, waiting on the calling thread.",
    does: 'connects to Kafka synchronously',
    useInstead: ['producer = aiokafka.AIOKafkaProducer(bootstrap_servers=servers); await producer.start()', 'create the producer once, at start-up'],
    example: {
      bad: py`
        from kafka import KafkaProducer

        async def handle(servers: str):
            return KafkaProducer(bootstrap_servers=servers)
      `,
      good: py`
        from aiokafka import AIOKafkaProducer

        async def handle(servers: str):
            producer = AIOKafkaProducer(bootstrap_servers=servers)
            await producer.start()
            return producer
      `,
    },
  }),
  blocking({
    id: 'python:kafka.KafkaConsumer',
    match: KAFKA_CONSUMER,
    category: 'network-io',
    why: "Constructing kafka-python's KafkaConsumer connects to the bootstrap servers and, unless api_version is given, probes the broker's version, waiting on the calling thread.",
    does: 'connects to Kafka synchronously',
    useInstead: ['consumer = aiokafka.AIOKafkaConsumer("events", bootstrap_servers=servers); await consumer.start()', 'create the consumer once, at start-up'],
    example: {
      bad: py`
        from kafka import KafkaConsumer

        async def handle(servers: str):
            return KafkaConsumer("events", bootstrap_servers=servers)
      `,
      good: py`
        from aiokafka import AIOKafkaConsumer

        async def handle(servers: str):
            consumer = AIOKafkaConsumer("events", bootstrap_servers=servers)
            await consumer.start()
            return consumer
      `,
    },
  }),
  kafkaMethod(KAFKA_PRODUCER, 'send', {
    receiver: 'producer',
    returns: 'kafka.producer.future.FutureRecordMetadata',
    what: "queues the record for the sender thread, but first waits (up to max_block_ms) for the topic's metadata from the cluster and for room in the buffer",
    does: 'sends to Kafka with blocking waits',
    args: '"events", payload',
    instead: 'await producer.send_and_wait("events", payload)',
  }),
  kafkaMethod(KAFKA_PRODUCER, 'flush', {
    receiver: 'producer',
    what: 'waits until every buffered record has been sent and acknowledged by the brokers',
    does: 'waits for Kafka synchronously',
    args: '',
    instead: 'await producer.flush()',
  }),
  blocking({
    id: 'python:kafka.producer.future.FutureRecordMetadata.get',
    match: ['kafka.producer.future.FutureRecordMetadata.get'],
    category: 'sync-wait',
    why: "The future kafka-python's send returns is resolved by the producer's sender thread; its get() blocks the calling thread until the broker has acknowledged the record or the timeout expires.",
    does: 'waits for a Kafka acknowledgement',
    useInstead: ['metadata = await producer.send_and_wait("events", payload)  # producer: aiokafka.AIOKafkaProducer', ...toThread('future.get, 10')],
    example: {
      bad: py`
        from kafka.producer.future import FutureRecordMetadata

        async def handle(future: FutureRecordMetadata):
            return future.get(timeout=10)
      `,
      good: py`
        import asyncio
        from kafka.producer.future import FutureRecordMetadata

        async def handle(future: FutureRecordMetadata):
            return await asyncio.to_thread(future.get, 10)
      `,
    },
  }),
  kafkaMethod(KAFKA_CONSUMER, 'poll', {
    receiver: 'consumer',
    what: 'fetches records, waiting up to timeout_ms for them, and also blocks for group coordination (finding the coordinator, joining, rebalancing) whatever the timeout',
    does: 'polls Kafka synchronously',
    args: 'timeout_ms=1000',
    instead: 'await consumer.getmany(timeout_ms=1000)',
  }),
  kafkaMethod(KAFKA_CONSUMER, 'commit', {
    receiver: 'consumer',
    what: 'commits the offsets and waits for the group coordinator to acknowledge them',
    does: 'commits Kafka offsets synchronously',
    args: '',
    instead: 'await consumer.commit()',
  }),

  // confluent-kafka: librdkafka works in its own threads; these calls wait for it. poll(0) only serves callbacks.
  offloadable('confluent_kafka.Producer.flush', {
    match: CONFLUENT_PRODUCER.map((n) => `${n}.flush`),
    category: 'network-io',
    why: "confluent_kafka's Producer.flush waits, on the calling thread, until librdkafka has delivered every queued message and run its delivery callbacks, or the timeout expires.",
    does: 'waits for Kafka deliveries synchronously',
    instead: ['await producer.flush()  # aiokafka.AIOKafkaProducer', 'call producer.poll(0) after each produce() to serve delivery callbacks without blocking'],
    imports: 'from confluent_kafka import Producer',
    params: 'producer: Producer',
    fn: 'producer.flush',
    args: '10',
  }),
  blocking({
    id: 'python:confluent_kafka.Producer.poll',
    match: CONFLUENT_PRODUCER.map((n) => `${n}.poll`),
    when: { minArg: { index: 0, keyword: 'timeout', value: 0.001 } },
    category: 'network-io',
    why: "confluent_kafka's Producer.poll waits on the calling thread, up to its timeout (for ever without one), for delivery events to serve; poll(0) only serves those already there and is not reported.",
    does: 'waits for Kafka events synchronously',
    useInstead: ['producer.poll(0)  # serves delivery callbacks without waiting', ...toThread('producer.poll, 1.0')],
    example: {
      bad: py`
        from confluent_kafka import Producer

        async def handle(producer: Producer, payload: bytes):
            producer.produce("events", payload)
            return producer.poll(1.0)
      `,
      good: py`
        from confluent_kafka import Producer

        async def handle(producer: Producer, payload: bytes):
            producer.produce("events", payload)
            return producer.poll(0)
      `,
    },
  }),
  blocking({
    id: 'python:confluent_kafka.Consumer.poll',
    match: CONFLUENT_CONSUMER.map((n) => `${n}.poll`),
    when: { minArg: { index: 0, keyword: 'timeout', value: 0.001 } },
    category: 'network-io',
    why: "confluent_kafka's Consumer.poll waits on the calling thread, up to its timeout (for ever without one), for the next message; poll(0) returns at once and is not reported.",
    does: 'polls Kafka synchronously',
    useInstead: ['msg = await consumer.getone()  # aiokafka.AIOKafkaConsumer', ...toThread('consumer.poll, 1.0')],
    example: {
      bad: py`
        from confluent_kafka import Consumer

        async def handle(consumer: Consumer):
            return consumer.poll(1.0)
      `,
      good: py`
        import asyncio
        from confluent_kafka import Consumer

        async def handle(consumer: Consumer):
            return await asyncio.to_thread(consumer.poll, 1.0)
      `,
    },
  }),
  offloadable('confluent_kafka.Consumer.consume', {
    match: CONFLUENT_CONSUMER.map((n) => `${n}.consume`),
    category: 'network-io',
    why: "confluent_kafka's Consumer.consume waits on the calling thread, up to its timeout (for ever by default), for a batch of messages.",
    does: 'polls Kafka synchronously',
    instead: ['batch = await consumer.getmany(timeout_ms=1000)  # aiokafka.AIOKafkaConsumer'],
    imports: 'from confluent_kafka import Consumer',
    params: 'consumer: Consumer',
    fn: 'consumer.consume',
    args: '100, 1.0',
  }),
  offloadable('confluent_kafka.Consumer.list_topics', {
    match: [...CONFLUENT_PRODUCER, ...CONFLUENT_CONSUMER, 'confluent_kafka.admin.AdminClient', 'confluent_kafka.AdminClient'].map((n) => `${n}.list_topics`),
    category: 'network-io',
    why: "confluent_kafka's list_topics requests the cluster metadata from a broker and waits for it, up to its timeout (for ever by default), on the calling thread.",
    does: 'requests Kafka metadata synchronously',
    imports: 'from confluent_kafka import Consumer',
    params: 'consumer: Consumer',
    fn: 'consumer.list_topics',
    args: 'timeout=5',
  }),

  // pika: BlockingConnection does AMQP on a blocking socket; aio-pika is the asyncio client.
  blocking({
    id: 'python:pika.BlockingConnection',
    match: PIKA_CONNECTION,
    category: 'network-io',
    why: "Constructing pika's BlockingConnection opens the TCP connection and runs the whole AMQP handshake (and TLS, and retries when configured) on the calling thread.",
    does: 'connects to RabbitMQ synchronously',
    useInstead: ['connection = await aio_pika.connect_robust(url)'],
    example: {
      bad: py`
        import pika

        async def handle(url: str):
            return pika.BlockingConnection(pika.URLParameters(url))
      `,
      good: py`
        import aio_pika

        async def handle(url: str):
            return await aio_pika.connect_robust(url)
      `,
    },
  }),
  blocking({
    id: 'python:pika.BlockingConnection.channel',
    match: PIKA_CONNECTION.map((n) => `${n}.channel`),
    returns: PIKA_CHANNEL,
    category: 'network-io',
    why: "pika's BlockingConnection.channel opens a channel and waits for the broker's Channel.OpenOk on the calling thread.",
    does: 'opens a RabbitMQ channel synchronously',
    useInstead: ['channel = await connection.channel()  # connection from aio_pika.connect_robust'],
    example: {
      bad: py`
        import pika

        async def handle(connection: pika.BlockingConnection):
            return connection.channel()
      `,
      good: py`
        import aio_pika

        async def handle(connection: aio_pika.abc.AbstractRobustConnection):
            return await connection.channel()
      `,
    },
  }),
  blocking({
    id: 'python:pika.BlockingConnection.process_data_events',
    match: PIKA_CONNECTION.flatMap((n) => [`${n}.process_data_events`, `${n}.sleep`]),
    category: 'network-io',
    why: "pika's BlockingConnection.process_data_events (and its sleep) services the connection's socket on the calling thread, waiting for frames up to the time limit.",
    does: 'waits on RabbitMQ synchronously',
    useInstead: ['aio-pika services its connections on the event loop: await the operation itself, or asyncio.sleep'],
    example: {
      bad: py`
        import pika

        async def handle(connection: pika.BlockingConnection):
            connection.process_data_events(time_limit=1)
      `,
      good: py`
        import asyncio

        async def handle(connection):
            await asyncio.sleep(1)
      `,
    },
  }),
  pikaChannel('basic_publish', {
    what: 'sends the message (and with publisher confirms waits for the broker to confirm it)',
    does: 'publishes to RabbitMQ synchronously',
    args: 'exchange="", routing_key="jobs", body=body',
    good: 'await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key="jobs")',
  }),
  pikaChannel('basic_get', {
    what: 'asks the broker for one message and waits for the reply',
    does: 'reads from RabbitMQ synchronously',
    args: 'queue="jobs"',
    good: 'queue = await channel.declare_queue("jobs", passive=True)\nreturn await queue.get(fail=False)',
    instead: 'message = await (await channel.declare_queue("jobs", passive=True)).get(fail=False)',
  }),
  pikaChannel('start_consuming', {
    what: 'runs the consumer loop, dispatching deliveries to the callbacks until consuming stops',
    does: 'consumes from RabbitMQ synchronously',
    args: '',
    good: 'queue = await channel.declare_queue("jobs")\nawait queue.consume(print)',
    instead: 'await queue.consume(callback)',
  }),
  pikaChannel('consume', {
    what: 'returns a generator that waits for each delivery as it is iterated',
    does: 'consumes from RabbitMQ synchronously',
    args: '"jobs"',
    good: 'queue = await channel.declare_queue("jobs")\nasync with queue.iterator() as messages:\n    async for message in messages:\n        return message',
    instead: 'async with queue.iterator() as messages: async for message in messages: ...',
  }),
  pikaChannel('queue_declare', {
    what: 'declares the queue and waits for the broker\'s Queue.DeclareOk',
    does: 'declares a RabbitMQ queue synchronously',
    args: '"jobs", durable=True',
    good: 'return await channel.declare_queue("jobs", durable=True)',
  }),
  pikaChannel('exchange_declare', {
    what: 'declares the exchange and waits for the broker\'s Exchange.DeclareOk',
    does: 'declares a RabbitMQ exchange synchronously',
    args: '"events", exchange_type="topic"',
    good: 'return await channel.declare_exchange("events", aio_pika.ExchangeType.TOPIC)',
  }),
  pikaChannel('queue_bind', {
    what: 'binds the queue and waits for the broker\'s Queue.BindOk',
    does: 'binds a RabbitMQ queue synchronously',
    args: '"jobs", "events", routing_key="jobs.*"',
    good: 'queue = await channel.declare_queue("jobs")\nreturn await queue.bind("events", routing_key="jobs.*")',
    instead: 'await queue.bind(exchange, routing_key="jobs.*")',
  }),

  // Celery: publishing goes through kombu's blocking broker connection; waiting for results polls the backend.
  // A task function decorated with @app.task or @shared_task is a repository function, so only calls
  // on values typed as tasks or signatures resolve here.
  offloadable('celery.Task.apply_async', {
    match: CELERY_TASKS.flatMap((n) => [`${n}.apply_async`, `${n}.delay`]),
    returns: 'celery.result.AsyncResult',
    category: 'network-io',
    why: 'Celery\'s apply_async (and delay, its shortcut) publishes the task message through a blocking kombu connection to the broker, connecting and retrying as needed, on the calling thread.',
    does: 'publishes a Celery task synchronously',
    imports: 'from celery import Task',
    params: 'task: Task, order_id: int',
    fn: 'task.delay',
    args: 'order_id',
  }),
  offloadable('celery.Celery.send_task', {
    match: ['celery.Celery.send_task', 'celery.app.base.Celery.send_task', 'celery.current_app.send_task'],
    returns: 'celery.result.AsyncResult',
    category: 'network-io',
    why: 'Celery.send_task publishes the task message through a blocking kombu connection to the broker, connecting and retrying as needed, on the calling thread.',
    does: 'publishes a Celery task synchronously',
    imports: 'from celery import Celery',
    params: 'app: Celery, order_id: int',
    fn: 'app.send_task',
    args: '"orders.ship", args=[order_id]',
  }),
  offloadable('celery.result.AsyncResult.get', {
    match: [...CELERY_RESULTS.flatMap((n) => [`${n}.get`, `${n}.wait`]), ...CELERY_RESULT_SETS.map((n) => `${n}.join`)],
    category: 'sync-wait',
    why: "Celery's AsyncResult.get waits on the calling thread until the task has finished, polling the result backend or waiting on its pub/sub channel.",
    does: 'waits for a Celery task',
    instead: ['poll result.ready() between await asyncio.sleep(...) calls, or have the task report back instead of waiting for it'],
    imports: 'from celery.result import AsyncResult',
    params: 'result: AsyncResult',
    fn: 'result.get',
    args: 'timeout=30',
  }),

  // RQ: enqueueing writes the job to Redis through redis-py.
  offloadable('rq.Queue.enqueue', {
    match: RQ_QUEUE.flatMap((n) => [`${n}.enqueue`, `${n}.enqueue_call`]),
    returns: 'rq.job.Job',
    category: 'network-io',
    why: 'rq.Queue.enqueue serializes the job and writes it to Redis with blocking redis-py commands on the calling thread.',
    does: 'enqueues an RQ job synchronously',
    instead: ['await redis.enqueue_job("ship_order", order_id)  # arq, an asyncio job queue on Redis'],
    imports: 'from rq import Queue',
    params: 'queue: Queue, ship_order, order_id: int',
    fn: 'queue.enqueue',
    args: 'ship_order, order_id',
  }),
  offloadable('rq.Queue.enqueue_at', {
    match: RQ_QUEUE.flatMap((n) => [`${n}.enqueue_at`, `${n}.enqueue_in`]),
    returns: 'rq.job.Job',
    category: 'network-io',
    why: 'rq.Queue.enqueue_at (and enqueue_in) serializes the job and writes it to the Redis schedule with blocking redis-py commands on the calling thread.',
    does: 'schedules an RQ job synchronously',
    instead: ['await redis.enqueue_job("ship_order", order_id, _defer_by=delay)  # arq'],
    imports: 'from rq import Queue',
    params: 'queue: Queue, ship_order, order_id: int, delay',
    fn: 'queue.enqueue_in',
    args: 'delay, ship_order, order_id',
  }),
  offloadable('rq.job.Job.fetch', {
    match: ['rq.job.Job.fetch', 'rq.Job.fetch'],
    returns: 'rq.job.Job',
    category: 'network-io',
    why: "rq's Job.fetch loads the job's hash from Redis with blocking redis-py commands on the calling thread.",
    does: 'reads an RQ job synchronously',
    imports: 'from redis import Redis\nfrom rq.job import Job',
    params: 'redis: Redis, job_id: str',
    fn: 'Job.fetch',
    args: 'job_id, connection=redis',
  }),
];
