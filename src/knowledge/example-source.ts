// Example source written inline in catalog files, for every ecosystem's template tag (`py`, `ts`, `rs`).

/**
 * The template's raw text, without the first newline and with the common indentation removed,
 * ending in one newline. A multi-line value interpolated into it continues at the indentation of
 * the line it lands on. `unescape` turns `\``, `\$` and `\\` back into the characters themselves
 * (for languages whose examples hold template literals).
 */
export function exampleSource(strings: TemplateStringsArray, values: readonly unknown[], unescape = false): string {
  const raw = (s: string): string => (unescape ? s.replace(/\\([`$\\])/g, '$1') : s);
  let text = raw(strings.raw[0] ?? '');
  values.forEach((value, i) => {
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n') + 1))?.[0] ?? '';
    text += String(value).replace(/\n/g, `\n${indent}`) + raw(strings.raw[i + 1] ?? '');
  });
  const lines = text.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(indent).trimEnd()).join('\n')}\n`;
}
