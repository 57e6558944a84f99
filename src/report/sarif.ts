// The SARIF 2.1.0 log, for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
//
// One run, one rule (perf-004), one result per finding. Paths stay repository-relative under the
// `%SRCROOT%` base, so the log is the same wherever the checkout lives. Each result carries a
// partial fingerprint built from what the finding *is* (catalog entry, file, async context, call,
// chain), never from line numbers, so a baseline keeps matching after unrelated edits move code.

import { createHash } from 'node:crypto';
import type { Confidence, ContextKind, Diagnostic, Finding, Report } from '../ir/report.js';
import { ordered } from './order.js';

export interface SarifOptions {
  readonly toolVersion: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifMessage {
  readonly text: string;
}

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: typeof SRCROOT };
    readonly region?: SarifRegion;
  };
  readonly message?: SarifMessage;
}

interface SarifCodeFlow {
  readonly message: SarifMessage;
  readonly threadFlows: readonly { readonly locations: readonly { readonly location: SarifLocation }[] }[];
}

interface SarifResult {
  readonly ruleId: typeof RULE_ID;
  readonly ruleIndex: 0;
  readonly level: SarifLevel;
  readonly baselineState: 'new' | 'unchanged';
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations: readonly SarifLocation[];
  readonly codeFlows?: readonly SarifCodeFlow[];
  readonly partialFingerprints: Readonly<Record<typeof FINGERPRINT_KEY, string>>;
  readonly properties: {
    readonly category: string;
    readonly confidence: Confidence;
    readonly preexisting: boolean;
    readonly catalogEntry: string;
  };
}

interface SarifNotification {
  readonly level: 'warning';
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [SarifRun];
}

interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly originalUriBaseIds: Readonly<Record<typeof SRCROOT, { readonly description: SarifMessage }>>;
  readonly invocations: readonly {
    readonly executionSuccessful: true;
    readonly toolExecutionNotifications: readonly SarifNotification[];
  }[];
  readonly results: readonly SarifResult[];
  readonly properties: {
    readonly verdict: Report['verdict'];
    readonly confidence: Confidence;
    readonly summary: string;
    readonly notApplicable: readonly { readonly file: string; readonly reason: string }[];
  };
}

interface SarifDriver {
  readonly name: 'asyncguard';
  readonly version: string;
  readonly informationUri: string;
  readonly rules: readonly [SarifRule];
}

interface SarifRule {
  readonly id: typeof RULE_ID;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: { readonly text: string; readonly markdown: string };
  readonly defaultConfiguration: { readonly level: 'error' };
  readonly properties: { readonly tags: readonly string[]; readonly precision: 'high' };
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/asyncguard/asyncguard';
const RULE_ID = 'perf-004';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'asyncguard/v1';

const LEVEL: Readonly<Record<Confidence, SarifLevel>> = { high: 'error', medium: 'warning', low: 'note' };

const CONTEXT_KIND_WORDS: Readonly<Record<ContextKind, string>> = {
  'async-function': 'async function',
  'async-method': 'async method',
  'async-lambda': 'async lambda',
  'async-block': 'async block',
  'event-callback': 'event-loop callback',
};

const FULL_DESCRIPTION =
  'An event loop or async worker that runs a synchronous network call, a blocking sleep, synchronous ' +
  'file or subprocess I/O, a synchronous wait on a future, or obviously heavy inline computation stalls ' +
  'every other task on that thread.';

const HELP_TEXT =
  `${FULL_DESCRIPTION} Await a non-blocking API instead, or hand the work explicitly to another thread ` +
  'or process (asyncio.to_thread, run_in_executor, tokio::task::spawn_blocking, worker_threads, Task.Run, ' +
  'withContext(Dispatchers.IO)). Findings are high confidence when the blocking call is directly in the ' +
  'async context, medium when it is reached through a synchronous wrapper of the repository (the result ' +
  'shows the chain), and low when it depends on a third-party function whose name signals I/O.';

const HELP_MARKDOWN = [
  '## perf-004: async hot paths do not block runtime threads',
  FULL_DESCRIPTION,
  '**Use instead:** await a non-blocking API (`httpx.AsyncClient`, `aiofiles`, `fs.promises`, `tokio::fs`), ' +
    'or offload the work explicitly (`asyncio.to_thread`, `loop.run_in_executor`, ' +
    '`tokio::task::spawn_blocking`, `worker_threads`, `Task.Run`, `withContext(Dispatchers.IO)`).',
  '**Confidence:** *high* when the blocking call is directly in the async context; *medium* when it is ' +
    'reached through a synchronous wrapper of the repository (see the code flow); *low* when it depends on ' +
    'a third-party function whose name signals I/O.',
].join('\n\n');

function rule(): SarifRule {
  return {
    id: RULE_ID,
    name: 'AsyncHotPathsDoNotBlock',
    shortDescription: { text: 'Async hot paths do not block runtime threads' },
    fullDescription: { text: FULL_DESCRIPTION },
    help: { text: HELP_TEXT, markdown: HELP_MARKDOWN },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['performance', 'async', 'concurrency'], precision: 'high' },
  };
}

/**
 * A repository-relative path as a URI reference: `/` separators, each segment percent-encoded. A
 * backslash is part of a file name (Linux allows it), never a separator: it is encoded as `%5C`.
 */
export function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function location(file: string, region?: SarifRegion, message?: string, id?: number): SarifLocation {
  return {
    ...(id === undefined ? {} : { id }),
    physicalLocation: {
      artifactLocation: { uri: artifactUri(file), uriBaseId: SRCROOT },
      ...(region === undefined ? {} : { region }),
    },
    ...(message === undefined ? {} : { message: { text: message } }),
  };
}

function findingRegion(finding: Finding): SarifRegion {
  return {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
}

function contextMessage(finding: Finding): string {
  return `${CONTEXT_KIND_WORDS[finding.context.kind]} ${finding.context.name}`;
}

/** The async context first, then each synchronous function on the way to the call. */
function relatedLocations(finding: Finding): readonly SarifLocation[] {
  const context = location(finding.context.file, { startLine: finding.context.line }, contextMessage(finding), 1);
  const hops = finding.via.map((link, index) =>
    location(link.file, { startLine: link.line }, `through ${link.name}`, index + 2),
  );
  return [context, ...hops];
}

/** The chain as a code flow, so viewers can step from the async context to the blocking call. */
function codeFlows(finding: Finding): readonly SarifCodeFlow[] | undefined {
  if (finding.via.length === 0) return undefined;
  const steps = [
    location(finding.context.file, { startLine: finding.context.line }, contextMessage(finding)),
    ...finding.via.map((link) => location(link.file, { startLine: link.line }, `calls ${link.name}`)),
    location(finding.file, findingRegion(finding), `calls ${finding.call}`),
  ];
  return [
    {
      message: { text: `${finding.call} reached from ${contextMessage(finding)}` },
      threadFlows: [{ locations: steps.map((step) => ({ location: step })) }],
    },
  ];
}

/** What the finding is, independent of where in the file it currently sits. */
function identity(finding: Finding): string {
  return [finding.ruleEntry, finding.file, finding.context.name, finding.call, ...finding.via.map((l) => l.name)].join(
    '\0',
  );
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * One fingerprint per finding. Two findings with the same identity (the same call twice in one
 * function) are told apart by their rank among equals in file order; the first keeps the plain
 * hash, so adding a second occurrence does not change the first one's fingerprint.
 */
export function fingerprints(findings: readonly Finding[]): readonly string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = identity(finding);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return hash(occurrence === 0 ? key : `${key}\0#${occurrence}`);
  });
}

/** Ends a message with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function result(finding: Finding, fingerprint: string): SarifResult {
  const flows = codeFlows(finding);
  return {
    ruleId: RULE_ID,
    ruleIndex: 0,
    // Pre-existing findings never decide the verdict, so they must not read as new errors.
    level: finding.preexisting ? 'note' : LEVEL[finding.confidence],
    baselineState: finding.preexisting ? 'unchanged' : 'new',
    message: { text: `${sentence(finding.message)} Fix: ${finding.remediation}` },
    locations: [location(finding.file, findingRegion(finding))],
    relatedLocations: relatedLocations(finding),
    ...(flows === undefined ? {} : { codeFlows: flows }),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: {
      category: finding.category,
      confidence: finding.confidence,
      preexisting: finding.preexisting,
      catalogEntry: finding.ruleEntry,
    },
  };
}

function notification(diagnostic: Diagnostic): SarifNotification {
  const region = diagnostic.line === undefined ? undefined : { startLine: diagnostic.line };
  return { level: 'warning', message: { text: diagnostic.message }, locations: [location(diagnostic.file, region)] };
}

/** The SARIF log as a plain object, lists in canonical order. */
export function toSarifLog(report: Report, options: SarifOptions): SarifLog {
  const sorted = ordered(report);
  const prints = fingerprints(sorted.findings);
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'asyncguard', version: options.toolVersion, informationUri: INFORMATION_URI, rules: [rule()] },
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository under review.' } } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: sorted.diagnostics.map(notification) }],
        results: sorted.findings.map((finding, index) => result(finding, prints[index] ?? hash(identity(finding)))),
        properties: {
          verdict: sorted.verdict,
          confidence: sorted.confidence,
          summary: sorted.summary,
          notApplicable: sorted.notApplicable.map((entry) => ({ file: entry.file, reason: entry.reason })),
        },
      },
    ],
  };
}

/** SARIF 2.1.0 JSON text, two-space indentation and a trailing newline. */
export function renderSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarifLog(report, options), null, 2)}\n`;
}
