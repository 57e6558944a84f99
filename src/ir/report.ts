// The result of a run: the verdict, the findings and what was left out, as SPEC §7 defines it.

export type Category =
  | 'sleep'
  | 'network-io'
  | 'file-io'
  | 'subprocess'
  | 'database'
  | 'sync-wait'
  | 'lock'
  | 'cpu'
  | 'input';

export const CATEGORIES: readonly Category[] = [
  'sleep',
  'network-io',
  'file-io',
  'subprocess',
  'database',
  'sync-wait',
  'lock',
  'cpu',
  'input',
];

export type Confidence = 'high' | 'medium' | 'low';
export type Verdict = 'pass' | 'fail' | 'unknown';

export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 1, medium: 2, high: 3 };

/** The kind of async context a finding's path starts from. */
export type ContextKind = 'async-function' | 'async-method' | 'async-lambda' | 'async-block' | 'event-callback';

export interface ChainLink {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly category: Category;
  /** The blocking API as the catalog names it (`requests.get`), or the construct (`for loop`). */
  readonly call: string;
  readonly context: { readonly name: string; readonly file: string; readonly line: number; readonly kind: ContextKind };
  /** The synchronous repository functions between the async context and the blocking call. */
  readonly via: readonly ChainLink[];
  readonly confidence: Confidence;
  readonly preexisting: boolean;
  readonly message: string;
  readonly remediation: string;
  /** The catalog entry behind the finding (`python:time.sleep`); not part of SPEC §7's JSON. */
  readonly ruleEntry: string;
}

/** Why a file or function is out of the rule's reach. */
export type NotApplicableReason =
  | 'test'
  | 'script'
  | 'startup'
  | 'threadpool'
  | 'worker'
  | 'browser'
  | 'sync-only'
  | 'unsupported-language'
  | 'binary'
  | 'deleted'
  | 'vendored'
  | 'too-large';

export interface NotApplicable {
  readonly file: string;
  readonly reason: NotApplicableReason;
}

/** Something that limited what the run could see, shown to the user beside the verdict. */
export interface Diagnostic {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface Report {
  readonly schemaVersion: 1;
  readonly rule: { readonly id: 'perf-004'; readonly title: string };
  readonly verdict: Verdict;
  readonly confidence: Confidence;
  readonly summary: string;
  readonly findings: readonly Finding[];
  readonly notApplicable: readonly NotApplicable[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files read and analysed; of those, files parsed and lowered (the others can hold no async path); changed files. */
  readonly stats: { readonly filesAnalyzed: number; readonly filesParsed: number; readonly filesChanged: number };
}

export const RULE = { id: 'perf-004', title: 'Async hot paths do not block runtime threads' } as const;
