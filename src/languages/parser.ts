// Loads web-tree-sitter and the grammars' own WebAssembly builds, once per process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

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
