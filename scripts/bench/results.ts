// The bench's results as data, the performance goals checked against them, and the tables printed.

import type { Sample } from './measure.js';

export type RunKind = 'check-cold' | 'check-warm' | 'diff-cold' | 'diff-warm' | 'peer';

export interface Measurement {
  readonly kind: RunKind;
  readonly label: string;
  /** The files and bytes the run reads (for a diff: the whole tree it reviews the change in). */
  readonly files: number;
  readonly bytes: number;
  readonly samples: readonly Sample[];
  /** Median wall and CPU time; the largest peak RSS. */
  readonly summary: Sample;
  /** What the run found, as a sanity check that it did the work: `3 findings`, `10/10 probes`. */
  readonly outcome: string;
  /** Set when a run failed (a crash, exit status 2, output that is not a report). */
  readonly error?: string;
}

export interface TargetResult {
  readonly goal: string;
  readonly actual: string;
  readonly met: boolean;
}

export interface MeasuredTree {
  readonly id: string;
  readonly title: string;
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
  readonly measurements: readonly Measurement[];
  /** The peer measured on this tree, or why there is none. */
  readonly peer: { readonly label: string } | { readonly none: string };
  readonly targets: readonly TargetResult[];
  readonly notes: readonly string[];
  /** The machine's 1, 5 and 15-minute load averages when the tree's runs began: others' work on a shared machine. */
  readonly loadAverage: readonly number[];
}

export interface SkippedTree {
  readonly id: string;
  readonly title: string;
  readonly skipped: string;
}

export type TreeResult = MeasuredTree | SkippedTree;

export function isSkipped(tree: TreeResult): tree is SkippedTree {
  return 'skipped' in tree;
}

/** The performance goals, as numbers. */
export const GOALS = {
  pythonColdMbPerSecond: 10,
  eslintSpeedup: 10,
  warmCheckMs: 500,
  diffMs: 500,
  peakRssMb: 300,
} as const;

export function megabytes(bytes: number): number {
  return bytes / 1_000_000;
}

export function mbPerSecond(bytes: number, wallMs: number): number {
  return wallMs > 0 ? megabytes(bytes) / (wallMs / 1000) : Number.NaN;
}

function seconds(ms: number): string {
  if (Number.isNaN(ms)) return '?';
  return ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1);
}

function fixed(value: number, digits: number): string {
  return Number.isNaN(value) ? '?' : value.toFixed(digits);
}

function ratio(value: number): string {
  return Number.isNaN(value) ? '?' : `${value.toFixed(2)}x`;
}

function usable(m: Measurement | undefined): m is Measurement {
  return m !== undefined && m.error === undefined && !Number.isNaN(m.summary.wallMs);
}

/** asyncguard's cold check over the peer's run, in wall and CPU time (below 1: asyncguard is faster). */
export function peerRatios(measurements: readonly Measurement[]): { readonly wall: number; readonly cpu: number } | undefined {
  const ours = measurements.find((m) => m.kind === 'check-cold');
  const peer = measurements.find((m) => m.kind === 'peer');
  if (!usable(ours) || !usable(peer)) return undefined;
  return { wall: ours.summary.wallMs / peer.summary.wallMs, cpu: ours.summary.cpuMs / peer.summary.cpuMs };
}

/** Each performance goal that applies to a tree, met or not, with the figure that decides it. */
export function evaluateTargets(treeId: string, peer: string | undefined, measurements: readonly Measurement[]): TargetResult[] {
  const of = (kind: RunKind): Measurement | undefined => measurements.find((m) => m.kind === kind && usable(m));
  const targets: TargetResult[] = [];
  const cold = of('check-cold');
  if (treeId === 'python' && cold) {
    const speed = mbPerSecond(cold.bytes, cold.summary.wallMs);
    targets.push({ goal: `check, cold cache: >= ${GOALS.pythonColdMbPerSecond} MB/s`, actual: `${fixed(speed, 1)} MB/s`, met: speed >= GOALS.pythonColdMbPerSecond });
  }
  const ratios = peerRatios(measurements);
  if (ratios && peer === 'ruff') {
    targets.push({ goal: 'check, cold cache: ahead of Ruff (wall ratio < 1)', actual: `${ratio(ratios.wall)} Ruff's wall time`, met: ratios.wall < 1 });
  }
  if (ratios && peer === 'eslint') {
    const speedup = 1 / ratios.wall;
    targets.push({
      goal: `check, cold cache: >= ${GOALS.eslintSpeedup}x faster than ESLint n/no-sync`,
      actual: `${fixed(speedup, 2)}x as fast (wall ratio ${ratio(ratios.wall)})`,
      met: speedup >= GOALS.eslintSpeedup,
    });
  }
  const warm = of('check-warm');
  if (warm) targets.push({ goal: `check, warm cache: < ${GOALS.warmCheckMs / 1000} s`, actual: `${seconds(warm.summary.wallMs)} s`, met: warm.summary.wallMs < GOALS.warmCheckMs });
  for (const kind of ['diff-cold', 'diff-warm'] as const) {
    const diff = of(kind);
    if (diff) {
      targets.push({
        goal: `${diff.label.replace(/^asyncguard /, '')}: < ${GOALS.diffMs / 1000} s`,
        actual: `${seconds(diff.summary.wallMs)} s`,
        met: diff.summary.wallMs < GOALS.diffMs,
      });
    }
  }
  const ours = measurements.filter((m) => m.kind !== 'peer' && usable(m) && !Number.isNaN(m.summary.maxRssMb));
  if (ours.length > 0) {
    const worst = ours.reduce((a, b) => (b.summary.maxRssMb > a.summary.maxRssMb ? b : a));
    targets.push({
      goal: `peak RSS: < ${GOALS.peakRssMb} MB`,
      actual: `${fixed(worst.summary.maxRssMb, 0)} MB (${worst.label.replace(/^asyncguard /, '')})`,
      met: worst.summary.maxRssMb < GOALS.peakRssMb,
    });
  }
  return targets;
}

export type Align = 'left' | 'right';

/** A plain-text table: columns padded to their widest cell, two spaces apart. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The table of one tree's runs. */
export function renderTree(tree: MeasuredTree, repeat: number): string {
  const rows = tree.measurements.map((m) => [
    m.label,
    String(m.files),
    fixed(megabytes(m.bytes), 1),
    seconds(m.summary.wallMs),
    seconds(m.summary.cpuMs),
    m.kind === 'diff-cold' || m.kind === 'diff-warm' ? '-' : fixed(mbPerSecond(m.bytes, m.summary.wallMs), 1),
    fixed(m.summary.maxRssMb, 0),
    m.error !== undefined ? `FAILED: ${m.error}` : m.outcome,
  ]);
  const lines = [
    `${tree.id}: ${tree.title}`,
    `  ${tree.root}: ${tree.files} files, ${fixed(megabytes(tree.bytes), 1)} MB; median of ${repeat} run${repeat === 1 ? '' : 's'} (peak RSS: the largest)`,
    `  load average when the runs began: ${tree.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    '',
    renderTable(['run', 'files', 'MB', 'wall s', 'CPU s', 'MB/s', 'peak RSS MB', 'found'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']),
    '',
  ];
  const ratios = peerRatios(tree.measurements);
  if ('none' in tree.peer) lines.push(`  no peer: ${tree.peer.none}`);
  else if (ratios) lines.push(`  asyncguard / ${tree.peer.label.split(' ')[0] ?? 'peer'}, check with a cold cache: wall ${ratio(ratios.wall)}, CPU ${ratio(ratios.cpu)}`);
  for (const note of tree.notes) lines.push(`  note: ${note}`);
  if (tree.targets.length > 0) {
    lines.push('', '  targets');
    for (const target of tree.targets) lines.push(`    ${target.met ? 'met    ' : 'NOT MET'}  ${target.goal}: ${target.actual}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One column per measured tree: the medians side by side, and how many targets each meets. */
export function renderSummary(trees: readonly TreeResult[]): string {
  const measured = trees.filter((t): t is MeasuredTree => !isSkipped(t));
  if (measured.length === 0) return '';
  const wall = (tree: MeasuredTree, kind: RunKind): string => {
    const m = tree.measurements.find((x) => x.kind === kind);
    return usable(m) ? seconds(m.summary.wallMs) : '-';
  };
  const rows: string[][] = [
    ['MB', ...measured.map((t) => fixed(megabytes(t.bytes), 1))],
    ['check, cold cache (s)', ...measured.map((t) => wall(t, 'check-cold'))],
    ['check, warm cache (s)', ...measured.map((t) => wall(t, 'check-warm'))],
    ['diff, cold cache (s)', ...measured.map((t) => wall(t, 'diff-cold'))],
    ['diff, warm cache (s)', ...measured.map((t) => wall(t, 'diff-warm'))],
    ['peer (s)', ...measured.map((t) => wall(t, 'peer'))],
    ['asyncguard / peer, wall', ...measured.map((t) => {
      const r = peerRatios(t.measurements);
      return r ? ratio(r.wall) : '-';
    })],
    ['peak RSS (MB)', ...measured.map((t) => {
      const rss = t.measurements.filter((m) => m.kind !== 'peer' && usable(m)).map((m) => m.summary.maxRssMb);
      return rss.length > 0 ? fixed(Math.max(...rss), 0) : '-';
    })],
    ['targets met', ...measured.map((t) => `${t.targets.filter((x) => x.met).length}/${t.targets.length}`)],
  ];
  return `summary (wall time, median)\n\n${renderTable(['', ...measured.map((t) => t.id)], rows, ['left', ...measured.map((): Align => 'right')])}\n`;
}
