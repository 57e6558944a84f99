// The JSON report of SPEC §7: the machine-readable contract, with its keys in a fixed order.
//
// Objects are rebuilt field by field rather than spread from the IR, so that the output holds
// exactly the documented keys in the documented order (and `ruleEntry`, `stats` stay out) even
// when the IR gains fields. docs/json-report.schema.json describes the result.

import type {
  Confidence,
  Diagnostic,
  Finding,
  NotApplicable,
  NotApplicableReason,
  Report,
  Verdict,
} from '../ir/report.js';
import { ordered } from './order.js';

/** A finding as SPEC §7 lists it: the IR's finding without the catalog entry behind it. */
export type JsonFinding = Omit<Finding, 'ruleEntry'>;

export interface JsonNotApplicable {
  readonly file: string;
  readonly reason: NotApplicableReason;
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface JsonReport {
  readonly schemaVersion: 1;
  readonly rule: { readonly id: 'perf-004'; readonly title: string };
  readonly verdict: Verdict;
  readonly confidence: Confidence;
  readonly summary: string;
  readonly findings: readonly JsonFinding[];
  readonly notApplicable: readonly JsonNotApplicable[];
  readonly diagnostics: readonly JsonDiagnostic[];
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    category: finding.category,
    call: finding.call,
    context: {
      name: finding.context.name,
      file: finding.context.file,
      line: finding.context.line,
      kind: finding.context.kind,
    },
    via: finding.via.map((link) => ({ name: link.name, file: link.file, line: link.line })),
    confidence: finding.confidence,
    preexisting: finding.preexisting,
    message: finding.message,
    remediation: finding.remediation,
  };
}

function jsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  // `line` is omitted, not null, when the diagnostic concerns the whole file.
  return diagnostic.line === undefined
    ? { file: diagnostic.file, message: diagnostic.message }
    : { file: diagnostic.file, line: diagnostic.line, message: diagnostic.message };
}

function jsonNotApplicable(entry: NotApplicable): JsonNotApplicable {
  return { file: entry.file, reason: entry.reason };
}

/** The report as the plain object SPEC §7 describes, lists in canonical order. */
export function toJsonReport(report: Report): JsonReport {
  const sorted = ordered(report);
  return {
    schemaVersion: sorted.schemaVersion,
    rule: { id: sorted.rule.id, title: sorted.rule.title },
    verdict: sorted.verdict,
    confidence: sorted.confidence,
    summary: sorted.summary,
    findings: sorted.findings.map(jsonFinding),
    notApplicable: sorted.notApplicable.map(jsonNotApplicable),
    diagnostics: sorted.diagnostics.map(jsonDiagnostic),
  };
}

/** SPEC §7's JSON text: two-space indentation and a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
