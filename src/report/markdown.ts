// The pull-request comment: verdict, a table of the findings the change introduces, their chains
// and fixes, and collapsed sections for pre-existing findings, files out of reach and diagnostics.
//
// Every piece of text that comes from the analysed code (messages, names, paths) is escaped, so a
// `|` in a message cannot break the table and a `<script>` or `__init__` in a name renders as written.

import type { Diagnostic, Finding, NotApplicable, Report, Verdict } from '../ir/report.js';
import { ordered } from './order.js';

export interface MarkdownOptions {
  readonly toolVersion: string;
}

const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = { fail: '❌', pass: '✅', unknown: '❔' };

/** Lets a bot find and update its previous comment instead of posting a new one on every push. */
const COMMENT_MARKER = '<!-- asyncguard:perf-004 -->';

/**
 * Text safe inside a table cell or a paragraph: markdown punctuation is backslash-escaped, `&`
 * and `<` become entities (so no HTML is interpreted), and line breaks become spaces because a
 * table row must stay on one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Text inside an HTML element such as `<summary>`, where markdown is not interpreted. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline code span whose fence is longer than any run of backticks inside it. */
function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r\n|\r|\n/g, ' ')}${pad}${fence}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function where(file: string, line: number): string {
  return `${file}:${line}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): readonly string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function findingsTable(findings: readonly Finding[]): readonly string[] {
  return table(
    ['Location', 'Confidence', 'Category', 'Finding'],
    findings.map((f) => [
      escapeMarkdown(where(f.file, f.line)),
      escapeMarkdown(f.confidence),
      escapeMarkdown(f.category),
      escapeMarkdown(f.message),
    ]),
  );
}

/** `fetch_profile` (app/a.py:3) → `load` (app/b.py:10) → `requests.get` (app/b.py:12) */
function chain(finding: Finding): string {
  const hop = (name: string, file: string, line: number): string => `${code(name)} (${escapeMarkdown(where(file, line))})`;
  return [
    hop(finding.context.name, finding.context.file, finding.context.line),
    ...finding.via.map((link) => hop(link.name, link.file, link.line)),
    hop(finding.call, finding.file, finding.line),
  ].join(' → ');
}

function findingDetails(finding: Finding): readonly string[] {
  return [
    `#### ${code(finding.call)} in ${escapeMarkdown(where(finding.file, finding.line))}`,
    '',
    `${escapeMarkdown(finding.message)} (${finding.confidence} confidence, ${finding.category})`,
    '',
    `- **Path:** ${chain(finding)}`,
    `- **Fix:** ${escapeMarkdown(finding.remediation)}`,
    '',
  ];
}

function collapsed(summary: string, body: readonly string[]): readonly string[] {
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

function introducedSection(findings: readonly Finding[]): readonly string[] {
  if (findings.length === 0) return [];
  return [...findingsTable(findings), '', '### Details', '', ...findings.flatMap(findingDetails)];
}

function preexistingSection(findings: readonly Finding[]): readonly string[] {
  if (findings.length === 0) return [];
  const title = `${plural(findings.length, 'pre-existing finding')} (not introduced by this change)`;
  const fixes = findings.map(
    (f) => `- ${escapeMarkdown(where(f.file, f.line))}: ${chain(f)}. **Fix:** ${escapeMarkdown(f.remediation)}`,
  );
  return collapsed(title, [...findingsTable(findings), '', ...fixes]);
}

function notApplicableSection(entries: readonly NotApplicable[]): readonly string[] {
  if (entries.length === 0) return [];
  const rows = entries.map((entry) => [escapeMarkdown(entry.file), escapeMarkdown(entry.reason)]);
  return collapsed(`${plural(entries.length, 'file')} not applicable`, table(['File', 'Reason'], rows));
}

function diagnosticsSection(diagnostics: readonly Diagnostic[]): readonly string[] {
  if (diagnostics.length === 0) return [];
  const rows = diagnostics.map((d) => [
    escapeMarkdown(d.line === undefined ? d.file : where(d.file, d.line)),
    escapeMarkdown(d.message),
  ]);
  return collapsed(plural(diagnostics.length, 'diagnostic'), table(['Location', 'Message'], rows));
}

/** The report as a pull-request comment in GitHub-flavoured markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const sorted = ordered(report);
  const introduced = sorted.findings.filter((finding) => !finding.preexisting);
  const preexisting = sorted.findings.filter((finding) => finding.preexisting);
  const lines = [
    COMMENT_MARKER,
    `### ${VERDICT_EMOJI[sorted.verdict]} asyncguard perf-004: ${sorted.verdict} (${sorted.confidence} confidence)`,
    '',
    escapeMarkdown(sorted.summary),
    '',
    ...introducedSection(introduced),
    ...preexistingSection(preexisting),
    ...notApplicableSection(sorted.notApplicable),
    ...diagnosticsSection(sorted.diagnostics),
    `<sub>${escapeHtml(`asyncguard ${options.toolVersion} · ${sorted.rule.title} · ${plural(sorted.stats.filesAnalyzed, 'file')} analysed`)}</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
