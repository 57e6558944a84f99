// Value-flow facts: what calls that do no blocking I/O return, so that later calls on their results
// resolve (`sqlite3.Connection.cursor` returns `sqlite3.Cursor`, `client["shop"]` is a Database).
//
// An entry here also tells the analysis that the API is known and does not block. Blocking APIs
// carry their own `returns` in their files. The result of calling a class is already an instance
// of it: only calls that return something else are listed.

import { type, type Entry, type TypeEntry } from '../entry.js';

/** One fact per API: calling (or reading, for properties and `__getattr__`) `api` gives a `returns`. */
const gives = (returns: string, api: string, ...aliases: string[]): TypeEntry =>
  type({ id: `python:${api}`, match: [api, ...aliases], returns });

export const entries: readonly Entry[] = [
  // asyncio: the loop accessors, so that `loop.run_in_executor` and `loop.run_until_complete` resolve.
  gives('asyncio.AbstractEventLoop', 'asyncio.get_running_loop', 'asyncio.events.get_running_loop'),
  gives('asyncio.AbstractEventLoop', 'asyncio.get_event_loop', 'asyncio.events.get_event_loop'),
  gives('asyncio.AbstractEventLoop', 'asyncio.new_event_loop', 'asyncio.events.new_event_loop'),
  gives('asyncio.AbstractEventLoop', 'uvloop.new_event_loop'),
  // A concurrent future, whose result() blocks, unlike an asyncio one.
  gives('concurrent.futures.Future', 'asyncio.run_coroutine_threadsafe'),

  // Files and paths.
  gives('io.IOBase', 'os.fdopen'),
  gives('tarfile.TarFile', 'tarfile.open'),
  gives('pathlib.Path', 'pathlib.Path.__truediv__', 'pathlib.PurePath.__truediv__'),
  gives('pathlib.Path', 'pathlib.Path.parent'),
  gives('pathlib.Path', 'pathlib.Path.joinpath'),
  gives('pathlib.Path', 'pathlib.Path.with_name'),
  gives('pathlib.Path', 'pathlib.Path.with_stem'),
  gives('pathlib.Path', 'pathlib.Path.with_suffix'),
  gives('pathlib.Path', 'pathlib.Path.relative_to'),
  gives('pathlib.Path', 'pathlib.Path.absolute'),
  gives('pathlib.Path', 'pathlib.Path.expanduser'),
  gives('pathlib.Path', 'pathlib.Path.cwd'),
  gives('pathlib.Path', 'pathlib.Path.home'),

  // HTTP clients.
  gives('urllib.request.OpenerDirector', 'urllib.request.build_opener'),
  gives('requests.Session', 'requests.session', 'requests.sessions.session'),
  gives('urllib3.HTTPConnectionPool', 'urllib3.connection_from_url', 'urllib3.connectionpool.connection_from_url'),
  gives('urllib3.HTTPConnectionPool', 'urllib3.PoolManager.connection_from_url', 'urllib3.PoolManager.connection_from_host'),

  // SQL drivers: cursor() only creates the cursor object.
  gives('sqlite3.Cursor', 'sqlite3.Connection.cursor'),
  gives('psycopg2.extensions.cursor', 'psycopg2.extensions.connection.cursor'),
  gives('psycopg.Cursor', 'psycopg.Connection.cursor'),
  gives('psycopg.AsyncConnection', 'psycopg.AsyncConnection.connect'),
  gives('psycopg.AsyncCursor', 'psycopg.AsyncConnection.cursor'),
  gives('pymysql.cursors.Cursor', 'pymysql.connections.Connection.cursor'),

  // SQLAlchemy: engines connect lazily; a session factory gives sessions when called (`__call__`:
  // calling an instance), a scoped session proxies a Session's methods, and the legacy Query is
  // built in memory until a terminal method runs it.
  gives('sqlalchemy.engine.Engine', 'sqlalchemy.create_engine', 'sqlalchemy.engine.create_engine', 'sqlalchemy.engine_from_config'),
  gives('sqlalchemy.orm.Session', 'sqlalchemy.orm.sessionmaker.__call__', 'sqlalchemy.orm.session.sessionmaker.__call__'),
  gives('sqlalchemy.orm.Session', 'sqlalchemy.orm.sessionmaker.begin', 'sqlalchemy.orm.session.sessionmaker.begin'),
  gives('sqlalchemy.orm.Session', 'sqlalchemy.orm.scoped_session', 'sqlalchemy.orm.scoping.scoped_session'),
  gives('sqlalchemy.orm.Query', 'sqlalchemy.orm.Session.query', 'sqlalchemy.orm.session.Session.query'),
  ...['filter', 'filter_by', 'where', 'order_by', 'group_by', 'having', 'limit', 'offset', 'join', 'outerjoin', 'options', 'distinct', 'select_from', 'with_entities', 'execution_options'].map(
    (builder) => gives('sqlalchemy.orm.Query', `sqlalchemy.orm.Query.${builder}`, `sqlalchemy.orm.query.Query.${builder}`),
  ),
  gives('sqlalchemy.ext.asyncio.AsyncEngine', 'sqlalchemy.ext.asyncio.create_async_engine'),
  gives('sqlalchemy.ext.asyncio.AsyncSession', 'sqlalchemy.ext.asyncio.async_sessionmaker.__call__'),
  gives('sqlalchemy.ext.asyncio.AsyncSession', 'sqlalchemy.ext.asyncio.async_scoped_session'),

  // PyMongo: `client["shop"]`, `client.shop` and `db["orders"]`, `db.orders` select without I/O.
  gives('pymongo.database.Database', 'pymongo.MongoClient.__getitem__', 'pymongo.mongo_client.MongoClient.__getitem__'),
  gives('pymongo.database.Database', 'pymongo.MongoClient.__getattr__', 'pymongo.mongo_client.MongoClient.__getattr__'),
  gives('pymongo.database.Database', 'pymongo.MongoClient.get_database', 'pymongo.mongo_client.MongoClient.get_database'),
  gives('pymongo.database.Database', 'pymongo.MongoClient.get_default_database', 'pymongo.mongo_client.MongoClient.get_default_database'),
  gives('pymongo.collection.Collection', 'pymongo.database.Database.__getitem__'),
  gives('pymongo.collection.Collection', 'pymongo.database.Database.__getattr__'),
  gives('pymongo.collection.Collection', 'pymongo.database.Database.get_collection'),
  gives('pymongo.collection.Collection', 'pymongo.collection.Collection.__getitem__'),
  gives('pymongo.collection.Collection', 'pymongo.collection.Collection.__getattr__'),

  // redis-py: every way to get a sync client gives `redis.Redis`; pipeline(), pubsub() and lock()
  // build objects without I/O.
  gives('redis.Redis', 'redis.StrictRedis', 'redis.client.Redis', 'redis.client.StrictRedis'),
  gives('redis.Redis', 'redis.from_url', 'redis.Redis.from_url', 'redis.StrictRedis.from_url', 'redis.client.Redis.from_url'),
  gives('redis.client.Pipeline', 'redis.Redis.pipeline', 'redis.StrictRedis.pipeline', 'redis.client.Redis.pipeline'),
  gives('redis.client.PubSub', 'redis.Redis.pubsub', 'redis.StrictRedis.pubsub', 'redis.client.Redis.pubsub'),
  gives('redis.lock.Lock', 'redis.Redis.lock', 'redis.StrictRedis.lock', 'redis.client.Redis.lock'),
  gives('redis.asyncio.Redis', 'redis.asyncio.from_url', 'redis.asyncio.Redis.from_url', 'redis.asyncio.StrictRedis'),

  // boto3: clients are typed `boto3.client`, resources (and their sub-resources) ServiceResource.
  gives('boto3.session.Session', 'boto3.Session'),
  gives('boto3.client', 'boto3.client', 'boto3.session.Session.client'),
  gives('boto3.resources.base.ServiceResource', 'boto3.resource', 'boto3.session.Session.resource'),
  gives('boto3.client', 'boto3.resources.base.ServiceResource.meta.client'),
  ...['Bucket', 'Object', 'ObjectSummary', 'MultipartUpload', 'Table', 'Queue', 'Message', 'Topic', 'Subscription', 'Instance', 'Volume', 'Vpc', 'SecurityGroup', 'User', 'Role'].map(
    (sub) => gives('boto3.resources.base.ServiceResource', `boto3.resources.base.ServiceResource.${sub}`),
  ),
  // The local helpers of a client: signing a URL, building a paginator or waiter, does no I/O.
  gives('botocore.paginate.Paginator', 'boto3.client.get_paginator', 'botocore.client.BaseClient.get_paginator'),
  gives('botocore.waiter.Waiter', 'boto3.client.get_waiter', 'botocore.client.BaseClient.get_waiter'),
  gives('builtins.str', 'boto3.client.generate_presigned_url', 'botocore.client.BaseClient.generate_presigned_url'),
  gives('builtins.dict', 'boto3.client.generate_presigned_post', 'botocore.client.BaseClient.generate_presigned_post'),
  gives('builtins.bool', 'boto3.client.can_paginate', 'botocore.client.BaseClient.can_paginate'),

  // Home Assistant's shared async HTTP clients: getting one does no I/O (and its name is not a request).
  gives('aiohttp.ClientSession', 'homeassistant.helpers.aiohttp_client.async_get_clientsession'),
  gives('httpx.AsyncClient', 'homeassistant.helpers.httpx_client.get_async_client'),

  // Twilio: the client's list resources are attributes, read without I/O.
  gives('twilio.rest.api.v2010.account.message.MessageList', 'twilio.rest.Client.messages', 'twilio.rest.Client.api.account.messages', 'twilio.rest.Client.api.v2010.account.messages'),
  gives('twilio.rest.api.v2010.account.call.CallList', 'twilio.rest.Client.calls', 'twilio.rest.Client.api.account.calls', 'twilio.rest.Client.api.v2010.account.calls'),

  // Google Cloud Storage: bucket() and blob() build references without a request.
  gives('google.cloud.storage.Bucket', 'google.cloud.storage.Client.bucket', 'google.cloud.storage.client.Client.bucket'),
  gives('google.cloud.storage.Blob', 'google.cloud.storage.Bucket.blob', 'google.cloud.storage.bucket.Bucket.blob'),

  // Azure Blob Storage: clients are built from connection strings, URLs and each other without I/O.
  gives('azure.storage.blob.BlobServiceClient', 'azure.storage.blob.BlobServiceClient.from_connection_string'),
  gives('azure.storage.blob.ContainerClient', 'azure.storage.blob.BlobServiceClient.get_container_client', 'azure.storage.blob.ContainerClient.from_connection_string', 'azure.storage.blob.ContainerClient.from_container_url'),
  gives('azure.storage.blob.BlobClient', 'azure.storage.blob.BlobServiceClient.get_blob_client', 'azure.storage.blob.ContainerClient.get_blob_client', 'azure.storage.blob.BlobClient.from_connection_string', 'azure.storage.blob.BlobClient.from_blob_url'),

  // docker-py: the client's collections are attributes.
  gives('docker.models.containers.ContainerCollection', 'docker.DockerClient.containers', 'docker.client.DockerClient.containers'),
  gives('docker.models.images.ImageCollection', 'docker.DockerClient.images', 'docker.client.DockerClient.images'),

  // Celery: AsyncResult(task_id) and signature() only build objects.
  gives('celery.canvas.Signature', 'celery.signature', 'celery.canvas.signature', 'celery.Task.s', 'celery.Task.si', 'celery.Task.signature', 'celery.app.task.Task.s', 'celery.app.task.Task.si', 'celery.app.task.Task.signature'),

  // API SDK clients: option copies are new clients, made without I/O.
  gives('openai.OpenAI', 'openai.OpenAI.with_options', 'openai.OpenAI.copy'),
  gives('anthropic.Anthropic', 'anthropic.Anthropic.with_options', 'anthropic.Anthropic.copy'),
  gives('elasticsearch.Elasticsearch', 'elasticsearch.Elasticsearch.options'),
];
