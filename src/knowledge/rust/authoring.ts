// Helpers for writing the Rust catalog: dedented example source and the offload idioms.

/**
 * Rust source written inline in a catalog file: the template's raw text, without the first
 * newline and with the common indentation removed, ending in one newline. A multi-line value
 * interpolated into it is indented like the line it lands on.
 *
 *   rs`
 *     async fn pause() {
 *         std::thread::sleep(std::time::Duration::from_secs(1));
 *     }
 *   `
 */
export function rs(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let text = strings.raw[0] ?? '';
  values.forEach((value, i) => {
    const indent = /(?:^|\n)([ \t]*)[^\n]*$/.exec(text)?.[1] ?? '';
    text += String(value).replace(/\n/g, `\n${indent}`) + (strings.raw[i + 1] ?? '');
  });
  const lines = text.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(indent).trimEnd()).join('\n')}\n`;
}

/** The offload idioms for a blocking expression with no async counterpart, per runtime. */
export function offloaded(expr: string): readonly string[] {
  return [
    `tokio::task::spawn_blocking(move || ${expr}).await?`,
    `actix_web::web::block(move || ${expr}).await?`,
    `async_std::task::spawn_blocking(move || ${expr}).await`,
  ];
}
