// Loads web-tree-sitter and the grammars' own WebAssembly builds, once per process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let initialised: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

/** Resolves `package/file.wasm` from the installed grammar packages. */
function wasmPath(spec: string): string {
  return require.resolve(spec);
}

async function init(): Promise<void> {
  initialised ??= Parser.init();
  return initialised;
}

/** The grammar in the given package file (`tree-sitter-python/tree-sitter-python.wasm`). */
export async function loadLanguage(wasmSpec: string): Promise<Language> {
  await init();
  let lang = languages.get(wasmSpec);
  if (!lang) {
    lang = Language.load(readFileSync(wasmPath(wasmSpec)));
    languages.set(wasmSpec, lang);
  }
  return lang;
}

/** A parser set to the grammar; parsers are cheap, and one per language is reused by the caller. */
export async function createParser(wasmSpec: string): Promise<Parser> {
  const language = await loadLanguage(wasmSpec);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parsing a file took longer than its budget; the file is reported, not analysed. */
export class ParseBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than the ${budgetMs} ms budget for one file (--file-timeout)`);
  }
}

/**
 * Parses `source`, giving up after `budgetMs` milliseconds (tree-sitter checks the callback as it
 * goes), so that one pathological file cannot hang a run. Throws ParseBudgetExceeded then.
 */
export function parseWithBudget(parser: Parser, source: string, budgetMs: number | undefined): Tree {
  const deadline = budgetMs !== undefined && budgetMs > 0 ? performance.now() + budgetMs : undefined;
  const tree =
    deadline === undefined
      ? parser.parse(source)
      : parser.parse(source, null, { progressCallback: () => performance.now() > deadline });
  if (!tree) {
    parser.reset();
    if (budgetMs !== undefined) throw new ParseBudgetExceeded(budgetMs);
    throw new Error('tree-sitter returned no tree');
  }
  return tree;
}
