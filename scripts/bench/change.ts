// The synthetic pull request the bench reviews with `asyncguard diff`: ten files of the tree, spread
// over it, each gaining a small async function that calls a blocking API (so each must yield one
// introduced finding). Each round writes a different function name, so no round finds the changed
// files in the cache.

import type { SourceFile } from './trees.js';

export const CHANGED_FILES = 10;

export type ProbeLanguage = 'python' | 'javascript' | 'rust';

export function probeLanguage(path: string): ProbeLanguage | undefined {
  if (/\.py$/i.test(path)) return 'python';
  if (/\.d\.[mc]?ts$/i.test(path)) return undefined;
  if (/\.(?:[mc]?[jt]s|[jt]sx)$/i.test(path)) return 'javascript';
  if (/\.rs$/i.test(path)) return 'rust';
  return undefined;
}

/**
 * Folders and file names that give code a role (test, script, example, build step) under which a
 * blocking call is not a finding; changed files are picked elsewhere so each probe counts.
 */
const ROLE_FOLDERS: ReadonlySet<string> = new Set([
  'test', 'tests', 'testing', '__tests__', '__mocks__', 'spec', 'e2e', 'fixtures', 'fuzz',
  'scripts', 'script', 'bin', 'cli', 'examples', 'example', 'benches', 'bench', 'migrations', 'seeds', 'seeders', 'docs',
]);
const ROLE_FILE =
  /^(?:test_.*|.*_tests?\.[a-z]+|.*\.(?:test|spec|e2e)\.[a-z]+|conftest\.py|setup\.py|__main__\.py|cli\.[a-z]+|build\.rs|tests?\.rs|.*\.config\.[a-z]+|.*\.min\.js)$/i;

/** Smallest and largest file picked: typical source files, not stubs or generated tables. */
const MIN_BYTES = 1024;
const MAX_BYTES = 128 * 1024;

/** Whether a file may carry a probe: a language with probes, no role from its path, a typical size. */
export function isChangeCandidate(file: SourceFile): boolean {
  if (probeLanguage(file.path) === undefined) return false;
  if (file.size < MIN_BYTES || file.size > MAX_BYTES) return false;
  const parts = file.path.split('/');
  const name = parts[parts.length - 1] ?? '';
  return !parts.slice(0, -1).some((folder) => ROLE_FOLDERS.has(folder.toLowerCase())) && !ROLE_FILE.test(name);
}

/** `count` candidates evenly spread over the sorted list: a change across the tree, the same every run. */
export function pickChangedFiles(files: readonly SourceFile[], count = CHANGED_FILES): readonly string[] {
  const candidates = files.filter(isChangeCandidate).map((file) => file.path).sort();
  if (candidates.length <= count) return candidates;
  const step = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * step + step / 2)] ?? '');
}

/** The name of the probe function of one file in one round, in the language's own style. */
export function probeName(language: ProbeLanguage, round: number, index: number): string {
  return language === 'javascript' ? `asyncguardBenchProbeR${round}F${index}` : `asyncguard_bench_probe_r${round}_f${index}`;
}

/** The code a round appends to one file: an async function that blocks on a well-known API. */
export function probeSource(language: ProbeLanguage, round: number, index: number): string {
  const name = probeName(language, round, index);
  switch (language) {
    case 'python':
      return `\n\nimport time as _asyncguard_bench_time\n\n\nasync def ${name}():\n    _asyncguard_bench_time.sleep(0.01)\n`;
    case 'javascript':
      return `\n\nasync function ${name}() {\n  return require('fs').readFileSync('/etc/hostname', 'utf8');\n}\n`;
    case 'rust':
      return `\n\n#[allow(dead_code)]\nasync fn ${name}() {\n    std::thread::sleep(std::time::Duration::from_millis(10));\n}\n`;
  }
}

/** A file's content after the change: the original, ended by a newline, then the probe. */
export function changedContent(original: string, path: string, round: number, index: number): string {
  const language = probeLanguage(path);
  if (language === undefined) throw new Error(`no probe for ${path}`);
  const ended = original === '' || /\r?\n$/.test(original) ? original : `${original}\n`;
  return ended + probeSource(language, round, index);
}
