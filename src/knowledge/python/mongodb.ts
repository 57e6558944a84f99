// PyMongo, the synchronous MongoDB driver. Motor and PyMongo's async API are the non-blocking side
// (non-blocking.ts); `client["db"]["coll"]` and `client.db.coll` are followed through types.ts.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/**
 * A `pymongo.collection.Collection` method that runs a command on the server. `goodCall` is the
 * same operation on a Motor collection, awaited unless it returns a cursor.
 */
function collectionMethod(name: string, o: { does: string; what: string; args: string; goodCall?: string; returns?: string }): BlockingEntry {
  const call = `${name}(${o.args})`;
  return blocking({
    id: `python:pymongo.collection.Collection.${name}`,
    match: [`pymongo.collection.Collection.${name}`],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'database',
    why: `pymongo Collection.${name} ${o.what} on a blocking socket, holding the calling thread and the event loop until the server replies.`,
    does: o.does,
    useInstead: [
      `${o.goodCall ?? `await orders.${call}`}  # orders: a Motor AsyncIOMotorCollection, or pymongo.AsyncMongoClient's collection`,
      ...toThread(`orders.${name}${o.args ? `, ${o.args}` : ''}`),
    ],
    example: {
      bad: py`
        from pymongo.collection import Collection

        async def handle(orders: Collection, order_id: str, order: dict, pipeline: list[dict]):
            return orders.${call}
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorCollection

        async def handle(orders: AsyncIOMotorCollection, order_id: str, order: dict, pipeline: list[dict]):
            return ${o.goodCall ?? `await orders.${call}`}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Reads.
  collectionMethod('find_one', { does: 'runs a blocking MongoDB query', what: 'sends the query and waits for the first matching document', args: '{"_id": order_id}' }),
  collectionMethod('find', {
    does: 'runs a blocking MongoDB query',
    what: 'returns a cursor that sends the query and fetches each batch of documents, on this thread, as it is iterated',
    args: '{"status": "open"}',
    goodCall: 'await orders.find({"status": "open"}).to_list(length=100)',
    returns: 'pymongo.cursor.Cursor',
  }),
  collectionMethod('aggregate', { does: 'runs a blocking MongoDB aggregation', what: 'runs the aggregation pipeline and waits for the first batch of results', args: 'pipeline', goodCall: 'await orders.aggregate(pipeline).to_list(length=100)' }),
  collectionMethod('count_documents', { does: 'runs a blocking MongoDB query', what: 'counts the matching documents on the server', args: '{"status": "open"}' }),
  collectionMethod('estimated_document_count', { does: 'runs a blocking MongoDB query', what: 'asks the server for the collection size', args: '' }),
  collectionMethod('distinct', { does: 'runs a blocking MongoDB query', what: 'collects the distinct values of a field on the server', args: '"status"' }),
  // Writes.
  collectionMethod('insert_one', { does: 'writes to MongoDB synchronously', what: 'inserts the document and waits for the acknowledgement', args: 'order' }),
  collectionMethod('insert_many', { does: 'writes to MongoDB synchronously', what: 'inserts the documents and waits for the acknowledgement', args: '[order]' }),
  collectionMethod('update_one', { does: 'writes to MongoDB synchronously', what: 'updates a document and waits for the acknowledgement', args: '{"_id": order_id}, {"$set": order}' }),
  collectionMethod('update_many', { does: 'writes to MongoDB synchronously', what: 'updates the matching documents and waits for the acknowledgement', args: '{"status": "open"}, {"$set": order}' }),
  collectionMethod('replace_one', { does: 'writes to MongoDB synchronously', what: 'replaces a document and waits for the acknowledgement', args: '{"_id": order_id}, order' }),
  collectionMethod('delete_one', { does: 'writes to MongoDB synchronously', what: 'deletes a document and waits for the acknowledgement', args: '{"_id": order_id}' }),
  collectionMethod('delete_many', { does: 'writes to MongoDB synchronously', what: 'deletes the matching documents and waits for the acknowledgement', args: '{"status": "cancelled"}' }),
  collectionMethod('find_one_and_update', { does: 'writes to MongoDB synchronously', what: 'updates a document atomically and waits for it', args: '{"_id": order_id}, {"$set": order}' }),
  collectionMethod('find_one_and_replace', { does: 'writes to MongoDB synchronously', what: 'replaces a document atomically and waits for it', args: '{"_id": order_id}, order' }),
  collectionMethod('find_one_and_delete', { does: 'writes to MongoDB synchronously', what: 'deletes a document atomically and waits for it', args: '{"_id": order_id}' }),
  collectionMethod('bulk_write', { does: 'writes to MongoDB synchronously', what: 'sends a batch of writes and waits for the result', args: 'pipeline' }),
  // Indexes and collections.
  collectionMethod('create_index', { does: 'changes MongoDB indexes synchronously', what: 'builds an index on the server and waits for it', args: '"status"' }),
  collectionMethod('drop', { does: 'drops a MongoDB collection synchronously', what: 'drops the collection and waits for the server', args: '' }),

  // Database and client commands.
  blocking({
    id: 'python:pymongo.database.Database.command',
    match: ['pymongo.database.Database.command'],
    category: 'database',
    why: 'pymongo Database.command sends a database command and waits for its reply on a blocking socket, on the calling thread.',
    does: 'runs a blocking MongoDB command',
    useInstead: ['await db.command("ping")  # db: a Motor AsyncIOMotorDatabase', ...toThread('db.command, "ping"')],
    example: {
      bad: py`
        from pymongo.database import Database

        async def healthy(db: Database) -> bool:
            return db.command("ping")["ok"] == 1
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorDatabase

        async def healthy(db: AsyncIOMotorDatabase) -> bool:
            reply = await db.command("ping")
            return reply["ok"] == 1
      `,
    },
  }),
  blocking({
    id: 'python:pymongo.database.Database.list_collection_names',
    match: ['pymongo.database.Database.list_collection_names'],
    category: 'database',
    why: 'pymongo Database.list_collection_names asks the server for the collections and waits for the reply on a blocking socket.',
    does: 'runs a blocking MongoDB command',
    useInstead: ['await db.list_collection_names()  # db: a Motor AsyncIOMotorDatabase'],
    example: {
      bad: py`
        from pymongo.database import Database

        async def collections(db: Database) -> list[str]:
            return db.list_collection_names()
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorDatabase

        async def collections(db: AsyncIOMotorDatabase) -> list[str]:
            return await db.list_collection_names()
      `,
    },
  }),
  blocking({
    id: 'python:pymongo.MongoClient.list_database_names',
    match: ['pymongo.MongoClient.list_database_names', 'pymongo.mongo_client.MongoClient.list_database_names'],
    category: 'database',
    why: 'pymongo MongoClient.list_database_names asks the server for the databases and waits for the reply on a blocking socket.',
    does: 'runs a blocking MongoDB command',
    useInstead: ['await client.list_database_names()  # client: motor.motor_asyncio.AsyncIOMotorClient or pymongo.AsyncMongoClient'],
    example: {
      bad: py`
        import pymongo

        async def databases(client: pymongo.MongoClient) -> list[str]:
            return client.list_database_names()
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorClient

        async def databases(client: AsyncIOMotorClient) -> list[str]:
            return await client.list_database_names()
      `,
    },
  }),
  blocking({
    id: 'python:pymongo.MongoClient.server_info',
    match: ['pymongo.MongoClient.server_info', 'pymongo.mongo_client.MongoClient.server_info'],
    category: 'database',
    why: 'pymongo MongoClient.server_info selects a server and runs buildInfo on it, waiting on the calling thread for the connection and the reply.',
    does: 'runs a blocking MongoDB command',
    useInstead: ['await client.server_info()  # client: motor.motor_asyncio.AsyncIOMotorClient'],
    example: {
      bad: py`
        import pymongo

        async def version(client: pymongo.MongoClient) -> str:
            return client.server_info()["version"]
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorClient

        async def version(client: AsyncIOMotorClient) -> str:
            info = await client.server_info()
            return info["version"]
      `,
    },
  }),
];
