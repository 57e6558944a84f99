// pathlib.Path methods that touch the file system. The pure ones (joinpath, with_suffix, name,
// parent, `/`) do no I/O and are only followed for their type (types.ts).

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py } from './authoring.js';

/**
 * A `pathlib.Path` method that makes file-system calls, called as `path.<name>(<args>)`. The good
 * example uses `anyio.Path`, whose methods mirror pathlib's and run in a worker thread; `async`
 * gives the expression there when it differs from `await path.<name>(<args>)` (the listing methods
 * are async iterators in anyio; trio's return a list-like iterator once awaited).
 */
function pathMethod(name: string, o: { does: string; what: string; args: string; returns?: string; async?: string }): BlockingEntry {
  const call = `${name}(${o.args})`;
  const awaited = o.async ?? `await path.${call}`;
  return blocking({
    id: `python:pathlib.Path.${name}`,
    match: [`pathlib.Path.${name}`],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'file-io',
    why: `pathlib.Path.${name} ${o.what} with blocking system calls on the calling thread; on a slow or network file system the event loop waits with it.`,
    does: o.does,
    useInstead: [
      `${awaited}  # path = anyio.Path(...)`,
      `${o.async ? `list(await path.${call})` : awaited}  # path = trio.Path(...)`,
      `await asyncio.to_thread(path.${name}${o.args ? `, ${o.args}` : ''})  # path = pathlib.Path(...)`,
    ],
    example: {
      bad: py`
        import pathlib

        async def handle(root: str, target: str, text: str, data: bytes):
            path = pathlib.Path(root)
            return path.${call}
      `,
      good: py`
        import anyio

        async def handle(root: str, target: str, text: str, data: bytes):
            path = anyio.Path(root)
            return ${awaited}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Reading and writing whole files.
  pathMethod('read_text', { does: 'reads a file synchronously', what: 'opens and reads the whole file', args: 'encoding="utf-8"' }),
  pathMethod('read_bytes', { does: 'reads a file synchronously', what: 'opens and reads the whole file', args: '' }),
  pathMethod('write_text', { does: 'writes a file synchronously', what: 'opens, writes and closes the file', args: 'text, encoding="utf-8"' }),
  pathMethod('write_bytes', { does: 'writes a file synchronously', what: 'opens, writes and closes the file', args: 'data' }),
  blocking({
    id: 'python:pathlib.Path.open',
    match: ['pathlib.Path.open'],
    returns: 'io.IOBase',
    category: 'file-io',
    why: 'pathlib.Path.open opens the file with blocking system calls on the calling thread, and the file object it returns reads and writes synchronously too.',
    does: 'opens a file synchronously',
    useInstead: ['async with await anyio.Path(path).open() as fh: ...', 'async with await trio.Path(path).open() as fh: ...', 'async with aiofiles.open(path) as fh: ...'],
    example: {
      bad: py`
        import asyncio
        import pathlib

        async def first_line(path: pathlib.Path) -> str:
            with path.open(encoding="utf-8") as fh:
                return await asyncio.to_thread(fh.readline)
      `,
      good: py`
        import anyio

        async def first_line(path: anyio.Path) -> str:
            async with await path.open(encoding="utf-8") as fh:
                return await fh.readline()
      `,
    },
  }),

  // Queries: each is at least one stat or directory read.
  pathMethod('exists', { does: 'checks a path synchronously', what: 'stats the path', args: '' }),
  pathMethod('is_file', { does: 'checks a path synchronously', what: 'stats the path', args: '' }),
  pathMethod('is_dir', { does: 'checks a path synchronously', what: 'stats the path', args: '' }),
  pathMethod('is_symlink', { does: 'checks a path synchronously', what: 'stats the link itself', args: '' }),
  pathMethod('is_mount', { does: 'checks a path synchronously', what: 'stats the path and its parent', args: '' }),
  pathMethod('stat', { does: 'stats a path synchronously', what: 'stats the path', args: '' }),
  pathMethod('lstat', { does: 'stats a path synchronously', what: 'stats the link itself', args: '' }),
  pathMethod('owner', { does: 'stats a path synchronously', what: 'stats the path and looks its owner up in the user database', args: '' }),
  pathMethod('group', { does: 'stats a path synchronously', what: 'stats the path and looks its group up in the group database', args: '' }),
  pathMethod('samefile', { does: 'stats paths synchronously', what: 'stats both paths', args: 'target' }),
  pathMethod('resolve', { does: 'resolves a path synchronously', what: 'follows every symbolic link of the path', args: '', returns: 'pathlib.Path' }),
  pathMethod('readlink', { does: 'reads a symbolic link synchronously', what: 'reads the link', args: '', returns: 'pathlib.Path' }),

  // Directory listings. The iterators list lazily, on this thread, as they are consumed.
  pathMethod('iterdir', { does: 'lists a directory synchronously', what: 'reads the directory', args: '', async: '[p async for p in path.iterdir()]' }),
  pathMethod('glob', { does: 'searches directories synchronously', what: 'walks the directories matched by the pattern', args: '"*.json"', async: '[p async for p in path.glob("*.json")]' }),
  pathMethod('rglob', { does: 'searches a directory tree synchronously', what: 'walks the whole directory tree', args: '"*.json"', async: '[p async for p in path.rglob("*.json")]' }),
  blocking({
    id: 'python:pathlib.Path.walk',
    match: ['pathlib.Path.walk'],
    category: 'file-io',
    why: 'pathlib.Path.walk reads every directory of the tree with blocking system calls on the calling thread, as the iterator is consumed.',
    does: 'walks a directory tree synchronously',
    useInstead: ['await asyncio.to_thread(lambda: list(path.walk()))', 'await anyio.to_thread.run_sync(lambda: list(path.walk()))', 'await trio.to_thread.run_sync(lambda: list(path.walk()))'],
    example: {
      bad: py`
        import pathlib

        async def tree(root: pathlib.Path):
            return list(root.walk())
      `,
      good: py`
        import asyncio
        import pathlib

        async def tree(root: pathlib.Path):
            return await asyncio.to_thread(lambda: list(root.walk()))
      `,
    },
  }),

  // Changes to the file system.
  pathMethod('mkdir', { does: 'creates a directory synchronously', what: 'creates the directory (and its parents when asked)', args: 'parents=True, exist_ok=True' }),
  pathMethod('touch', { does: 'creates a file synchronously', what: 'creates the file or updates its times', args: '' }),
  pathMethod('unlink', { does: 'deletes a file synchronously', what: 'removes the file', args: 'missing_ok=True' }),
  pathMethod('rmdir', { does: 'removes a directory synchronously', what: 'removes the directory', args: '' }),
  pathMethod('rename', { does: 'renames a file synchronously', what: 'renames the file', args: 'target', returns: 'pathlib.Path' }),
  pathMethod('replace', { does: 'renames a file synchronously', what: 'renames the file over any existing target', args: 'target', returns: 'pathlib.Path' }),
  pathMethod('chmod', { does: 'changes file permissions synchronously', what: 'changes the mode of the file', args: '0o644' }),
  pathMethod('symlink_to', { does: 'creates a symbolic link synchronously', what: 'creates the link', args: 'target' }),
  pathMethod('hardlink_to', { does: 'creates a hard link synchronously', what: 'creates the link', args: 'target' }),
];
