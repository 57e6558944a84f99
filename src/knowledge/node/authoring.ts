// Helpers for writing the Node catalog: dedented example source.

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
  const unescape = (s: string): string => s.replace(/\\([`$\\])/g, '$1');
  // A multi-line value continues at the indentation of the line it is interpolated into.
  let text = unescape(strings.raw[0] ?? '');
  values.forEach((value, i) => {
    const indent = /(?:^|\n)([ \t]*)[^\n]*$/.exec(text)?.[1] ?? '';
    text += String(value).replace(/\n/g, `\n${indent}`) + unescape(strings.raw[i + 1] ?? '');
  });
  const lines = text.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(indent).trimEnd()).join('\n')}\n`;
}
