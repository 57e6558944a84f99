// TypeScript `compilerOptions.paths` (and jsconfig's): import aliases such as `@/lib/db` → `src/lib/db`.

import { posix } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { ProjectInfo } from '../adapter.js';

interface AliasRule {
  /** The folder of the config file; the rule applies to files below it. */
  readonly scope: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly wildcard: boolean;
  /** Target patterns, repository-relative, `*` where the matched part goes. */
  readonly targets: readonly string[];
}

export class PathAliases {
  private constructor(private readonly rules: readonly AliasRule[]) {}

  static readonly none = new PathAliases([]);

  /** Reads every tsconfig.json and jsconfig.json of the project (outside vendored folders). */
  static fromProject(project: ProjectInfo): PathAliases {
    const rules: AliasRule[] = [];
    const configs = project.files.filter((f) => /(^|\/)(tsconfig|jsconfig)\.json$/.test(f) && !f.includes('node_modules/'));
    for (const config of configs.sort()) {
      const text = project.readFile(config);
      if (text === undefined) continue;
      const json = parseJsonc(text, [], { allowTrailingComma: true }) as unknown;
      const options = (json as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined)?.compilerOptions;
      if (!options || typeof options.paths !== 'object' || options.paths === null) continue;
      const dir = posix.dirname(config) === '.' ? '' : posix.dirname(config);
      const base = posix.join(dir, typeof options.baseUrl === 'string' ? options.baseUrl : '.');
      for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
        if (!Array.isArray(targets)) continue;
        const star = pattern.indexOf('*');
        rules.push({
          scope: dir,
          prefix: star >= 0 ? pattern.slice(0, star) : pattern,
          suffix: star >= 0 ? pattern.slice(star + 1) : '',
          wildcard: star >= 0,
          targets: targets.filter((t): t is string => typeof t === 'string').map((t) => posix.normalize(posix.join(base, t))),
        });
      }
    }
    // The most specific pattern wins, as in TypeScript: the longest prefix.
    rules.sort((a, b) => b.prefix.length - a.prefix.length || a.scope.localeCompare(b.scope));
    return new PathAliases(rules);
  }

  /**
   * The repository-relative path (without extension) an aliased specifier stands for, seen from
   * `fromPath`; undefined when no alias matches. The first target is taken: asyncguard does not
   * probe the file system for the others.
   */
  resolve(fromPath: string, specifier: string): string | undefined {
    for (const rule of this.rules) {
      if (rule.scope !== '' && !fromPath.startsWith(`${rule.scope}/`)) continue;
      const target = rule.targets[0];
      if (target === undefined) continue;
      if (!rule.wildcard) {
        if (specifier === rule.prefix) return target;
        continue;
      }
      if (specifier.startsWith(rule.prefix) && specifier.endsWith(rule.suffix) && specifier.length >= rule.prefix.length + rule.suffix.length) {
        const middle = specifier.slice(rule.prefix.length, specifier.length - rule.suffix.length);
        return target.replace('*', middle);
      }
    }
    return undefined;
  }
}
