// `npm run fuzz`: the reliability properties of test/reliability/properties.ts with random seeds, round
// after round, for a bounded time (default 180 s). A failure prints its property, seed, replay path and
// counterexample, and exits 1.
//
//   npm run fuzz                              # 180 seconds
//   npm run fuzz -- --seconds 30              # or FUZZ_SECONDS=30 npm run fuzz
//   npm run fuzz -- --property patch --seed 42 [--path "3:1:0"] [--runs 500]   # replay one failure

import { randomInt } from 'node:crypto';
import { failureReport, PROPERTIES, type ReliabilityProperty, type RunSettings } from '../test/reliability/properties.js';

const DEFAULT_SECONDS = 180;

interface Options {
  readonly seconds: number;
  readonly seed?: number;
  readonly path?: string;
  readonly runs?: number;
  readonly property?: string;
}

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

function wholeNumber(flag: string, value: string | undefined): number {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) fail(`${flag} takes a whole number (got '${value ?? ''}')`);
  return Number(value);
}

function parseArgs(argv: readonly string[]): Options {
  const env = process.env['FUZZ_SECONDS'];
  let seconds = env !== undefined && env !== '' ? wholeNumber('FUZZ_SECONDS', env) : DEFAULT_SECONDS;
  let seed: number | undefined;
  let path: string | undefined;
  let runs: number | undefined;
  let property: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--seconds':
        seconds = wholeNumber('--seconds', value());
        break;
      case '--seed':
        seed = wholeNumber('--seed', value());
        break;
      case '--path':
        path = value();
        break;
      case '--runs':
        runs = wholeNumber('--runs', value());
        break;
      case '--property':
        property = value();
        break;
      case '--help':
      case '-h':
        process.stdout.write('usage: npm run fuzz -- [--seconds N] [--property NAME] [--seed N [--path P]] [--runs N]\n');
        process.exit(0);
        break;
      default:
        fail(`unknown argument '${argv[i] ?? ''}' (see --help)`);
    }
  }
  if (seconds < 1) fail('--seconds takes a number of seconds of 1 or more');
  return {
    seconds,
    ...(seed !== undefined ? { seed } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(runs !== undefined ? { runs } : {}),
    ...(property !== undefined ? { property } : {}),
  };
}

function selected(options: Options): readonly ReliabilityProperty[] {
  if (options.property === undefined) return PROPERTIES;
  const wanted = options.property.toLowerCase();
  const found = PROPERTIES.filter((p) => p.name.toLowerCase().includes(wanted));
  if (found.length === 0) fail(`no property matches '${options.property}'; properties: ${PROPERTIES.map((p) => p.name).join('; ')}`);
  return found;
}

/** Runs one property once; false (after printing how to replay it) when it fails. */
async function round(property: ReliabilityProperty, settings: RunSettings, counts: Map<string, number>): Promise<boolean> {
  const details = await property.check(settings);
  counts.set(property.name, (counts.get(property.name) ?? 0) + details.numRuns);
  if (!details.failed) return true;
  process.stdout.write(`\nFAILED: ${property.name} (seed ${details.seed})\n`);
  // The seed alone replays the run (and shrinks again); the path jumps to the shrunk case, when the
  // shrinking was not cut short by the time limit.
  process.stdout.write(`replay: npm run fuzz -- --property "${property.name}" --seed ${details.seed}\n`);
  if (!details.interrupted) process.stdout.write(`   or: npm run fuzz -- --property "${property.name}" --seed ${details.seed} --path "${details.counterexamplePath ?? ''}"\n`);
  process.stdout.write('\n');
  process.stdout.write(`${failureReport(details)}\n`);
  return false;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const properties = selected(options);
  const counts = new Map<string, number>();
  const started = performance.now();

  if (options.seed !== undefined) {
    // A replay: each selected property once, with the given seed (and path).
    for (const property of properties) {
      const settings: RunSettings = {
        seed: options.seed,
        numRuns: options.runs ?? property.fuzzRuns,
        ...(options.path !== undefined ? { path: options.path } : {}),
      };
      if (!(await round(property, settings, counts))) return 1;
    }
    process.stdout.write(`seed ${options.seed}: no failure (${[...counts].map(([n, c]) => `${n}: ${c}`).join(', ')})\n`);
    return 0;
  }

  const deadline = started + options.seconds * 1000;
  process.stdout.write(`fuzzing ${properties.length} properties for ${options.seconds} s\n`);
  let rounds = 0;
  while (performance.now() < deadline) {
    for (const property of properties) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      const settings: RunSettings = {
        seed: randomInt(-0x8000_0000, 0x7fff_ffff),
        numRuns: options.runs ?? property.fuzzRuns,
        // The last round stops at the deadline; cases cut short count as passed, not failed.
        interruptAfterTimeLimit: remaining,
        markInterruptAsFailure: false,
      };
      if (!(await round(property, settings, counts))) return 1;
    }
    rounds++;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`no failure: ${total} cases in ${rounds} rounds, ${seconds} s\n`);
  for (const [name, count] of counts) process.stdout.write(`  ${String(count).padStart(7)}  ${name}\n`);
  return 0;
}

// Interrupted runs still remove their temporary folders (an 'exit' handler does).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

process.exitCode = await main();
