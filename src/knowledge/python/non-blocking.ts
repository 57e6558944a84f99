// Families known not to block the loop: async clients that are awaited, the async runtimes
// themselves, and web-framework objects that do no blocking I/O.
//
// A family is named with wildcards; an exact or longer entry of another kind inside it wins for its
// own name (asyncio.run is blocking, asyncio.to_thread an offload, fastapi.FastAPI.get a role).

import { nonBlocking, type Entry } from '../entry.js';
import { py } from './authoring.js';

export const entries: readonly Entry[] = [
  // The runtimes.
  nonBlocking({
    id: 'python:asyncio',
    match: ['asyncio.*', 'uvloop.*'],
    why: "asyncio's own APIs either return awaitables or do quick bookkeeping on the loop; the exceptions (asyncio.run, run_until_complete) have entries of their own.",
    example: {
      bad: py`
        import time

        async def backoff() -> None:
            time.sleep(0.5)
      `,
      good: py`
        import asyncio

        async def backoff() -> None:
            await asyncio.sleep(0.5)
      `,
    },
  }),
  nonBlocking({
    id: 'python:anyio',
    match: ['anyio.*'],
    why: "anyio's APIs are awaitable (sleep, open_file, Path, streams, run_process); the blocking work it does runs in worker threads. anyio.run has an entry of its own.",
    example: {
      bad: py`
        import pathlib

        async def load(path: str) -> bytes:
            return pathlib.Path(path).read_bytes()
      `,
      good: py`
        import anyio

        async def load(path: str) -> bytes:
            return await anyio.Path(path).read_bytes()
      `,
    },
  }),
  nonBlocking({
    id: 'python:trio',
    match: ['trio.*'],
    why: "Trio's APIs are awaitable (sleep, open_file, Path, sockets, run_process); file I/O runs in worker threads. trio.run has an entry of its own.",
    example: {
      bad: py`
        import subprocess

        async def build() -> None:
            subprocess.run(["make"], check=True)
      `,
      good: py`
        import trio

        async def build() -> None:
            await trio.run_process(["make"])
      `,
    },
  }),

  // HTTP and network clients.
  nonBlocking({
    id: 'python:aiohttp',
    match: ['aiohttp.*'],
    why: 'aiohttp is built on asyncio: its client sessions, responses and web server objects are non-blocking and their I/O is awaited.',
    example: {
      bad: py`
        import requests

        async def fetch(url: str) -> str:
            return requests.get(url, timeout=10).text
      `,
      good: py`
        import aiohttp

        async def fetch(url: str) -> str:
            async with aiohttp.ClientSession() as session:
                async with session.get(url) as response:
                    return await response.text()
      `,
    },
  }),
  nonBlocking({
    id: 'python:httpx.AsyncClient',
    match: ['httpx.AsyncClient', 'httpx.AsyncClient.*'],
    why: "httpx.AsyncClient is httpx's async API: requests are awaited, and building one does no I/O.",
    example: {
      bad: py`
        import httpx

        async def fetch(url: str) -> str:
            return httpx.get(url).text
      `,
      good: py`
        import httpx

        async def fetch(url: str) -> str:
            async with httpx.AsyncClient() as client:
                response = await client.get(url)
            return response.text
      `,
    },
  }),
  nonBlocking({
    id: 'python:websockets',
    match: ['websockets.*'],
    why: 'websockets is asyncio-native: connect, serve, send and recv are awaited. Its threaded API, websockets.sync, is listed as blocking.',
    example: {
      bad: py`
        from websockets.sync.client import connect

        async def open_feed(uri: str):
            return connect(uri)
      `,
      good: py`
        import websockets

        async def open_feed(uri: str):
            return await websockets.connect(uri)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiosmtplib',
    match: ['aiosmtplib.*'],
    why: 'aiosmtplib is an asyncio SMTP client: connecting and sending are awaited.',
    example: {
      bad: py`
        import smtplib
        from email.message import EmailMessage

        async def deliver(smtp: smtplib.SMTP, message: EmailMessage) -> None:
            smtp.send_message(message)
      `,
      good: py`
        from email.message import EmailMessage

        import aiosmtplib

        async def deliver(message: EmailMessage) -> None:
            await aiosmtplib.send(message, hostname="smtp.example.com", port=587, start_tls=True)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aioftp',
    match: ['aioftp.*'],
    why: 'aioftp is an asyncio FTP client: every command and transfer is awaited.',
    example: {
      bad: py`
        import ftplib

        async def fetch_report(ftp: ftplib.FTP, callback) -> None:
            ftp.retrbinary("RETR report.csv", callback)
      `,
      good: py`
        import aioftp

        async def fetch_report(client: aioftp.Client) -> None:
            await client.download("report.csv", "report.csv")
      `,
    },
  }),
  nonBlocking({
    id: 'python:asyncssh',
    match: ['asyncssh.*'],
    why: 'asyncssh is an asyncio SSH and SFTP implementation: connections, commands and transfers are awaited.',
    example: {
      bad: py`
        import paramiko

        async def deploy(client: paramiko.SSHClient) -> None:
            client.exec_command("systemctl restart app")
      `,
      good: py`
        import asyncssh

        async def deploy(conn: asyncssh.SSHClientConnection) -> None:
            await conn.run("systemctl restart app", check=True)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiobotocore',
    match: ['aiobotocore.*', 'aioboto3.*'],
    why: 'aiobotocore and aioboto3 are the asyncio ports of botocore and boto3: AWS calls are awaited on aiohttp.',
    example: {
      bad: py`
        import boto3

        async def upload(bucket: str, key: str, data: bytes) -> None:
            boto3.client("s3").put_object(Bucket=bucket, Key=key, Body=data)
      `,
      good: py`
        import aioboto3

        async def upload(bucket: str, key: str, data: bytes) -> None:
            async with aioboto3.Session().client("s3") as s3:
                await s3.put_object(Bucket=bucket, Key=key, Body=data)
      `,
    },
  }),
  nonBlocking({
    id: 'python:openai.AsyncOpenAI',
    match: ['openai.AsyncOpenAI', 'openai.AsyncOpenAI.*', 'openai.AsyncAzureOpenAI', 'openai.AsyncAzureOpenAI.*'],
    why: "openai.AsyncOpenAI is the SDK's async client, on httpx.AsyncClient: every API call is awaited.",
    example: {
      bad: py`
        from openai import OpenAI

        async def embed(client: OpenAI, text: str):
            return client.embeddings.create(model="text-embedding-3-small", input=text)
      `,
      good: py`
        from openai import AsyncOpenAI

        async def embed(client: AsyncOpenAI, text: str):
            return await client.embeddings.create(model="text-embedding-3-small", input=text)
      `,
    },
  }),
  nonBlocking({
    id: 'python:anthropic.AsyncAnthropic',
    match: ['anthropic.AsyncAnthropic', 'anthropic.AsyncAnthropic.*', 'anthropic.AsyncAnthropicBedrock', 'anthropic.AsyncAnthropicBedrock.*', 'anthropic.AsyncAnthropicVertex', 'anthropic.AsyncAnthropicVertex.*'],
    why: "anthropic.AsyncAnthropic is the SDK's async client, on httpx.AsyncClient: every API call is awaited.",
    example: {
      bad: py`
        import anthropic

        async def count(client: anthropic.Anthropic, text: str):
            return client.messages.count_tokens(model="claude-sonnet-4-5", messages=[{"role": "user", "content": text}])
      `,
      good: py`
        import anthropic

        async def count(client: anthropic.AsyncAnthropic, text: str):
            return await client.messages.count_tokens(model="claude-sonnet-4-5", messages=[{"role": "user", "content": text}])
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiokafka',
    match: ['aiokafka.*', 'aio_pika.*', 'grpc.aio.*'],
    why: 'aiokafka, aio-pika and grpc.aio are asyncio clients for Kafka, AMQP and gRPC: sending and receiving are awaited.',
    example: {
      bad: py`
        import socket

        async def publish(sock: socket.socket, payload: bytes) -> None:
            sock.sendall(payload)
      `,
      good: py`
        from aiokafka import AIOKafkaProducer

        async def publish(producer: AIOKafkaProducer, payload: bytes) -> None:
            await producer.send_and_wait("events", payload)
      `,
    },
  }),
  nonBlocking({
    id: 'python:slack_sdk.web.async_client',
    match: ['slack_sdk.web.async_client.*', 'slack_sdk.webhook.async_client.*'],
    why: "slack_sdk's AsyncWebClient and AsyncWebhookClient send Slack API calls on aiohttp: every call is awaited.",
    example: {
      bad: py`
        from slack_sdk import WebClient

        async def announce(client: WebClient, channel: str):
            client.chat_postMessage(channel=channel, text="Deployed")
      `,
      good: py`
        from slack_sdk.web.async_client import AsyncWebClient

        async def announce(client: AsyncWebClient, channel: str):
            await client.chat_postMessage(channel=channel, text="Deployed")
      `,
    },
  }),
  nonBlocking({
    id: 'python:gcloud.aio',
    match: ['gcloud.aio.*'],
    why: 'The gcloud-aio libraries (gcloud-aio-storage, -pubsub, -datastore, ...) call Google Cloud APIs on aiohttp: every request is awaited.',
    example: {
      bad: py`
        from google.cloud import storage

        async def load(blob: storage.Blob) -> bytes:
            return blob.download_as_bytes()
      `,
      good: py`
        from gcloud.aio.storage import Storage

        async def load(storage: Storage, name: str) -> bytes:
            return await storage.download("reports", name)
      `,
    },
  }),
  nonBlocking({
    id: 'python:azure.storage.blob.aio',
    match: ['azure.storage.blob.aio.*'],
    why: "azure.storage.blob.aio holds the awaitable twins of the Blob Storage clients, on aiohttp: requests are awaited, and getting a client does no I/O.",
    example: {
      bad: py`
        from azure.storage.blob import BlobClient

        async def save(blob: BlobClient, data: bytes) -> None:
            blob.upload_blob(data, overwrite=True)
      `,
      good: py`
        from azure.storage.blob.aio import BlobClient

        async def save(blob: BlobClient, data: bytes) -> None:
            await blob.upload_blob(data, overwrite=True)
      `,
    },
  }),
  nonBlocking({
    id: 'python:kubernetes_asyncio',
    match: ['kubernetes_asyncio.*'],
    why: 'kubernetes_asyncio is the asyncio build of the Kubernetes client: API calls and watches are awaited on aiohttp.',
    example: {
      bad: py`
        from kubernetes import client

        async def nodes(v1: client.CoreV1Api):
            return v1.list_node()
      `,
      good: py`
        from kubernetes_asyncio import client

        async def nodes(v1: client.CoreV1Api):
            return await v1.list_node()
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiodocker',
    match: ['aiodocker.*'],
    why: "aiodocker talks to the Docker daemon's API on aiohttp: containers, images and system calls are awaited.",
    example: {
      bad: py`
        import docker

        async def start(client: docker.DockerClient, image: str):
            return client.containers.run(image, detach=True)
      `,
      good: py`
        import aiodocker

        async def start(docker: aiodocker.Docker, image: str):
            return await docker.containers.run(config={"Image": image})
      `,
    },
  }),

  // Files.
  nonBlocking({
    id: 'python:aiofiles',
    match: ['aiofiles.*', 'aiopath.*'],
    why: 'aiofiles (and aiopath) run file operations in a thread pool behind awaitable methods, so the loop never waits on the disk.',
    example: {
      bad: py`
        async def save(path: str, data: bytes) -> None:
            with open(path, "wb") as fh:
                print(fh.name)
      `,
      good: py`
        import aiofiles

        async def save(path: str, data: bytes) -> None:
            async with aiofiles.open(path, "wb") as fh:
                await fh.write(data)
      `,
    },
  }),

  // Databases.
  nonBlocking({
    id: 'python:asyncpg',
    match: ['asyncpg.*'],
    why: 'asyncpg is an asyncio PostgreSQL driver: connecting, queries and pool checkouts are awaited.',
    example: {
      bad: py`
        import psycopg2.extensions

        async def load_user(cursor: psycopg2.extensions.cursor, user_id: int) -> None:
            cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
      `,
      good: py`
        import asyncpg

        async def load_user(pool: asyncpg.Pool, user_id: int):
            return await pool.fetchrow("SELECT * FROM users WHERE id = $1", user_id)
      `,
    },
  }),
  nonBlocking({
    id: 'python:psycopg.AsyncConnection',
    match: ['psycopg.AsyncConnection', 'psycopg.AsyncConnection.*', 'psycopg.AsyncCursor.*', 'psycopg.AsyncClientCursor.*', 'psycopg.AsyncServerCursor.*', 'psycopg_pool.AsyncConnectionPool', 'psycopg_pool.AsyncConnectionPool.*'],
    why: "psycopg 3's async connection, cursors and pool use the asyncio loop for every round trip; their I/O methods are awaited.",
    example: {
      bad: py`
        import psycopg

        async def open_database(dsn: str):
            return psycopg.connect(dsn)
      `,
      good: py`
        import psycopg

        async def open_database(dsn: str):
            return await psycopg.AsyncConnection.connect(dsn)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiomysql',
    match: ['aiomysql.*', 'asyncmy.*'],
    why: 'aiomysql and asyncmy are asyncio MySQL drivers: connections, cursors and pools are awaited.',
    example: {
      bad: py`
        import pymysql

        async def open_database(host: str):
            return pymysql.connect(host=host)
      `,
      good: py`
        import aiomysql

        async def open_database(host: str):
            return await aiomysql.connect(host=host)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiopg',
    match: ['aiopg.*'],
    why: 'aiopg runs psycopg2 in its asynchronous mode on the asyncio loop: connections, cursors and pools are awaited.',
    example: {
      bad: py`
        import psycopg2

        async def open_database(dsn: str):
            return psycopg2.connect(dsn)
      `,
      good: py`
        import aiopg

        async def open_database(dsn: str):
            return await aiopg.connect(dsn)
      `,
    },
  }),
  nonBlocking({
    id: 'python:aiosqlite',
    match: ['aiosqlite.*'],
    why: 'aiosqlite runs each SQLite connection on its own thread and exposes awaitable methods, so queries never run on the loop.',
    example: {
      bad: py`
        import sqlite3

        async def purge(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM sessions WHERE expired = 1")
      `,
      good: py`
        import aiosqlite

        async def purge(db: aiosqlite.Connection) -> None:
            await db.execute("DELETE FROM sessions WHERE expired = 1")
            await db.commit()
      `,
    },
  }),
  nonBlocking({
    id: 'python:databases',
    match: ['databases.Database', 'databases.Database.*'],
    why: "encode/databases wraps async drivers (asyncpg, aiomysql, aiosqlite): every query method is awaited.",
    example: {
      bad: py`
        import sqlite3

        async def count(conn: sqlite3.Connection):
            return conn.execute("SELECT count(*) FROM users")
      `,
      good: py`
        import databases

        async def count(database: databases.Database):
            return await database.fetch_val("SELECT count(*) FROM users")
      `,
    },
  }),
  nonBlocking({
    id: 'python:sqlalchemy.ext.asyncio',
    match: ['sqlalchemy.ext.asyncio.*'],
    why: "SQLAlchemy's asyncio extension (AsyncEngine, AsyncConnection, AsyncSession) runs on an async driver: every statement is awaited.",
    example: {
      bad: py`
        from sqlalchemy.orm import Session

        async def find(session: Session, statement):
            return session.execute(statement)
      `,
      good: py`
        from sqlalchemy.ext.asyncio import AsyncSession

        async def find(session: AsyncSession, statement):
            return await session.execute(statement)
      `,
    },
  }),
  nonBlocking({
    id: 'python:sqlalchemy.sql',
    // Names like update() and delete() would otherwise read as I/O.
    match: [
      'sqlalchemy.sql.*', 'sqlalchemy.func.*', 'sqlalchemy.future.select',
      ...['select', 'insert', 'update', 'delete', 'text', 'and_', 'or_', 'not_', 'case', 'cast', 'literal', 'bindparam', 'column', 'table', 'exists', 'union', 'union_all'].flatMap((f) => [`sqlalchemy.${f}`, `sqlalchemy.${f}.*`]),
    ],
    why: "SQLAlchemy's SQL expression constructors (select, insert, update, delete, text, ...) only build statement objects in memory; nothing runs until a session or connection executes them.",
    example: {
      bad: py`
        from sqlalchemy import update
        from sqlalchemy.orm import Session

        async def deactivate(session: Session, users, user_id: int) -> None:
            session.execute(update(users).where(users.c.id == user_id).values(active=False))
      `,
      good: py`
        from sqlalchemy import update
        from sqlalchemy.ext.asyncio import AsyncSession

        async def deactivate(session: AsyncSession, users, user_id: int) -> None:
            await session.execute(update(users).where(users.c.id == user_id).values(active=False))
      `,
    },
  }),
  nonBlocking({
    id: 'python:motor',
    match: ['motor.*'],
    why: 'Motor is the asyncio MongoDB driver: queries and writes are awaited, and its cursors are iterated with async for.',
    example: {
      bad: py`
        from pymongo.collection import Collection

        async def find_order(orders: Collection, order_id: str):
            return orders.find_one({"_id": order_id})
      `,
      good: py`
        from motor.motor_asyncio import AsyncIOMotorCollection

        async def find_order(orders: AsyncIOMotorCollection, order_id: str):
            return await orders.find_one({"_id": order_id})
      `,
    },
  }),
  nonBlocking({
    id: 'python:pymongo.AsyncMongoClient',
    match: ['pymongo.AsyncMongoClient', 'pymongo.AsyncMongoClient.*', 'pymongo.asynchronous.*'],
    why: "PyMongo's native async API (AsyncMongoClient, pymongo >= 4.10) awaits every command on the asyncio loop.",
    example: {
      bad: py`
        import pymongo

        async def databases(client: pymongo.MongoClient) -> list[str]:
            return client.list_database_names()
      `,
      good: py`
        import pymongo

        async def databases(client: pymongo.AsyncMongoClient) -> list[str]:
            return await client.list_database_names()
      `,
    },
  }),
  nonBlocking({
    id: 'python:redis.asyncio',
    match: ['redis.asyncio.*', 'aioredis.*'],
    why: "redis.asyncio (and the older aioredis it replaced) sends every command on the asyncio loop and awaits the reply.",
    example: {
      bad: py`
        import redis

        async def hits(client: redis.Redis, page: str):
            return client.incr(f"hits:{page}")
      `,
      good: py`
        import redis.asyncio

        async def hits(client: redis.asyncio.Redis, page: str):
            return await client.incr(f"hits:{page}")
      `,
    },
  }),
  nonBlocking({
    id: 'python:elasticsearch.AsyncElasticsearch',
    match: [
      'elasticsearch.AsyncElasticsearch', 'elasticsearch.AsyncElasticsearch.*',
      ...['async_bulk', 'async_streaming_bulk', 'async_scan', 'async_reindex'].map((f) => `elasticsearch.helpers.${f}`),
    ],
    why: "elasticsearch.AsyncElasticsearch and the async_* helpers send requests on aiohttp or httpx and await every response.",
    example: {
      bad: py`
        from elasticsearch import Elasticsearch

        async def find(es: Elasticsearch, query: dict):
            return es.search(index="products", query=query)
      `,
      good: py`
        from elasticsearch import AsyncElasticsearch

        async def find(es: AsyncElasticsearch, query: dict):
            return await es.search(index="products", query=query)
      `,
    },
  }),

  // Web frameworks: their request, response, routing and validation objects do no blocking I/O.
  nonBlocking({
    id: 'python:fastapi',
    match: ['fastapi.*'],
    why: "FastAPI's app, routers, parameters, responses and exceptions are in-memory objects; the I/O they do (UploadFile.read, ...) is awaited.",
    example: {
      bad: py`
        import requests
        from fastapi import FastAPI, HTTPException

        app = FastAPI()

        @app.get("/users/{user_id}")
        async def read_user(user_id: int) -> dict:
            response = requests.get(f"https://api.example.com/users/{user_id}", timeout=10)
            if response.status_code == 404:
                raise HTTPException(status_code=404)
            return response.json()
      `,
      good: py`
        import httpx
        from fastapi import FastAPI, HTTPException

        app = FastAPI()

        @app.get("/users/{user_id}")
        async def read_user(user_id: int) -> dict:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.get(f"https://api.example.com/users/{user_id}")
            if response.status_code == 404:
                raise HTTPException(status_code=404)
            return response.json()
      `,
    },
  }),
  nonBlocking({
    id: 'python:starlette',
    match: ['starlette.*'],
    why: "Starlette's requests, responses, routing and middleware are in-memory or awaited; its sync helpers are run in a threadpool for you.",
    example: {
      bad: py`
        import pathlib

        from starlette.responses import HTMLResponse

        async def homepage(request) -> HTMLResponse:
            return HTMLResponse(pathlib.Path("index.html").read_text())
      `,
      good: py`
        from starlette.responses import FileResponse

        async def homepage(request) -> FileResponse:
            return FileResponse("index.html")
      `,
    },
  }),
  nonBlocking({
    id: 'python:pydantic',
    match: ['pydantic.*', 'pydantic_settings.*'],
    why: 'pydantic validates and serializes data in memory; none of its model or validator APIs does I/O.',
    example: {
      bad: py`
        import pathlib

        from pydantic import BaseModel

        class Settings(BaseModel):
            debug: bool = False

        async def load_settings(path: str) -> Settings:
            return Settings.model_validate_json(pathlib.Path(path).read_text())
      `,
      good: py`
        import anyio
        from pydantic import BaseModel

        class Settings(BaseModel):
            debug: bool = False

        async def load_settings(path: str) -> Settings:
            return Settings.model_validate_json(await anyio.Path(path).read_text())
      `,
    },
  }),
  nonBlocking({
    id: 'python:quart',
    match: ['quart.*'],
    why: "Quart is asyncio-native: its request data, templates and responses are awaited or built in memory.",
    example: {
      bad: py`
        import pathlib

        from quart import Quart

        app = Quart(__name__)

        @app.route("/")
        async def index() -> str:
            return pathlib.Path("index.html").read_text()
      `,
      good: py`
        from quart import Quart, render_template

        app = Quart(__name__)

        @app.route("/")
        async def index() -> str:
            return await render_template("index.html")
      `,
    },
  }),
  nonBlocking({
    id: 'python:sanic',
    match: ['sanic.*'],
    why: "Sanic is asyncio-native: its requests and responses are in memory and its file responses are awaited.",
    example: {
      bad: py`
        import pathlib

        from sanic import Sanic, response

        app = Sanic("shop")

        @app.get("/")
        async def index(request):
            return response.html(pathlib.Path("index.html").read_text())
      `,
      good: py`
        from sanic import Sanic, response

        app = Sanic("shop")

        @app.get("/")
        async def index(request):
            return await response.file("index.html")
      `,
    },
  }),
  nonBlocking({
    id: 'python:django.http',
    match: ['django.http.*'],
    why: "Django's request and response objects (HttpResponse, JsonResponse, ...) are built in memory.",
    example: {
      bad: py`
        import requests
        from django.http import JsonResponse

        async def proxy(request) -> JsonResponse:
            return JsonResponse(requests.get("https://api.example.com/status", timeout=5).json())
      `,
      good: py`
        import httpx
        from django.http import JsonResponse

        async def proxy(request) -> JsonResponse:
            async with httpx.AsyncClient(timeout=5) as client:
                response = await client.get("https://api.example.com/status")
            return JsonResponse(response.json())
      `,
    },
  }),
];
