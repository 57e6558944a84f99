// The one order in which every output format lists findings, not-applicable files and diagnostics.
//
// Reports are compared across runs and machines (CI diffs, SARIF baselines, snapshot tests), so
// the order must not depend on the order the analysis happened to produce, nor on the locale:
// strings compare by UTF-16 code unit, never with `localeCompare`.

import type { ChainLink, Diagnostic, Finding, NotApplicable, Report } from '../ir/report.js';

type Comparison = -1 | 0 | 1;

function compareStrings(a: string, b: string): Comparison {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareNumbers(a: number, b: number): Comparison {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The first non-zero comparison, so keys read in priority order. */
function firstDifference(comparisons: readonly (() => Comparison)[]): Comparison {
  for (const compare of comparisons) {
    const result = compare();
    if (result !== 0) return result;
  }
  return 0;
}

function chainKey(via: readonly ChainLink[]): string {
  return via.map((link) => `${link.file}\0${link.line}\0${link.name}`).join('\u0001');
}

/**
 * File, line, column, then call, as SPEC and STYLE ask; the remaining fields only break ties,
 * so that two findings at the same spot still come out in the same order on every run.
 */
export function compareFindings(a: Finding, b: Finding): Comparison {
  return firstDifference([
    () => compareStrings(a.file, b.file),
    () => compareNumbers(a.line, b.line),
    () => compareNumbers(a.column, b.column),
    () => compareStrings(a.call, b.call),
    () => compareNumbers(a.endLine, b.endLine),
    () => compareNumbers(a.endColumn, b.endColumn),
    () => compareStrings(a.category, b.category),
    () => compareStrings(a.context.file, b.context.file),
    () => compareNumbers(a.context.line, b.context.line),
    () => compareStrings(a.context.name, b.context.name),
    () => compareStrings(chainKey(a.via), chainKey(b.via)),
    () => compareStrings(a.confidence, b.confidence),
    () => compareNumbers(Number(a.preexisting), Number(b.preexisting)),
    () => compareStrings(a.ruleEntry, b.ruleEntry),
    () => compareStrings(a.message, b.message),
    () => compareStrings(a.remediation, b.remediation),
  ]);
}

export function compareNotApplicable(a: NotApplicable, b: NotApplicable): Comparison {
  return firstDifference([() => compareStrings(a.file, b.file), () => compareStrings(a.reason, b.reason)]);
}

/** File, then line (a diagnostic about the whole file comes before those about its lines), then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): Comparison {
  return firstDifference([
    () => compareStrings(a.file, b.file),
    () => compareNumbers(a.line ?? 0, b.line ?? 0),
    () => compareStrings(a.message, b.message),
  ]);
}

export function sortFindings(findings: readonly Finding[]): readonly Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortNotApplicable(entries: readonly NotApplicable[]): readonly NotApplicable[] {
  return [...entries].sort(compareNotApplicable);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** The report with its lists in canonical order; the input is left untouched. */
export function ordered(report: Report): Report {
  return {
    ...report,
    findings: sortFindings(report.findings),
    notApplicable: sortNotApplicable(report.notApplicable),
    diagnostics: sortDiagnostics(report.diagnostics),
  };
}
