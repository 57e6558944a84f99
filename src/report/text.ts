// The terminal report: findings grouped by file with a code frame, the call chain and the fix.
//
//   app/util.py
//     12:5  medium  sleep       time.sleep suspends the thread inside load, called from async function handler
//           11 │     # wait for the cache
//           12 │     time.sleep(0.5)
//              │     ^^^^^^^^^^^^^^^
//           handler app/api.py:20 → load app/util.py:10 → time.sleep app/util.py:12
//           fix: await asyncio.sleep(seconds)
//
//   ✖ fail (medium) — 1 blocking call introduced on an async path · 1 file analysed

import picocolors from 'picocolors';
import type { Confidence, Diagnostic, Finding, NotApplicable, Report, Verdict } from '../ir/report.js';
import { ordered } from './order.js';

export interface TextOptions {
  /** Emit ANSI colours; when false the output holds no escape codes at all. */
  readonly color: boolean;
  /** The head content of a repository-relative file, for code frames. */
  readonly readSource?: (file: string) => string | undefined;
}

type Colors = ReturnType<typeof picocolors.createColors>;

interface Context {
  readonly c: Colors;
  readonly source: (file: string) => readonly string[] | undefined;
}

/** Source lines longer than this are cropped around the finding, so minified code stays readable. */
const MAX_FRAME_WIDTH = 160;
/** How much of a cropped line to keep before the finding's column. */
const FRAME_LEAD = 40;
const INDENT = '  ';
const DETAIL_INDENT = '        ';

const VERDICT_MARK: Readonly<Record<Verdict, string>> = { fail: '✖', pass: '✔', unknown: '?' };

/** Reads each file at most once per report, and splits it into lines without their terminators. */
function sourceCache(readSource: TextOptions['readSource']): Context['source'] {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (readSource === undefined) return undefined;
    if (!cache.has(file)) cache.set(file, readSource(file)?.split(/\r?\n|\r/));
    return cache.get(file);
  };
}

/**
 * Text from the analysed code on one terminal line: line breaks become spaces, and other control
 * characters (an ESC could forge colours or move the cursor) a replacement character of the same
 * width, so columns in a code frame stay where they were. Tabs are kept for frame alignment.
 */
function printable(text: string): string {
  return Array.from(text.replace(/\r\n|\r|\n/g, ' '), (char) => (isControl(char) ? '\ufffd' : char)).join('');
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t') || (code >= 0x7f && code <= 0x9f);
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function paintConfidence(c: Colors, confidence: Confidence, text: string): string {
  if (confidence === 'high') return c.red(text);
  if (confidence === 'medium') return c.yellow(text);
  return c.cyan(text);
}

function paintVerdict(c: Colors, verdict: Verdict, text: string): string {
  if (verdict === 'fail') return c.bold(c.red(text));
  if (verdict === 'pass') return c.bold(c.green(text));
  return c.bold(c.yellow(text));
}

function groupByFile<T extends { readonly file: string }>(items: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.file);
    if (group === undefined) groups.set(item.file, [item]);
    else group.push(item);
  }
  return groups;
}

/** The visible part of a source line: all of it, or a window around the finding with ellipses. */
interface FrameWindow {
  readonly start: number;
  readonly cropped: boolean;
}

function frameWindow(text: string, column: number): FrameWindow {
  if (text.length <= MAX_FRAME_WIDTH) return { start: 0, cropped: false };
  return { start: Math.max(0, column - 1 - FRAME_LEAD), cropped: true };
}

function cropLine(text: string, window: FrameWindow): string {
  if (!window.cropped) return text;
  const head = window.start > 0 ? '…' : '';
  const tail = window.start + MAX_FRAME_WIDTH < text.length ? '…' : '';
  return `${head}${text.slice(window.start, window.start + MAX_FRAME_WIDTH)}${tail}`;
}

/**
 * The underline below the finding's line. The text before the column is replaced by spaces but
 * its tabs are kept, so the carets line up however the terminal expands tabs. `endColumn` is
 * exclusive; a span that runs on to later lines is underlined to the end of its first line.
 */
function caretLine(text: string, finding: Finding, window: FrameWindow): string {
  const from = finding.column - 1;
  const lineEnd = finding.endLine > finding.line ? text.length : finding.endColumn - 1;
  const visibleEnd = Math.min(text.length, window.start + MAX_FRAME_WIDTH);
  const to = Math.max(Math.min(lineEnd, visibleEnd), from + 1);
  const lead = window.start > 0 ? ' ' : '';
  const pad = text.slice(window.start, from).replace(/[^\t]/g, ' ');
  return `${lead}${pad}${'^'.repeat(to - from)}`;
}

function codeFrame(ctx: Context, finding: Finding): readonly string[] {
  const lines = ctx.source(finding.file);
  const text = lines?.[finding.line - 1];
  // No frame when the source is unavailable or no longer matches the reported column.
  if (lines === undefined || text === undefined || finding.column < 1 || finding.column > text.length + 1) return [];
  const window = frameWindow(text, finding.column);
  const width = String(finding.line).length;
  const gutter = (label: string): string => ctx.c.dim(`${DETAIL_INDENT}${label.padStart(width)} │`);
  const frame: string[] = [];
  const before = lines[finding.line - 2];
  if (before !== undefined) frame.push(`${gutter(String(finding.line - 1))} ${printable(cropLine(before, window))}`);
  frame.push(`${gutter(String(finding.line))} ${printable(cropLine(text, window))}`);
  frame.push(`${gutter('')} ${ctx.c.red(caretLine(text, finding, window))}`);
  return frame;
}

/** `fetch_profile app/a.py:3 → load app/b.py:10 → requests.get app/b.py:12` */
function chainLine(ctx: Context, finding: Finding): string {
  const hop = (name: string, file: string, line: number): string => `${ctx.c.bold(printable(name))} ${ctx.c.dim(printable(`${file}:${line}`))}`;
  const hops = [
    hop(finding.context.name, finding.context.file, finding.context.line),
    ...finding.via.map((link) => hop(link.name, link.file, link.line)),
    hop(finding.call, finding.file, finding.line),
  ];
  return `${DETAIL_INDENT}${hops.join(' → ')}`;
}

function findingBlock(ctx: Context, finding: Finding, locationWidth: number): readonly string[] {
  const { c } = ctx;
  const location = `${finding.line}:${finding.column}`.padEnd(locationWidth);
  const confidence = paintConfidence(c, finding.confidence, finding.confidence.padEnd(6));
  const category = c.magenta(finding.category.padEnd(10));
  const marker = finding.preexisting ? ` ${c.dim('(pre-existing)')}` : '';
  return [
    `${INDENT}${c.dim(location)}  ${confidence}  ${category}  ${printable(finding.message)}${marker}`,
    ...codeFrame(ctx, finding),
    ...(finding.via.length > 0 ? [chainLine(ctx, finding)] : []),
    `${DETAIL_INDENT}${c.green('fix:')} ${printable(finding.remediation)}`,
  ];
}

function findingsSection(ctx: Context, findings: readonly Finding[]): readonly string[] {
  const locationWidth = Math.max(0, ...findings.map((f) => `${f.line}:${f.column}`.length));
  const out: string[] = [];
  for (const [file, group] of groupByFile(findings)) {
    out.push(ctx.c.bold(ctx.c.underline(printable(file))));
    for (const finding of group) out.push(...findingBlock(ctx, finding, locationWidth), '');
  }
  return out;
}

function notApplicableSection(ctx: Context, entries: readonly NotApplicable[]): readonly string[] {
  if (entries.length === 0) return [];
  const width = Math.max(...entries.map((entry) => printable(entry.file).length));
  return [
    ctx.c.bold('not applicable'),
    ...entries.map((entry) => `${INDENT}${printable(entry.file).padEnd(width)}  ${ctx.c.dim(entry.reason)}`),
    '',
  ];
}

function diagnosticsSection(ctx: Context, diagnostics: readonly Diagnostic[]): readonly string[] {
  if (diagnostics.length === 0) return [];
  const where = (d: Diagnostic): string => printable(d.line === undefined ? d.file : `${d.file}:${d.line}`);
  const width = Math.max(...diagnostics.map((d) => where(d).length));
  return [
    ctx.c.bold('diagnostics'),
    ...diagnostics.map((d) => `${INDENT}${ctx.c.dim(where(d).padEnd(width))}  ${printable(d.message)}`),
    '',
  ];
}

/**
 * `✖ fail (high) — <summary> · 1 pre-existing · 3 files analysed`. The summary sentence is the
 * analysis's own; the pre-existing count is added only when that sentence does not give it already.
 */
function summaryLine(ctx: Context, report: Report): string {
  const preexisting = report.findings.filter((finding) => finding.preexisting).length;
  const parts = [printable(report.summary)];
  if (preexisting > 0 && !/pre-?existing/i.test(report.summary)) parts.push(`${preexisting} pre-existing`);
  parts.push(`${plural(report.stats.filesAnalyzed, 'file')} analysed`);
  const head = paintVerdict(ctx.c, report.verdict, `${VERDICT_MARK[report.verdict]} ${report.verdict}`);
  return `${head} (${report.confidence}) — ${parts.join(' · ')}`;
}

/** The report for a person at a terminal; colour only when `options.color` is set. */
export function renderText(report: Report, options: TextOptions): string {
  const sorted = ordered(report);
  const ctx: Context = { c: picocolors.createColors(options.color), source: sourceCache(options.readSource) };
  const lines = [
    ...findingsSection(ctx, sorted.findings),
    ...notApplicableSection(ctx, sorted.notApplicable),
    ...diagnosticsSection(ctx, sorted.diagnostics),
    summaryLine(ctx, sorted),
  ];
  return `${lines.join('\n')}\n`;
}
