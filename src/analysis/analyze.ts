// Turns a program (and, for a diff, its changed lines) into the report: findings, verdict, reasons.

import type { FileModel, FunctionModel } from '../ir/model.js';
import type {
  Confidence,
  Diagnostic,
  Finding,
  NotApplicable,
  NotApplicableReason,
  Report,
  Verdict,
} from '../ir/report.js';
import { CONFIDENCE_RANK, RULE } from '../ir/report.js';
import type { Catalog } from '../knowledge/catalog.js';
import { type ChangedLines, displayName, FindingCollector, type RawFinding } from './findings.js';
import { type FunctionInfo, FunctionTable } from './functions.js';
import type { Program } from './program.js';
import { innermostFunction, touchedFunctions } from './touched.js';

export interface AnalysisInput {
  readonly program: Program;
  readonly catalog: Catalog;
  /** For a diff: the added or modified lines per file. Absent for whole-file checks. */
  readonly changed?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Changed files the analysis could not read, with the reason (binary, unsupported language...). */
  readonly skipped?: readonly NotApplicable[];
  /** Problems met while reading files (a syntax error, an unreadable file). */
  readonly diagnostics?: readonly Diagnostic[];
  /** The text of a file, to tell blank changed lines from code. */
  readonly readSource?: (path: string) => string | undefined;
  /** Files that should have been analysed and could not be (unreadable, too large, over budget). */
  readonly unanalysed?: readonly string[];
  /** Files the change does not touch were left unread (the run's time ran out): paths through them are unknown. */
  readonly readPartially?: boolean;
  /** For a check: files read and not lowered, as they can hold no async path (they count as analysed). */
  readonly setAside?: number;
}

/** How many of an entry's alternatives a finding's remediation names. */
const MAX_ALTERNATIVES = 3;

const CONTEXT_WORDS: Record<string, string> = {
  'async-function': 'async function',
  'async-method': 'async method',
  'async-lambda': 'async lambda',
  'async-block': 'async block',
  'event-callback': 'event-loop callback',
};

/** Order of precedence when one file has changes of several kinds out of the rule's reach. */
const REASON_ORDER: readonly NotApplicableReason[] = ['test', 'script', 'startup', 'threadpool', 'worker', 'browser', 'sync-only'];

const REASON_WORDS: Record<NotApplicableReason, string> = {
  test: 'test code',
  script: 'scripts and command-line tools',
  startup: 'start-up code',
  threadpool: 'synchronous handlers the framework runs in a threadpool',
  worker: 'code that runs in a worker thread',
  browser: 'client code that runs in a browser',
  'sync-only': 'code that no async path reaches',
  'unsupported-language': 'files in languages asyncguard does not read yet',
  binary: 'binary files',
  deleted: 'deleted files',
  vendored: 'vendored or generated files',
  'too-large': 'files over the size limit',
};

export function analyze(input: AnalysisInput): Report {
  const { program, catalog, changed } = input;
  const table = new FunctionTable(program, catalog);
  const contexts = table.all().filter((info) => table.isAsyncContext(info));
  const touched = changed && new Set(touchedFunctions(program.files, changed).map((ref) => ref.fn));
  const collector = new FindingCollector(table, changed as ChangedLines, touched);
  const raw = collector.collect(contexts);
  const findings = onePerLine(raw.map((r) => toFinding(r, changed === undefined)));
  const reachable = collector.reachable(contexts);
  const introduced = findings.filter((f) => !f.preexisting);
  const preexisting = findings.length - introduced.length;
  const diagnostics = [...(input.diagnostics ?? []), ...fileDiagnostics(program, changed)];

  const unanalysed = [...new Set(input.unanalysed ?? [])].sort();
  const missed = unanalysed.length > 0 ? `; ${plural(unanalysed.length, 'file')} could not be analysed (see diagnostics)` : '';

  if (changed === undefined) {
    const notApplicable = roleExemptFiles(program, table);
    const verdict: Verdict = introduced.length > 0 ? 'fail' : contexts.length > 0 || unanalysed.length > 0 ? 'pass' : 'unknown';
    return build({
      // Never a silent pass: files that could not be read leave the verdict open.
      verdict: verdict === 'pass' && unanalysed.length > 0 ? 'unknown' : verdict,
      confidence: introduced.length > 0 ? surest(introduced) : unanalysed.length > 0 ? 'low' : diagnostics.length > 0 ? 'medium' : 'high',
      summary:
        (introduced.length > 0
          ? `${plural(introduced.length, 'blocking call')} on ${introduced.length === 1 ? 'an async path' : 'async paths'}`
          : contexts.length > 0
            ? `${plural(contexts.length, 'async context')} checked: none blocks`
            : 'no async code found: the rule does not apply') + missed,
      findings,
      notApplicable: [...notApplicable, ...(input.skipped ?? [])],
      diagnostics,
      filesAnalyzed: program.files.length + (input.setAside ?? 0),
      filesParsed: program.files.length,
      filesChanged: 0,
    });
  }

  const touch = classifyChanges(program, table, reachable, changed, input.readSource);
  const notApplicable = [...touch.notApplicable, ...(input.skipped ?? [])];
  let verdict: Verdict;
  let confidence: Confidence;
  let summary: string;
  if (introduced.length > 0) {
    verdict = 'fail';
    confidence = surest(introduced);
    summary = `${plural(introduced.length, 'blocking call')} introduced on ${introduced.length === 1 ? 'an async path' : 'async paths'}`;
  } else if (touch.touchesAsync) {
    verdict = 'pass';
    confidence = touch.syntaxErrors || input.readPartially === true ? 'low' : touch.unresolvedCalls > 0 ? 'medium' : 'high';
    summary =
      'the changed async paths do not block' +
      (touch.unresolvedCalls > 0 ? ` (${plural(touch.unresolvedCalls, 'call')} into unknown code)` : '');
  } else {
    verdict = 'unknown';
    confidence = (input.skipped ?? []).some((s) => s.reason === 'unsupported-language') ? 'medium' : 'high';
    const reasons = [...new Set(notApplicable.map((n) => n.reason))].sort(
      (a, b) => reasonRank(a) - reasonRank(b),
    );
    summary =
      reasons.length > 0
        ? `the rule does not apply: the change touches only ${reasons.map((r) => REASON_WORDS[r]).join(', ')}`
        : 'the rule does not apply: no changed line lies on an async path';
  }
  if (unanalysed.length > 0 && verdict !== 'fail') {
    // Never a silent pass: a changed file that could not be analysed may hold the blocking call.
    verdict = 'unknown';
    confidence = 'low';
  }
  summary += missed;
  if (preexisting > 0) summary += `; ${plural(preexisting, 'pre-existing blocking call')} not introduced by the change`;
  return build({
    verdict,
    confidence,
    summary,
    findings,
    notApplicable,
    diagnostics,
    filesAnalyzed: program.files.length,
    filesParsed: program.files.length,
    filesChanged: changed.size,
  });
}

function reasonRank(r: NotApplicableReason): number {
  const i = REASON_ORDER.indexOf(r);
  return i < 0 ? REASON_ORDER.length : i;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function surest(findings: readonly Finding[]): Confidence {
  let best: Confidence = 'low';
  for (const f of findings) if (CONFIDENCE_RANK[f.confidence] > CONFIDENCE_RANK[best]) best = f.confidence;
  return best;
}

function build(r: {
  verdict: Verdict;
  confidence: Confidence;
  summary: string;
  findings: readonly Finding[];
  notApplicable: readonly NotApplicable[];
  diagnostics: readonly Diagnostic[];
  filesAnalyzed: number;
  filesParsed: number;
  filesChanged: number;
}): Report {
  const seen = new Set<string>();
  const notApplicable = r.notApplicable.filter((n) => {
    const key = `${n.file}\0${n.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    schemaVersion: 1,
    rule: { id: RULE.id, title: RULE.title },
    verdict: r.verdict,
    confidence: r.confidence,
    summary: r.summary,
    findings: r.findings,
    notApplicable,
    diagnostics: r.diagnostics,
    stats: { filesAnalyzed: r.filesAnalyzed, filesParsed: r.filesParsed, filesChanged: r.filesChanged },
  };
}

// ---- findings ---------------------------------------------------------------------------------

function toFinding(r: RawFinding, wholeFiles: boolean): Finding {
  const contextName = displayName(r.context);
  const context = `${CONTEXT_WORDS[r.contextKind]} ${contextName}`;
  const holder = r.via[r.via.length - 1]?.name;
  const where =
    r.via.length === 0
      ? `inside ${context}`
      : r.via.length === 1
        ? `inside ${holder}, called from ${context}`
        : `inside ${holder}, reached from ${context} through ${r.via.map((v) => v.name).join(' → ')}`;
  const advice = r.entry ?? r.advice;
  // The first alternatives are the ones to reach for; the docs list them all.
  const remediation = advice ? advice.useInstead.slice(0, MAX_ALTERNATIVES).join('; or ') : '';
  return {
    file: r.file.path,
    line: r.span.line,
    column: r.span.column,
    endLine: r.span.endLine,
    endColumn: r.span.endColumn,
    category: r.category,
    call: r.call,
    context: { name: contextName, file: r.context.file.path, line: r.context.fn.headerLine, kind: r.contextKind },
    via: r.via,
    confidence: r.confidence,
    preexisting: wholeFiles ? false : !r.introduced,
    message: `${r.call} ${r.does} ${where}`,
    remediation,
    ruleEntry: r.ruleEntry,
  };
}

/** At most one finding per line: introduced before pre-existing, then the surest, then the leftmost. */
function onePerLine(findings: readonly Finding[]): Finding[] {
  const byLine = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.file}:${f.line}`;
    const prev = byLine.get(key);
    if (!prev || lineBetter(f, prev)) byLine.set(key, f);
  }
  return [...byLine.values()].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column),
  );
}

function lineBetter(a: Finding, b: Finding): boolean {
  if (a.preexisting !== b.preexisting) return !a.preexisting;
  if (a.confidence !== b.confidence) return CONFIDENCE_RANK[a.confidence] > CONFIDENCE_RANK[b.confidence];
  return a.column < b.column;
}

// ---- what the change touches ------------------------------------------------------------------

interface Touch {
  touchesAsync: boolean;
  notApplicable: NotApplicable[];
  unresolvedCalls: number;
  syntaxErrors: boolean;
}


function classifyChanges(
  program: Program,
  table: FunctionTable,
  reachable: ReadonlySet<FunctionModel>,
  changed: ReadonlyMap<string, ReadonlySet<number>>,
  readSource: ((path: string) => string | undefined) | undefined,
): Touch {
  const touch: Touch = { touchesAsync: false, notApplicable: [], unresolvedCalls: 0, syntaxErrors: false };
  for (const [path, lines] of [...changed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = program.file(path);
    if (!file) continue;
    // Lines as git and tree-sitter count them: only `\n` ends a line (a lone `\r` does not).
    const text = readSource?.(path)?.split('\n');
    const imports = new Set(file.importLines);
    const reasons = new Set<NotApplicableReason>();
    let fileTouches = false;
    const touchedOwners = new Set<FunctionModel>();
    for (const line of [...lines].sort((a, b) => a - b)) {
      if (imports.has(line)) continue;
      if (text && (text[line - 1] ?? '').trim() === '') continue;
      const fn = innermostFunction(file, line);
      if (!fn) continue;
      const info = table.info({ file, fn });
      if (!info) continue;
      const status = statusOf(info, table, reachable);
      if (status === 'async') {
        fileTouches = true;
        touchedOwners.add(info.owner.fn);
      } else reasons.add(status);
    }
    if (fileTouches) {
      touch.touchesAsync = true;
      if (file.issues.some((i) => i.kind === 'syntax-error' || i.kind === 'too-deep')) touch.syntaxErrors = true;
      touch.unresolvedCalls += countUnresolved(file, table, lines, touchedOwners);
    } else {
      const reason = [...reasons].sort((a, b) => reasonRank(a) - reasonRank(b))[0];
      if (reason) touch.notApplicable.push({ file: path, reason });
    }
  }
  return touch;
}

/** Is a changed line's function on an async path, or out of reach, and why? */
function statusOf(info: FunctionInfo, table: FunctionTable, reachable: ReadonlySet<FunctionModel>): 'async' | NotApplicableReason {
  // An explicit offload is pass evidence: the change moved work off the loop.
  if (info.offloaded) return 'async';
  const owner = table.info(info.owner) ?? info;
  if (owner.offloaded) return 'async';
  if (owner.role) return owner.role.role === 'threadpool' ? 'threadpool' : owner.role.role;
  if (reachable.has(owner.ref.fn)) return 'async';
  if (owner.ref.fn.kind === 'module') return 'startup';
  return 'sync-only';
}

/** Calls on changed lines of async paths into code outside the repository that the catalog does not know. */
function countUnresolved(file: FileModel, table: FunctionTable, lines: ReadonlySet<number>, owners: ReadonlySet<FunctionModel>): number {
  const eco = table.ecosystem(file);
  if (!eco) return 0;
  let n = 0;
  for (const site of file.calls) {
    if (!lines.has(site.span.line) || site.awaited || site.insideAwaitedCall) continue;
    const info = table.info({ file, fn: table.fnOf(file, site.functionId) });
    if (!info || !owners.has(info.owner.fn)) continue;
    const call = table.call(file, site.id);
    if (call?.callee.kind !== 'api' || call.callee.derived) continue;
    const q = call.callee.qname;
    if (eco.knows(q) || eco.isStandard(q) || table.program.isInternal(q)) continue;
    n++;
  }
  return n;
}

function fileDiagnostics(program: Program, changed: ReadonlyMap<string, ReadonlySet<number>> | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of program.files) {
    if (changed && !changed.has(file.path)) continue;
    for (const issue of file.issues) out.push({ file: file.path, line: issue.line, message: issue.message });
  }
  return out;
}

/** For whole-file checks: files whose async code is out of reach (tests, scripts), once each. */
function roleExemptFiles(program: Program, table: FunctionTable): NotApplicable[] {
  const out: NotApplicable[] = [];
  for (const file of program.files) {
    const exempt = file.functions.find((fn) => {
      if (!fn.isAsync) return false;
      const info = table.info({ file, fn });
      return info?.role !== undefined && info.role.role !== 'threadpool';
    });
    if (!exempt) continue;
    const role = table.info({ file, fn: exempt })?.role?.role;
    if (role && role !== 'threadpool') out.push({ file: file.path, reason: role });
  }
  return out;
}
