// Constant arithmetic shared by the adapters: numeric literals and the operators loop bounds are
// written with (`range(10**7)`, `i < 1e6`, `0..N * M`). Each adapter strips its own literal
// suffixes and walks its own grammar.

/**
 * The value of a numeric literal with its digit separators and type suffix removed, lower-cased:
 * decimal or float (`1e7`), or integer with a `0x`, `0o` or `0b` prefix.
 */
export function numberValue(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0b[01]+$/.test(text)) return parseInt(text.slice(2), 2);
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `a op b` for the arithmetic operators; undefined for any other operator, a division by zero or
 * a shift of 64 bits or more. `/` truncates with `integerDivision` (Rust integers), else it is
 * true division; `//` is floor division (Python).
 */
export function arithmetic(op: string | undefined, a: number, b: number, integerDivision = false): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '**': return a ** b;
    case '/': return b === 0 ? undefined : integerDivision ? Math.trunc(a / b) : a / b;
    case '//': return b === 0 ? undefined : Math.floor(a / b);
    case '<<': return b < 64 ? a * 2 ** b : undefined;
    default: return undefined;
  }
}
