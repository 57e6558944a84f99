// std::fs functions and the std::path::Path methods that ask the file system: each is a system call
// that blocks the calling thread until the disk (or a network file system) answers.

import { blocking, type BlockingEntry, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

/** A `std::fs` function and its `tokio::fs` counterpart, called with the same arguments. */
function fsFunction(name: string, o: { what: string; does: string; args: string; tokio?: string; returns?: string }): BlockingEntry {
  const tokio = o.tokio ?? name;
  return blocking({
    id: `rust:std.fs.${name}`,
    match: [`std.fs.${name}`],
    category: 'file-io',
    why: `std::fs::${name} ${o.what} with blocking system calls on the runtime worker thread; a slow or busy disk stalls every task scheduled on it.`,
    does: o.does,
    useInstead: [
      `tokio::fs::${tokio}(${o.args}).await`,
      `async_std::fs::${tokio}(${o.args}).await`,
      `tokio::task::spawn_blocking(move || std::fs::${name}(${o.args})).await?`,
    ],
    ...(o.returns ? { returns: o.returns } : {}),
    example: {
      bad: rs`
        use std::path::PathBuf;

        async fn handle(path: PathBuf, target: PathBuf, perms: std::fs::Permissions) -> std::io::Result<()> {
            let _ = std::fs::${name}(${o.args})?;
            Ok(())
        }
      `,
      good: rs`
        use std::path::PathBuf;

        async fn handle(path: PathBuf, target: PathBuf, perms: std::fs::Permissions) -> std::io::Result<()> {
            let _ = tokio::fs::${tokio}(${o.args}).await?;
            Ok(())
        }
      `,
    },
  });
}

/** A `Path` method that reads file-system metadata. */
function pathQuery(method: string, o: { what: string; good: string }): BlockingEntry {
  return blocking({
    id: `rust:std.path.Path.${method}`,
    match: [`std.path.Path.${method}`, `std.path.PathBuf.${method}`],
    category: 'file-io',
    why: `Path::${method} ${o.what}: a blocking system call on the runtime worker thread, slow on a busy disk or a network file system.`,
    does: 'queries the file system',
    useInstead: [o.good, `tokio::task::spawn_blocking(move || path.${method}()).await?`],
    example: {
      bad: rs`
        use std::path::Path;

        async fn has_config(dir: &Path) -> bool {
            dir.join("config.toml").${method}()
        }
      `,
      good: rs`
        use std::path::Path;

        async fn has_config(dir: &Path) -> bool {
            ${o.good.replace('path', 'dir.join("config.toml")')}
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  fsFunction('read', { what: 'reads a whole file into memory', does: 'reads a file', args: '&path', returns: 'std.vec.Vec' }),
  fsFunction('read_to_string', { what: 'reads a whole file into a String', does: 'reads a file', args: '&path', returns: 'std.string.String' }),
  fsFunction('write', { what: 'creates or truncates a file and writes it', does: 'writes a file', args: '&path, b"data"' }),
  fsFunction('create_dir', { what: 'creates a directory', does: 'creates a directory', args: '&path' }),
  fsFunction('create_dir_all', { what: 'creates a directory and its missing parents', does: 'creates directories', args: '&path' }),
  fsFunction('remove_file', { what: 'deletes a file', does: 'deletes a file', args: '&path' }),
  fsFunction('remove_dir', { what: 'deletes an empty directory', does: 'deletes a directory', args: '&path' }),
  fsFunction('remove_dir_all', { what: 'deletes a directory tree, one entry at a time', does: 'deletes a directory tree', args: '&path' }),
  fsFunction('copy', { what: "copies a file's contents and permissions", does: 'copies a file', args: '&path, &target' }),
  fsFunction('rename', { what: 'moves a file or directory', does: 'renames a file', args: '&path, &target' }),
  fsFunction('hard_link', { what: 'creates a hard link', does: 'creates a link', args: '&path, &target' }),
  fsFunction('soft_link', { what: 'creates a symbolic link', does: 'creates a link', args: '&path, &target', tokio: 'symlink' }),
  fsFunction('metadata', { what: "reads a file's metadata (stat)", does: 'reads file metadata', args: '&path', returns: 'std.fs.Metadata' }),
  fsFunction('symlink_metadata', { what: "reads a link's metadata (lstat)", does: 'reads file metadata', args: '&path', returns: 'std.fs.Metadata' }),
  fsFunction('read_dir', { what: 'opens a directory and lists it entry by entry', does: 'lists a directory', args: '&path' }),
  fsFunction('read_link', { what: "reads a symbolic link's target", does: 'reads a link', args: '&path' }),
  fsFunction('canonicalize', { what: 'resolves a path through the file system, following every link', does: 'resolves a path', args: '&path', returns: 'std.path.PathBuf' }),
  fsFunction('exists', { what: 'checks whether a path exists (stat)', does: 'queries the file system', args: '&path', tokio: 'try_exists' }),
  fsFunction('set_permissions', { what: "changes a file's permissions", does: 'changes file permissions', args: '&path, perms' }),
  blocking({
    id: 'rust:std.os.unix.fs.symlink',
    match: ['std.os.unix.fs.symlink', 'std.os.windows.fs.symlink_file', 'std.os.windows.fs.symlink_dir'],
    category: 'file-io',
    why: 'std::os::unix::fs::symlink creates a symbolic link with a blocking system call on the runtime worker thread.',
    does: 'creates a link',
    useInstead: ['tokio::fs::symlink(src, dst).await', 'async_std::os::unix::fs::symlink(src, dst).await'],
    example: {
      bad: rs`
        async fn link(src: String, dst: String) -> std::io::Result<()> {
            std::os::unix::fs::symlink(&src, &dst)
        }
      `,
      good: rs`
        async fn link(src: String, dst: String) -> std::io::Result<()> {
            tokio::fs::symlink(&src, &dst).await
        }
      `,
    },
  }),
  blocking({
    id: 'rust:std.fs.DirBuilder.create',
    match: ['std.fs.DirBuilder.create'],
    category: 'file-io',
    why: 'DirBuilder::create creates directories with blocking system calls on the runtime worker thread.',
    does: 'creates directories',
    useInstead: ['tokio::fs::DirBuilder::new().recursive(true).create(path).await', 'tokio::fs::create_dir_all(path).await'],
    example: {
      bad: rs`
        async fn prepare(dir: String) -> std::io::Result<()> {
            std::fs::DirBuilder::new().recursive(true).create(&dir)
        }
      `,
      good: rs`
        async fn prepare(dir: String) -> std::io::Result<()> {
            tokio::fs::DirBuilder::new().recursive(true).create(&dir).await
        }
      `,
    },
  }),
  type({ id: 'rust:std.fs.DirBuilder.recursive', match: ['std.fs.DirBuilder.recursive', 'std.fs.DirBuilder.mode'], returns: 'std.fs.DirBuilder' }),
  blocking({
    id: 'rust:std.io.copy',
    match: ['std.io.copy'],
    category: 'file-io',
    why: 'std::io::copy moves bytes from a synchronous reader to a synchronous writer in a loop of blocking reads and writes on the runtime worker thread.',
    does: 'copies a stream',
    useInstead: ['tokio::io::copy(&mut reader, &mut writer).await  // with tokio::fs::File or a tokio socket', 'tokio::task::spawn_blocking(move || std::io::copy(&mut reader, &mut writer)).await?'],
    example: {
      bad: rs`
        async fn save(mut body: std::fs::File, mut out: std::fs::File) -> std::io::Result<u64> {
            std::io::copy(&mut body, &mut out)
        }
      `,
      good: rs`
        async fn save(mut body: tokio::fs::File, mut out: tokio::fs::File) -> std::io::Result<u64> {
            tokio::io::copy(&mut body, &mut out).await
        }
      `,
    },
  }),
  blocking({
    id: 'rust:std.io.read_to_string',
    match: ['std.io.read_to_string'],
    category: 'file-io',
    why: 'std::io::read_to_string reads a synchronous reader to its end with blocking reads on the runtime worker thread.',
    does: 'reads a stream',
    returns: 'std.string.String',
    useInstead: ['tokio::io::AsyncReadExt::read_to_string(&mut reader, &mut text).await', 'tokio::task::spawn_blocking(move || std::io::read_to_string(reader)).await?'],
    example: {
      bad: rs`
        async fn load(file: std::fs::File) -> std::io::Result<String> {
            std::io::read_to_string(file)
        }
      `,
      good: rs`
        use tokio::io::AsyncReadExt;

        async fn load(mut file: tokio::fs::File) -> std::io::Result<String> {
            let mut text = String::new();
            file.read_to_string(&mut text).await?;
            Ok(text)
        }
      `,
    },
  }),
  pathQuery('exists', { what: 'asks the file system whether the path exists (stat)', good: 'tokio::fs::try_exists(path).await.unwrap_or(false)' }),
  pathQuery('try_exists', { what: 'asks the file system whether the path exists (stat)', good: 'tokio::fs::try_exists(path).await.unwrap_or(false)' }),
  pathQuery('is_file', { what: 'reads the metadata of the path (stat) to tell whether it is a file', good: 'tokio::fs::metadata(path).await.map(|m| m.is_file()).unwrap_or(false)' }),
  pathQuery('is_dir', { what: 'reads the metadata of the path (stat) to tell whether it is a directory', good: 'tokio::fs::metadata(path).await.map(|m| m.is_dir()).unwrap_or(false)' }),
  pathQuery('is_symlink', { what: 'reads the metadata of the link (lstat)', good: 'tokio::fs::symlink_metadata(path).await.map(|m| m.is_symlink()).unwrap_or(false)' }),
  pathQuery('metadata', { what: 'reads the metadata of the path (stat)', good: 'tokio::fs::metadata(path).await.is_ok()' }),
  pathQuery('symlink_metadata', { what: 'reads the metadata of the link (lstat)', good: 'tokio::fs::symlink_metadata(path).await.is_ok()' }),
  pathQuery('canonicalize', { what: 'resolves the path through the file system, following every link', good: 'tokio::fs::canonicalize(path).await.is_ok()' }),
  pathQuery('read_dir', { what: 'opens the directory to list it', good: 'tokio::fs::read_dir(path).await.is_ok()' }),
  pathQuery('read_link', { what: "reads the link's target", good: 'tokio::fs::read_link(path).await.is_ok()' }),
  // Pure path arithmetic: it touches no disk, and what it returns is still a path.
  type({ id: 'rust:std.path.Path.join', match: ['std.path.Path.join', 'std.path.PathBuf.join', 'std.path.Path.with_extension', 'std.path.PathBuf.with_extension', 'std.path.Path.with_file_name', 'std.path.PathBuf.with_file_name', 'std.path.Path.to_path_buf', 'std.path.PathBuf.from', 'std.path.PathBuf.to_path_buf'], returns: 'std.path.PathBuf' }),
  type({ id: 'rust:std.path.Path.parent', match: ['std.path.Path.parent', 'std.path.PathBuf.parent', 'std.path.PathBuf.as_path', 'std.path.Path.new'], returns: 'std.path.Path' }),
  type({ id: 'rust:std.env.current_dir', match: ['std.env.current_dir', 'std.env.temp_dir', 'std.env.home_dir'], returns: 'std.path.PathBuf' }),
];
