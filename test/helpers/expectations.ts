// Reads the inline expectations of fixture files: `# expect: <category> <confidence>` on the line
// of the expected finding or alone on the line before it; `# ok: <why>` documents a negative.

export interface Expected {
  readonly file: string;
  readonly line: number;
  readonly category: string;
  readonly confidence: string;
}

const EXPECT = /(?:#|\/\/)\s*expect:\s*([a-z-]+)\s+(high|medium|low)\b/;
const COMMENT_ONLY = /^\s*(#|\/\/)/;

export function expectationsIn(file: string, text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expected[] = [];
  lines.forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    let target = i + 1;
    if (COMMENT_ONLY.test(line)) {
      // A comment alone on its line speaks of the next line that is not a comment.
      let j = i + 1;
      while (j < lines.length && (COMMENT_ONLY.test(lines[j] ?? '') || (lines[j] ?? '').trim() === '')) j++;
      target = j + 1;
    }
    out.push({ file, line: target, category: m[1] ?? '', confidence: m[2] ?? '' });
  });
  return out;
}
