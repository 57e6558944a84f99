// Loads web-tree-sitter and the grammars' own WebAssembly builds, once per process, and parses
// sources into SyntaxTrees.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { SyntaxTree } from './syntax-tree.js';
import { readTree, treeSitterRuntime } from './tree-reader.js';

const require = createRequire(import.meta.url);
let initialised: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

/** Resolves `package/file.wasm` from the installed grammar packages. */
function wasmPath(spec: string): string {
  return require.resolve(spec);
}

async function init(): Promise<void> {
  initialised ??= Parser.init(treeSitterRuntime);
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
 * goes), so that one pathological file cannot hang a run. Throws ParseBudgetExceeded then. The
 * parser's tree is read into a SyntaxTree and freed before this returns.
 */
export function parseWithBudget(parser: Parser, source: string, budgetMs: number | undefined): SyntaxTree {
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
  return readAndFree(tree, source);
}

/** Parses a fragment (a macro's arguments) without a budget; undefined when tree-sitter gives up. */
export function parseFragment(parser: Parser, source: string): SyntaxTree | undefined {
  const tree = parser.parse(source);
  return tree ? readAndFree(tree, source) : undefined;
}

function readAndFree(tree: Tree, source: string): SyntaxTree {
  try {
    return readTree(tree, source);
  } finally {
    tree.delete();
  }
}
