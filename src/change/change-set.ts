// The change layer's result: which files a change touches and which of their new lines it adds.

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

/** One file of a change. */
export interface FileChange {
  /** Repository-relative, `/`-separated; for a deleted file, the path it had. */
  readonly path: string;
  /** The source of a rename or copy. */
  readonly oldPath?: string;
  readonly status: FileStatus;
  /** Git considers the content binary: no lines are known. */
  readonly binary: boolean;
  /** 1-based line numbers, in the new file, of every added line; sorted, without duplicates. */
  readonly addedLines: readonly number[];
}

/** A whole change, its files sorted by path. */
export interface ChangeSet {
  readonly files: readonly FileChange[];
}

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Sorted, de-duplicated line numbers. */
export function normalizeLines(lines: Iterable<number>): readonly number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** Every line of a file added whole: 1..n, where a final newline does not start a line. */
export function allLines(content: Buffer | string): readonly number[] {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  if (text === '') return [];
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i < text.length - 1) count += 1;
  }
  return Array.from({ length: count }, (_, index) => index + 1);
}

/**
 * Folds entries for the same path into one. Git shows a type change (symlink turned file) as a
 * deletion and an addition of one path; the surviving side is the one that still has content.
 */
function mergeSamePath(first: FileChange, second: FileChange): FileChange {
  if (first.status === 'deleted' && second.status !== 'deleted') return second;
  if (second.status === 'deleted' && first.status !== 'deleted') return first;
  return {
    ...first,
    binary: first.binary || second.binary,
    addedLines: normalizeLines([...first.addedLines, ...second.addedLines]),
  };
}

/** A ChangeSet from file entries in any order, one entry per path, sorted by path. */
export function changeSetOf(files: Iterable<FileChange>): ChangeSet {
  const byPath = new Map<string, FileChange>();
  for (const file of files) {
    const earlier = byPath.get(file.path);
    byPath.set(file.path, earlier === undefined ? file : mergeSamePath(earlier, file));
  }
  return { files: [...byPath.values()].sort((a, b) => compareCodeUnits(a.path, b.path)) };
}
