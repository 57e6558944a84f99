// Value-flow facts: what calls that do no blocking I/O return, so that later calls on their results
// resolve (`express()` is an `express.Application`, `program.command('x')` a `commander.Command`).
//
// An entry here also tells the analysis that the API is known and does not block. Blocking,
// callback and role entries carry their own `returns` in their files (`http.createServer` returns
// `http.Server`, `app.get(...)` returns the app). Calling a class, or a package's default export
// that is a class, already gives an instance of it: only calls that return something else are listed.

import { type, type Entry, type TypeEntry } from '../entry.js';

/** One fact per API: calling `api` (or one of its aliases) gives a `returns`. */
const gives = (returns: string, api: string, ...aliases: string[]): TypeEntry => type({ id: `node:${api}`, match: [api, ...aliases], returns });

/** commander's builder methods: each returns the command it configures, so calls chain. */
const COMMANDER_BUILDERS = [
  'command',
  'description',
  'summary',
  'option',
  'requiredOption',
  'addOption',
  'argument',
  'arguments',
  'addArgument',
  'alias',
  'aliases',
  'version',
  'name',
  'usage',
  'helpOption',
  'addHelpText',
  'allowUnknownOption',
  'allowExcessArguments',
  'showHelpAfterError',
  'passThroughOptions',
  'enablePositionalOptions',
  'hook',
  'configureHelp',
  'configureOutput',
  'exitOverride',
];

/** yargs's builder methods: each returns the parser, so calls chain. */
const YARGS_BUILDERS = [
  'option',
  'options',
  'positional',
  'usage',
  'demandCommand',
  'demandOption',
  'help',
  'alias',
  'describe',
  'version',
  'scriptName',
  'epilog',
  'example',
  'strict',
  'strictCommands',
  'default',
  'boolean',
  'string',
  'number',
  'array',
  'choices',
  'env',
  'wrap',
  'recommendCommands',
];

export const entries: readonly Entry[] = [
  // Express: `express()` makes the application; `app.route(path)` a route whose verbs chain.
  gives('express.Application', 'express'),
  gives('express.Route', 'express.Application.route', 'express.Express.route'),
  gives('express.Route', 'express.Router.route'),

  // Fastify: the default export (and its `fastify` named export) makes the instance.
  gives('fastify.FastifyInstance', 'fastify', 'fastify.fastify', 'fastify.default'),

  // hapi and restify: the server factories.
  gives('@hapi/hapi.Server', '@hapi/hapi.server'),
  gives('restify.Server', 'restify.createServer'),

  // socket.io: `require('socket.io')(httpServer)` is a Server; `io.of(name)` a Namespace.
  gives('socket_io.Server', 'socket_io'),
  gives('socket_io.Namespace', 'socket_io.Server.of'),

  // commander: `new Command()` is a `commander.Command`; the `program` it exports is one too, named
  // `commander.program` by the adapter, so its builders are listed under both names.
  gives('commander.Command', 'commander.createCommand'),
  ...COMMANDER_BUILDERS.map((b) => gives('commander.Command', `commander.Command.${b}`, `commander.program.${b}`)),

  // yargs: `yargs(argv)` (or `yargs/yargs`) makes the parser; its builders return it.
  gives('yargs.Argv', 'yargs', 'yargs/yargs'),
  ...YARGS_BUILDERS.map((b) => gives('yargs.Argv', `yargs.Argv.${b}`)),
];
