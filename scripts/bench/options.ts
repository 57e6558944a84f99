// The command line of `npm run bench`: which trees, how many repetitions, peers or not, where the JSON goes.

/** The trees the bench knows, in the order it measures them. */
export const TREE_IDS = ['python', 'npm', 'deps', 'rust'] as const;
export type TreeId = (typeof TREE_IDS)[number];

/** Names that stand for several trees. */
const TREE_ALIASES: Readonly<Record<string, readonly TreeId[]>> = {
  js: ['npm', 'deps'],
  all: TREE_IDS,
};

export const DEFAULT_REPEAT = 3;

export interface BenchOptions {
  readonly trees: readonly TreeId[];
  /** Timed runs per measurement; the median is reported. */
  readonly repeat: number;
  /** A small sub-folder of each tree and one repetition: a smoke test, not figures to compare. */
  readonly quick: boolean;
  /** Install and measure Ruff and ESLint beside asyncguard. */
  readonly peers: boolean;
  /** Where to write the results as JSON. */
  readonly json?: string;
  /** Passed to asyncguard as `--workers`; its own default when absent. */
  readonly workers?: number;
  /** Leave the temporary copies and caches in place, and print where they are. */
  readonly keep: boolean;
}

export const USAGE = `usage: npm run bench -- [options]

  --tree LIST     trees to measure, comma-separated: python, npm, deps, rust, js (npm and deps),
                  all (default)
  --repeat N      timed runs per measurement, the median is reported (default ${DEFAULT_REPEAT})
  --quick         one run on a small sub-folder of each tree: a smoke test of the bench itself
  --no-peers      measure asyncguard alone (no Ruff, no ESLint)
  --workers N     passed to asyncguard (default: its own, one per core, at most 8)
  --json FILE     also write the results as JSON to FILE
  --keep          keep the temporary copies and caches, and print where they are
  --help          this text
`;

/** A command-line mistake, reported on one line with exit status 2. */
export class BenchUsageError extends Error {}

function wholeNumber(flag: string, value: string | undefined, least: number): number {
  if (value === undefined || !/^\d+$/.test(value.trim()) || Number(value) < least) {
    throw new BenchUsageError(`${flag} takes a whole number of ${least} or more (got '${value ?? ''}')`);
  }
  return Number(value);
}

function isTreeId(name: string): name is TreeId {
  return (TREE_IDS as readonly string[]).includes(name);
}

/** The trees a `--tree` list names, without duplicates, in measuring order. */
export function parseTrees(list: string): readonly TreeId[] {
  const wanted = new Set<TreeId>();
  for (const raw of list.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    const ids = TREE_ALIASES[name] ?? (isTreeId(name) ? [name] : undefined);
    if (ids === undefined) {
      throw new BenchUsageError(`unknown tree '${raw.trim()}': choose among ${[...TREE_IDS, ...Object.keys(TREE_ALIASES)].join(', ')}`);
    }
    for (const id of ids) wanted.add(id);
  }
  if (wanted.size === 0) throw new BenchUsageError('--tree names no tree');
  return TREE_IDS.filter((id) => wanted.has(id));
}

/** `undefined` for `--help`; otherwise the options, or a BenchUsageError. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | undefined {
  let trees: readonly TreeId[] = TREE_IDS;
  let repeat: number | undefined;
  let quick = false;
  let peers = true;
  let json: string | undefined;
  let workers: number | undefined;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--tree':
      case '--trees':
        trees = parseTrees(value() ?? '');
        break;
      case '--repeat':
        repeat = wholeNumber('--repeat', value(), 1);
        break;
      case '--quick':
        quick = true;
        break;
      case '--no-peers':
        peers = false;
        break;
      case '--json': {
        const file = value();
        if (file === undefined || file === '') throw new BenchUsageError('--json takes a file name');
        json = file;
        break;
      }
      case '--workers':
        workers = wholeNumber('--workers', value(), 1);
        break;
      case '--keep':
        keep = true;
        break;
      case '--help':
      case '-h':
        return undefined;
      default:
        throw new BenchUsageError(`unknown argument '${argv[i] ?? ''}' (see --help)`);
    }
  }
  return {
    trees,
    repeat: repeat ?? (quick ? 1 : DEFAULT_REPEAT),
    quick,
    peers,
    keep,
    ...(json !== undefined ? { json } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
}
