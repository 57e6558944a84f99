// Markers that put code in a known role: tests, command-line entry points, and start-up and
// shutdown hooks. Calls mark the functions they are given (`it('...', async () => ...)`,
// `program.command('sync').action(syncAll)`); code nested in a test or a script is test or script
// code too. Module top-level code is start-up code without any marker.

import { role, type Entry, type RoleEntry } from '../entry.js';
import { ts } from './authoring.js';

/** The same test code, unmarked: an async function that reads a fixture synchronously. */
const FIXTURE_UNMARKED = ts`
  import { readFileSync } from 'node:fs';

  export async function loadFixture(): Promise<unknown> {
    return JSON.parse(readFileSync('fixtures/user.json', 'utf8'));
  }
`;

/** The same CLI or start-up code, unmarked: an async function that reads a file synchronously. */
const TASK_UNMARKED = ts`
  import { readFileSync } from 'node:fs';

  export async function printManifest(): Promise<void> {
    console.log(readFileSync('manifest.json', 'utf8'));
  }
`;

/** A call that registers a test, a suite or a hook: the functions given to it are test code. */
function testMarker(
  id: string,
  o: { match: readonly string[]; imports: string; call: string; shape: 'case' | 'suite' | 'hook'; what: string },
): RoleEntry {
  const imports = o.imports ? `\n${o.imports}` : '';
  const good =
    o.shape === 'case'
      ? ts`
          import { readFileSync } from 'node:fs';${imports}

          ${o.call}('loads the fixture', async () => {
            JSON.parse(readFileSync('fixtures/user.json', 'utf8'));
          });
        `
      : o.shape === 'suite'
        ? ts`
            import { readFileSync } from 'node:fs';${imports}

            ${o.call}('user fixture', () => {
              // A helper of the suite's tests: nested in the suite, it is test code too.
              async function loadFixture(): Promise<unknown> {
                return JSON.parse(readFileSync('fixtures/user.json', 'utf8'));
              }
            });
          `
        : ts`
            import { readFileSync } from 'node:fs';${imports}

            ${o.call}(async () => {
              JSON.parse(readFileSync('fixtures/user.json', 'utf8'));
            });
          `;
  return role({
    id: `node:${id}`,
    match: o.match,
    role: 'test',
    why: `${o.call}(...) ${o.what}: test code, where blocking calls do not stall a served event loop.`,
    example: { bad: FIXTURE_UNMARKED, good },
  });
}

/** Modifiers of test and suite functions: `it.only(...)`, `it.each(table)(...)`, `it.skipIf(c)(...)`. */
const MODIFIERS = ['only', 'skip', 'todo', 'each', 'concurrent', 'sequential', 'failing', 'fails', 'skipIf', 'runIf', 'concurrent.each', 'only.each', 'skip.each'];
const withModifiers = (names: readonly string[]): string[] => names.flatMap((n) => [n, ...MODIFIERS.map((m) => `${n}.${m}`)]);
const HOOKS = ['beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'before', 'after'];
/** Jest, Vitest and Playwright name the once-per-suite hooks beforeAll and afterAll. */
const JEST_HOOKS = ['beforeAll', 'afterAll', 'beforeEach', 'afterEach'];
/** Mocha and node:test name them before and after. */
const MOCHA_HOOKS = ['before', 'after', 'beforeEach', 'afterEach'];

/**
 * The test API of one framework, reached through `prefix` (`globalThis.`, `vitest.`, ...): one entry
 * for its suites, one per group of test functions (named by the group's first), one for its hooks.
 */
function testFramework(
  prefix: string,
  imports: (name: string) => string,
  o: { suites: readonly string[]; cases: readonly (readonly string[])[]; hooks: readonly string[]; label: string },
): RoleEntry[] {
  const q = (names: readonly string[]): string[] => names.map((n) => `${prefix}${n}`);
  const first = (names: readonly string[]): string => names[0] ?? '';
  return [
    testMarker(`${prefix}${first(o.suites)}`, { match: q(withModifiers(o.suites)), imports: imports(first(o.suites)), call: first(o.suites), shape: 'suite', what: `declares a ${o.label} test suite` }),
    ...o.cases.map((group) =>
      testMarker(`${prefix}${first(group)}`, { match: q(withModifiers(group)), imports: imports(first(group)), call: first(group), shape: 'case', what: `declares a ${o.label} test` }),
    ),
    testMarker(`${prefix}${first(o.hooks)}`, { match: q(o.hooks), imports: imports(first(o.hooks)), call: first(o.hooks), shape: 'hook', what: `registers a ${o.label} set-up or tear-down hook` }),
  ];
}

/** A start-up or shutdown hook: the functions given to the call run once, outside any request. */
function startup(id: string, o: { match: readonly string[]; returns?: string; whenArg?: readonly string[]; why: string; good: string }): RoleEntry {
  return role({
    id: `node:${id}`,
    match: o.match,
    ...(o.returns ? { returns: o.returns } : {}),
    role: 'startup',
    ...(o.whenArg ? { whenArg: o.whenArg } : {}),
    why: o.why,
    example: { bad: TASK_UNMARKED, good: o.good },
  });
}

/** The task of TASK_UNMARKED, handed to a marker by `register` at module level, after `setup`. */
function taskPassedTo(setup: string, register: string): string {
  const head = setup === '' ? "import { readFileSync } from 'node:fs';" : `import { readFileSync } from 'node:fs';\n${setup}`;
  const task = TASK_UNMARKED.slice(TASK_UNMARKED.indexOf('export'));
  return `${head}\n\n${task}\n${register}\n`;
}

const SERVER_TYPES = ['http.Server', 'https.Server', 'http2.Http2Server', 'http2.Http2SecureServer', 'net.Server', 'tls.Server'];

export const entries: readonly Entry[] = [
  // Tests: globals (Jest, Vitest with globals, Mocha, Jasmine), and the imported APIs.
  ...testFramework('globalThis.', () => '', {
    suites: ['describe', 'xdescribe', 'fdescribe', 'suite', 'context'],
    cases: [
      ['it', 'xit', 'fit', 'specify'],
      ['test', 'xtest'],
    ],
    hooks: HOOKS,
    label: 'global (Jest, Vitest, Mocha or Jasmine)',
  }),
  ...testFramework('vitest.', (n) => `import { ${n} } from 'vitest';`, { suites: ['describe', 'suite'], cases: [['it'], ['test'], ['bench']], hooks: JEST_HOOKS, label: 'Vitest' }),
  ...testFramework('@jest/globals.', (n) => `import { ${n} } from '@jest/globals';`, { suites: ['describe'], cases: [['it'], ['test']], hooks: JEST_HOOKS, label: 'Jest' }),
  ...testFramework('mocha.', (n) => `import { ${n} } from 'mocha';`, { suites: ['describe', 'context', 'suite'], cases: [['it', 'specify', 'test']], hooks: MOCHA_HOOKS, label: 'Mocha' }),
  // node:test: `import test from 'node:test'` is the root `test` itself; named imports are `test.<name>`.
  ...testFramework('test.', (n) => `import { ${n} } from 'node:test';`, { suites: ['describe', 'suite'], cases: [['it']], hooks: MOCHA_HOOKS, label: 'node:test' }),
  testMarker('test', {
    match: ['test', 'test.only', 'test.skip', 'test.todo', ...withModifiers(['test.test'])],
    imports: "import test from 'node:test';",
    call: 'test',
    shape: 'case',
    what: 'declares a node:test test',
  }),
  // Playwright: `test` is an object whose members declare suites and hooks.
  testMarker('@playwright/test.test', {
    match: withModifiers(['@playwright/test.test']).concat(['@playwright/test.test.fixme', '@playwright/test.test.slow']),
    imports: "import { test } from '@playwright/test';",
    call: 'test',
    shape: 'case',
    what: 'declares a Playwright test',
  }),
  testMarker('@playwright/test.test.describe', {
    match: withModifiers(['@playwright/test.test.describe']).concat(['@playwright/test.test.describe.serial', '@playwright/test.test.describe.parallel', '@playwright/test.test.describe.configure']),
    imports: "import { test } from '@playwright/test';",
    call: 'test.describe',
    shape: 'suite',
    what: 'declares a Playwright test suite',
  }),
  testMarker('@playwright/test.test.beforeEach', {
    match: JEST_HOOKS.map((h) => `@playwright/test.test.${h}`),
    imports: "import { test } from '@playwright/test';",
    call: 'test.beforeEach',
    shape: 'hook',
    what: 'registers a Playwright set-up or tear-down hook',
  }),
  // AVA: the default export declares tests.
  testMarker('ava', {
    match: ['ava', 'ava.serial', 'ava.only', 'ava.skip', 'ava.failing', 'ava.before', 'ava.after', 'ava.beforeEach', 'ava.afterEach'],
    imports: "import test from 'ava';",
    call: 'test',
    shape: 'case',
    what: 'declares an AVA test',
  }),

  // Command-line entry points.
  role({
    id: 'node:commander.Command.action',
    // `program` exported by commander is a Command too; the adapter names it `commander.program`.
    match: ['commander.Command.action', 'commander.program.action'],
    returns: 'commander.Command',
    role: 'script',
    why: "A commander action handler runs once per command-line invocation: code it runs belongs to that one program, not to a served event loop.",
    example: {
      bad: TASK_UNMARKED,
      good: taskPassedTo("import { Command } from 'commander';\n\nconst program = new Command();", "program.command('manifest').action(printManifest);"),
    },
  }),
  role({
    id: 'node:yargs.Argv.command',
    match: ['yargs.Argv.command', 'yargs.command'],
    returns: 'yargs.Argv',
    role: 'script',
    why: 'A yargs command handler runs once per command-line invocation: code it runs belongs to that one program, not to a served event loop.',
    example: {
      bad: TASK_UNMARKED,
      good: taskPassedTo(
        "import yargs from 'yargs';\nimport { hideBin } from 'yargs/helpers';",
        "yargs(hideBin(process.argv)).command('manifest', 'Print the manifest', {}, printManifest).parse();",
      ),
    },
  }),

  // Start-up and shutdown.
  startup('express.Application.listen', {
    match: ['express.Application.listen', 'express.Express.listen', 'koa.listen', 'restify.Server.listen'],
    returns: 'http.Server',
    why: 'The callback given to app.listen() runs once, when the server starts listening: start-up code, outside the path of any request.',
    good: taskPassedTo("import express from 'express';\n\nconst app = express();", 'app.listen(3000, printManifest);'),
  }),
  startup('http.Server.listen', {
    match: SERVER_TYPES.map((t) => `${t}.listen`),
    why: "The callback given to server.listen() runs once, when the server starts listening: start-up code, outside the path of any request.",
    good: taskPassedTo("import { createServer } from 'node:http';\n\nconst server = createServer();", 'server.listen(8080, printManifest);'),
  }),
  startup('http.Server.on#startup', {
    match: SERVER_TYPES.flatMap((t) => [`${t}.on`, `${t}.once`]),
    whenArg: ['listening', 'close'],
    why: "Listeners for a server's 'listening' and 'close' events run once, when it starts or stops: start-up and shutdown code, outside the path of any request.",
    good: taskPassedTo("import { createServer } from 'node:http';\n\nconst server = createServer();", "server.once('listening', printManifest);"),
  }),
  startup('fastify.FastifyInstance.listen', {
    match: ['fastify.FastifyInstance.listen', 'fastify.FastifyInstance.ready', 'fastify.FastifyInstance.after'],
    why: 'The callbacks given to fastify.listen(), ready() and after() run once, while the application boots: start-up code, outside the path of any request.',
    good: taskPassedTo("import Fastify from 'fastify';\n\nconst app = Fastify();", 'app.ready(printManifest);'),
  }),
  startup('fastify.FastifyInstance.register', {
    match: ['fastify.FastifyInstance.register'],
    returns: 'fastify.FastifyInstance',
    why: 'A plugin given to fastify.register() runs once, while the application boots, to declare routes and decorators: start-up code (the route handlers it registers are checked on their own).',
    good: taskPassedTo("import Fastify from 'fastify';\n\nconst app = Fastify();", 'app.register(printManifest);'),
  }),
  startup('fastify.FastifyInstance.addHook#startup', {
    match: ['fastify.FastifyInstance.addHook'],
    whenArg: ['onReady', 'onListen', 'onClose', 'preClose', 'onRoute', 'onRegister'],
    why: "Fastify's application hooks (onReady, onListen, onClose, preClose, onRoute, onRegister) run when the application starts, declares routes or stops: start-up and shutdown code, outside the path of any request.",
    good: taskPassedTo("import Fastify from 'fastify';\n\nconst app = Fastify();", "app.addHook('onReady', printManifest);"),
  }),
  startup('@hono/node-server.serve', {
    match: ['@hono/node-server.serve'],
    returns: 'http.Server',
    why: "The callback given to @hono/node-server's serve() runs once, when the server starts listening: start-up code, outside the path of any request.",
    good: taskPassedTo("import { serve } from '@hono/node-server';\nimport { Hono } from 'hono';\n\nconst app = new Hono();", 'serve({ fetch: app.fetch, port: 3000 }, printManifest);'),
  }),
  startup('globalThis.process.on', {
    match: ['globalThis.process.on', 'globalThis.process.once', 'process.on', 'process.once'],
    whenArg: ['SIGTERM', 'SIGINT', 'SIGHUP', 'beforeExit', 'exit'],
    why: 'A handler for a termination signal or for exit runs when the process is shutting down: shutdown code, outside the path of any request.',
    good: taskPassedTo('', "process.once('SIGTERM', printManifest);"),
  }),
];
