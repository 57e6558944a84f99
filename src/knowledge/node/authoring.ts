// Helpers for writing the Node catalog: dedented example source.

import { exampleSource } from '../example-source.js';

/**
 * TypeScript source written inline in a catalog file: the template's raw text, without the first
 * newline and with the common indentation removed, ending in one newline. A multi-line value
 * interpolated into it is indented like the line it lands on.
 *
 *   ts`
 *     import { readFileSync } from 'node:fs';
 *
 *     export async function load(path: string): Promise<string> {
 *       return readFileSync(path, 'utf8');
 *     }
 *   `
 *
 * The raw text is used, so a template literal inside an example is written with escaped backticks
 * and dollar signs (`\`reports/\${id}.json\``) and reaches the example unescaped.
 */
export function ts(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return exampleSource(strings, values, true);
}
