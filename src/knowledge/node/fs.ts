// Synchronous file-system calls: node:fs's *Sync functions (also reached through fs-extra and
// graceful-fs, which re-export them), fs-extra's and jsonfile's own sync API, and the sync forms of
// the glob, rimraf and mkdirp packages. Each one makes its system calls on the event loop thread.
//
// fs.readFileSync(0) and fs.readSync(0, ...) read standard input; they are covered here.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** The names under which a node:fs function is reached: fs-extra and graceful-fs re-export node:fs. */
const fsNames = (name: string): string[] => [`fs.${name}`, `fs-extra.${name}`, `graceful-fs.${name}`];

/** The sentence every file-system entry's `why` ends with. */
const STALLS = 'on the thread that runs the event loop, so no other callback, timer or request runs until the file system answers';

interface PathCall {
  /** The synchronous function (`readFileSync`). */
  readonly name: string;
  readonly does: string;
  /** What it does, completing "fs.<name> ...". */
  readonly what: string;
  /** The example function's parameters. */
  readonly params: string;
  /** The arguments of the sync call. */
  readonly args: string;
  /** The awaited replacement from node:fs/promises, as called (`readFile(path, 'utf8')`). */
  readonly promise: string;
  /** The callback form, when it is not the name without `Sync` and the same arguments. */
  readonly callback?: string;
  /** The call gives a value the example returns (`readFileSync`), or nothing (`unlinkSync`). */
  readonly value?: boolean;
  readonly aliases?: readonly string[];
  readonly returns?: string;
}

/** A node:fs function that takes a path, with its node:fs/promises counterpart. */
function pathCall(o: PathCall): BlockingEntry {
  const asyncName = o.promise.slice(0, o.promise.indexOf('('));
  const callbackForm = o.callback ?? `fs.${o.name.replace(/Sync$/, '')}(${o.args}, callback)`;
  return blocking({
    id: `node:fs.${o.name}`,
    match: [...fsNames(o.name), ...(o.aliases ?? [])],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'file-io',
    why: `fs.${o.name} ${o.what} with blocking system calls ${STALLS}.`,
    does: o.does,
    useInstead: [`await ${o.promise}  // import { ${asyncName} } from 'node:fs/promises'`, callbackForm],
    example: {
      bad: o.value
        ? ts`
            import { ${o.name} } from 'node:fs';

            export async function handle(${o.params}): Promise<unknown> {
              return ${o.name}(${o.args});
            }
          `
        : ts`
            import { ${o.name} } from 'node:fs';

            export async function handle(${o.params}): Promise<void> {
              ${o.name}(${o.args});
            }
          `,
      good: o.value
        ? ts`
            import { ${asyncName} } from 'node:fs/promises';

            export async function handle(${o.params}): Promise<unknown> {
              return await ${o.promise};
            }
          `
        : ts`
            import { ${asyncName} } from 'node:fs/promises';

            export async function handle(${o.params}): Promise<void> {
              await ${o.promise};
            }
          `,
    },
  });
}

interface DescriptorCall {
  readonly name: string;
  readonly does: string;
  readonly what: string;
  /** Parameters after the descriptor (`buffer: Buffer`). */
  readonly params?: string;
  /** Arguments after the descriptor. */
  readonly args?: string;
  /** The FileHandle method that replaces it, as called (`read(buffer)`). */
  readonly method: string;
  readonly value?: boolean;
}

/** A node:fs function that takes a file descriptor; node:fs/promises has it as a FileHandle method. */
function descriptorCall(o: DescriptorCall): BlockingEntry {
  const params = o.params ? `, ${o.params}` : '';
  const args = o.args ? `fd, ${o.args}` : 'fd';
  return blocking({
    id: `node:fs.${o.name}`,
    match: fsNames(o.name),
    category: 'file-io',
    why: `fs.${o.name} ${o.what} with a blocking system call ${STALLS}.`,
    does: o.does,
    useInstead: [
      `await file.${o.method}  // file: a FileHandle, from await open(path) of 'node:fs/promises'`,
      `fs.${o.name.replace(/Sync$/, '')}(${args}, callback)`,
    ],
    example: {
      bad: ts`
        import { ${o.name} } from 'node:fs';

        export async function handle(fd: number${params}): Promise<${o.value ? 'unknown' : 'void'}> {
          ${o.value ? 'return ' : ''}${o.name}(${args});
        }
      `,
      good: ts`
        import type { FileHandle } from 'node:fs/promises';

        export async function handle(file: FileHandle${params}): Promise<${o.value ? 'unknown' : 'void'}> {
          ${o.value ? 'return ' : ''}await file.${o.method};
        }
      `,
    },
  });
}

interface PackageCall {
  /** The package root as the adapter names it (`fs-extra`). */
  readonly pkg: string;
  /** How the example imports it: a default import (`fse`) or named imports. */
  readonly importSync: string;
  readonly importAsync: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly does: string;
  readonly what: string;
  readonly params: string;
  /** The sync call and its awaited replacement, as written in the examples. */
  readonly call: string;
  readonly promise: string;
}

/** A package's own synchronous file API, with the promise-returning function that replaces it. */
function packageCall(o: PackageCall): BlockingEntry {
  return blocking({
    id: `node:${o.pkg}.${o.name}`,
    match: [`${o.pkg}.${o.name}`, ...(o.aliases ?? [])],
    category: 'file-io',
    why: `${o.pkg}'s ${o.name} ${o.what} with blocking node:fs calls ${STALLS}.`,
    does: o.does,
    useInstead: [`await ${o.promise}`],
    example: {
      bad: ts`
        ${o.importSync}

        export async function handle(${o.params}): Promise<unknown> {
          return ${o.call};
        }
      `,
      good: ts`
        ${o.importAsync}

        export async function handle(${o.params}): Promise<unknown> {
          return await ${o.promise};
        }
      `,
    },
  });
}

/** fs-extra's own sync API: every function has a promise-returning twin without the suffix. */
function fsExtra(name: string, o: { aliases?: readonly string[]; does: string; what: string; params: string; args: string }): BlockingEntry {
  const twin = name.replace(/Sync$/, '');
  return packageCall({
    pkg: 'fs-extra',
    importSync: "import fse from 'fs-extra';",
    importAsync: "import fse from 'fs-extra';",
    name,
    aliases: (o.aliases ?? []).map((a) => `fs-extra.${a}`),
    does: o.does,
    what: o.what,
    params: o.params,
    call: `fse.${name}(${o.args})`,
    promise: `fse.${twin}(${o.args})`,
  });
}

export const entries: readonly Entry[] = [
  // node:fs, whole files.
  pathCall({ name: 'readFileSync', does: 'reads a file synchronously', what: 'reads the whole file', params: 'path: string', args: "path, 'utf8'", promise: "readFile(path, 'utf8')", value: true }),
  pathCall({ name: 'writeFileSync', does: 'writes a file synchronously', what: 'writes the whole file', params: 'path: string, data: string', args: 'path, data', promise: 'writeFile(path, data)' }),
  pathCall({ name: 'appendFileSync', does: 'appends to a file synchronously', what: 'opens the file, appends to it and closes it', params: 'path: string, line: string', args: 'path, line', promise: 'appendFile(path, line)' }),
  pathCall({ name: 'copyFileSync', does: 'copies a file synchronously', what: 'reads the source and writes the copy', params: 'path: string, target: string', args: 'path, target', promise: 'copyFile(path, target)' }),
  pathCall({ name: 'cpSync', does: 'copies files synchronously', what: 'copies the file, or the whole tree with recursive,', params: 'path: string, target: string', args: 'path, target, { recursive: true }', promise: 'cp(path, target, { recursive: true })' }),
  pathCall({ name: 'truncateSync', does: 'truncates a file synchronously', what: 'resizes the file', params: 'path: string', args: 'path, 0', promise: 'truncate(path, 0)' }),
  pathCall({ name: 'openSync', does: 'opens a file synchronously', what: 'opens the file', params: 'path: string', args: "path, 'r'", promise: "open(path, 'r')", value: true }),

  // node:fs, metadata and checks.
  pathCall({
    name: 'existsSync',
    does: 'checks a path synchronously',
    what: 'stats the path',
    params: 'path: string',
    args: 'path',
    promise: 'access(path).then(() => true, () => false)',
    callback: 'fs.access(path, (err) => callback(!err))',
    value: true,
  }),
  pathCall({ name: 'statSync', does: 'stats a path synchronously', what: 'stats the path', params: 'path: string', args: 'path', promise: 'stat(path)', value: true }),
  pathCall({ name: 'lstatSync', does: 'stats a path synchronously', what: 'stats the link itself', params: 'path: string', args: 'path', promise: 'lstat(path)', value: true }),
  pathCall({ name: 'accessSync', does: 'checks a path synchronously', what: 'checks the permissions of the path', params: 'path: string', args: 'path', promise: 'access(path)' }),
  pathCall({ name: 'statfsSync', does: 'queries a file system synchronously', what: 'queries the file system that holds the path', params: 'path: string', args: 'path', promise: 'statfs(path)', value: true }),
  pathCall({
    name: 'realpathSync',
    aliases: ['fs.realpathSync.native', 'fs-extra.realpathSync.native', 'graceful-fs.realpathSync.native'],
    does: 'resolves a path synchronously',
    what: 'reads every symbolic link along the path',
    params: 'path: string',
    args: 'path',
    promise: 'realpath(path)',
    value: true,
  }),
  pathCall({ name: 'readlinkSync', does: 'reads a symbolic link synchronously', what: 'reads the link', params: 'path: string', args: 'path', promise: 'readlink(path)', value: true }),

  // node:fs, directories.
  pathCall({ name: 'readdirSync', does: 'lists a directory synchronously', what: 'reads the whole directory', params: 'path: string', args: 'path', promise: 'readdir(path)', value: true }),
  pathCall({ name: 'opendirSync', returns: 'fs.Dir', does: 'opens a directory synchronously', what: 'opens the directory', params: 'path: string', args: 'path', promise: 'opendir(path)', value: true }),
  pathCall({ name: 'mkdirSync', does: 'creates a directory synchronously', what: 'creates the directory, and its parents with recursive,', params: 'path: string', args: 'path, { recursive: true }', promise: 'mkdir(path, { recursive: true })' }),
  pathCall({ name: 'mkdtempSync', does: 'creates a temporary directory synchronously', what: 'creates a uniquely named directory', params: 'prefix: string', args: 'prefix', promise: 'mkdtemp(prefix)', value: true }),
  pathCall({ name: 'rmSync', does: 'deletes files synchronously', what: 'deletes the file, or the whole tree with recursive,', params: 'path: string', args: 'path, { recursive: true, force: true }', promise: 'rm(path, { recursive: true, force: true })' }),
  pathCall({ name: 'rmdirSync', does: 'removes a directory synchronously', what: 'removes the directory', params: 'path: string', args: 'path', promise: 'rmdir(path)' }),
  pathCall({ name: 'unlinkSync', does: 'deletes a file synchronously', what: 'removes the file', params: 'path: string', args: 'path', promise: 'unlink(path)' }),
  pathCall({ name: 'renameSync', does: 'renames a file synchronously', what: 'renames the file', params: 'path: string, target: string', args: 'path, target', promise: 'rename(path, target)' }),
  blocking({
    id: 'node:fs.globSync',
    match: fsNames('globSync'),
    category: 'file-io',
    why: `fs.globSync (Node 22) lists every directory the pattern reaches with blocking system calls ${STALLS}.`,
    does: 'searches directories synchronously',
    useInstead: ["await Array.fromAsync(glob(pattern))  // import { glob } from 'node:fs/promises'", 'fs.glob(pattern, callback)'],
    example: {
      bad: ts`
        import { globSync } from 'node:fs';

        export async function handle(pattern: string): Promise<unknown> {
          return globSync(pattern);
        }
      `,
      good: ts`
        import { glob } from 'node:fs/promises';

        export async function handle(pattern: string): Promise<unknown> {
          return await Array.fromAsync(glob(pattern));
        }
      `,
    },
  }),

  // node:fs, links, permissions, owners and times.
  pathCall({ name: 'symlinkSync', does: 'creates a symbolic link synchronously', what: 'creates the link', params: 'target: string, path: string', args: 'target, path', promise: 'symlink(target, path)' }),
  pathCall({ name: 'linkSync', does: 'creates a hard link synchronously', what: 'creates the link', params: 'path: string, target: string', args: 'path, target', promise: 'link(path, target)' }),
  pathCall({ name: 'chmodSync', does: 'changes file permissions synchronously', what: 'changes the mode of the file', params: 'path: string', args: 'path, 0o600', promise: 'chmod(path, 0o600)' }),
  pathCall({ name: 'lchmodSync', does: 'changes link permissions synchronously', what: 'changes the mode of the link itself (macOS only)', params: 'path: string', args: 'path, 0o600', promise: 'lchmod(path, 0o600)' }),
  pathCall({ name: 'chownSync', does: 'changes file ownership synchronously', what: 'changes the owner of the file', params: 'path: string, uid: number, gid: number', args: 'path, uid, gid', promise: 'chown(path, uid, gid)' }),
  pathCall({ name: 'lchownSync', does: 'changes link ownership synchronously', what: 'changes the owner of the link itself', params: 'path: string, uid: number, gid: number', args: 'path, uid, gid', promise: 'lchown(path, uid, gid)' }),
  pathCall({ name: 'utimesSync', does: 'changes file times synchronously', what: 'sets the access and modification times of the file', params: 'path: string, time: Date', args: 'path, time, time', promise: 'utimes(path, time, time)' }),
  pathCall({ name: 'lutimesSync', does: 'changes link times synchronously', what: 'sets the times of the link itself', params: 'path: string, time: Date', args: 'path, time, time', promise: 'lutimes(path, time, time)' }),

  // node:fs, file descriptors.
  descriptorCall({ name: 'readSync', does: 'reads from a file synchronously', what: 'reads into the buffer', params: 'buffer: Buffer', args: 'buffer', method: 'read(buffer)', value: true }),
  descriptorCall({ name: 'writeSync', does: 'writes to a file synchronously', what: 'writes the data', params: 'data: string', args: 'data', method: 'write(data)', value: true }),
  descriptorCall({ name: 'readvSync', does: 'reads from a file synchronously', what: 'reads into the buffers', params: 'buffers: Buffer[]', args: 'buffers', method: 'readv(buffers)', value: true }),
  descriptorCall({ name: 'writevSync', does: 'writes to a file synchronously', what: 'writes the buffers', params: 'buffers: Buffer[]', args: 'buffers', method: 'writev(buffers)', value: true }),
  descriptorCall({ name: 'closeSync', does: 'closes a file synchronously', what: 'closes the descriptor', method: 'close()' }),
  descriptorCall({ name: 'fstatSync', does: 'stats a file synchronously', what: 'stats the open file', method: 'stat()', value: true }),
  descriptorCall({ name: 'fsyncSync', does: 'flushes a file to disk synchronously', what: "waits until the storage device holds the file's data and metadata", method: 'sync()' }),
  descriptorCall({ name: 'fdatasyncSync', does: 'flushes a file to disk synchronously', what: "waits until the storage device holds the file's data", method: 'datasync()' }),
  descriptorCall({ name: 'ftruncateSync', does: 'truncates a file synchronously', what: 'resizes the open file', args: '0', method: 'truncate(0)' }),
  descriptorCall({ name: 'futimesSync', does: 'changes file times synchronously', what: 'sets the times of the open file', params: 'time: Date', args: 'time, time', method: 'utimes(time, time)' }),
  descriptorCall({ name: 'fchmodSync', does: 'changes file permissions synchronously', what: 'changes the mode of the open file', args: '0o600', method: 'chmod(0o600)' }),
  descriptorCall({ name: 'fchownSync', does: 'changes file ownership synchronously', what: 'changes the owner of the open file', params: 'uid: number, gid: number', args: 'uid, gid', method: 'chown(uid, gid)' }),

  // fs.Dir, from opendirSync or an annotation.
  blocking({
    id: 'node:fs.Dir.readSync',
    match: ['fs.Dir.readSync'],
    category: 'file-io',
    why: `fs.Dir's readSync reads the next directory entry with a blocking system call ${STALLS}.`,
    does: 'lists a directory synchronously',
    useInstead: ['await dir.read()', 'for await (const entry of dir) { ... }'],
    example: {
      bad: ts`
        import type { Dir } from 'node:fs';

        export async function nextEntry(dir: Dir): Promise<unknown> {
          return dir.readSync();
        }
      `,
      good: ts`
        import type { Dir } from 'node:fs';

        export async function nextEntry(dir: Dir): Promise<unknown> {
          return await dir.read();
        }
      `,
    },
  }),
  blocking({
    id: 'node:fs.Dir.closeSync',
    match: ['fs.Dir.closeSync'],
    category: 'file-io',
    why: `fs.Dir's closeSync closes the directory handle with a blocking system call ${STALLS}.`,
    does: 'closes a directory synchronously',
    useInstead: ['await dir.close()'],
    example: {
      bad: ts`
        import type { Dir } from 'node:fs';

        export async function done(dir: Dir): Promise<void> {
          dir.closeSync();
        }
      `,
      good: ts`
        import type { Dir } from 'node:fs';

        export async function done(dir: Dir): Promise<void> {
          await dir.close();
        }
      `,
    },
  }),

  // fs-extra's own sync API (its copies of node:fs functions are matched above).
  fsExtra('readJsonSync', { aliases: ['readJSONSync'], does: 'reads a JSON file synchronously', what: 'reads and parses the whole file', params: 'path: string', args: 'path' }),
  fsExtra('writeJsonSync', { aliases: ['writeJSONSync'], does: 'writes a JSON file synchronously', what: 'serializes the value and writes the whole file', params: 'path: string, value: object', args: 'path, value' }),
  fsExtra('outputJsonSync', { aliases: ['outputJSONSync'], does: 'writes a JSON file synchronously', what: 'creates the missing directories and writes the whole file', params: 'path: string, value: object', args: 'path, value' }),
  fsExtra('outputFileSync', { does: 'writes a file synchronously', what: 'creates the missing directories and writes the whole file', params: 'path: string, data: string', args: 'path, data' }),
  fsExtra('copySync', { does: 'copies files synchronously', what: 'copies the file or the whole tree', params: 'path: string, target: string', args: 'path, target' }),
  fsExtra('moveSync', { does: 'moves files synchronously', what: 'renames, or copies then deletes across devices,', params: 'path: string, target: string', args: 'path, target' }),
  fsExtra('removeSync', { does: 'deletes files synchronously', what: 'deletes the file or the whole tree', params: 'path: string', args: 'path' }),
  fsExtra('emptyDirSync', { aliases: ['emptydirSync'], does: 'empties a directory synchronously', what: 'deletes everything in the directory', params: 'path: string', args: 'path' }),
  fsExtra('ensureDirSync', { aliases: ['mkdirsSync', 'mkdirpSync'], does: 'creates directories synchronously', what: 'creates the directory and its missing parents', params: 'path: string', args: 'path' }),
  fsExtra('ensureFileSync', { aliases: ['createFileSync'], does: 'creates a file synchronously', what: 'creates the file and its missing directories', params: 'path: string', args: 'path' }),
  fsExtra('ensureLinkSync', { aliases: ['createLinkSync'], does: 'creates a hard link synchronously', what: 'creates the link and its missing directories', params: 'path: string, target: string', args: 'path, target' }),
  fsExtra('ensureSymlinkSync', { aliases: ['createSymlinkSync'], does: 'creates a symbolic link synchronously', what: 'creates the link and its missing directories', params: 'path: string, target: string', args: 'path, target' }),
  fsExtra('pathExistsSync', { does: 'checks a path synchronously', what: 'stats the path', params: 'path: string', args: 'path' }),

  // jsonfile (which fs-extra uses for its JSON functions).
  packageCall({
    pkg: 'jsonfile',
    importSync: "import jsonfile from 'jsonfile';",
    importAsync: "import jsonfile from 'jsonfile';",
    name: 'readFileSync',
    does: 'reads a JSON file synchronously',
    what: 'reads and parses the whole file',
    params: 'path: string',
    call: 'jsonfile.readFileSync(path)',
    promise: 'jsonfile.readFile(path)',
  }),
  packageCall({
    pkg: 'jsonfile',
    importSync: "import jsonfile from 'jsonfile';",
    importAsync: "import jsonfile from 'jsonfile';",
    name: 'writeFileSync',
    does: 'writes a JSON file synchronously',
    what: 'serializes the value and writes the whole file',
    params: 'path: string, value: object',
    call: 'jsonfile.writeFileSync(path, value)',
    promise: 'jsonfile.writeFile(path, value)',
  }),

  // Globbing, rimraf and mkdirp.
  packageCall({
    pkg: 'glob',
    importSync: "import { globSync } from 'glob';",
    importAsync: "import { glob } from 'glob';",
    name: 'globSync',
    aliases: ['glob.sync', 'glob.glob.sync'],
    does: 'searches directories synchronously',
    what: 'lists every directory the pattern reaches',
    params: 'pattern: string',
    call: 'globSync(pattern)',
    promise: 'glob(pattern)',
  }),
  packageCall({
    pkg: 'fast-glob',
    importSync: "import fg from 'fast-glob';",
    importAsync: "import fg from 'fast-glob';",
    name: 'sync',
    aliases: ['fast-glob.globSync'],
    does: 'searches directories synchronously',
    what: 'lists every directory the pattern reaches',
    params: 'pattern: string',
    call: 'fg.sync(pattern)',
    promise: 'fg(pattern)',
  }),
  packageCall({
    pkg: 'globby',
    importSync: "import { globbySync } from 'globby';",
    importAsync: "import { globby } from 'globby';",
    name: 'globbySync',
    aliases: ['globby.sync'],
    does: 'searches directories synchronously',
    what: 'lists every directory the patterns reach',
    params: 'pattern: string',
    call: 'globbySync(pattern)',
    promise: 'globby(pattern)',
  }),
  packageCall({
    pkg: 'tinyglobby',
    importSync: "import { globSync } from 'tinyglobby';",
    importAsync: "import { glob } from 'tinyglobby';",
    name: 'globSync',
    does: 'searches directories synchronously',
    what: 'lists every directory the patterns reach',
    params: 'pattern: string',
    call: 'globSync(pattern)',
    promise: 'glob(pattern)',
  }),
  packageCall({
    pkg: 'rimraf',
    importSync: "import { rimrafSync } from 'rimraf';",
    importAsync: "import { rimraf } from 'rimraf';",
    name: 'rimrafSync',
    aliases: ['rimraf.sync', 'rimraf.rimraf.sync', 'rimraf.nativeSync', 'rimraf.manualSync'],
    does: 'deletes files synchronously',
    what: 'walks the tree and deletes every entry',
    params: 'path: string',
    call: 'rimrafSync(path)',
    promise: 'rimraf(path)',
  }),
  packageCall({
    pkg: 'mkdirp',
    importSync: "import { mkdirpSync } from 'mkdirp';",
    importAsync: "import { mkdirp } from 'mkdirp';",
    name: 'mkdirpSync',
    aliases: ['mkdirp.sync', 'mkdirp.mkdirp.sync', 'mkdirp.nativeSync', 'mkdirp.manualSync'],
    does: 'creates directories synchronously',
    what: 'creates the directory and its missing parents',
    params: 'path: string',
    call: 'mkdirpSync(path)',
    promise: 'mkdirp(path)',
  }),
];
