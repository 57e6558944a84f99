// `npm run bench`: asyncguard's speed and memory on real source trees of this machine (the Python
// standard library, npm's bundled packages, this project's dependencies, the Debian Rust crate
// registry), beside Ruff's flake8-async rules and ESLint's n/no-sync on the same files. Each run is a
// child process, so CPU time and peak RSS are its own. See docs/PERFORMANCE.md.
//
//   npm run bench                                  # every tree, 3 runs each, with the peers
//   npm run bench -- --tree python,js --repeat 5 --json bench.json
//   npm run bench -- --quick                       # a smoke test on small sub-folders

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliPath, projectRoot } from '../test/helpers/paths.js';
import { changedContent, pickChangedFiles, probeLanguage, probeName } from './bench/change.js';
import { type ChildRun, runNode, type Sample, summarize } from './bench/measure.js';
import { BenchUsageError, type BenchOptions, parseBenchArgs, USAGE } from './bench/options.js';
import { installPeers, isPeerOutcome, PEER_PACKAGES, type PeerInstall, peerLabel } from './bench/peers.js';
import {
  evaluateTargets,
  type Measurement,
  type MeasuredTree,
  renderSummary,
  renderTree,
  type RunKind,
  type TreeResult,
} from './bench/results.js';
import { listTree, type SourceFile, type TreeListing, TREES, type TreeSpec } from './bench/trees.js';

const DRIVERS = fileURLToPath(new URL('./bench/', import.meta.url));
const PEER_FOLDER = join(projectRoot, '.bench', 'peers');

/** What every tree's measurements share. */
interface Context {
  readonly options: BenchOptions;
  /** The temporary folder of this bench run. */
  readonly work: string;
  readonly peers: PeerInstall | undefined;
}

/** The parts of a JSON report the bench looks at. */
interface ReportShape {
  readonly verdict: string;
  readonly findings: readonly { readonly file: string; readonly preexisting?: boolean; readonly context?: { readonly name?: string } }[];
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync(
    'git',
    ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.error !== undefined || r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.error?.message ?? r.stderr.trim()}`);
}

function reportOf(run: ChildRun): ReportShape | string {
  if (run.status !== 0 && run.status !== 1) {
    const line = firstError(run.stderr);
    return `exit status ${run.status ?? 'none (killed)'}${line !== '' ? `: ${line}` : ''}`;
  }
  try {
    const report = JSON.parse(run.stdout) as ReportShape;
    return Array.isArray(report.findings) ? report : 'the output is not a report';
  } catch {
    return 'the output is not JSON';
  }
}

/** The line of a crashed child's stderr that names the error, else its first line. */
function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Times `repeat` runs; `prepare` runs untimed before each, `judge` reads the last run's output. */
async function measure(
  ctx: Context,
  spec: { readonly kind: RunKind; readonly label: string; readonly files: number; readonly bytes: number },
  run: (round: number) => Promise<ChildRun>,
  judge: (run: ChildRun, round: number) => string | { readonly error: string },
  prepare?: (round: number) => void,
): Promise<Measurement> {
  const samples: Sample[] = [];
  let outcome = '';
  let error: string | undefined;
  for (let round = 0; round < ctx.options.repeat; round++) {
    prepare?.(round);
    progress(`  ${spec.label} (${round + 1}/${ctx.options.repeat})`);
    const child = await run(round);
    const verdict = judge(child, round);
    if (typeof verdict !== 'string') {
      error = verdict.error;
      break;
    }
    outcome = verdict;
    samples.push({ wallMs: child.wallMs, cpuMs: child.cpuMs, maxRssMb: child.maxRssMb });
  }
  return { ...spec, samples, summary: summarize(samples), outcome, ...(error !== undefined ? { error } : {}) };
}

function asyncguardArgs(ctx: Context, command: readonly string[]): string[] {
  return [cliPath, ...command, '--format', 'json', ...(ctx.options.workers !== undefined ? ['--workers', String(ctx.options.workers)] : [])];
}

/** A copy of the tree's sources (and the project files that shape their lowering), committed to git. */
function committedCopy(listing: TreeListing, folder: string): void {
  for (const path of [...listing.sources.map((s) => s.path), ...listing.configFiles]) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(listing.root, path), target);
  }
  git(folder, 'init', '-q');
  git(folder, 'add', '-A');
  git(folder, 'commit', '-q', '-m', 'base');
  git(folder, 'tag', 'bench-base');
}

async function measureTree(spec: TreeSpec, ctx: Context): Promise<TreeResult> {
  const located = spec.locate();
  if ('absent' in located) return { id: spec.id, title: spec.title, skipped: located.absent };
  let folder = located.folder;
  if (ctx.options.quick) {
    const small = spec.quickFolder(folder);
    if (small === undefined) return { id: spec.id, title: spec.title, skipped: `--quick: no small sub-folder of ${folder} to measure` };
    folder = small;
  }
  progress(`${spec.id}: listing ${folder}`);
  const listing = listTree(folder);
  if (listing.sources.length === 0) return { id: spec.id, title: spec.title, skipped: `no file asyncguard reads in ${folder}` };
  const loadAverage = loadavg().map((l) => Number(l.toFixed(2)));
  const home = join(ctx.work, spec.id);
  mkdirSync(home, { recursive: true });
  const usageFile = join(home, 'usage.json');
  const tree = { files: listing.sources.length, bytes: listing.bytes };
  const measurements: Measurement[] = [];
  const notes: string[] = [];

  const judgeCheck = (child: ChildRun): string | { error: string } => {
    const report = reportOf(child);
    return typeof report === 'string' ? { error: report } : plural(report.findings.length, 'finding');
  };
  const check = (cache: string): Promise<ChildRun> =>
    runNode(asyncguardArgs(ctx, ['check', listing.root]), { cwd: listing.root, env: { ASYNCGUARD_CACHE_DIR: cache }, usageFile });

  // Cold: an empty cache folder each run (the entries are still written, as on a first run).
  const warmCache = join(home, 'cache-warm');
  measurements.push(
    await measure(ctx, { kind: 'check-cold', label: 'asyncguard check, cold cache', ...tree }, (round) => check(join(home, `cache-cold-${round}`)), judgeCheck, (round) => {
      if (round > 0) rmSync(join(home, `cache-cold-${round - 1}`), { recursive: true, force: true });
    }),
  );
  // The last cold run's cache, renamed, holds every file.
  const lastCold = [...Array(ctx.options.repeat).keys()].map((round) => join(home, `cache-cold-${round}`)).filter((dir) => existsSync(dir)).pop();
  if (lastCold !== undefined) renameSync(lastCold, warmCache);
  measurements.push(await measure(ctx, { kind: 'check-warm', label: 'asyncguard check, warm cache', ...tree }, () => check(warmCache), judgeCheck));

  // The peer, on the files of its language.
  if (spec.peer !== undefined && ctx.peers?.ok === true) {
    const peerFiles = listing.sources.filter((s) => (spec.peer === 'ruff' ? /\.pyi?$/i.test(s.path) : probeLanguage(s.path) === 'javascript'));
    const listFile = join(home, 'peer-files.json');
    writeFileSync(listFile, JSON.stringify(peerFiles.map((s) => s.path)));
    const driver = join(DRIVERS, spec.peer === 'ruff' ? 'ruff-driver.js' : 'eslint-driver.js');
    measurements.push(
      await measure(
        ctx,
        { kind: 'peer', label: peerLabel(spec.peer), files: peerFiles.length, bytes: sum(peerFiles) },
        () => runNode([driver, PEER_FOLDER, listing.root, listFile], { cwd: listing.root, usageFile }),
        (child) => {
          try {
            const outcome: unknown = JSON.parse(child.stdout);
            if (child.status === 0 && isPeerOutcome(outcome)) {
              return `${plural(outcome.findings, 'finding')}${outcome.parseErrors > 0 ? `, ${outcome.parseErrors} unparsed` : ''}`;
            }
          } catch {
            // Reported below with the peer's own words.
          }
          return { error: `exit status ${child.status ?? 'none'}: ${firstError(child.stderr)}` };
        },
      ),
    );
    if (peerFiles.length < listing.sources.length) {
      notes.push(`the peer reads only its language's ${peerFiles.length} files; asyncguard's figures cover all ${listing.sources.length}`);
    }
  }

  // The diff of a ten-file change, revision against revision as in CI.
  const changed = pickChangedFiles(listing.sources);
  if (changed.length === 0) {
    notes.push('no file fit for a synthetic change: diff not measured');
  } else {
    const repo = join(home, 'repo');
    progress(`  copying ${tree.files} files into a git repository`);
    committedCopy(listing, repo);
    const originals = new Map(changed.map((path) => [path, readFileSync(join(repo, path), 'utf8')]));
    const applyChange = (round: number): void => {
      git(repo, 'reset', '-q', '--hard', 'bench-base');
      changed.forEach((path, index) => writeFileSync(join(repo, path), changedContent(originals.get(path) ?? '', path, round, index)));
      git(repo, 'commit', '-q', '-a', '-m', `change ${round}`);
    };
    const judgeDiff = (child: ChildRun, round: number): string | { error: string } => {
      const report = reportOf(child);
      if (typeof report === 'string') return { error: report };
      const found = changed.filter((path, index) => {
        const language = probeLanguage(path);
        const name = language === undefined ? '' : probeName(language, round, index);
        return report.findings.some((f) => f.file === path && f.preexisting !== true && f.context?.name === name);
      }).length;
      return `${found}/${changed.length} probes, verdict ${report.verdict}`;
    };
    const diff = (cache: string): Promise<ChildRun> =>
      runNode(asyncguardArgs(ctx, ['diff', 'bench-base', 'HEAD']), { cwd: repo, env: { ASYNCGUARD_CACHE_DIR: cache }, usageFile });
    const coldDiffCache = join(home, 'cache-diff-cold');
    measurements.push(
      await measure(ctx, { kind: 'diff-cold', label: 'asyncguard diff, cold cache', ...tree }, () => diff(coldDiffCache), judgeDiff, (round) => {
        rmSync(coldDiffCache, { recursive: true, force: true });
        applyChange(round);
      }),
    );
    rmSync(coldDiffCache, { recursive: true, force: true });
    // Warm: the check runs' cache holds every unchanged file; each round's changed files are new.
    measurements.push(
      await measure(ctx, { kind: 'diff-warm', label: 'asyncguard diff, warm cache', ...tree }, () => diff(warmCache), judgeDiff, applyChange),
    );
  }

  if (!ctx.options.keep) rmSync(home, { recursive: true, force: true });
  const peer =
    spec.peer === undefined
      ? { none: spec.noPeerReason ?? 'none' }
      : ctx.peers?.ok === true
        ? { label: peerLabel(spec.peer) }
        : { none: ctx.peers === undefined ? 'not measured (--no-peers)' : `not measured: ${ctx.peers.ok ? '' : ctx.peers.reason}` };
  const result: MeasuredTree = {
    id: spec.id,
    title: spec.title,
    root: listing.root,
    ...tree,
    measurements,
    peer,
    targets: evaluateTargets(spec.id, 'label' in peer ? spec.peer : undefined, measurements),
    notes,
    loadAverage,
  };
  return result;
}

function sum(files: readonly SourceFile[]): number {
  return files.reduce((total, file) => total + file.size, 0);
}

function machine(): Record<string, unknown> {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

async function main(): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  if (options === undefined) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(cliPath)) {
    process.stderr.write(`bench: ${cliPath} is missing: run npm run build first\n`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'asyncguard-bench-'));
  if (options.keep) progress(`temporary files: ${work}`);
  else process.on('exit', () => rmSync(work, { recursive: true, force: true }));

  const host = machine();
  const date = new Date().toISOString();
  process.stdout.write(
    `asyncguard bench, ${date.slice(0, 10)}: ${String(host['cpus'])} cores (${String(host['cpuModel'])}), ${String(host['memoryGb'])} GB, node ${process.version}, load ${(host['loadAverage'] as number[]).join(' ')}\n` +
      `${options.quick ? 'quick mode: small sub-folders, one run; not figures to compare with the goals\n' : ''}\n`,
  );

  let peers: PeerInstall | undefined;
  if (options.peers && options.trees.some((id) => TREES[id].peer !== undefined)) {
    progress(`installing the peers into ${PEER_FOLDER}`);
    peers = installPeers(PEER_FOLDER);
    if (!peers.ok) process.stdout.write(`peers not installed, asyncguard is measured alone: ${peers.reason}\n\n`);
  }
  const ctx: Context = { options, work, peers };

  const results: TreeResult[] = [];
  for (const id of options.trees) {
    const result = await measureTree(TREES[id], ctx);
    results.push(result);
    if ('skipped' in result) process.stdout.write(`${id}: skipped: ${result.skipped}\n\n`);
    else process.stdout.write(`${renderTree(result, options.repeat)}\n`);
  }
  process.stdout.write(renderSummary(results));

  if (options.json !== undefined) {
    const json = {
      date,
      machine: host,
      options,
      peers: peers === undefined ? { measured: false } : peers.ok ? { measured: true, packages: PEER_PACKAGES } : { measured: false, reason: peers.reason },
      trees: results,
    };
    writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`\nwrote ${options.json}\n`);
  }
  return 0;
}

// Interrupted runs still remove their temporary folders (an 'exit' handler does).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

process.exitCode = await main();
