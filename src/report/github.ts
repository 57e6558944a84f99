// GitHub Actions workflow commands: one annotation per finding on the pull request's diff, then a
// summary notice.
//
//   ::error file=app/profile.py,line=4,col=16,endLine=4,endColumn=59,title=perf-004 (high%2C network-io)::requests.get … Fix: …
//
// Escaping follows @actions/core's `toCommandValue`/`escapeData`/`escapeProperty`: a stray newline
// would end the command early, and a `,` or `:` in a property would start a new one.

import type { Confidence, Diagnostic, Finding, Report } from '../ir/report.js';
import { ordered } from './order.js';

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Readonly<Record<Confidence, Command>> = { high: 'error', medium: 'warning', low: 'notice' };

/** The message part of a command, after `::`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value, between `key=` and the next `,` or `::`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: Command, properties: readonly (readonly [string, string | number])[], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/** Ends a message with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function annotation(finding: Finding): string {
  // Pre-existing findings never decide the verdict; as notices they inform without alarming.
  const name = finding.preexisting ? 'notice' : COMMAND[finding.confidence];
  const label = [finding.confidence, finding.category, ...(finding.preexisting ? ['pre-existing'] : [])].join(', ');
  return command(
    name,
    [
      ['file', finding.file],
      ['line', finding.line],
      ['col', finding.column],
      ['endLine', finding.endLine],
      ['endColumn', finding.endColumn],
      ['title', `perf-004 (${label})`],
    ],
    `${sentence(finding.message)} Fix: ${finding.remediation}`,
  );
}

/** Diagnostics say what the run could not see; shown as warnings on the file they concern. */
function diagnosticAnnotation(diagnostic: Diagnostic): string {
  const position: readonly (readonly [string, number])[] = diagnostic.line === undefined ? [] : [['line', diagnostic.line]];
  return command('warning', [['file', diagnostic.file], ...position, ['title', 'asyncguard']], diagnostic.message);
}

function summary(report: Report): string {
  return `::notice::${escapeData(`asyncguard perf-004: ${report.verdict} (${report.confidence}) — ${report.summary}`)}`;
}

/** One workflow command per finding and per diagnostic, then one summary notice. */
export function renderGithub(report: Report): string {
  const sorted = ordered(report);
  const lines = [...sorted.findings.map(annotation), ...sorted.diagnostics.map(diagnosticAnnotation), summary(sorted)];
  return `${lines.join('\n')}\n`;
}
