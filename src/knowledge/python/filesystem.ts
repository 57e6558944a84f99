// File-system calls of os, os.path, shutil and glob. The pure path functions (os.path.join,
// basename, dirname, splitext, normpath, ...) compute strings and are not listed: they do no I/O.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/**
 * A file-system function called as `<api>(<args>)`. `aiofiles` names the awaitable counterpart in
 * `aiofiles.os` / `aiofiles.os.path` when there is one (it runs the call in a worker thread);
 * otherwise the example offloads with `asyncio.to_thread`.
 */
function fsCall(api: string, o: { does: string; what: string; args: string; aiofiles?: string }): BlockingEntry {
  const module = api.split('.')[0] ?? api;
  const offloaded = `${api}${o.args ? `, ${o.args}` : ''}`;
  return blocking({
    id: `python:${api}`,
    match: [api],
    category: 'file-io',
    why: `${api} ${o.what} with blocking system calls on the calling thread; on a busy or network file system the event loop waits with it.`,
    does: o.does,
    useInstead: [...(o.aiofiles ? [`await ${o.aiofiles}(${o.args})`] : []), ...toThread(offloaded)],
    example: {
      bad: py`
        import ${module}

        async def handle(path: str, target: str):
            return ${api}(${o.args})
      `,
      good: o.aiofiles
        ? py`
            import aiofiles.os

            async def handle(path: str, target: str):
                return await ${o.aiofiles}(${o.args})
          `
        : py`
            import asyncio
            import ${module}

            async def handle(path: str, target: str):
                return await asyncio.to_thread(${offloaded})
          `,
    },
  });
}

export const entries: readonly Entry[] = [
  // os: directory listings and metadata.
  fsCall('os.listdir', { does: 'lists a directory synchronously', what: 'reads the whole directory', args: 'path', aiofiles: 'aiofiles.os.listdir' }),
  fsCall('os.scandir', { does: 'lists a directory synchronously', what: 'reads the directory, entry by entry as it is iterated,', args: 'path', aiofiles: 'aiofiles.os.scandir' }),
  fsCall('os.walk', { does: 'walks a directory tree synchronously', what: 'reads every directory of the tree as the generator is consumed', args: 'path' }),
  fsCall('os.fwalk', { does: 'walks a directory tree synchronously', what: 'reads every directory of the tree as the generator is consumed', args: 'path' }),
  fsCall('os.stat', { does: 'stats a path synchronously', what: 'stats the path', args: 'path', aiofiles: 'aiofiles.os.stat' }),
  fsCall('os.lstat', { does: 'stats a path synchronously', what: 'stats the link itself', args: 'path' }),
  fsCall('os.access', { does: 'checks a path synchronously', what: 'checks the permissions of the path', args: 'path, os.R_OK', aiofiles: 'aiofiles.os.access' }),
  fsCall('os.statvfs', { does: 'queries a file system synchronously', what: 'queries the file system that holds the path', args: 'path', aiofiles: 'aiofiles.os.statvfs' }),
  fsCall('os.readlink', { does: 'reads a symbolic link synchronously', what: 'reads the link', args: 'path', aiofiles: 'aiofiles.os.readlink' }),

  // os: changes to the file system.
  fsCall('os.remove', { does: 'deletes a file synchronously', what: 'removes the file', args: 'path', aiofiles: 'aiofiles.os.remove' }),
  fsCall('os.unlink', { does: 'deletes a file synchronously', what: 'removes the file', args: 'path', aiofiles: 'aiofiles.os.unlink' }),
  fsCall('os.rename', { does: 'renames a file synchronously', what: 'renames the file', args: 'path, target', aiofiles: 'aiofiles.os.rename' }),
  fsCall('os.renames', { does: 'renames a file synchronously', what: 'renames the file, creating and pruning directories on the way', args: 'path, target', aiofiles: 'aiofiles.os.renames' }),
  fsCall('os.replace', { does: 'renames a file synchronously', what: 'renames the file over any existing target', args: 'path, target', aiofiles: 'aiofiles.os.replace' }),
  fsCall('os.mkdir', { does: 'creates a directory synchronously', what: 'creates the directory', args: 'path', aiofiles: 'aiofiles.os.mkdir' }),
  fsCall('os.makedirs', { does: 'creates directories synchronously', what: 'creates the directory and every missing parent', args: 'path, exist_ok=True', aiofiles: 'aiofiles.os.makedirs' }),
  fsCall('os.rmdir', { does: 'removes a directory synchronously', what: 'removes the directory', args: 'path', aiofiles: 'aiofiles.os.rmdir' }),
  fsCall('os.removedirs', { does: 'removes directories synchronously', what: 'removes the directory and its empty parents', args: 'path', aiofiles: 'aiofiles.os.removedirs' }),
  fsCall('os.link', { does: 'creates a hard link synchronously', what: 'creates the link', args: 'path, target', aiofiles: 'aiofiles.os.link' }),
  fsCall('os.symlink', { does: 'creates a symbolic link synchronously', what: 'creates the link', args: 'path, target', aiofiles: 'aiofiles.os.symlink' }),
  fsCall('os.chmod', { does: 'changes file permissions synchronously', what: 'changes the mode of the file', args: 'path, 0o600' }),
  fsCall('os.chown', { does: 'changes file ownership synchronously', what: 'changes the owner of the file', args: 'path, 1000, 1000' }),
  fsCall('os.utime', { does: 'changes file times synchronously', what: 'sets the access and modification times of the file', args: 'path' }),
  fsCall('os.truncate', { does: 'truncates a file synchronously', what: 'resizes the file', args: 'path, 0' }),
  blocking({
    id: 'python:os.open',
    match: ['os.open'],
    category: 'file-io',
    why: 'os.open opens a file descriptor with a blocking system call on the calling thread, which waits on a slow or network file system.',
    does: 'opens a file synchronously',
    useInstead: ['async with aiofiles.open(path, mode) as fh: ...', ...toThread('os.open, path, os.O_RDONLY')],
    example: {
      bad: py`
        import os

        async def open_fd(path: str) -> int:
            return os.open(path, os.O_RDONLY)
      `,
      good: py`
        import asyncio
        import os

        async def open_fd(path: str) -> int:
            return await asyncio.to_thread(os.open, path, os.O_RDONLY)
      `,
    },
  }),
  blocking({
    id: 'python:os.fsync',
    match: ['os.fsync', 'os.fdatasync'],
    category: 'file-io',
    why: "os.fsync waits until the kernel has written the file's data to the storage device, which can take tens of milliseconds or more.",
    does: 'flushes a file to disk synchronously',
    useInstead: toThread('os.fsync, fd'),
    example: {
      bad: py`
        import os

        async def persist(fd: int) -> None:
            os.fsync(fd)
      `,
      good: py`
        import asyncio
        import os

        async def persist(fd: int) -> None:
            await asyncio.to_thread(os.fsync, fd)
      `,
    },
  }),
  blocking({
    id: 'python:os.sendfile',
    match: ['os.sendfile'],
    category: 'file-io',
    why: 'os.sendfile copies from a file to a socket or file in the kernel, blocking the calling thread until the bytes are written.',
    does: 'copies a file synchronously',
    useInstead: ['await loop.sock_sendfile(sock, file)  # loop = asyncio.get_running_loop()', 'await aiofiles.os.sendfile(out_fd, in_fd, offset, count)'],
    example: {
      bad: py`
        import os

        async def copy_range(out_fd: int, in_fd: int, offset: int, count: int) -> int:
            return os.sendfile(out_fd, in_fd, offset, count)
      `,
      good: py`
        import aiofiles.os

        async def copy_range(out_fd: int, in_fd: int, offset: int, count: int) -> int:
            return await aiofiles.os.sendfile(out_fd, in_fd, offset, count)
      `,
    },
  }),

  // os.path: the functions that stat or read links. The rest of os.path is string work.
  fsCall('os.path.exists', { does: 'checks a path synchronously', what: 'stats the path', args: 'path', aiofiles: 'aiofiles.os.path.exists' }),
  fsCall('os.path.lexists', { does: 'checks a path synchronously', what: 'stats the path without following links', args: 'path' }),
  fsCall('os.path.isfile', { does: 'checks a path synchronously', what: 'stats the path', args: 'path', aiofiles: 'aiofiles.os.path.isfile' }),
  fsCall('os.path.isdir', { does: 'checks a path synchronously', what: 'stats the path', args: 'path', aiofiles: 'aiofiles.os.path.isdir' }),
  fsCall('os.path.islink', { does: 'checks a path synchronously', what: 'stats the link itself', args: 'path', aiofiles: 'aiofiles.os.path.islink' }),
  fsCall('os.path.ismount', { does: 'checks a path synchronously', what: 'stats the path and its parent', args: 'path', aiofiles: 'aiofiles.os.path.ismount' }),
  fsCall('os.path.getsize', { does: 'stats a file synchronously', what: 'stats the file for its size', args: 'path', aiofiles: 'aiofiles.os.path.getsize' }),
  fsCall('os.path.getmtime', { does: 'stats a file synchronously', what: 'stats the file for its modification time', args: 'path', aiofiles: 'aiofiles.os.path.getmtime' }),
  fsCall('os.path.getatime', { does: 'stats a file synchronously', what: 'stats the file for its access time', args: 'path', aiofiles: 'aiofiles.os.path.getatime' }),
  fsCall('os.path.getctime', { does: 'stats a file synchronously', what: 'stats the file for its change time', args: 'path', aiofiles: 'aiofiles.os.path.getctime' }),
  fsCall('os.path.realpath', { does: 'resolves a path synchronously', what: 'reads every symbolic link along the path', args: 'path' }),
  fsCall('os.path.samefile', { does: 'stats paths synchronously', what: 'stats both paths', args: 'path, target', aiofiles: 'aiofiles.os.path.samefile' }),

  // shutil: whole-file and whole-tree operations.
  fsCall('shutil.copy', { does: 'copies a file synchronously', what: 'reads the source and writes the copy', args: 'path, target' }),
  fsCall('shutil.copy2', { does: 'copies a file synchronously', what: 'copies the file and its metadata', args: 'path, target' }),
  fsCall('shutil.copyfile', { does: 'copies a file synchronously', what: 'reads the source and writes the copy', args: 'path, target' }),
  fsCall('shutil.copytree', { does: 'copies a directory tree synchronously', what: 'walks the tree and copies every file', args: 'path, target' }),
  fsCall('shutil.move', { does: 'moves files synchronously', what: 'renames, or copies then deletes across file systems,', args: 'path, target' }),
  fsCall('shutil.rmtree', { does: 'deletes a directory tree synchronously', what: 'walks the tree and deletes every entry', args: 'path' }),
  fsCall('shutil.make_archive', { does: 'creates an archive synchronously', what: 'reads a whole tree and writes a compressed archive', args: 'target, "gztar", path' }),
  fsCall('shutil.unpack_archive', { does: 'extracts an archive synchronously', what: 'decompresses the archive and writes every member', args: 'path, target' }),
  fsCall('shutil.disk_usage', { does: 'queries a file system synchronously', what: 'queries the file system that holds the path', args: 'path' }),
  blocking({
    id: 'python:shutil.copyfileobj',
    match: ['shutil.copyfileobj'],
    category: 'file-io',
    why: 'shutil.copyfileobj reads the source file object and writes the destination chunk by chunk, with blocking I/O on the calling thread.',
    does: 'copies a file synchronously',
    useInstead: ['async for chunk in source: await destination.write(chunk)  # aiofiles objects', ...toThread('shutil.copyfileobj, source, destination')],
    example: {
      bad: py`
        import io
        import shutil

        async def copy(source: io.BufferedReader, destination: io.BufferedWriter) -> None:
            shutil.copyfileobj(source, destination)
      `,
      good: py`
        import asyncio
        import io
        import shutil

        async def copy(source: io.BufferedReader, destination: io.BufferedWriter) -> None:
            await asyncio.to_thread(shutil.copyfileobj, source, destination)
      `,
    },
  }),

  // glob.
  fsCall('glob.glob', { does: 'searches directories synchronously', what: 'lists every directory the pattern reaches', args: 'path' }),
  fsCall('glob.iglob', { does: 'searches directories synchronously', what: 'lists every directory the pattern reaches, as the iterator is consumed,', args: 'path' }),
];
