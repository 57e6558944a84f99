// Helpers for writing the Python catalog: dedented example source and the thread-offload idiom.

/**
 * Python source written inline in a catalog file: the template's raw text, without the first
 * newline and with the common indentation removed, ending in one newline. A multi-line value
 * interpolated into it is indented like the line it lands on.
 *
 *   py`
 *     import time
 *
 *     async def f():
 *         time.sleep(1)
 *   `
 */
export function py(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  // A multi-line value continues at the indentation of the line it is interpolated into.
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

/**
 * The offload idiom for one call, per runtime, for APIs with no async counterpart:
 * `toThread('shutil.rmtree, path')` gives the asyncio, anyio and trio forms. anyio and trio take
 * positional arguments only; keyword arguments go through `functools.partial` there.
 */
export function toThread(callableAndArgs: string): readonly string[] {
  return [
    `await asyncio.to_thread(${callableAndArgs})`,
    `await anyio.to_thread.run_sync(${callableAndArgs})`,
    `await trio.to_thread.run_sync(${callableAndArgs})`,
  ];
}
