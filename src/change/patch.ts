// Turns unified-diff text (git's dialect or plain `diff -u`) into a ChangeSet, rejecting patches that cannot be trusted.
import { parsePatch } from 'diff';
import type { StructuredPatch, StructuredPatchHunk } from 'diff';
import { changeSetOf, normalizeLines } from './change-set.js';
import type { ChangeSet, FileChange, FileStatus } from './change-set.js';

/** A patch that cannot be read, explained in one line with the line number when known. */
export class PatchError extends Error {
  override readonly name = 'PatchError';
}

const DEV_NULL = '/dev/null';

/** What the raw text says about one `diff --git` section that parsePatch does not keep. */
interface GitSection {
  /** 1-based line of the `diff --git` header. */
  readonly line: number;
  readonly binary: boolean;
  /** The path of a `--no-prefix` header (`diff --git x.py x.py`), which parsePatch cannot split. */
  readonly unprefixedName: string | undefined;
}

/**
 * Source and destination prefixes git may print: `a/ b/` by default, and the pairs of
 * `diff.mnemonicPrefix` (commit, index, work tree, object) and of `diff --no-index` (1/ 2/).
 */
const PREFIX_PAIRS: readonly (readonly [string, string])[] = [
  ['a/', 'b/'],
  ['c/', 'w/'],
  ['c/', 'i/'],
  ['i/', 'w/'],
  ['o/', 'w/'],
  ['1/', '2/'],
];

/**
 * Parses a unified diff. An empty (or blank) patch is an empty ChangeSet.
 * Throws PatchError for a hunk whose line counts disagree with its header, text that holds no
 * diff at all, a combined (merge) diff, and a path that is absolute or climbs out with `..`.
 */
export function parseUnifiedDiff(text: string): ChangeSet {
  const normalized = normalizeLineEndings(text.replace(/^\uFEFF/, ''));
  if (normalized.trim() === '') return { files: [] };
  const lines = blankMailSignatures(normalized.split('\n'));
  rejectUnsupportedLines(lines);
  const sections = scanGitSections(lines);
  const entries = parseEntries(lines.join('\n'));
  const files: FileChange[] = [];
  let gitIndex = 0;
  for (const entry of entries) {
    // parsePatch makes exactly one entry per `diff --git` line, in order.
    const section = entry.isGit === true ? sections[gitIndex++] : undefined;
    const file = toFileChange(entry, section);
    if (file !== undefined) files.push(file);
  }
  if (sections.length === 0) files.push(...plainBinaryNotices(lines));
  if (files.length === 0) {
    throw new PatchError("not a unified diff: found no 'diff --git' line and no '---'/'+++' file headers");
  }
  return changeSetOf(files);
}

/**
 * A patch saved on Windows has CRLF everywhere; only then are the CRs part of the format rather
 * than of the file contents (an LF patch of a CRLF file keeps its CRs inside `+` lines).
 */
function normalizeLineEndings(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf === lf ? text.replaceAll('\r\n', '\n') : text;
}

/**
 * `git format-patch` ends each mail with a signature, `-- ` then git's version, which would read
 * as one more removed line after the last hunk. Blanking both keeps every other line's number.
 */
function blankMailSignatures(lines: readonly string[]): string[] {
  const result = [...lines];
  for (let i = 0; i + 1 < result.length; i++) {
    // Inside a hunk a `-- ` line is followed by another hunk line, never by a version number.
    if (result[i] === '-- ' && /^\d+(\.\d+)+/.test(result[i + 1] ?? '')) {
      result[i] = '';
      result[i + 1] = '';
    }
  }
  return result;
}

function rejectUnsupportedLines(lines: readonly string[]): void {
  lines.forEach((line, index) => {
    if (line.includes('\0')) {
      throw new PatchError(`patch has a NUL byte at line ${index + 1}: is it UTF-16 encoded? Save it as UTF-8`);
    }
    // `git diff` of a merge conflict: `diff --cc path` and `@@@ -a -b +c @@@` hunks.
    if (/^diff --(cc|combined) /.test(line)) {
      throw new PatchError(`combined (merge) diffs are not supported, at line ${index + 1}: diff against one parent instead`);
    }
    // Hunk bodies start with ' ', '+', '-' or '\\', so any line starting `@@ ` is a hunk header.
    if (/^@@\s/.test(line) && !/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/.test(line)) {
      throw new PatchError(`malformed hunk header at line ${index + 1}: '${clip(line)}'`);
    }
  });
}

function isDiffHeader(line: string): boolean {
  return /^diff --git /.test(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
}

/** The binary markers of each `diff --git` section, read from its extended headers only. */
function scanGitSections(lines: readonly string[]): readonly GitSection[] {
  const sections: GitSection[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^diff --git /.test(lines[i] ?? '')) continue;
    let binary = false;
    // Extended headers end at the first file header, hunk or next diff; hunk bodies are never read.
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (isDiffHeader(line) || /^(---|\+\+\+)\s/.test(line) || /^@@\s/.test(line)) break;
      if (/^Binary files .* differ$/.test(line) || line === 'GIT binary patch') binary = true;
    }
    sections.push({ line: i + 1, binary, unprefixedName: unprefixedName(lines[i] ?? '') });
  }
  return sections;
}

/** `diff --git NAME NAME` with the same unquoted name twice, as `git diff --no-prefix` prints it. */
function unprefixedName(header: string): string | undefined {
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"') || rest.length % 2 === 0) return undefined;
  const half = (rest.length - 1) / 2;
  const first = rest.slice(0, half);
  return rest[half] === ' ' && rest.slice(half + 1) === first ? first : undefined;
}

/** parsePatch, with its exceptions turned into PatchError messages. */
function parseEntries(text: string): readonly StructuredPatch[] {
  try {
    return parsePatch(text);
  } catch (error) {
    throw new PatchError(describeParseFailure(error instanceof Error ? error.message : String(error)));
  }
}

function describeParseFailure(message: string): string {
  const line = /at line (\d+)/.exec(message)?.[1];
  const where = line === undefined ? '' : ` at line ${line}`;
  if (/line count did not match|more lines than expected/.test(message)) {
    return `malformed hunk${where}: its lines do not match the counts in its '@@' header`;
  }
  const invalid = /contained invalid line (.*)$/.exec(message)?.[1];
  if (invalid !== undefined && invalid !== '') {
    return `malformed hunk${where}: it has fewer lines than its '@@' header counts (cut short by '${clip(invalid)}')`;
  }
  if (invalid !== undefined) return `malformed hunk${where}: it has fewer lines than its '@@' header counts (the patch ends)`;
  const missing = /^Missing "(.*)" file header for (.*)$/.exec(message);
  if (missing !== null) return `malformed patch: missing '${missing[1]}' file header for ${clip(missing[2] ?? '')}`;
  return `malformed patch: ${clip(message)}`;
}

/** Keeps a quoted fragment of the input short and on one line. */
function clip(text: string): string {
  const flat = Array.from(text, (char) => (char < ' ' || char === '\u007f' ? ' ' : char)).join('');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

function toFileChange(parsed: StructuredPatch, section: GitSection | undefined): FileChange | undefined {
  const where = section === undefined ? '' : ` (line ${section.line})`;
  const entry = withUnprefixedName(parsed, section);
  const hasNames = entry.oldFileName !== undefined || entry.newFileName !== undefined;
  if (!hasNames) {
    // Leading prose or trailing blank lines come back as nameless, hunkless entries.
    if (entry.hunks.length === 0) return undefined;
    throw new PatchError("malformed patch: a hunk has no '---'/'+++' file headers naming its file");
  }
  for (const name of [entry.oldFileName, entry.newFileName]) {
    // parsePatch unquotes git's C-style quoted names and leaves a malformed one (unterminated,
    // or with an escape git never writes) as it is, opening quote included.
    if (name?.startsWith('"')) {
      throw new PatchError(`malformed patch${where}: the quoted file name '${clip(name)}' is not closed or has an escape git does not write`);
    }
  }
  const status = statusOf(entry);
  const { oldName, newName } = stripPrefixes(entry.oldFileName, entry.newFileName);
  const binary = entry.isBinary === true || section?.binary === true;
  const addedLines = status === 'deleted' ? [] : addedLinesOf(entry.hunks);
  if (status === 'deleted') {
    return { path: repositoryPath(oldName ?? newName, where), status, binary, addedLines };
  }
  const path = repositoryPath(newName ?? oldName, where);
  if (status === 'renamed' || status === 'copied') {
    return { path, oldPath: repositoryPath(oldName, where), status, binary, addedLines };
  }
  return { path, status, binary, addedLines };
}

function withUnprefixedName(entry: StructuredPatch, section: GitSection | undefined): StructuredPatch {
  const name = section?.unprefixedName;
  if (name === undefined || entry.oldFileName !== undefined || entry.newFileName !== undefined) return entry;
  return { ...entry, oldFileName: name, newFileName: name };
}

function statusOf(entry: StructuredPatch): FileStatus {
  if (entry.isRename === true) return 'renamed';
  if (entry.isCopy === true) return 'copied';
  if (entry.isCreate === true || entry.oldFileName === DEV_NULL) return 'added';
  if (entry.isDelete === true || entry.newFileName === DEV_NULL) return 'deleted';
  return 'modified';
}

/** Removes `a/` `b/`-style prefixes when every name that is present carries them. */
function stripPrefixes(
  oldFileName: string | undefined,
  newFileName: string | undefined,
): { oldName: string | undefined; newName: string | undefined } {
  const oldName = oldFileName === DEV_NULL ? undefined : oldFileName;
  const newName = newFileName === DEV_NULL ? undefined : newFileName;
  for (const [source, destination] of PREFIX_PAIRS) {
    const oldFits = oldName === undefined || oldName.startsWith(source);
    const newFits = newName === undefined || newName.startsWith(destination);
    // A lone name is only trusted with git's default prefix: `w/x` alone may be a real folder.
    const lone = oldName === undefined || newName === undefined;
    if (oldFits && newFits && (!lone || source === 'a/')) {
      return { oldName: oldName?.slice(source.length), newName: newName?.slice(destination.length) };
    }
  }
  return { oldName, newName };
}

/** A safe repository-relative path, or PatchError when it is absolute or climbs out with `..`. */
function repositoryPath(name: string | undefined, where: string): string {
  if (name === undefined || name === '') throw new PatchError(`malformed patch${where}: a file header names no file`);
  if (name.includes('\0')) throw new PatchError(`invalid path in patch${where}: it contains a NUL byte`);
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(name)) {
    throw new PatchError(`unsafe path '${clip(name)}' in patch${where}: absolute paths are not allowed`);
  }
  if (name.split(/[\\/]/).includes('..')) {
    throw new PatchError(`unsafe path '${clip(name)}' in patch${where}: it leaves the repository through '..'`);
  }
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) throw new PatchError(`malformed patch${where}: a file header names no file`);
  return segments.join('/');
}

/** New-file line numbers of the `+` lines: context advances the count, removals do not. */
function addedLinesOf(hunks: readonly StructuredPatchHunk[]): readonly number[] {
  const added: number[] = [];
  for (const hunk of hunks) {
    let line = hunk.newStart;
    for (const text of hunk.lines) {
      const kind = text[0] ?? ' ';
      if (kind === '+') added.push(line++);
      else if (kind === ' ') line++;
    }
  }
  return normalizeLines(added);
}

/**
 * `diff -r` (not git) reports a changed binary file with a lone line and no headers:
 * `Binary files old/logo.png and new/logo.png differ`.
 */
function plainBinaryNotices(lines: readonly string[]): readonly FileChange[] {
  const files: FileChange[] = [];
  lines.forEach((line, index) => {
    const match = /^Binary files (.+) and (.+) differ$/.exec(line);
    if (match === null) return;
    const { oldName, newName } = stripPrefixes(match[1], match[2]);
    const where = ` (line ${index + 1})`;
    if (newName === undefined) {
      files.push({ path: repositoryPath(oldName, where), status: 'deleted', binary: true, addedLines: [] });
      return;
    }
    const status: FileStatus = oldName === undefined ? 'added' : 'modified';
    files.push({ path: repositoryPath(newName, where), status, binary: true, addedLines: [] });
  });
  return files;
}
