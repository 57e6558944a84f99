#!/usr/bin/env node
// The asyncguard command: argv → options → library → reporter → exit code (SPEC §6).

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
// Not from the library's index, which exports the catalog: the catalog is loaded only when a run
// analyses (see engine/run.ts), not for `--help` or a report the cache answers.
import { GitError } from '../change/git.js';
import { PatchError } from '../change/patch.js';
import { runCheck as analyzeFiles, runDiff as analyzeDiff, UsageError, type Analysis, type Progress } from '../engine/run.js';
import { FORMATS, render, type Format } from '../report/format.js';
import { VERSION } from '../version.js';
import { exitCodeFor, type FailOn, FAIL_ON } from './exit-code.js';
import { progressLine, wantsProgress } from './progress.js';

interface OutputOptions {
  format: Format;
  failOn: FailOn;
  color?: boolean;
  maxFileSize?: number;
  fileTimeout?: number;
  timeout?: number;
  cache?: boolean;
  workers?: number;
  progress?: boolean;
  debug?: boolean;
}

function parseDuration(flag: string, unit: string): (value: string) => number {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} takes a whole number of ${unit}, 0 for no limit (got '${value}')`);
    return Number(value);
  };
}

/** The limits every command shares, as library options. */
function limits(opts: OutputOptions): {
  maxFileBytes?: number;
  fileTimeoutMs?: number;
  runTimeoutMs?: number;
  cache?: boolean;
  workers?: number;
} {
  return {
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.cache === false ? { cache: false } : {}),
    ...(opts.maxFileSize !== undefined ? { maxFileBytes: opts.maxFileSize } : {}),
    ...(opts.fileTimeout !== undefined ? { fileTimeoutMs: opts.fileTimeout } : {}),
    ...(opts.timeout !== undefined ? { runTimeoutMs: opts.timeout * 1000 } : {}),
  };
}

/** Runs an analysis with a progress line on stderr when that helps (a terminal, not CI, not `--no-progress`). */
async function withProgress(opts: OutputOptions, run: (onProgress?: (p: Progress) => void) => Promise<Analysis>): Promise<Analysis> {
  if (opts.progress === false || !wantsProgress(process.stderr, process.env)) return run();
  const line = progressLine(process.stderr);
  try {
    return await run(line.update);
  } finally {
    line.done();
  }
}

function parseSize(value: string): number {
  const m = /^(\d+)(k|m|kb|mb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size takes a number of bytes, with an optional k or m suffix (got '${value}')`);
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit.startsWith('m') ? n * 1024 * 1024 : unit.startsWith('k') ? n * 1024 : n;
}

function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(
      new Option('--fail-on <confidence>', 'lowest confidence of an introduced finding that fails the run (exit 1)')
        .choices(FAIL_ON)
        .default('low'),
    )
    .option('--color', 'colour the text output (default: when stdout is a terminal)')
    .option('--no-color', 'never colour the output')
    .option('--max-file-size <bytes>', 'skip files larger than this (default 2m)', parseSize)
    .option('--file-timeout <ms>', 'give up on a file whose parsing and analysis take longer than this many milliseconds (default 10000)', parseDuration('--file-timeout', 'milliseconds'))
    .option('--timeout <seconds>', 'stop reading and analysing files after this many seconds, reporting the rest (default 600)', parseDuration('--timeout', 'seconds'))
    .option('--no-cache', 'lower every file again instead of reusing the cache of earlier runs')
    .option('--workers <n>', 'threads that parse files, the main thread among them (default: one per core; 1: the main thread alone)', (v: string) => {
      const n = parseDuration('--workers', 'threads')(v);
      if (n < 1) throw new UsageError('--workers takes a whole number of 1 or more');
      return n;
    })
    .option('--no-progress', 'never draw the progress line (drawn on stderr only when it is a terminal, outside CI)')
    .option('--debug', 'print the stack trace of errors');
}

function useColor(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return process.stdout.isTTY === true;
}

function emit(analysis: Analysis, opts: OutputOptions): void {
  const out = render(analysis.report, opts.format, {
    color: opts.format === 'text' && useColor(opts.color),
    toolVersion: VERSION,
    readSource: analysis.readSource,
  });
  process.stdout.write(out);
  process.exitCode = exitCodeFor(analysis.report, opts.failOn);
}

const PATCH_READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link that loops',
};

function readPatch(source: string): string {
  try {
    return source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code !== undefined ? PATCH_READ_ERRORS[code] : undefined) ?? code ?? (error as Error).message;
    throw new UsageError(`cannot read the patch ${source === '-' ? 'from standard input' : `'${source}'`}: ${reason}`);
  }
}

function buildProgram(): Command {
  const program = new Command('asyncguard')
    .description('Reviews code changes for perf-004: async hot paths do not block runtime threads.')
    .version(VERSION, '-v, --version')
    // Usage errors are one line, like every other error: `asyncguard: <what> (run asyncguard --help for usage)`.
    .configureOutput({
      outputError: (text, write) => write(`asyncguard: ${oneLine(text.replace(/^error:\s*/, ''))} (run asyncguard --help for usage)\n`),
    })
    .exitOverride();

  addOutputOptions(
    program
      .command('diff')
      .description('analyse a change: BASE..HEAD, the working tree against BASE, or (by default) the working tree against HEAD')
      .argument('[base]', 'the revision before the change (default: HEAD)')
      .argument('[head]', 'the revision after the change (default: the working tree, staged and unstaged)')
      .option('--patch <file>', "read a unified diff from FILE, or '-' for standard input; files are read from the working tree"),
  ).action(async (base: string | undefined, head: string | undefined, opts: OutputOptions & { patch?: string }) => {
    if (opts.patch !== undefined && base !== undefined) throw new UsageError('--patch cannot be combined with revisions');
    const patch = opts.patch !== undefined ? readPatch(opts.patch) : undefined;
    const analysis = await withProgress(opts, (onProgress) =>
      analyzeDiff({
        cwd: process.cwd(),
        ...(base !== undefined ? { base } : {}),
        ...(head !== undefined ? { head } : {}),
        ...(patch !== undefined ? { patch } : {}),
        ...limits(opts),
        ...(onProgress ? { onProgress } : {}),
      }),
    );
    emit(analysis, opts);
  });

  addOutputOptions(
    program
      .command('check')
      .description('analyse whole files or folders: every async path in them')
      .argument('[paths...]', 'files or folders (default: the current folder)'),
  ).action(async (paths: string[], opts: OutputOptions) => {
    const analysis = await withProgress(opts, (onProgress) =>
      analyzeFiles({
        cwd: process.cwd(),
        paths,
        ...limits(opts),
        ...(onProgress ? { onProgress } : {}),
      }),
    );
    emit(analysis, opts);
  });
  return program;
}

/**
 * A message on one line: user text in it (a revision or path with a newline) is escaped, not cut,
 * so the line still says the whole of what went wrong.
 */
function oneLine(message: string): string {
  const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return Array.from(message.trim(), (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) return c;
    return named[c] ?? `\\x${code.toString(16).padStart(2, '0')}`;
  }).join('');
}

function isUserError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof GitError || error instanceof PatchError;
}

async function main(argv: readonly string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse error is bad usage.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const message = isUserError(error) ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`asyncguard: ${oneLine(message)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else if (!isUserError(error)) process.stderr.write('asyncguard: run again with --debug for the stack trace\n');
    process.exitCode = 2;
  }
}

await main(process.argv.slice(2));
