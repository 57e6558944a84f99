// Opening files and using file objects: open(), file-object I/O, temporary files, archives, and the
// serializers that read or write a whole file object (json, pickle, tomllib, configparser).
//
// `open()` and its relatives return `io.IOBase`, the name under which the catalog follows every
// file object; the concrete io classes are aliases for values annotated with them.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The classes a real file object can be annotated as; in-memory io.StringIO/BytesIO are not among them. */
const FILE_CLASSES = ['io.IOBase', 'io.TextIOWrapper', 'io.BufferedReader', 'io.BufferedWriter', 'io.BufferedRandom', 'io.FileIO'];

/** A method of a file object that reads or writes the underlying file with a system call. */
function fileMethod(name: string, o: { does: string; what: string; call: string; good: string; instead: string }): BlockingEntry {
  return blocking({
    id: `python:io.IOBase.${name}`,
    match: FILE_CLASSES.map((c) => `${c}.${name}`),
    category: 'file-io',
    why: `A file object's ${name} ${o.what} with blocking system calls on the calling thread; a slow or network disk stalls the event loop for as long as it takes.`,
    does: o.does,
    useInstead: [o.instead, ...toThread(`fh.${name}${o.call ? `, ${o.call}` : ''}`)],
    example: {
      bad: py`
        import io

        async def handle(fh: io.BufferedRandom, data: bytes, lines: list[bytes]):
            return fh.${name}(${o.call})
      `,
      good: py`
        import aiofiles

        async def handle(path: str, data: bytes, lines: list[bytes]):
            async with aiofiles.open(path, "rb+") as fh:
                return await fh.${o.good}
      `,
    },
  });
}

/** An `open` of a compressed file: it opens the file on disk and returns a file object. */
function compressedOpen(module: string): BlockingEntry {
  return blocking({
    id: `python:${module}.open`,
    match: [`${module}.open`],
    returns: 'io.IOBase',
    category: 'file-io',
    why: `${module}.open opens the file on disk with blocking system calls, and the file object it returns decompresses or compresses on the calling thread as it reads or writes.`,
    does: 'opens a compressed file synchronously',
    useInstead: [`await asyncio.to_thread(read_archive, path)  # open, read and close inside one sync function`, ...toThread(`${module}.open, path`)],
    example: {
      bad: py`
        import ${module}

        async def open_log(path: str):
            return ${module}.open(path, "rt")
      `,
      good: py`
        import asyncio
        import ${module}

        def read_log(path: str) -> str:
            with ${module}.open(path, "rt") as fh:
                return fh.read()

        async def load_log(path: str) -> str:
            return await asyncio.to_thread(read_log, path)
      `,
    },
  });
}

/** A serializer's `load`/`dump`: it reads or writes a whole file object, and parses or serializes, on the calling thread. */
function serializer(api: string, o: { does: string; why: string; call: string; mode: string; good: string; instead: string }): BlockingEntry {
  const module = api.split('.')[0] ?? api;
  return blocking({
    id: `python:${api}`,
    match: [api],
    category: 'file-io',
    why: o.why,
    does: o.does,
    useInstead: [o.instead, ...toThread(`${api}, ${o.call}`)],
    example: {
      bad: py`
        import io
        import ${module}

        async def handle(fh: io.BufferedRandom, data: dict):
            return ${api}(${o.call})
      `,
      good: py`
        import ${module}

        import aiofiles

        async def handle(path: str, data: dict):
            async with aiofiles.open(path, "${o.mode}") as fh:
                ${o.good}
      `,
    },
  });
}

/** A method of an archive object that extracts to, or adds from, the file system. */
function archiveMethod(cls: string, name: string, o: { does: string; what: string; param: string; call: string }): BlockingEntry {
  const module = cls.split('.')[0] ?? cls;
  return blocking({
    id: `python:${cls}.${name}`,
    match: [`${cls}.${name}`],
    category: 'file-io',
    why: `${cls}.${name} ${o.what} with blocking file I/O on the calling thread.`,
    does: o.does,
    useInstead: toThread(`archive.${name}, ${o.call}`),
    example: {
      bad: py`
        import ${module}

        async def unpack(archive: ${cls}, ${o.param}) -> None:
            archive.${name}(${o.call})
      `,
      good: py`
        import asyncio
        import ${module}

        async def unpack(archive: ${cls}, ${o.param}) -> None:
            await asyncio.to_thread(archive.${name}, ${o.call})
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:builtins.open',
    match: ['builtins.open', 'io.open'],
    returns: 'io.IOBase',
    category: 'file-io',
    why: 'open() looks the path up and opens the file with blocking system calls on the calling thread, and the file object it returns reads and writes synchronously too.',
    does: 'opens a file synchronously',
    useInstead: [
      'async with aiofiles.open(path) as fh: text = await fh.read()',
      'text = await anyio.Path(path).read_text()  # or: async with await anyio.open_file(path) as fh',
      'async with await trio.open_file(path) as fh: text = await fh.read()',
      'await asyncio.to_thread(read_file, path)  # open, read and close inside one sync function',
    ],
    example: {
      bad: py`
        import asyncio

        async def load_config(path: str) -> str:
            with open(path, encoding="utf-8") as fh:
                return await asyncio.to_thread(fh.read)
      `,
      good: py`
        import aiofiles

        async def load_config(path: str) -> str:
            async with aiofiles.open(path, encoding="utf-8") as fh:
                return await fh.read()
      `,
    },
  }),
  blocking({
    id: 'python:io.open_code',
    match: ['io.open_code'],
    returns: 'io.IOBase',
    category: 'file-io',
    why: 'io.open_code opens a source file for reading with blocking system calls on the calling thread.',
    does: 'opens a file synchronously',
    useInstead: ['source = await anyio.Path(path).read_bytes()', 'async with aiofiles.open(path, "rb") as fh: source = await fh.read()'],
    example: {
      bad: py`
        import io

        async def open_source(path: str):
            return io.open_code(path)
      `,
      good: py`
        import anyio

        async def read_source(path: str) -> bytes:
            return await anyio.Path(path).read_bytes()
      `,
    },
  }),

  // File-object methods that perform I/O. seek, tell, fileno and close are cheap and left out.
  fileMethod('read', { does: 'reads a file synchronously', what: 'reads from the file', call: '', good: 'read()', instead: 'data = await fh.read()  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('readline', { does: 'reads a file synchronously', what: 'reads up to the next newline', call: '', good: 'readline()', instead: 'line = await fh.readline()  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('readlines', { does: 'reads a file synchronously', what: 'reads the rest of the file', call: '', good: 'readlines()', instead: 'lines = await fh.readlines()  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('readinto', { does: 'reads a file synchronously', what: 'reads into a buffer', call: 'bytearray(4096)', good: 'read(4096)', instead: 'data = await fh.read(size)  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('write', { does: 'writes a file synchronously', what: 'writes to the file (flushing its buffer when full)', call: 'data', good: 'write(data)', instead: 'await fh.write(data)  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('writelines', { does: 'writes a file synchronously', what: 'writes every line to the file', call: 'lines', good: 'writelines(lines)', instead: 'await fh.writelines(lines)  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('flush', { does: 'flushes a file synchronously', what: 'writes its buffer out to the file', call: '', good: 'flush()', instead: 'await fh.flush()  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),
  fileMethod('truncate', { does: 'truncates a file synchronously', what: 'resizes the file', call: '0', good: 'truncate(0)', instead: 'await fh.truncate(size)  # fh from aiofiles.open, anyio.open_file or trio.open_file' }),

  // Temporary files and directories are created on disk.
  blocking({
    id: 'python:tempfile.NamedTemporaryFile',
    match: ['tempfile.NamedTemporaryFile'],
    returns: 'io.IOBase',
    category: 'file-io',
    why: 'tempfile.NamedTemporaryFile creates and opens a file on disk with blocking system calls, and the file it returns reads and writes synchronously.',
    does: 'creates a temporary file synchronously',
    useInstead: ['async with aiofiles.tempfile.NamedTemporaryFile("wb") as fh: await fh.write(data)', ...toThread('write_temporary, data  # create, write and close inside one sync function')],
    example: {
      bad: py`
        import tempfile

        async def scratch_file():
            return tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
      `,
      good: py`
        import aiofiles.tempfile

        async def scratch_name(data: bytes) -> str:
            async with aiofiles.tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False) as fh:
                await fh.write(data)
                return fh.name
      `,
    },
  }),
  blocking({
    id: 'python:tempfile.TemporaryFile',
    match: ['tempfile.TemporaryFile'],
    returns: 'io.IOBase',
    category: 'file-io',
    why: 'tempfile.TemporaryFile creates and opens an anonymous file on disk with blocking system calls, and the file it returns reads and writes synchronously.',
    does: 'creates a temporary file synchronously',
    useInstead: ['async with aiofiles.tempfile.TemporaryFile("wb+") as fh: ...', 'use io.BytesIO when the data fits in memory'],
    example: {
      bad: py`
        import tempfile

        async def scratch_file():
            return tempfile.TemporaryFile()
      `,
      good: py`
        import aiofiles.tempfile

        async def scratch(data: bytes) -> None:
            async with aiofiles.tempfile.TemporaryFile("wb+") as fh:
                await fh.write(data)
      `,
    },
  }),
  blocking({
    id: 'python:tempfile.mkstemp',
    match: ['tempfile.mkstemp'],
    category: 'file-io',
    why: 'tempfile.mkstemp creates a new file on disk, retrying on name clashes, with blocking system calls on the calling thread.',
    does: 'creates a temporary file synchronously',
    useInstead: toThread('tempfile.mkstemp'),
    example: {
      bad: py`
        import tempfile

        async def reserve_path() -> tuple[int, str]:
            return tempfile.mkstemp(suffix=".json")
      `,
      good: py`
        import asyncio
        import tempfile

        async def reserve_path() -> tuple[int, str]:
            return await asyncio.to_thread(tempfile.mkstemp, ".json")
      `,
    },
  }),
  blocking({
    id: 'python:tempfile.mkdtemp',
    match: ['tempfile.mkdtemp'],
    category: 'file-io',
    why: 'tempfile.mkdtemp creates a new directory on disk with blocking system calls on the calling thread.',
    does: 'creates a temporary directory synchronously',
    useInstead: ['async with aiofiles.tempfile.TemporaryDirectory() as path: ...', ...toThread('tempfile.mkdtemp')],
    example: {
      bad: py`
        import tempfile

        async def workspace() -> str:
            return tempfile.mkdtemp(prefix="build-")
      `,
      good: py`
        import asyncio
        import tempfile

        async def workspace() -> str:
            return await asyncio.to_thread(tempfile.mkdtemp, None, "build-")
      `,
    },
  }),
  blocking({
    id: 'python:tempfile.TemporaryDirectory',
    match: ['tempfile.TemporaryDirectory'],
    category: 'file-io',
    why: 'tempfile.TemporaryDirectory creates a directory on disk when called and deletes its whole tree on exit, both with blocking file-system calls.',
    does: 'creates a temporary directory synchronously',
    useInstead: ['async with aiofiles.tempfile.TemporaryDirectory() as path: ...'],
    example: {
      bad: py`
        import tempfile

        async def build(source: str) -> None:
            with tempfile.TemporaryDirectory() as workdir:
                print(source, workdir)
      `,
      good: py`
        import aiofiles.tempfile

        async def build(source: str) -> None:
            async with aiofiles.tempfile.TemporaryDirectory() as workdir:
                print(source, workdir)
      `,
    },
  }),

  // Compressed files.
  compressedOpen('gzip'),
  compressedOpen('bz2'),
  compressedOpen('lzma'),

  // Serializers that read or write a file object in one call.
  serializer('json.load', {
    does: 'reads and parses a JSON file synchronously',
    why: 'json.load reads the whole file object with blocking reads and parses it, all on the calling thread.',
    call: 'fh',
    mode: 'r',
    good: 'return json.loads(await fh.read())',
    instead: 'async with aiofiles.open(path) as fh: data = json.loads(await fh.read())',
  }),
  serializer('json.dump', {
    does: 'writes a JSON file synchronously',
    why: 'json.dump serializes the object and writes it to the file object piece by piece with blocking writes, all on the calling thread.',
    call: 'data, fh',
    mode: 'w',
    good: 'await fh.write(json.dumps(data))',
    instead: 'async with aiofiles.open(path, "w") as fh: await fh.write(json.dumps(data))',
  }),
  serializer('pickle.load', {
    does: 'reads and unpickles a file synchronously',
    why: 'pickle.load reads the pickle from the file object with blocking reads and rebuilds the objects, all on the calling thread.',
    call: 'fh',
    mode: 'rb',
    good: 'return pickle.loads(await fh.read())',
    instead: 'async with aiofiles.open(path, "rb") as fh: obj = pickle.loads(await fh.read())',
  }),
  serializer('pickle.dump', {
    does: 'writes a pickle file synchronously',
    why: 'pickle.dump pickles the object and writes it to the file object with blocking writes, all on the calling thread.',
    call: 'data, fh',
    mode: 'wb',
    good: 'await fh.write(pickle.dumps(data))',
    instead: 'async with aiofiles.open(path, "wb") as fh: await fh.write(pickle.dumps(obj))',
  }),
  serializer('tomllib.load', {
    does: 'reads and parses a TOML file synchronously',
    why: 'tomllib.load reads the whole binary file object with blocking reads and parses it, all on the calling thread.',
    call: 'fh',
    mode: 'rb',
    good: 'return tomllib.loads((await fh.read()).decode())',
    instead: 'async with aiofiles.open(path, "rb") as fh: config = tomllib.loads((await fh.read()).decode())',
  }),
  blocking({
    id: 'python:configparser.ConfigParser.read',
    match: ['configparser.ConfigParser.read', 'configparser.RawConfigParser.read'],
    category: 'file-io',
    why: 'configparser.ConfigParser.read opens and reads every file it is given with blocking I/O on the calling thread.',
    does: 'reads configuration files synchronously',
    useInstead: ['async with aiofiles.open(path) as fh: parser.read_string(await fh.read())', ...toThread('parser.read, paths')],
    example: {
      bad: py`
        import configparser

        async def load_settings(path: str) -> configparser.ConfigParser:
            parser = configparser.ConfigParser()
            parser.read(path)
            return parser
      `,
      good: py`
        import configparser

        import aiofiles

        async def load_settings(path: str) -> configparser.ConfigParser:
            parser = configparser.ConfigParser()
            async with aiofiles.open(path) as fh:
                parser.read_string(await fh.read())
            return parser
      `,
    },
  }),

  // Archives: extracting writes files, adding reads them.
  archiveMethod('zipfile.ZipFile', 'extractall', { does: 'extracts an archive synchronously', what: 'decompresses every member and writes it to disk', param: 'target: str', call: 'target' }),
  archiveMethod('zipfile.ZipFile', 'extract', { does: 'extracts an archive member synchronously', what: 'decompresses a member and writes it to disk', param: 'member: str', call: 'member' }),
  archiveMethod('zipfile.ZipFile', 'write', { does: 'adds a file to an archive synchronously', what: 'reads a file from disk and compresses it into the archive', param: 'path: str', call: 'path' }),
  archiveMethod('tarfile.TarFile', 'extractall', { does: 'extracts an archive synchronously', what: 'reads every member and writes it to disk', param: 'target: str', call: 'target' }),
  archiveMethod('tarfile.TarFile', 'extract', { does: 'extracts an archive member synchronously', what: 'reads a member and writes it to disk', param: 'member: str', call: 'member' }),
  archiveMethod('tarfile.TarFile', 'add', { does: 'adds files to an archive synchronously', what: 'reads a file or directory tree from disk into the archive', param: 'path: str', call: 'path' }),
];
