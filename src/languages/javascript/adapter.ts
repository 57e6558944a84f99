// The JavaScript and TypeScript adapter: file kinds, what their paths say about them, and lowering.

import type { Parser } from 'web-tree-sitter';
import type { FileModel, RoleMark } from '../../ir/model.js';
import type { LanguageAdapter, ProjectInfo } from '../adapter.js';
import { createParser, parseWithBudget } from '../parser.js';
import { EMITTER_REGISTRATIONS, JavaScriptLowering, PROMISE_REACTIONS } from './lower.js';
import { moduleNamesForPath } from './modules.js';
import { PathAliases } from './path-aliases.js';

const GRAMMARS = {
  javascript: 'tree-sitter-javascript/tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-typescript/tree-sitter-tsx.wasm',
} as const;

type Grammar = keyof typeof GRAMMARS;

function grammarFor(path: string): Grammar {
  if (/\.tsx$/i.test(path)) return 'tsx';
  if (/\.[mc]?ts$/i.test(path)) return 'typescript';
  return 'javascript';
}

const TEST_DIRS = new Set(['__tests__', '__mocks__', 'test', 'tests', 'spec', 'e2e', 'cypress', 'playwright']);
const SCRIPT_DIRS = new Set(['scripts', 'script', 'bin', 'cli', 'migrations', 'seeds', 'seeders', 'fixtures']);
const CONFIG_FILE = /^(?:.*\.config|gulpfile|gruntfile|webpack\..*|rollup\..*|\.eslintrc.*|jest\.setup|vitest\.setup)\.[mc]?[jt]sx?$/i;

/** Roles a JavaScript file's path gives it: tests, scripts and CLIs, migrations, build configuration. */
export function javascriptPathRole(path: string): RoleMark | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => TEST_DIRS.has(d))) return { role: 'test', reason: 'in a test folder' };
  if (/\.(test|spec|e2e)\.[mc]?[jt]sx?$/i.test(file)) return { role: 'test', reason: 'a test file' };
  if (dirs.some((d) => SCRIPT_DIRS.has(d))) return { role: 'script', reason: 'in a scripts folder' };
  if (CONFIG_FILE.test(file)) return { role: 'script', reason: 'a build or tool configuration file' };
  if (/^cli\.[mc]?[jt]s$/i.test(file)) return { role: 'script', reason: 'a command-line entry point' };
  return undefined;
}

export class JavaScriptAdapter implements LanguageAdapter {
  readonly id = 'javascript';
  readonly ecosystem = 'node';
  readonly extensions = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;
  /** Declaration files describe types only; minified bundles are build output. */
  readonly skips = /\.d\.[mc]?ts$|\.min\.js$/;
  readonly configFiles = /(^|\/)(tsconfig|jsconfig)\.json$/;
  private readonly parsers = new Map<Grammar, Promise<Parser>>();
  /** tsconfig `paths` per project, read once per run. */
  private readonly aliases = new WeakMap<ProjectInfo, PathAliases>();

  private aliasesOf(project: ProjectInfo | undefined): PathAliases {
    if (!project) return PathAliases.none;
    let aliases = this.aliases.get(project);
    if (!aliases) {
      aliases = PathAliases.fromProject(project);
      this.aliases.set(project, aliases);
    }
    return aliases;
  }

  readonly asyncKeywords = ['async'] as const;
  /** Promise reactions and emitter listeners: the lowering marks their callbacks async. */
  readonly callbackWords = [...PROMISE_REACTIONS, ...EMITTER_REGISTRATIONS];

  /** `export * from './x'` */
  readonly reExportsAll = /\bexport\s*\*/;

  readonly classCalled = /^constructor$/;
  readonly folderModule = /^index$/;

  pathRole(path: string): RoleMark | undefined {
    return javascriptPathRole(path);
  }

  moduleNames(path: string): readonly string[] {
    return moduleNamesForPath(path);
  }

  async lower(path: string, source: string, project?: ProjectInfo): Promise<FileModel> {
    const grammar = grammarFor(path);
    let parser = this.parsers.get(grammar);
    if (!parser) {
      parser = createParser(GRAMMARS[grammar]);
      this.parsers.set(grammar, parser);
    }
    const tree = parseWithBudget(await parser, source, project?.parseBudgetMs);
    return new JavaScriptLowering(path, javascriptPathRole(path), this.aliasesOf(project)).lower(tree);
  }
}
