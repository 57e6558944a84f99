// std::fs::File: opening a file and the std::io::Read / Write / BufRead methods called on one.
//
// Methods are named on the type of the value they are called on (`std.fs.File.read_to_string`);
// the lowering makes `BufReader::new(file)` and `BufWriter::new(file)` stand for the file they
// wrap, so buffered reads and writes resolve to the same names.

import { blocking, type BlockingEntry, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

/** Opening or creating a file: a blocking `open(2)` that returns a `std::fs::File`. */
function openFile(api: string, o: { what: string; call: string; good: string; useInstead: readonly string[] }): BlockingEntry {
  return blocking({
    id: `rust:${api}`,
    match: [api],
    category: 'file-io',
    why: `${api.replace(/\./g, '::')} ${o.what} with a blocking system call on the runtime worker thread; later reads and writes on the File block too.`,
    does: 'opens a file',
    returns: 'std.fs.File',
    useInstead: o.useInstead,
    example: {
      bad: rs`
        async fn open_log(path: String) -> std::io::Result<()> {
            let _file = ${o.call}?;
            Ok(())
        }
      `,
      good: rs`
        async fn open_log(path: String) -> std::io::Result<()> {
            let _file = ${o.good}.await?;
            Ok(())
        }
      `,
    },
  });
}

/** A read or write on an open `std::fs::File`, with the `tokio::fs::File` form of the same code. */
function fileIo(method: string, o: { what: string; does: string; bad: string; good: string; goodImport: string; extraMatch?: readonly string[] }): BlockingEntry {
  return blocking({
    id: `rust:std.fs.File.${method}`,
    match: [`std.fs.File.${method}`, ...(o.extraMatch ?? [])],
    category: 'file-io',
    why: `File::${method} ${o.what} with blocking system calls on the runtime worker thread; every task scheduled on that worker waits for the disk.`,
    does: o.does,
    useInstead: [
      `the same call on a tokio::fs::File, awaited (${o.goodImport})`,
      'async_std::fs::File with its async Read / Write traits',
      'tokio::task::spawn_blocking(move || { /* the std::fs code */ }).await?',
    ],
    example: {
      bad: rs`
        use std::io::{BufRead, Read, Write};

        async fn handle(mut file: std::fs::File, mut buf: Vec<u8>, mut text: String) -> std::io::Result<()> {
            ${o.bad};
            Ok(())
        }
      `,
      good: rs`
        use ${o.goodImport};

        async fn handle(mut file: tokio::fs::File, mut buf: Vec<u8>, mut text: String) -> std::io::Result<()> {
            ${o.good};
            Ok(())
        }
      `,
    },
  });
}

const READ = 'tokio::io::AsyncReadExt';
const WRITE = 'tokio::io::AsyncWriteExt';

export const entries: readonly Entry[] = [
  openFile('std.fs.File.open', {
    what: 'opens a file for reading',
    call: 'std::fs::File::open(&path)',
    good: 'tokio::fs::File::open(&path)',
    useInstead: ['tokio::fs::File::open(path).await', 'async_std::fs::File::open(path).await', 'tokio::fs::read(path).await  // to read it whole'],
  }),
  openFile('std.fs.File.create', {
    what: 'creates or truncates a file for writing',
    call: 'std::fs::File::create(&path)',
    good: 'tokio::fs::File::create(&path)',
    useInstead: ['tokio::fs::File::create(path).await', 'async_std::fs::File::create(path).await', 'tokio::fs::write(path, bytes).await  // to write it whole'],
  }),
  openFile('std.fs.File.create_new', {
    what: 'creates a new file, failing if it exists,',
    call: 'std::fs::File::create_new(&path)',
    good: 'tokio::fs::File::create_new(&path)',
    useInstead: ['tokio::fs::File::create_new(path).await', 'tokio::fs::OpenOptions::new().write(true).create_new(true).open(path).await'],
  }),
  openFile('std.fs.OpenOptions.open', {
    what: 'opens a file with the chosen options',
    call: 'std::fs::OpenOptions::new().append(true).create(true).open(&path)',
    good: 'tokio::fs::OpenOptions::new().append(true).create(true).open(&path)',
    useInstead: ['tokio::fs::OpenOptions::new().append(true).open(path).await', 'async_std::fs::OpenOptions::new().append(true).open(path).await'],
  }),
  type({
    id: 'rust:std.fs.OpenOptions.read',
    match: ['read', 'write', 'append', 'truncate', 'create', 'create_new', 'mode', 'custom_flags'].map((m) => `std.fs.OpenOptions.${m}`),
    returns: 'std.fs.OpenOptions',
  }),
  type({ id: 'rust:std.fs.File.options', match: ['std.fs.File.options'], returns: 'std.fs.OpenOptions' }),
  type({ id: 'rust:std.fs.File.try_clone', match: ['std.fs.File.try_clone'], returns: 'std.fs.File' }),

  fileIo('read_to_string', { what: 'reads the rest of the file into a String', does: 'reads a file', bad: 'file.read_to_string(&mut text)?', good: 'file.read_to_string(&mut text).await?', goodImport: READ }),
  fileIo('read_to_end', { what: 'reads the rest of the file into a Vec', does: 'reads a file', bad: 'file.read_to_end(&mut buf)?', good: 'file.read_to_end(&mut buf).await?', goodImport: READ }),
  fileIo('read', { what: 'reads a chunk of the file', does: 'reads a file', bad: 'file.read(&mut buf)?', good: 'file.read(&mut buf).await?', goodImport: READ }),
  fileIo('read_exact', { what: 'reads until the buffer is full', does: 'reads a file', bad: 'file.read_exact(&mut buf)?', good: 'file.read_exact(&mut buf).await?', goodImport: READ }),
  fileIo('read_line', {
    what: 'reads the file up to the next newline (through BufRead)',
    does: 'reads a file',
    bad: 'std::io::BufReader::new(file).read_line(&mut text)?',
    good: 'tokio::io::BufReader::new(file).read_line(&mut text).await?',
    goodImport: 'tokio::io::AsyncBufReadExt',
  }),
  fileIo('lines', {
    what: 'reads the file line by line as the iterator is consumed (through BufRead)',
    does: 'reads a file',
    bad: 'let _count = std::io::BufReader::new(file).lines().count()',
    good: 'let mut lines = tokio::io::BufReader::new(file).lines(); while let Some(_line) = lines.next_line().await? {}',
    goodImport: 'tokio::io::AsyncBufReadExt',
  }),
  fileIo('write', { what: 'writes a chunk to the file', does: 'writes a file', bad: 'file.write(&buf)?', good: 'file.write(&buf).await?', goodImport: WRITE }),
  fileIo('write_all', {
    what: 'writes the whole buffer to the file',
    does: 'writes a file',
    bad: 'file.write_all(&buf)?',
    good: 'file.write_all(&buf).await?',
    goodImport: WRITE,
  }),
  fileIo('write_fmt', {
    what: 'formats and writes to the file (write! and writeln!)',
    does: 'writes a file',
    bad: 'writeln!(file, "{}", text)?',
    good: 'file.write_all(format!("{}\\n", text).as_bytes()).await?',
    goodImport: WRITE,
  }),
  fileIo('flush', { what: 'flushes buffered writes to the file', does: 'writes a file', bad: 'file.flush()?', good: 'file.flush().await?', goodImport: WRITE }),
  fileIo('sync_all', { what: 'waits until the data and metadata reach the disk (fsync)', does: 'syncs a file to disk', bad: 'file.sync_all()?', good: 'file.sync_all().await?', goodImport: WRITE }),
  fileIo('sync_data', { what: 'waits until the data reaches the disk (fdatasync)', does: 'syncs a file to disk', bad: 'file.sync_data()?', good: 'file.sync_data().await?', goodImport: WRITE }),
  fileIo('set_len', { what: 'truncates or extends the file', does: 'resizes a file', bad: 'file.set_len(0)?', good: 'file.set_len(0).await?', goodImport: WRITE }),
  fileIo('metadata', { what: "reads the open file's metadata (fstat)", does: 'reads file metadata', bad: 'let _meta = file.metadata()?', good: 'let _meta = file.metadata().await?', goodImport: READ }),
];
