// The output formats of `--format` and the one entry point that renders a report in any of them.

import type { Report } from '../ir/report.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'github';

/** In the order `--help` lists them; `text` is the default. */
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'github'];

export interface RenderOptions {
  /** ANSI colours in the text format; the other formats never colour. */
  readonly color: boolean;
  /** asyncguard's own version, recorded in SARIF and markdown. */
  readonly toolVersion: string;
  /** The head content of a repository-relative file, for code frames in the text format. */
  readonly readSource?: (file: string) => string | undefined;
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** The whole output for `report` in `format`, ending with a newline. */
export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color, readSource: options.readSource });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { toolVersion: options.toolVersion });
    case 'markdown':
      return renderMarkdown(report, { toolVersion: options.toolVersion });
    case 'github':
      return renderGithub(report);
  }
}
