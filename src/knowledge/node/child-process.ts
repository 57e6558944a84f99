// Running a child process to completion: the *Sync functions of node:child_process and the sync
// forms of execa and cross-spawn. Each one spawns the child and waits for it to exit before
// returning, and the event loop waits with it. The asynchronous forms (spawn, exec, execFile, fork)
// are listed as non-blocking.

import { blocking, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** The sentence every entry's `why` ends with. */
const WAITS = 'blocking the event loop thread until the child exits; no other callback or request is served while the command runs';

export const entries: readonly Entry[] = [
  blocking({
    id: 'node:child_process.execSync',
    match: ['child_process.execSync'],
    category: 'subprocess',
    why: `child_process.execSync runs the command in a shell, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: [
      "const { stdout } = await promisify(exec)(command)  // exec from 'node:child_process', promisify from 'node:util'",
      "const { stdout } = await execaCommand(command, { shell: true })  // execa",
    ],
    example: {
      bad: ts`
        import { execSync } from 'node:child_process';

        export async function currentCommit(): Promise<string> {
          return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
        }
      `,
      good: ts`
        import { exec } from 'node:child_process';
        import { promisify } from 'node:util';

        const run = promisify(exec);

        export async function currentCommit(): Promise<string> {
          const { stdout } = await run('git rev-parse HEAD', { encoding: 'utf8' });
          return stdout.trim();
        }
      `,
    },
  }),
  blocking({
    id: 'node:child_process.execFileSync',
    match: ['child_process.execFileSync'],
    category: 'subprocess',
    why: `child_process.execFileSync runs the program, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: [
      "const { stdout } = await promisify(execFile)(file, args)  // execFile from 'node:child_process', promisify from 'node:util'",
      'const { stdout } = await execa(file, args)  // execa',
    ],
    example: {
      bad: ts`
        import { execFileSync } from 'node:child_process';

        export async function currentCommit(): Promise<string> {
          return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
        }
      `,
      good: ts`
        import { execFile } from 'node:child_process';
        import { promisify } from 'node:util';

        const run = promisify(execFile);

        export async function currentCommit(): Promise<string> {
          const { stdout } = await run('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' });
          return stdout.trim();
        }
      `,
    },
  }),
  blocking({
    id: 'node:child_process.spawnSync',
    match: ['child_process.spawnSync'],
    category: 'subprocess',
    why: `child_process.spawnSync runs the program and collects its whole output in memory, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: [
      "const child = spawn(file, args); const [code] = await once(child, 'exit')  // spawn from 'node:child_process', once from 'node:events'",
      'await execa(file, args)  // execa',
    ],
    example: {
      bad: ts`
        import { spawnSync } from 'node:child_process';

        export async function fetchRemote(): Promise<unknown> {
          return spawnSync('git', ['fetch'], { stdio: 'inherit' }).status;
        }
      `,
      good: ts`
        import { spawn } from 'node:child_process';
        import { once } from 'node:events';

        export async function fetchRemote(): Promise<unknown> {
          const child = spawn('git', ['fetch'], { stdio: 'inherit' });
          const [code] = await once(child, 'exit');
          return code;
        }
      `,
    },
  }),
  blocking({
    id: 'node:execa.execaSync',
    match: ['execa.execaSync', 'execa.sync'],
    category: 'subprocess',
    why: `execa's execaSync (execa.sync before version 6) runs the program through child_process.spawnSync, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: ["const { stdout } = await execa(file, args)  // import { execa } from 'execa'"],
    example: {
      bad: ts`
        import { execaSync } from 'execa';

        export async function currentCommit(): Promise<string> {
          return execaSync('git', ['rev-parse', 'HEAD']).stdout;
        }
      `,
      good: ts`
        import { execa } from 'execa';

        export async function currentCommit(): Promise<string> {
          const { stdout } = await execa('git', ['rev-parse', 'HEAD']);
          return stdout;
        }
      `,
    },
  }),
  blocking({
    id: 'node:execa.execaCommandSync',
    match: ['execa.execaCommandSync', 'execa.commandSync'],
    category: 'subprocess',
    why: `execa's execaCommandSync (execa.commandSync before version 6) splits the command line and runs it through child_process.spawnSync, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: ["const { stdout } = await execaCommand(command)  // import { execaCommand } from 'execa'"],
    example: {
      bad: ts`
        import { execaCommandSync } from 'execa';

        export async function currentCommit(): Promise<string> {
          return execaCommandSync('git rev-parse HEAD').stdout;
        }
      `,
      good: ts`
        import { execaCommand } from 'execa';

        export async function currentCommit(): Promise<string> {
          const { stdout } = await execaCommand('git rev-parse HEAD');
          return stdout;
        }
      `,
    },
  }),
  blocking({
    id: 'node:cross-spawn.sync',
    match: ['cross-spawn.sync', 'cross-spawn.spawn.sync'],
    category: 'subprocess',
    why: `cross-spawn's sync (child_process.spawnSync with Windows command resolution) runs the program, ${WAITS}.`,
    does: 'runs a process and waits for it',
    useInstead: ["const child = spawn(file, args); await once(child, 'exit')  // spawn from 'cross-spawn', once from 'node:events'"],
    example: {
      bad: ts`
        import spawn from 'cross-spawn';

        export async function install(): Promise<unknown> {
          return spawn.sync('npm', ['install'], { stdio: 'inherit' }).status;
        }
      `,
      good: ts`
        import { once } from 'node:events';
        import spawn from 'cross-spawn';

        export async function install(): Promise<unknown> {
          const child = spawn('npm', ['install'], { stdio: 'inherit' });
          const [code] = await once(child, 'exit');
          return code;
        }
      `,
    },
  }),
];
