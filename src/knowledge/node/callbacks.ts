// Functions the runtime or a framework calls on the event loop thread, which makes them async
// contexts even without the async keyword: route handlers and middleware (Express, Koa, Fastify,
// hapi, restify, Hono, NestJS), server, socket and EventEmitter listeners, timers, Promise
// executors, microtasks, and job processors. A blocking call in one stalls every request the process
// serves, exactly as it would in an async function.

import { callback, type CallbackEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** A handler written inline in a catalog file, without the final newline (it is placed mid-line). */
const fn = (strings: TemplateStringsArray, ...values: readonly unknown[]): string => ts(strings, ...values).trimEnd();

/** The same handler, blocking and not. */
interface Handler {
  readonly bad: string;
  readonly good: string;
}

interface Registration {
  readonly id: string;
  readonly match: readonly string[];
  readonly callableArgs: CallbackEntry['callableArgs'];
  readonly returns?: string;
  readonly decorator?: boolean;
  readonly why: string;
  /** The framework's imports and the module-level set-up, after the node:fs import. */
  readonly setup: string;
  /** The registration, `HANDLER` standing for the handler. */
  readonly register: string;
  readonly handler: Handler;
  /** The node:fs function the bad handler calls and the node:fs/promises one the good handler uses. */
  readonly fs?: { readonly sync: string; readonly async: string };
}

/** Puts the handler where `HANDLER` stands, its later lines indented like that line. */
function place(register: string, handler: string): string {
  return register.replace(/^([ \t]*)(.*)HANDLER/m, (_m, indent: string, before: string) => `${indent}${before}${handler.replace(/\n/g, `\n${indent}`)}`);
}

function source(fsImport: string, setup: string, body: string): string {
  const head = setup.trim() === '' ? fsImport : `${fsImport}\n${setup.trim()}`;
  return `${head}\n\n${body.trim()}\n`;
}

/** A callback registration whose examples read a file in the handler: synchronously, then not. */
function registration(o: Registration): CallbackEntry {
  const fsNames = o.fs ?? { sync: 'readFileSync', async: 'readFile' };
  return callback({
    id: o.id,
    match: o.match,
    callableArgs: o.callableArgs,
    ...(o.returns ? { returns: o.returns } : {}),
    ...(o.decorator ? { decorator: true } : {}),
    why: o.why,
    example: {
      bad: source(`import { ${fsNames.sync} } from 'node:fs';`, o.setup, place(o.register, o.handler.bad)),
      good: source(`import { ${fsNames.async} } from 'node:fs/promises';`, o.setup, place(o.register, o.handler.good)),
    },
  });
}

// ---- Handlers, per framework shape ------------------------------------------------------------

/** Express, and node:http's request listener shape: `(req, res) => ...`. */
const EXPRESS: Handler = {
  bad: fn`
    (_req, res) => {
      res.send(readFileSync('report.txt', 'utf8'));
    }
  `,
  good: fn`
    (_req, res, next) => {
      readFile('report.txt', 'utf8').then((text) => res.send(text), next);
    }
  `,
};

/** Koa middleware and @koa/router handlers: `(ctx, next) => ...`. */
const KOA: Handler = {
  bad: fn`
    (ctx) => {
      ctx.body = readFileSync('report.txt', 'utf8');
    }
  `,
  good: fn`
    (ctx) => readFile('report.txt', 'utf8').then((text) => {
      ctx.body = text;
    })
  `,
};

/** Fastify handlers: `(request, reply) => ...`; a returned promise is the response. */
const FASTIFY: Handler = {
  bad: fn`
    (_request, reply) => {
      reply.send(readFileSync('report.txt', 'utf8'));
    }
  `,
  good: fn`
    () => readFile('report.txt', 'utf8')
  `,
};

/** hapi handlers: `(request, h) => value`; a returned promise is the response. */
const HAPI: Handler = {
  bad: fn`
    () => readFileSync('report.txt', 'utf8')
  `,
  good: fn`
    () => readFile('report.txt', 'utf8')
  `,
};

/** restify handlers: `(req, res, next) => ...`, which call next() when done. */
const RESTIFY: Handler = {
  bad: fn`
    (_req, res, next) => {
      res.send(readFileSync('report.txt', 'utf8'));
      next();
    }
  `,
  good: fn`
    (_req, res, next) => {
      readFile('report.txt', 'utf8').then((text) => {
        res.send(text);
        next();
      }, next);
    }
  `,
};

/** Hono handlers: `(c) => Response`; a returned promise is the response. */
const HONO: Handler = {
  bad: fn`
    (c) => c.text(readFileSync('report.txt', 'utf8'))
  `,
  good: fn`
    (c) => readFile('report.txt', 'utf8').then((text) => c.text(text))
  `,
};

/** node:http request listeners. */
const HTTP: Handler = {
  bad: fn`
    (_req, res) => {
      res.end(readFileSync('index.html'));
    }
  `,
  good: fn`
    (_req, res) => {
      readFile('index.html').then((html) => res.end(html));
    }
  `,
};

/** node:net and node:tls connection listeners, and socket listeners of ws and socket.io. */
const SOCKET: Handler = {
  bad: fn`
    (socket) => {
      socket.end(readFileSync('motd.txt'));
    }
  `,
  good: fn`
    (socket) => {
      readFile('motd.txt').then((motd) => socket.end(motd));
    }
  `,
};

const WEBSOCKET: Handler = {
  bad: fn`
    (socket) => {
      socket.send(readFileSync('welcome.txt', 'utf8'));
    }
  `,
  good: fn`
    (socket) => {
      readFile('welcome.txt', 'utf8').then((text) => socket.send(text));
    }
  `,
};

const SOCKET_IO: Handler = {
  bad: fn`
    (socket) => {
      socket.emit('motd', readFileSync('motd.txt', 'utf8'));
    }
  `,
  good: fn`
    (socket) => {
      readFile('motd.txt', 'utf8').then((motd) => socket.emit('motd', motd));
    }
  `,
};

/** A listener or job that appends to a log. */
const APPEND: Handler = {
  bad: fn`
    (line: string) => {
      appendFileSync('audit.log', line);
    }
  `,
  good: fn`
    (line: string) => {
      appendFile('audit.log', line).catch(console.error);
    }
  `,
};
const APPEND_FS = { sync: 'appendFileSync', async: 'appendFile' } as const;

/** A timer that clears a cache directory. */
const CLEANUP: Handler = {
  bad: fn`
    () => {
      rmSync('tmp/cache', { recursive: true, force: true });
    }
  `,
  good: fn`
    () => {
      rm('tmp/cache', { recursive: true, force: true }).catch(console.error);
    }
  `,
};
const CLEANUP_FS = { sync: 'rmSync', async: 'rm' } as const;

/** A job processor that writes a report file. */
const JOB: Handler = {
  bad: fn`
    (job) => {
      writeFileSync(\`reports/\${job.id}.json\`, JSON.stringify(job.data));
    }
  `,
  good: fn`
    (job) => writeFile(\`reports/\${job.id}.json\`, JSON.stringify(job.data))
  `,
};
const JOB_FS = { sync: 'writeFileSync', async: 'writeFile' } as const;

/** A NestJS handler method, decorated with DECORATOR. */
const NEST: Handler = {
  bad: fn`
    DECORATOR
    latest(): string {
      return readFileSync('report.txt', 'utf8');
    }
  `,
  good: fn`
    DECORATOR
    latest(): Promise<string> {
      return readFile('report.txt', 'utf8');
    }
  `,
};

// ---- Frameworks --------------------------------------------------------------------------------

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head'] as const;

/**
 * An Express routing method. `express()` is an `express.Application` (also `express.Express`, the
 * type Express exports for it), `express.Router()` an `express.Router`, and `app.route(path)` an
 * `express.Route`; each method returns its receiver, so calls chain.
 */
function expressMethod(owner: 'Application' | 'Router' | 'Route', verb: string): CallbackEntry {
  const receiver = { Application: 'app', Router: 'router', Route: "app.route('/report')" }[owner];
  const setup = owner === 'Router' ? "import express from 'express';\n\nconst router = express.Router();" : "import express from 'express';\n\nconst app = express();";
  const path = verb === 'use' || owner === 'Route' ? '' : "'/report', ";
  return registration({
    id: `node:express.${owner}.${verb}`,
    match: owner === 'Application' ? [`express.Application.${verb}`, `express.Express.${verb}`] : [`express.${owner}.${verb}`],
    callableArgs: 'all',
    returns: `express.${owner}`,
    why: `Express calls the handlers and middleware given to ${owner === 'Route' ? 'route(path)' : owner === 'Router' ? 'router' : 'app'}.${verb}() on the event loop thread, once per matching request; a blocking call in one delays every other request.`,
    setup,
    register: `${receiver}.${verb}(${path}HANDLER);`,
    handler: EXPRESS,
  });
}

/** A Koa router method (@koa/router, and koa-router, its former name): `new Router()` is an instance of the package. */
function koaRouterMethod(verb: string): CallbackEntry {
  return registration({
    id: `node:@koa/router.${verb}`,
    match: [`@koa/router.${verb}`, `@koa/router.Router.${verb}`, `koa-router.${verb}`],
    callableArgs: 'all',
    returns: '@koa/router',
    why: `@koa/router calls the middleware given to router.${verb}() on the event loop thread for each matching request; a blocking call in one delays every other request.`,
    setup: "import Router from '@koa/router';\n\nconst router = new Router();",
    register: `router.${verb}('/report', HANDLER);`,
    handler: KOA,
  });
}

/** A Fastify route shorthand. `fastify()` is a `fastify.FastifyInstance`; the methods return it. */
function fastifyVerb(verb: string): CallbackEntry {
  return registration({
    id: `node:fastify.FastifyInstance.${verb}`,
    match: [`fastify.FastifyInstance.${verb}`],
    callableArgs: 'all',
    returns: 'fastify.FastifyInstance',
    why: `Fastify runs the handler given to app.${verb}() (and its route hooks) on the event loop thread for each matching request; a blocking call in it delays every other request.`,
    setup: "import Fastify from 'fastify';\n\nconst app = Fastify();",
    register: `app.${verb}('/report', HANDLER);`,
    handler: FASTIFY,
  });
}

/** A restify routing method; `restify.createServer()` is a `restify.Server`. */
function restifyMethod(verb: string): CallbackEntry {
  const path = verb === 'use' || verb === 'pre' ? '' : "'/report', ";
  return registration({
    id: `node:restify.Server.${verb}`,
    match: [`restify.Server.${verb}`],
    callableArgs: 'all',
    returns: 'restify.Server',
    why: `restify calls the handlers given to server.${verb}() on the event loop thread for each matching request; a blocking call in one delays every other request.`,
    setup: "import restify from 'restify';\n\nconst server = restify.createServer();",
    register: `server.${verb}(${path}HANDLER);`,
    handler: RESTIFY,
  });
}

/** A Hono routing method; `new Hono()` is a `hono.Hono`, and the methods return it. */
function honoMethod(verb: string): CallbackEntry {
  const args = verb === 'on' ? "'GET', '/report', " : "'/report', ";
  return registration({
    id: `node:hono.Hono.${verb}`,
    match: [`hono.Hono.${verb}`],
    callableArgs: 'all',
    returns: 'hono.Hono',
    why: `Hono calls the handlers given to app.${verb}() for each matching request; on Node they run on the event loop thread, where a blocking call delays every other request.`,
    setup: "import { Hono } from 'hono';\n\nconst app = new Hono();",
    register: `app.${verb}(${args}HANDLER);`,
    handler: HONO,
  });
}

/** A NestJS method decorator that makes the method a handler the framework calls on the loop. */
function nestDecorator(pkg: string, name: string, o: { imports: string; classDecorator: string; call: string; what: string }): CallbackEntry {
  return registration({
    id: `node:${pkg}.${name}`,
    match: [`${pkg}.${name}`],
    callableArgs: [],
    decorator: true,
    why: `NestJS calls a method decorated with @${name}() ${o.what} on the event loop thread, awaiting its result only if it returns a promise; a blocking call in it delays every other request.`,
    setup: o.imports,
    register: `${o.classDecorator}\nexport class Handlers {\n  HANDLER\n}`,
    handler: { bad: NEST.bad.replace('DECORATOR', o.call), good: NEST.good.replace('DECORATOR', o.call) },
  });
}

/** A `createServer` of node:http, node:https, node:http2, node:net or node:tls. */
function createServer(module: string, o: { name: string; returns: string; options: string; handler: Handler; kind: string }): CallbackEntry {
  return registration({
    id: `node:${module}.${o.name}`,
    match: [`${module}.${o.name}`],
    callableArgs: 'all',
    returns: o.returns,
    why: `${module}.${o.name} registers its listener for the '${o.kind}' event: Node calls it on the event loop thread for every ${o.kind === 'request' ? 'request' : 'connection'}, so a blocking call in it stalls them all.`,
    setup: `import { ${o.name} } from 'node:${module}';`,
    register: `${o.name}(${o.options}HANDLER).listen(8080);`,
    handler: o.handler,
  });
}

/** `on` (and its aliases) of a Node server type. */
function serverOn(module: string, type: string, o: { create: string; event: string; handler: Handler }): CallbackEntry {
  const methods = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];
  return registration({
    id: `node:${module}.${type}.on`,
    match: methods.map((m) => `${module}.${type}.${m}`),
    callableArgs: [1],
    returns: `${module}.${type}`,
    why: `Listeners added with server.on('${o.event}', ...) run on the event loop thread each time the server emits the event; a blocking call in one stalls every connection the server handles.`,
    setup: `import { ${o.create} } from 'node:${module}';\n\nconst server = ${o.create}();`,
    register: `server.on('${o.event}', HANDLER);`,
    handler: o.handler,
  });
}

/** A timer: the callback runs on the event loop thread when the timer fires. */
function timer(api: string, o: { setup: string; call: string; args: string; when: string }): CallbackEntry {
  return registration({
    id: `node:${api}`,
    match: [api],
    callableArgs: [0],
    why: `${o.call} runs its callback on the event loop thread ${o.when}; a blocking call in it stalls every request being served at that moment.`,
    setup: o.setup,
    register: `${o.call}(HANDLER${o.args});`,
    handler: CLEANUP,
    fs: CLEANUP_FS,
  });
}

export const entries: readonly Entry[] = [
  // Express.
  ...[...HTTP_VERBS, 'use'].map((verb) => expressMethod('Application', verb)),
  ...[...HTTP_VERBS, 'use'].map((verb) => expressMethod('Router', verb)),
  ...HTTP_VERBS.map((verb) => expressMethod('Route', verb)),

  // Koa and its routers.
  registration({
    id: 'node:koa.use',
    match: ['koa.use'],
    callableArgs: 'all',
    returns: 'koa',
    why: 'Koa calls every middleware given to app.use() on the event loop thread for each request; a blocking call in one delays every other request.',
    setup: "import Koa from 'koa';\n\nconst app = new Koa();",
    register: 'app.use(HANDLER);',
    handler: KOA,
  }),
  ...[...HTTP_VERBS, 'del', 'use'].map(koaRouterMethod),

  // Fastify.
  ...HTTP_VERBS.map(fastifyVerb),
  registration({
    id: 'node:fastify.FastifyInstance.route',
    match: ['fastify.FastifyInstance.route'],
    // The route options object: its handler and its request-path hooks.
    callableArgs: ['handler', 'preHandler', 'onRequest', 'preParsing', 'preValidation', 'preSerialization', 'onSend', 'onResponse', 'onError', 'onTimeout', 'errorHandler'],
    returns: 'fastify.FastifyInstance',
    why: 'Fastify runs the handler and the hooks of a route declared with app.route({...}) on the event loop thread for each matching request; a blocking call in one delays every other request.',
    setup: "import Fastify from 'fastify';\n\nconst app = Fastify();",
    register: "app.route({\n  method: 'GET',\n  url: '/report',\n  handler: HANDLER,\n});",
    handler: FASTIFY,
  }),
  registration({
    id: 'node:fastify.FastifyInstance.addHook',
    match: ['fastify.FastifyInstance.addHook'],
    callableArgs: [1],
    returns: 'fastify.FastifyInstance',
    why: "A hook added with app.addHook(name, fn) runs on the event loop thread; the request hooks (onRequest, preHandler, onSend, ...) run for every request, so a blocking call in one delays them all. (The application hooks onReady and onClose are start-up code: see the role entry.)",
    setup: "import Fastify from 'fastify';\n\nconst app = Fastify();",
    register: "app.addHook('onRequest', HANDLER);",
    handler: {
      bad: fn`
        (request, _reply, done) => {
          request.log.info(readFileSync('banner.txt', 'utf8'));
          done();
        }
      `,
      good: fn`
        (request) => readFile('banner.txt', 'utf8').then((banner) => request.log.info(banner))
      `,
    },
  }),
  registration({
    id: 'node:fastify.FastifyInstance.setErrorHandler',
    match: ['fastify.FastifyInstance.setErrorHandler'],
    callableArgs: [0],
    returns: 'fastify.FastifyInstance',
    why: 'Fastify calls the error handler on the event loop thread for every request that fails; a blocking call in it delays every other request.',
    setup: "import Fastify from 'fastify';\n\nconst app = Fastify();",
    register: 'app.setErrorHandler(HANDLER);',
    handler: {
      bad: fn`
        (_error, _request, reply) => {
          reply.code(500).type('text/html').send(readFileSync('error.html', 'utf8'));
        }
      `,
      good: fn`
        (_error, _request, reply) => readFile('error.html', 'utf8').then((page) => reply.code(500).type('text/html').send(page))
      `,
    },
  }),
  registration({
    id: 'node:fastify.FastifyInstance.setNotFoundHandler',
    match: ['fastify.FastifyInstance.setNotFoundHandler'],
    callableArgs: 'all',
    returns: 'fastify.FastifyInstance',
    why: 'Fastify calls the not-found handler on the event loop thread for every request no route matches; a blocking call in it delays every other request.',
    setup: "import Fastify from 'fastify';\n\nconst app = Fastify();",
    register: 'app.setNotFoundHandler(HANDLER);',
    handler: FASTIFY,
  }),

  // hapi.
  registration({
    id: 'node:@hapi/hapi.Server.route',
    match: ['@hapi/hapi.Server.route'],
    callableArgs: ['handler'],
    why: "hapi calls a route's handler on the event loop thread for each matching request; a blocking call in it delays every other request.",
    setup: "import Hapi from '@hapi/hapi';\n\nconst server = Hapi.server({ port: 3000 });",
    register: "server.route({\n  method: 'GET',\n  path: '/report',\n  handler: HANDLER,\n});",
    handler: HAPI,
  }),
  registration({
    id: 'node:@hapi/hapi.Server.ext',
    match: ['@hapi/hapi.Server.ext'],
    callableArgs: [1, 'method'],
    why: 'hapi calls a request-lifecycle extension added with server.ext() on the event loop thread for every request; a blocking call in it delays them all.',
    setup: "import Hapi from '@hapi/hapi';\n\nconst server = Hapi.server({ port: 3000 });",
    register: "server.ext('onPreHandler', HANDLER);",
    handler: {
      bad: fn`
        (request, h) => {
          request.app.banner = readFileSync('banner.txt', 'utf8');
          return h.continue;
        }
      `,
      good: fn`
        (request, h) => readFile('banner.txt', 'utf8').then((banner) => {
          request.app.banner = banner;
          return h.continue;
        })
      `,
    },
  }),

  // restify and Hono.
  ...['get', 'head', 'post', 'put', 'patch', 'del', 'opts', 'use', 'pre'].map(restifyMethod),
  ...[...HTTP_VERBS, 'use', 'on'].map(honoMethod),

  // NestJS: route, message and event handlers, and scheduled jobs.
  ...['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head'].map((verb) =>
    nestDecorator('@nestjs/common', verb, {
      imports: `import { Controller, ${verb} } from '@nestjs/common';`,
      classDecorator: "@Controller('reports')",
      call: `@${verb}()`,
      what: 'for each matching HTTP request',
    }),
  ),
  nestDecorator('@nestjs/websockets', 'SubscribeMessage', {
    imports: "import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';",
    classDecorator: '@WebSocketGateway()',
    call: "@SubscribeMessage('report')",
    what: 'for each matching WebSocket message',
  }),
  nestDecorator('@nestjs/microservices', 'MessagePattern', {
    imports: "import { Controller } from '@nestjs/common';\nimport { MessagePattern } from '@nestjs/microservices';",
    classDecorator: '@Controller()',
    call: "@MessagePattern('report')",
    what: 'for each matching message',
  }),
  nestDecorator('@nestjs/microservices', 'EventPattern', {
    imports: "import { Controller } from '@nestjs/common';\nimport { EventPattern } from '@nestjs/microservices';",
    classDecorator: '@Controller()',
    call: "@EventPattern('report')",
    what: 'for each matching event',
  }),
  nestDecorator('@nestjs/event-emitter', 'OnEvent', {
    imports: "import { Injectable } from '@nestjs/common';\nimport { OnEvent } from '@nestjs/event-emitter';",
    classDecorator: '@Injectable()',
    call: "@OnEvent('report.requested')",
    what: 'each time the event is emitted',
  }),
  nestDecorator('@nestjs/schedule', 'Cron', {
    imports: "import { Injectable } from '@nestjs/common';\nimport { Cron } from '@nestjs/schedule';",
    classDecorator: '@Injectable()',
    call: "@Cron('0 * * * *')",
    what: 'on its schedule, in the server process,',
  }),
  nestDecorator('@nestjs/schedule', 'Interval', {
    imports: "import { Injectable } from '@nestjs/common';\nimport { Interval } from '@nestjs/schedule';",
    classDecorator: '@Injectable()',
    call: '@Interval(60000)',
    what: 'every interval, in the server process,',
  }),
  nestDecorator('@nestjs/schedule', 'Timeout', {
    imports: "import { Injectable } from '@nestjs/common';\nimport { Timeout } from '@nestjs/schedule';",
    classDecorator: '@Injectable()',
    call: '@Timeout(5000)',
    what: 'once the delay has passed, in the server process,',
  }),

  // Node's servers and their listeners.
  createServer('http', { name: 'createServer', returns: 'http.Server', options: '', handler: HTTP, kind: 'request' }),
  createServer('https', { name: 'createServer', returns: 'https.Server', options: '{}, ', handler: HTTP, kind: 'request' }),
  createServer('http2', { name: 'createServer', returns: 'http2.Http2Server', options: '', handler: HTTP, kind: 'request' }),
  createServer('http2', { name: 'createSecureServer', returns: 'http2.Http2SecureServer', options: '{ allowHTTP1: true }, ', handler: HTTP, kind: 'request' }),
  createServer('net', { name: 'createServer', returns: 'net.Server', options: '', handler: SOCKET, kind: 'connection' }),
  createServer('tls', { name: 'createServer', returns: 'tls.Server', options: '{}, ', handler: SOCKET, kind: 'secureConnection' }),
  serverOn('http', 'Server', { create: 'createServer', event: 'request', handler: HTTP }),
  serverOn('https', 'Server', { create: 'createServer', event: 'request', handler: HTTP }),
  serverOn('http2', 'Http2Server', { create: 'createServer', event: 'request', handler: HTTP }),
  serverOn('http2', 'Http2SecureServer', { create: 'createSecureServer', event: 'request', handler: HTTP }),
  serverOn('net', 'Server', { create: 'createServer', event: 'connection', handler: SOCKET }),
  serverOn('tls', 'Server', { create: 'createServer', event: 'secureConnection', handler: SOCKET }),

  // WebSockets.
  registration({
    id: 'node:ws.WebSocketServer.on',
    match: ['ws.WebSocketServer.on', 'ws.WebSocketServer.once', 'ws.WebSocketServer.addListener', 'ws.Server.on', 'ws.Server.once', 'ws.Server.addListener'],
    callableArgs: [1],
    returns: 'ws.WebSocketServer',
    why: "A ws server's listeners (connection, headers, error) run on the event loop thread for each event; a blocking call in one stalls every socket the server holds.",
    setup: "import { WebSocketServer } from 'ws';\n\nconst wss = new WebSocketServer({ port: 8080 });",
    register: "wss.on('connection', HANDLER);",
    handler: WEBSOCKET,
  }),
  registration({
    id: 'node:ws.WebSocket.on',
    // `new WebSocket(url)` of the default export is an instance of `ws`; of the named one, `ws.WebSocket`.
    match: ['ws.WebSocket.on', 'ws.WebSocket.once', 'ws.WebSocket.addListener', 'ws.on', 'ws.once', 'ws.addListener'],
    callableArgs: [1],
    returns: 'ws.WebSocket',
    why: "A ws socket's listeners (message, open, close) run on the event loop thread for each event; a blocking call in one stalls every other socket and request.",
    setup: "import { WebSocket } from 'ws';\n\nconst socket = new WebSocket('wss://feed.example.com');",
    register: "socket.on('message', HANDLER);",
    handler: {
      bad: fn`
        (data) => {
          appendFileSync('feed.log', String(data));
        }
      `,
      good: fn`
        (data) => {
          appendFile('feed.log', String(data)).catch(console.error);
        }
      `,
    },
    fs: APPEND_FS,
  }),
  registration({
    id: 'node:socket_io.Server.on',
    match: ['socket_io.Server.on', 'socket_io.Server.once', 'socket_io.Server.addListener'],
    callableArgs: [1],
    returns: 'socket_io.Server',
    why: "A socket.io server's connection listeners run on the event loop thread for each new client; a blocking call in one stalls every other client and request.",
    setup: "import { Server } from 'socket.io';\n\nconst io = new Server(3000);",
    register: "io.on('connection', HANDLER);",
    handler: SOCKET_IO,
  }),
  registration({
    id: 'node:socket_io.Server.use',
    match: ['socket_io.Server.use', 'socket_io.Namespace.use'],
    callableArgs: [0],
    why: 'socket.io runs connection middleware given to io.use() on the event loop thread for every new client; a blocking call in it stalls every other client.',
    setup: "import { Server } from 'socket.io';\n\nconst io = new Server(3000);",
    register: 'io.use(HANDLER);',
    handler: {
      bad: fn`
        (socket, next) => {
          socket.data.motd = readFileSync('motd.txt', 'utf8');
          next();
        }
      `,
      good: fn`
        (socket, next) => {
          readFile('motd.txt', 'utf8').then((motd) => {
            socket.data.motd = motd;
            next();
          }, next);
        }
      `,
    },
  }),
  registration({
    id: 'node:socket_io.Namespace.on',
    match: ['socket_io.Namespace.on', 'socket_io.Namespace.once', 'socket_io.Namespace.addListener'],
    callableArgs: [1],
    returns: 'socket_io.Namespace',
    why: "A socket.io namespace's connection listeners run on the event loop thread for each new client of the namespace; a blocking call in one stalls every other client.",
    setup: "import { Server } from 'socket.io';\n\nconst io = new Server(3000);",
    register: "io.of('/chat').on('connection', HANDLER);",
    handler: SOCKET_IO,
  }),
  registration({
    id: 'node:socket_io.Socket.on',
    match: ['socket_io.Socket.on', 'socket_io.Socket.once', 'socket_io.Socket.addListener', 'socket_io.Socket.onAny'],
    callableArgs: 'all',
    returns: 'socket_io.Socket',
    why: "A socket.io socket's event listeners run on the event loop thread for each message the client sends; a blocking call in one stalls every other client.",
    setup: "import type { Socket } from 'socket.io';",
    register: "export function attach(socket: Socket): void {\n  socket.on('report', HANDLER);\n}",
    handler: {
      bad: fn`
        (ack: (text: string) => void) => {
          ack(readFileSync('report.txt', 'utf8'));
        }
      `,
      good: fn`
        (ack: (text: string) => void) => {
          readFile('report.txt', 'utf8').then(ack);
        }
      `,
    },
  }),

  // EventEmitter: listeners run synchronously inside emit(), on the emitter's thread.
  registration({
    id: 'node:events.EventEmitter.on',
    // `new EventEmitter()` of the default export of node:events is an instance of `events` itself.
    // No `returns`: `events.on` and `events.once` are also module functions that return iterators
    // and promises.
    match: [
      ...['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'].map((m) => `events.EventEmitter.${m}`),
      ...['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'].map((m) => `events.${m}`),
    ],
    callableArgs: [1],
    why: "An EventEmitter calls its listeners synchronously from emit(), on the event loop thread in a server; a blocking call in a listener stalls the code that emitted and every other request.",
    setup: "import { EventEmitter } from 'node:events';\n\nconst bus = new EventEmitter();",
    register: "bus.on('audit', HANDLER);",
    handler: APPEND,
    fs: APPEND_FS,
  }),

  // Timers, microtasks and Promise executors.
  timer('globalThis.setTimeout', { setup: '', call: 'setTimeout', args: ', 60000', when: 'when the timer fires' }),
  timer('globalThis.setInterval', { setup: '', call: 'setInterval', args: ', 60000', when: 'every time the interval elapses' }),
  timer('globalThis.setImmediate', { setup: '', call: 'setImmediate', args: '', when: 'right after the current round of I/O callbacks' }),
  timer('timers.setTimeout', { setup: "import { setTimeout } from 'node:timers';", call: 'setTimeout', args: ', 60000', when: 'when the timer fires' }),
  timer('timers.setInterval', { setup: "import { setInterval } from 'node:timers';", call: 'setInterval', args: ', 60000', when: 'every time the interval elapses' }),
  timer('timers.setImmediate', { setup: "import { setImmediate } from 'node:timers';", call: 'setImmediate', args: '', when: 'right after the current round of I/O callbacks' }),
  registration({
    id: 'node:globalThis.queueMicrotask',
    match: ['globalThis.queueMicrotask'],
    callableArgs: [0],
    why: 'queueMicrotask runs its callback on the event loop thread as soon as the current task ends, before any I/O callback; a blocking call in it stalls everything behind it.',
    setup: '',
    register: "export function audit(line: string): void {\n  queueMicrotask(() => HANDLER);\n}",
    handler: { bad: "appendFileSync('audit.log', line)", good: "appendFile('audit.log', line).catch(console.error)" },
    fs: APPEND_FS,
  }),
  registration({
    id: 'node:globalThis.process.nextTick',
    match: ['globalThis.process.nextTick', 'process.nextTick'],
    callableArgs: [0],
    why: 'process.nextTick runs its callback on the event loop thread right after the current operation, ahead of promises and I/O; a blocking call in it stalls everything behind it.',
    setup: '',
    register: "export function audit(line: string): void {\n  process.nextTick(() => HANDLER);\n}",
    handler: { bad: "appendFileSync('audit.log', line)", good: "appendFile('audit.log', line).catch(console.error)" },
    fs: APPEND_FS,
  }),
  callback({
    id: 'node:globalThis.Promise',
    match: ['globalThis.Promise'],
    callableArgs: [0],
    why: 'The executor given to new Promise(...) runs at once, on the thread that creates the promise: in a server that is the event loop thread, and a blocking call in it holds every other request.',
    example: {
      bad: ts`
        import { readFileSync } from 'node:fs';

        export function loadReport(): Promise<string> {
          return new Promise((resolve) => {
            resolve(readFileSync('report.txt', 'utf8'));
          });
        }
      `,
      good: ts`
        import { readFile } from 'node:fs';

        export function loadReport(): Promise<string> {
          return new Promise((resolve, reject) => {
            readFile('report.txt', 'utf8', (err, text) => (err ? reject(err) : resolve(text)));
          });
        }
      `,
    },
  }),

  // Job processors and schedulers that run in the server process.
  registration({
    id: 'node:bullmq.Worker',
    match: ['bullmq.Worker'],
    callableArgs: [1],
    why: "A BullMQ Worker given a processor function (rather than a file) runs it on the event loop thread of the worker's process for each job; a blocking call in it stalls every other job and request of that process.",
    setup: "import { Worker } from 'bullmq';",
    register: "new Worker('reports', HANDLER);",
    handler: JOB,
    fs: JOB_FS,
  }),
  registration({
    id: 'node:bull.process',
    // `new Queue(name)` of bull's (or bee-queue's) default export is an instance of the package.
    match: ['bull.process', 'bull.Queue.process', 'bee-queue.process'],
    callableArgs: 'all',
    why: "bull and bee-queue run a processor function given to queue.process() on the event loop thread of the worker's process for each job; a blocking call in it stalls every other job and request of that process.",
    setup: "import Queue from 'bull';\n\nconst queue = new Queue('reports');",
    register: 'queue.process(HANDLER);',
    handler: JOB,
    fs: JOB_FS,
  }),
  registration({
    id: 'node:node-cron.schedule',
    match: ['node-cron.schedule'],
    callableArgs: [1],
    why: 'node-cron runs the scheduled task on the event loop thread of the process that scheduled it; in a server, a blocking call in it stalls every request in flight.',
    setup: "import cron from 'node-cron';",
    register: "cron.schedule('0 * * * *', HANDLER);",
    handler: CLEANUP,
    fs: CLEANUP_FS,
  }),
  registration({
    id: 'node:cron.CronJob',
    match: ['cron.CronJob'],
    callableArgs: [1, 'onTick'],
    why: "A cron CronJob runs its onTick function on the event loop thread of the process that created it; in a server, a blocking call in it stalls every request in flight.",
    setup: "import { CronJob } from 'cron';",
    register: "new CronJob('0 * * * *', HANDLER).start();",
    handler: CLEANUP,
    fs: CLEANUP_FS,
  }),
  registration({
    id: 'node:cron.CronJob.from',
    match: ['cron.CronJob.from'],
    callableArgs: ['onTick'],
    why: "A CronJob made by CronJob.from({ onTick }) runs onTick on the event loop thread of the process that created it; in a server, a blocking call in it stalls every request in flight.",
    setup: "import { CronJob } from 'cron';",
    register: "CronJob.from({\n  cronTime: '0 * * * *',\n  onTick: HANDLER,\n  start: true,\n});",
    handler: CLEANUP,
    fs: CLEANUP_FS,
  }),
];
