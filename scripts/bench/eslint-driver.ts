// A peer run: ESLint with eslint-plugin-n's n/no-sync rule alone over a list of JavaScript and
// TypeScript files (espree for JavaScript, @typescript-eslint/parser for TypeScript), through
// ESLint's Node API with its defaults (no cache, one thread). Prints a PeerOutcome as JSON.
//
//   node eslint-driver.js <peer folder> <root> <file listing paths under root, as a JSON array>

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { PeerOutcome } from './peers.js';

/** The part of ESLint's Node API this driver uses. */
interface LintResult {
  readonly messages: readonly { readonly fatal?: boolean; readonly ruleId: string | null }[];
}
interface TypescriptParser {
  parseForESLint(code: string, options: unknown): { ast: unknown; scopeManager: unknown; visitorKeys: unknown; services: unknown };
}
interface ESLintClass {
  new (options: Record<string, unknown>): { lintFiles(patterns: readonly string[]): Promise<readonly LintResult[]> };
}

const [peerFolder, root, listFile] = process.argv.slice(2);
if (peerFolder === undefined || root === undefined || listFile === undefined) {
  process.stderr.write('usage: eslint-driver <peer folder> <root> <list file>\n');
  process.exit(2);
}
const load = createRequire(join(resolve(peerFolder), 'package.json'));
const { ESLint } = load('eslint') as { ESLint: ESLintClass };
const n = load('eslint-plugin-n') as unknown;
const typescriptParser = load('@typescript-eslint/parser') as TypescriptParser;

/**
 * typescript-eslint's parser without its parser services. eslint-plugin-n's n/no-sync asks for a
 * type-checked program as soon as it sees the services' node maps, and throws without one; with its
 * default options the rule needs no types, so TypeScript is checked as JavaScript is: syntax only.
 */
const untypedTypescriptParser = {
  meta: { name: 'typescript-eslint-parser-untyped' },
  parseForESLint(code: string, options: unknown): Omit<ReturnType<TypescriptParser['parseForESLint']>, 'services'> {
    const { ast, scopeManager, visitorKeys } = typescriptParser.parseForESLint(code, options);
    return { ast, scopeManager, visitorKeys };
  },
};

const rules = { 'n/no-sync': 'error' };
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
      plugins: { n },
      languageOptions: { ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } },
      rules,
    },
    {
      files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
      plugins: { n },
      languageOptions: { parser: untypedTypescriptParser },
      rules,
    },
  ],
  cache: false,
  errorOnUnmatchedPattern: false,
  warnIgnored: false,
});
const paths = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
const results = await eslint.lintFiles(paths.map((path) => join(root, path)));
let findings = 0;
let parseErrors = 0;
for (const result of results) {
  if (result.messages.some((m) => m.fatal === true)) parseErrors++;
  findings += result.messages.filter((m) => m.ruleId === 'n/no-sync').length;
}
const outcome: PeerOutcome = { files: results.length, findings, parseErrors };
process.stdout.write(`${JSON.stringify(outcome)}\n`);
