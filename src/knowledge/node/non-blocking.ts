// Families known not to block the loop: promise- and callback-based clients whose I/O is
// asynchronous, the frameworks' request and response objects, and Node's own asynchronous modules.
// Without these entries an un-awaited call into them whose name sounds like I/O (`axios.get(url)`
// returned from a function, `transport.sendMail(...)` chained with `.then`) would be a
// low-confidence finding.
//
// A family is named with wildcards; an exact or longer entry of another kind inside it wins for its
// own name (fs.readFileSync is blocking, express.Application.get a callback registration).

import { nonBlocking, type Entry, type NonBlockingEntry } from '../entry.js';
import { ts } from './authoring.js';

/**
 * A family, its id the package it covers (`node:axios`), or its wildcard (`node:express.*`) where a
 * type entry already has the package's own name.
 */
function family(id: string, match: readonly string[], why: string, example: { bad: string; good: string }): NonBlockingEntry {
  return nonBlocking({ id: `node:${id}`, match, why, example });
}

// The blocking code the families replace, one per concern.

const HTTP_BAD = ts`
  import request from 'sync-request';

  export async function fetchRates(url: string): Promise<unknown> {
    return JSON.parse(request('GET', url).getBody('utf8'));
  }
`;

const SQL_BAD = ts`
  import Database from 'better-sqlite3';

  const db = new Database('app.db');

  export async function findUser(id: number): Promise<unknown> {
    return db.prepare('SELECT * FROM users WHERE id = ?').get(id);
  }
`;

const CACHE_BAD = ts`
  import { execFileSync } from 'node:child_process';

  export async function cached(key: string): Promise<unknown> {
    return execFileSync('redis-cli', ['GET', key], { encoding: 'utf8' });
  }
`;

const MAIL_BAD = ts`
  import { execFileSync } from 'node:child_process';

  export async function sendWelcome(message: string): Promise<void> {
    execFileSync('sendmail', ['-t'], { input: message });
  }
`;

const UPLOAD_BAD = ts`
  import { execFileSync } from 'node:child_process';

  export async function download(bucket: string, key: string): Promise<unknown> {
    return execFileSync('aws', ['s3', 'cp', \`s3://\${bucket}/\${key}\`, '-']);
  }
`;

const LOG_BAD = ts`
  import { appendFileSync } from 'node:fs';

  export async function record(orderId: string): Promise<void> {
    appendFileSync('orders.log', \`order \${orderId}\n\`);
  }
`;

const HANDLER_BAD = ts`
  import { readFileSync } from 'node:fs';

  export async function report(): Promise<string> {
    return readFileSync('report.txt', 'utf8');
  }
`;

const HASH_BAD = ts`
  import bcrypt from 'bcrypt';

  export async function hashPassword(password: string): Promise<string> {
    return bcrypt.hashSync(password, 12);
  }
`;

const DERIVE_BAD = ts`
  import { pbkdf2Sync } from 'node:crypto';

  export async function derive(password: string, salt: string): Promise<unknown> {
    return pbkdf2Sync(password, salt, 600000, 32, 'sha256');
  }
`;

const SUBPROCESS_BAD = ts`
  import { execSync } from 'node:child_process';

  export async function build(): Promise<void> {
    execSync('npm run build');
  }
`;

export const entries: readonly Entry[] = [
  // HTTP clients.
  family('globalThis.fetch', ['globalThis.fetch'], "The global fetch (Node 18+, undici underneath) returns a promise; the request and the body are read asynchronously.", {
    bad: HTTP_BAD,
    good: ts`
      export function fetchRates(url: string): Promise<unknown> {
        return fetch(url).then((response) => response.json());
      }
    `,
  }),
  family('axios', ['axios', 'axios.*'], "axios's requests return promises; in Node its http adapter does the I/O on the event loop without blocking it.", {
    bad: HTTP_BAD,
    good: ts`
      import axios from 'axios';

      export async function fetchRates(url: string): Promise<unknown> {
        return axios.get(url).then((response) => response.data);
      }
    `,
  }),
  family('got', ['got', 'got.*'], "got's requests return promises (and streams); the I/O is asynchronous.", {
    bad: HTTP_BAD,
    good: ts`
      import got from 'got';

      export async function fetchRates(url: string): Promise<unknown> {
        return got.get(url).json();
      }
    `,
  }),
  family('undici', ['undici.*'], "undici's request, fetch, stream and its Agent and Pool are asynchronous: they return promises or take callbacks.", {
    bad: HTTP_BAD,
    good: ts`
      import { request } from 'undici';

      export async function fetchRates(url: string): Promise<unknown> {
        return request(url).then(({ body }) => body.json());
      }
    `,
  }),
  family('node-fetch', ['node-fetch', 'node-fetch.*'], 'node-fetch implements fetch over node:http: requests and body reads return promises.', {
    bad: HTTP_BAD,
    good: ts`
      import fetch from 'node-fetch';

      export async function fetchRates(url: string): Promise<unknown> {
        return fetch(url).then((response) => response.json());
      }
    `,
  }),
  family('ky', ['ky', 'ky.*'], "ky wraps fetch: its requests and body reads return promises.", {
    bad: HTTP_BAD,
    good: ts`
      import ky from 'ky';

      export async function fetchRates(url: string): Promise<unknown> {
        return ky.get(url).json();
      }
    `,
  }),
  family('superagent', ['superagent', 'superagent.*'], 'superagent requests are thenable: they are sent asynchronously when awaited, given a callback or ended.', {
    bad: HTTP_BAD,
    good: ts`
      import superagent from 'superagent';

      export async function fetchRates(url: string): Promise<unknown> {
        return superagent.get(url).then((response) => response.body);
      }
    `,
  }),

  // SQL drivers and ORMs.
  family('pg', ['pg.*'], "node-postgres's Client and Pool speak the protocol over non-blocking sockets; query and connect return promises or take callbacks.", {
    bad: SQL_BAD,
    good: ts`
      import pg from 'pg';

      const pool = new pg.Pool();

      export async function findUser(id: number): Promise<unknown> {
        return pool.query('SELECT * FROM users WHERE id = $1', [id]).then((result) => result.rows[0]);
      }
    `,
  }),
  family('pg-native', ['pg-native.*'], "pg-native's methods without the Sync suffix (connect, query, prepare, execute) run libpq asynchronously and call back; the *Sync ones have blocking entries of their own.", {
    bad: SQL_BAD,
    good: ts`
      import Client from 'pg-native';

      const client = new Client();

      export function findUser(id: number): Promise<unknown> {
        return new Promise((resolve, reject) => {
          client.query('SELECT * FROM users WHERE id = $1', [id], (err: Error | null, rows: unknown[]) =>
            err ? reject(err) : resolve(rows[0]),
          );
        });
      }
    `,
  }),
  family('mysql2', ['mysql2.*', 'mysql2/promise.*', 'mysql.*'], "mysql2 and mysql talk to the server over non-blocking sockets: mysql2/promise returns promises, the callback API calls back on the loop.", {
    bad: SQL_BAD,
    good: ts`
      import mysql from 'mysql2/promise';

      const pool = mysql.createPool('mysql://app@localhost/shop');

      export async function findUser(id: number): Promise<unknown> {
        return pool.query('SELECT * FROM users WHERE id = ?', [id]).then(([rows]) => rows);
      }
    `,
  }),
  family('sqlite', ['sqlite.*'], "The sqlite package wraps sqlite3 with promises: queries run in libuv's threadpool. (node:sqlite's DatabaseSync shares the root `sqlite` and has blocking entries of its own.)", {
    bad: SQL_BAD,
    good: ts`
      import type { Database } from 'sqlite';

      export async function findUser(db: Database, id: number): Promise<unknown> {
        return db.get('SELECT * FROM users WHERE id = ?', id);
      }
    `,
  }),
  family('sqlite3', ['sqlite3.*'], "sqlite3 (node-sqlite3) runs every query in libuv's threadpool and calls back on the loop.", {
    bad: SQL_BAD,
    good: ts`
      import sqlite3 from 'sqlite3';

      const db = new sqlite3.Database('app.db');

      export function findUser(id: number): Promise<unknown> {
        return new Promise((resolve, reject) => {
          db.get('SELECT * FROM users WHERE id = ?', [id], (err: Error | null, row: unknown) => (err ? reject(err) : resolve(row)));
        });
      }
    `,
  }),
  family('better-sqlite3.backup', ['better-sqlite3.backup', 'better-sqlite3.Database.backup'], "better-sqlite3's backup is its one asynchronous method: it copies the database page by page between event loop turns and returns a promise.", {
    bad: ts`
      import type { Database } from 'better-sqlite3';

      export async function snapshot(db: Database): Promise<unknown> {
        return db.serialize();
      }
    `,
    good: ts`
      import type { Database } from 'better-sqlite3';

      export async function snapshot(db: Database): Promise<unknown> {
        return db.backup('snapshot.db');
      }
    `,
  }),
  family('@prisma/client', ['@prisma/client.*'], "Prisma Client's queries return promises; its query engine does the database I/O off the JavaScript thread.", {
    bad: SQL_BAD,
    good: ts`
      import { PrismaClient } from '@prisma/client';

      const prisma = new PrismaClient();

      export async function findUser(id: number): Promise<unknown> {
        return prisma.user.findUnique({ where: { id } });
      }
    `,
  }),
  family('sequelize', ['sequelize.*'], "Sequelize's queries and model methods return promises over asynchronous drivers (pg, mysql2, sqlite3, tedious).", {
    bad: SQL_BAD,
    good: ts`
      import { Sequelize } from 'sequelize';

      const sequelize = new Sequelize('postgres://app@localhost/shop');

      export async function findUser(id: number): Promise<unknown> {
        return sequelize.query('SELECT * FROM users WHERE id = ?', { replacements: [id] });
      }
    `,
  }),
  family('typeorm', ['typeorm.*'], "TypeORM's DataSource, EntityManager and repositories return promises over asynchronous drivers.", {
    bad: SQL_BAD,
    good: ts`
      import { DataSource } from 'typeorm';

      const dataSource = new DataSource({ type: 'postgres', url: 'postgres://app@localhost/shop' });

      export async function findUser(id: number): Promise<unknown> {
        return dataSource.query('SELECT * FROM users WHERE id = $1', [id]);
      }
    `,
  }),
  family('knex', ['knex', 'knex.*'], 'Knex builds queries in memory and runs them when awaited (or then-ed) through an asynchronous driver.', {
    bad: SQL_BAD,
    good: ts`
      import knex from 'knex';

      const db = knex({ client: 'pg', connection: 'postgres://app@localhost/shop' });

      export async function findUser(id: number): Promise<unknown> {
        return db('users').where({ id }).first();
      }
    `,
  }),

  // Document stores and caches.
  family('mongodb', ['mongodb.*'], "The MongoDB driver's operations return promises; connections are non-blocking sockets.", {
    bad: SQL_BAD,
    good: ts`
      import type { Collection } from 'mongodb';

      export async function findOrders(orders: Collection, customer: string): Promise<unknown> {
        return orders.find({ customer }).toArray();
      }
    `,
  }),
  family('mongoose', ['mongoose.*'], "Mongoose's queries are thenables executed through the asynchronous MongoDB driver.", {
    bad: SQL_BAD,
    good: ts`
      import mongoose from 'mongoose';

      const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));

      export async function findOrders(customer: string): Promise<unknown> {
        return Order.find({ customer }).exec();
      }
    `,
  }),
  family('ioredis', ['ioredis', 'ioredis.*'], 'ioredis commands return promises; the connection is a non-blocking socket.', {
    bad: CACHE_BAD,
    good: ts`
      import Redis from 'ioredis';

      const redis = new Redis();

      export async function cached(key: string): Promise<unknown> {
        return redis.get(key);
      }
    `,
  }),
  family('redis', ['redis.*', '@redis/client.*'], 'node-redis (v4 and later) commands return promises; the connection is a non-blocking socket.', {
    bad: CACHE_BAD,
    good: ts`
      import { createClient } from 'redis';

      const client = createClient();

      export async function cached(key: string): Promise<unknown> {
        return client.get(key);
      }
    `,
  }),

  // Cloud SDKs.
  family(
    '@aws-sdk',
    [
      '@aws-sdk/client-s3.*',
      '@aws-sdk/lib-storage.*',
      '@aws-sdk/s3-request-presigner.*',
      '@aws-sdk/client-dynamodb.*',
      '@aws-sdk/lib-dynamodb.*',
      '@aws-sdk/client-sqs.*',
      '@aws-sdk/client-sns.*',
      '@aws-sdk/client-ses.*',
      '@aws-sdk/client-sesv2.*',
      '@aws-sdk/client-lambda.*',
      '@aws-sdk/client-secrets-manager.*',
      '@aws-sdk/client-ssm.*',
      '@aws-sdk/client-kms.*',
      '@aws-sdk/client-sts.*',
      '@aws-sdk/client-cloudwatch.*',
      '@aws-sdk/client-cloudwatch-logs.*',
      '@aws-sdk/client-eventbridge.*',
      '@aws-sdk/client-kinesis.*',
      '@aws-sdk/client-firehose.*',
      '@aws-sdk/client-cognito-identity-provider.*',
      '@aws-sdk/credential-providers.*',
    ],
    "AWS SDK v3 clients send commands with client.send(...), which returns a promise; the HTTP requests are asynchronous.",
    {
      bad: UPLOAD_BAD,
      good: ts`
        import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        export async function download(bucket: string, key: string): Promise<unknown> {
          return s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        }
      `,
    },
  ),
  family(
    '@google-cloud',
    ['@google-cloud/storage.*', '@google-cloud/pubsub.*', '@google-cloud/firestore.*', '@google-cloud/bigquery.*', 'firebase-admin.*', 'firebase-admin/firestore.*', 'firebase-admin/auth.*'],
    'The Google Cloud and Firebase Admin clients return promises (or streams); their HTTP and gRPC calls are asynchronous.',
    {
      bad: UPLOAD_BAD,
      good: ts`
        import { Storage } from '@google-cloud/storage';

        const storage = new Storage();

        export async function download(bucket: string, key: string): Promise<unknown> {
          return storage.bucket(bucket).file(key).download();
        }
      `,
    },
  ),
  family('@azure', ['@azure/storage-blob.*', '@azure/service-bus.*', '@azure/cosmos.*', '@azure/identity.*'], 'The Azure SDK clients return promises; their requests are asynchronous.', {
    bad: UPLOAD_BAD,
    good: ts`
      import { BlobServiceClient } from '@azure/storage-blob';

      const service = BlobServiceClient.fromConnectionString('UseDevelopmentStorage=true');

      export async function download(container: string, name: string): Promise<unknown> {
        return service.getContainerClient(container).getBlobClient(name).downloadToBuffer();
      }
    `,
  }),

  // Payments, mail and messaging.
  family('stripe', ['stripe', 'stripe.*'], "Stripe's Node client returns a promise for every API call; requests are asynchronous.", {
    bad: HTTP_BAD,
    good: ts`
      import Stripe from 'stripe';

      const stripe = new Stripe('sk_test_key');

      export async function charge(amount: number): Promise<unknown> {
        return stripe.paymentIntents.create({ amount, currency: 'eur' });
      }
    `,
  }),
  family('nodemailer', ['nodemailer.*'], "nodemailer's transports send over non-blocking sockets; sendMail returns a promise or calls back.", {
    bad: MAIL_BAD,
    good: ts`
      import nodemailer from 'nodemailer';

      const transport = nodemailer.createTransport('smtp://localhost:587');

      export async function sendWelcome(message: string): Promise<unknown> {
        return transport.sendMail({ to: 'new@example.com', subject: 'Welcome', text: message });
      }
    `,
  }),
  family('@sendgrid/mail', ['@sendgrid/mail.*'], "SendGrid's mail client sends through its HTTP API and returns a promise.", {
    bad: MAIL_BAD,
    good: ts`
      import sgMail from '@sendgrid/mail';

      export async function sendWelcome(message: string): Promise<unknown> {
        return sgMail.send({ to: 'new@example.com', from: 'shop@example.com', subject: 'Welcome', text: message });
      }
    `,
  }),
  family('bullmq', ['bullmq.*'], 'BullMQ queues jobs in Redis with promise-returning calls; the work runs later in a Worker, which has a callback entry of its own.', {
    bad: MAIL_BAD,
    good: ts`
      import { Queue } from 'bullmq';

      const queue = new Queue('emails');

      export async function sendWelcome(message: string): Promise<unknown> {
        return queue.add('welcome', { message });
      }
    `,
  }),
  family('bull', ['bull', 'bull.*', 'bee-queue', 'bee-queue.*'], 'bull and bee-queue queue jobs in Redis with promise-returning calls; the work runs later in a processor, which has a callback entry of its own.', {
    bad: MAIL_BAD,
    good: ts`
      import Queue from 'bull';

      const queue = new Queue('emails');

      export async function sendWelcome(message: string): Promise<unknown> {
        return queue.add({ message });
      }
    `,
  }),
  family('ws', ['ws', 'ws.*'], 'ws sockets write to non-blocking sockets: send() queues the frame and returns at once.', {
    bad: HTTP_BAD,
    good: ts`
      import type { WebSocket } from 'ws';

      export async function notify(socket: WebSocket, event: object): Promise<void> {
        socket.send(JSON.stringify(event));
      }
    `,
  }),
  family('socket_io.*', ['socket_io', 'socket_io.*'], "socket.io's servers, namespaces and sockets emit and send over non-blocking transports.", {
    bad: HTTP_BAD,
    good: ts`
      import type { Socket } from 'socket.io';

      export async function notify(socket: Socket, event: object): Promise<void> {
        socket.send(event);
      }
    `,
  }),

  // Web frameworks: applications, routers, requests, responses and contexts.
  family('express.*', ['express', 'express.*'], "Express's application, router, request and response objects do no blocking I/O: res.send writes to a non-blocking socket, res.sendFile and res.download stream the file.", {
    bad: HANDLER_BAD,
    good: ts`
      import type { Request, Response } from 'express';

      export async function download(req: Request, res: Response): Promise<void> {
        res.download(\`reports/\${req.params.id}.pdf\`);
      }
    `,
  }),
  family('fastify.*', ['fastify', 'fastify.*'], "Fastify's instance, request and reply objects do no blocking I/O: reply.send writes to a non-blocking socket and streams files.", {
    bad: HANDLER_BAD,
    good: ts`
      import { createReadStream } from 'node:fs';
      import type { FastifyReply } from 'fastify';

      export async function download(reply: FastifyReply): Promise<void> {
        reply.send(createReadStream('report.pdf'));
      }
    `,
  }),
  family('koa', ['koa', 'koa.*', '@koa/router', '@koa/router.*', 'koa-router', 'koa-router.*'], "Koa's application, context, request and response objects and its routers do no blocking I/O; ctx.get reads a request header.", {
    bad: HANDLER_BAD,
    good: ts`
      import type { Context } from 'koa';

      export async function whoami(ctx: Context): Promise<void> {
        ctx.body = { agent: ctx.get('User-Agent') };
      }
    `,
  }),
  family('hono', ['hono', 'hono.*', '@hono/node-server.*'], "Hono's app and context objects build Web Responses in memory; request bodies are read with promises.", {
    bad: HANDLER_BAD,
    good: ts`
      import type { Context } from 'hono';

      export async function report(c: Context): Promise<Response> {
        return c.text('ok');
      }
    `,
  }),
  family('@hapi/hapi', ['@hapi/hapi', '@hapi/hapi.*'], "hapi's server, request and response toolkit objects do no blocking I/O.", {
    bad: HANDLER_BAD,
    good: ts`
      import type { ResponseToolkit } from '@hapi/hapi';

      export async function report(h: ResponseToolkit): Promise<unknown> {
        return h.response('ok').code(200);
      }
    `,
  }),
  family('restify', ['restify', 'restify.*'], "restify's server, request and response objects write to non-blocking sockets.", {
    bad: HANDLER_BAD,
    good: ts`
      import type { Response } from 'restify';

      export async function report(res: Response): Promise<void> {
        res.send({ status: 'ok' });
      }
    `,
  }),
  family('@nestjs', ['@nestjs/common.*', '@nestjs/core.*', '@nestjs/axios.*'], "NestJS's decorators, Logger, exceptions and HttpService do no blocking I/O; HttpService returns Observables over axios.", {
    bad: LOG_BAD,
    good: ts`
      import { Logger } from '@nestjs/common';

      const logger = new Logger('Orders');

      export async function record(orderId: string): Promise<void> {
        logger.log(\`order \${orderId}\`);
      }
    `,
  }),

  // Logging.
  family('pino', ['pino', 'pino.*'], 'pino serializes the line and hands it to its destination in one write; with pino.destination({ sync: false }) or a transport (a worker thread) the write itself is asynchronous. Logging calls are not counted as blocking I/O.', {
    bad: LOG_BAD,
    good: ts`
      import pino from 'pino';

      const logger = pino();

      export async function record(orderId: string): Promise<void> {
        logger.info({ orderId }, 'order');
      }
    `,
  }),
  family('winston', ['winston', 'winston.*'], "winston's loggers hand each entry to stream-based transports, which write asynchronously.", {
    bad: LOG_BAD,
    good: ts`
      import winston from 'winston';

      const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

      export async function record(orderId: string): Promise<void> {
        logger.info('order', { orderId });
      }
    `,
  }),

  // Node's asynchronous file, DNS, timer, stream and readline APIs.
  family('fs', ['fs.*'], "node:fs's callback functions (readFile, writeFile, stat, ...) and streams run their system calls in libuv's threadpool and call back on the loop; its *Sync functions have blocking entries of their own.", {
    bad: HANDLER_BAD,
    good: ts`
      import { readFile } from 'node:fs';

      export function report(): Promise<string> {
        return new Promise((resolve, reject) => {
          readFile('report.txt', 'utf8', (err, text) => (err ? reject(err) : resolve(text)));
        });
      }
    `,
  }),
  family('fs/promises', ['fs/promises.*', 'fs.promises.*'], "node:fs/promises (also fs.promises) runs every file-system call in libuv's threadpool and returns a promise.", {
    bad: HANDLER_BAD,
    good: ts`
      import { readFile } from 'node:fs/promises';

      export function report(): Promise<string> {
        return readFile('report.txt', 'utf8');
      }
    `,
  }),
  family('fs-extra', ['fs-extra.*', 'graceful-fs.*', 'jsonfile.*'], "fs-extra, graceful-fs and jsonfile functions without the Sync suffix return promises or take callbacks, running the file-system calls in libuv's threadpool; the *Sync ones have blocking entries of their own.", {
    bad: ts`
      import fse from 'fs-extra';

      export async function loadSettings(path: string): Promise<unknown> {
        return fse.readJsonSync(path);
      }
    `,
    good: ts`
      import fse from 'fs-extra';

      export async function loadSettings(path: string): Promise<unknown> {
        return fse.readJson(path);
      }
    `,
  }),
  family('dns', ['dns.*', 'dns/promises.*'], "node:dns resolves with c-ares over non-blocking sockets, and lookup runs getaddrinfo in libuv's threadpool; none of it blocks the loop.", {
    bad: ts`
      import { execFileSync } from 'node:child_process';

      export async function resolveHost(host: string): Promise<unknown> {
        return execFileSync('dig', ['+short', host], { encoding: 'utf8' });
      }
    `,
    good: ts`
      import { lookup } from 'node:dns/promises';

      export async function resolveHost(host: string): Promise<unknown> {
        return lookup(host);
      }
    `,
  }),
  family('timers/promises', ['timers/promises.*'], 'node:timers/promises returns promises that settle when the timer fires; waiting on them suspends only the awaiting function.', {
    bad: ts`
      import deasync from 'deasync';

      export async function backoff(ms: number): Promise<void> {
        deasync.sleep(ms);
      }
    `,
    good: ts`
      import { setTimeout as sleep } from 'node:timers/promises';

      export async function backoff(ms: number): Promise<void> {
        await sleep(ms);
      }
    `,
  }),
  family('stream/promises', ['stream/promises.*', 'stream.promises.*'], 'node:stream/promises pipeline and finished return promises; data flows chunk by chunk between event loop turns.', {
    bad: ts`
      import { copyFileSync } from 'node:fs';

      export async function archive(source: string, target: string): Promise<void> {
        copyFileSync(source, target);
      }
    `,
    good: ts`
      import { createReadStream, createWriteStream } from 'node:fs';
      import { pipeline } from 'node:stream/promises';

      export async function archive(source: string, target: string): Promise<void> {
        await pipeline(createReadStream(source), createWriteStream(target));
      }
    `,
  }),
  family('readline/promises', ['readline/promises.*'], 'node:readline/promises reads the input stream asynchronously: question() returns a promise that settles when a line arrives.', {
    bad: ts`
      import readlineSync from 'readline-sync';

      export async function ask(prompt: string): Promise<unknown> {
        return readlineSync.question(prompt);
      }
    `,
    good: ts`
      import { stdin as input, stdout as output } from 'node:process';
      import { createInterface } from 'node:readline/promises';

      export async function ask(prompt: string): Promise<unknown> {
        const rl = createInterface({ input, output });
        return rl.question(prompt).finally(() => rl.close());
      }
    `,
  }),

  // Child processes and worker threads.
  family('child_process', ['child_process.*', 'cross-spawn'], "node:child_process's spawn, exec, execFile and fork start the child and return at once; output and exit arrive as events. The *Sync functions have blocking entries of their own.", {
    bad: SUBPROCESS_BAD,
    good: ts`
      import { spawn } from 'node:child_process';
      import { once } from 'node:events';

      export async function build(): Promise<void> {
        const child = spawn('npm', ['run', 'build'], { stdio: 'inherit' });
        await once(child, 'exit');
      }
    `,
  }),
  family('execa', ['execa', 'execa.*'], "execa's execa, execaCommand, execaNode and $ return a promise-like child process; the sync forms have blocking entries of their own.", {
    bad: SUBPROCESS_BAD,
    good: ts`
      import { execa } from 'execa';

      export async function build(): Promise<unknown> {
        return execa('npm', ['run', 'build']);
      }
    `,
  }),
  family('worker_threads', ['worker_threads.*'], 'node:worker_threads runs the given file in another thread with its own event loop; the calling thread only exchanges messages with it.', {
    bad: DERIVE_BAD,
    good: ts`
      import { once } from 'node:events';
      import { Worker } from 'node:worker_threads';

      export async function derive(password: string, salt: string): Promise<unknown> {
        const worker = new Worker(new URL('./derive-worker.js', import.meta.url), { workerData: { password, salt } });
        const [key] = await once(worker, 'message');
        return key;
      }
    `,
  }),
  family('piscina', ['piscina', 'piscina.*'], 'piscina runs tasks in a pool of worker threads, each loading the given file; run() posts the task and returns a promise of its result.', {
    bad: DERIVE_BAD,
    good: ts`
      import Piscina from 'piscina';

      const pool = new Piscina({ filename: new URL('./derive-worker.js', import.meta.url).href });

      export async function derive(password: string, salt: string): Promise<unknown> {
        return pool.run({ password, salt });
      }
    `,
  }),
  family('tinypool', ['tinypool', 'tinypool.*'], 'tinypool runs tasks in a pool of worker threads, each loading the given file; run() posts the task and returns a promise of its result.', {
    bad: DERIVE_BAD,
    good: ts`
      import Tinypool from 'tinypool';

      const pool = new Tinypool({ filename: new URL('./derive-worker.js', import.meta.url).href });

      export async function derive(password: string, salt: string): Promise<unknown> {
        return pool.run({ password, salt });
      }
    `,
  }),
  family('workerpool', ['workerpool.*'], "workerpool's pools and proxies exchange messages with worker threads or processes and return promises; pool.exec has an offload entry of its own.", {
    bad: DERIVE_BAD,
    good: ts`
      import workerpool from 'workerpool';

      const pool = workerpool.pool(new URL('./derive-worker.js', import.meta.url).pathname);

      export async function derive(password: string, salt: string): Promise<unknown> {
        return pool.exec('derive', [password, salt]);
      }
    `,
  }),

  // Password hashing, asynchronously.
  family('bcrypt', ['bcrypt.*', 'bcryptjs.*', '@node-rs/bcrypt.*', '@node-rs/argon2.*', 'argon2.*'], "The asynchronous password hashers: bcrypt, @node-rs/* and argon2 hash in libuv's threadpool, bcryptjs in chunks that yield to the loop. Their *Sync functions have blocking entries of their own.", {
    bad: HASH_BAD,
    good: ts`
      import bcrypt from 'bcrypt';

      export async function hashPassword(password: string): Promise<string> {
        return bcrypt.hash(password, 12);
      }
    `,
  }),

  // In-memory utilities whose function names (get, find, update) would otherwise sound like I/O.
  family('lodash', ['lodash.*', 'lodash-es.*', 'underscore.*', 'ramda.*'], 'lodash, underscore and Ramda work on in-memory values: _.get, _.find and _.update read and write objects, not storage.', {
    bad: ts`
      import { readFileSync } from 'node:fs';

      export async function settingOf(name: string): Promise<unknown> {
        return JSON.parse(readFileSync('settings.json', 'utf8'))[name];
      }
    `,
    good: ts`
      import _ from 'lodash';

      export async function settingOf(settings: object, name: string): Promise<unknown> {
        return _.get(settings, name);
      }
    `,
  }),
];
