// Locates the project's folders from a compiled test file, wherever the build puts it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

/**
 * The project root: ASYNCGUARD_ROOT when set (for builds placed outside the project), else the
 * nearest folder above this file that holds package.json and src/.
 */
export const projectRoot = ((): string => {
  const fromEnv = process.env['ASYNCGUARD_ROOT'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  let dir = findRoot(dirname(fileURLToPath(import.meta.url)));
  while (!existsSync(join(dir, 'src'))) dir = findRoot(dirname(dir));
  return dir;
})();

export const fixturesDir = join(projectRoot, 'test', 'fixtures');
/** The built command-line entry point. */
export const cliPath = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
