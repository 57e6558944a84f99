// The Python adapter: which files are Python, what their paths say about them, and lowering.

import type { Parser } from 'web-tree-sitter';
import type { FileModel, RoleMark } from '../../ir/model.js';
import type { LanguageAdapter, ProjectInfo } from '../adapter.js';
import { createParser, parseWithBudget } from '../parser.js';
import { PythonLowering } from './lower.js';
import { moduleNamesForPath } from './modules.js';

const GRAMMAR = 'tree-sitter-python/tree-sitter-python.wasm';

/** Roles a Python file's path gives it: test suites, scripts, migrations and tooling. */
export function pythonPathRole(path: string): RoleMark | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => d === 'tests' || d === 'test' || d === 'testing')) return { role: 'test', reason: 'in a test folder' };
  if (/^test_.*\.py$/.test(file) || /_tests?\.py$/.test(file) || file === 'conftest.py') {
    return { role: 'test', reason: 'a test module' };
  }
  if (dirs.some((d) => d === 'scripts' || d === 'script' || d === 'bin')) return { role: 'script', reason: 'in a scripts folder' };
  if (file === 'cli.py' || file === '__main__.py') return { role: 'script', reason: `${file} is a command-line entry point` };
  if (dirs.some((d) => d === 'migrations' || d === 'alembic')) return { role: 'script', reason: 'a database migration' };
  if (['manage.py', 'setup.py', 'noxfile.py', 'fabfile.py', 'conf.py'].includes(file) && dirs.length <= 1) {
    return { role: 'script', reason: `${file} is a command-line entry point` };
  }
  return undefined;
}

export class PythonAdapter implements LanguageAdapter {
  readonly id = 'python';
  readonly ecosystem = 'python';
  readonly extensions = ['.py', '.pyi'] as const;
  private parser: Promise<Parser> | undefined;

  /** `async def`, `async with`, `async for`: Python has no other async context of its own. */
  readonly asyncKeywords = ['async'] as const;
  readonly callbackWords = [] as const;

  /** `from .x import *` */
  readonly reExportsAll = /\bimport\s*\*/;

  /** `Cls()` runs `__init__` and `__new__`; `with`, calls and iteration run the other special methods. */
  readonly classCalled = /^__\w+__$/;

  pathRole(path: string): RoleMark | undefined {
    return pythonPathRole(path);
  }

  moduleNames(path: string): readonly string[] {
    return moduleNamesForPath(path);
  }

  async lower(path: string, source: string, project?: ProjectInfo): Promise<FileModel> {
    this.parser ??= createParser(GRAMMAR);
    const tree = parseWithBudget(await this.parser, source, project?.parseBudgetMs);
    return new PythonLowering(path, pythonPathRole(path)).lower(tree);
  }
}
