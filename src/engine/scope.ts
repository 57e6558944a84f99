// Which files a run must read: the cost of a review follows the change (or the async code), not
// the repository.
//
// A diff reports the paths that pass through the functions it touches (SPEC §5). Those paths need
// the touched functions' callers, up to the async contexts that reach them, and their callees, down
// to the blocking calls. A check reports the paths from every async context: those need the
// contexts' callees, and the callers that can give a context a role (a runner, a start-up hook, an
// offload). Starting from the changed files, or from the files that can hold an async context,
// rounds of four steps run until nothing new is needed:
//   - down: the calls of the functions followed down (touched ones or contexts, and the functions
//     they call) are resolved; a name the program cannot find in the files read so far names the
//     file that claims it, which is read;
//   - callbacks: calls and decorators written with the name of a callback API (`app.get`,
//     `call_soon`) are resolved, and the functions they register are followed down and up;
//   - up: callers are found by a text prefilter (`git grep -w`, or a scan of the files, for the
//     names of the functions followed up and of their callers); only files that mention a name are
//     read, and only calls that resolve to those functions make callers;
//   - the files read are lowered (cache, worker pool and budgets as for any file).
// The analysis then runs on the files read as it would on the whole repository.

import { argumentsAt } from '../analysis/functions.js';
import { type FunctionRef, moduleClaims, packagesOf, type PartialProgram, Program } from '../analysis/program.js';
import { Resolver } from '../analysis/resolve.js';
import { touchedFunctions } from '../analysis/touched.js';
import type { Argument, Binding, CallSite, FileModel, FunctionModel, ValueRef } from '../ir/model.js';
import { lastSegment } from '../ir/names.js';
import type { NotApplicable } from '../ir/report.js';
import type { Catalog } from '../knowledge/catalog.js';
import type { ProjectInfo } from '../languages/adapter.js';
import { adapterFor, allAdapters } from '../languages/registry.js';
import { decodeSource, emptyLoaded, type LoadOptions, type Loaded, loadFiles } from './load.js';
import { SourceTexts } from './source-texts.js';

interface ScopeBase {
  /** The supported, not vendored files of the tree. */
  readonly sources: readonly string[];
  readonly read: (path: string) => Buffer | undefined;
  /** Files holding any of the words, by `git grep`; undefined (or absent) when git cannot tell. */
  readonly mentioning?: (words: readonly string[]) => ReadonlyMap<string, ReadonlySet<string>> | undefined;
  readonly options: LoadOptions;
  readonly project: ProjectInfo;
  readonly catalog: Catalog;
  readonly reservedRoot: (root: string) => boolean;
}

export interface ScopeInput extends ScopeBase {
  /** Changed lines per changed file that can be read. */
  readonly changed: ReadonlyMap<string, ReadonlySet<number>>;
}

export interface CheckScopeInput extends ScopeBase {
  /** Every file `check` was given, supported or not: all are read, or reported. */
  readonly targets: readonly string[];
}

/** Names that stand for no callable: the module's own code, anonymous functions. */
const ANONYMOUS = /^<.*>$/;
/** A character of a name, in every supported language (letters, digits, `_`, `$`). */
const NAME_CHAR = '[\\p{L}\\p{N}_$]';
const WORD_CHAR = new RegExp(NAME_CHAR, 'u');
const WORD = new RegExp(`^${NAME_CHAR}+$`, 'u');
const NOT_AFTER_WORD = `(?<!${NAME_CHAR})`;
const NOT_BEFORE_WORD = `(?!${NAME_CHAR})`;

export interface ScopedLoad {
  readonly loaded: Loaded;
  /** What the program of the files read must know of the others (their module names). */
  readonly partial: PartialProgram;
}

/** Reads and lowers the files a change reaches; see the file comment. */
export async function loadForChange(input: ScopeInput): Promise<ScopedLoad> {
  const scope = new Scope(input, (p) => input.changed.has(p), false);
  await scope.take([...input.changed.keys()]);
  for (const ref of touchedFunctions(scope.files(), input.changed)) scope.follow(ref, true);
  await scope.expand();
  return scope.result();
}

/**
 * Reads every file `check` is given and lowers those that can hold an async context: they spell
 * an async keyword of their language, one of its `callbackWords` or the name of a callback API.
 * Then what their contexts reach and what calls them; see the file comment. A test or script file
 * (by its path) is out of the rule's reach: it is lowered only when an async path reaches into it
 * or it may call a context, and listed as not applicable when it spells an async keyword. Files set
 * aside are in `loaded.setAside`.
 */
export async function loadForCheck(input: CheckScopeInput): Promise<ScopedLoad> {
  // Every supported file given must be read, or reported; other files are reported as unsupported.
  const supported = (p: string): boolean => adapterFor(p) !== undefined;
  const scope = new Scope(input, supported, true);
  const patterns = contextPatterns(input.catalog);
  const exempt = new Map<string, NotApplicable>();
  const holdsContext = (path: string, text: string): boolean => {
    const adapter = adapterFor(path);
    const pattern = adapter && patterns.get(adapter.id);
    if (!adapter || !pattern) return true;
    const role = adapter.pathRole(path)?.role;
    if (role !== 'test' && role !== 'script') return pattern.any.test(text);
    if (pattern.async.test(text)) exempt.set(path, { file: path, reason: role });
    return false;
  };
  const first = await loadFiles(input.targets, input.read, input.options, supported, input.project, holdsContext);
  scope.adopt(first, input.targets);
  for (const file of first.files) {
    if (file.role) continue;
    for (const fn of file.functions) if (fn.isAsync || fn.asyncOrigin === 'callback') scope.follow({ file, fn }, true);
  }
  await scope.expand();
  // An exempt file lowered after all is listed by the analysis, from its functions' roles.
  for (const path of scope.loaded.setAside) {
    const entry = exempt.get(path);
    if (entry) scope.loaded.skipped.push(entry);
  }
  return scope.result();
}

/**
 * Per adapter: the pattern of its async keywords, and of all a file can hold an async context by:
 * an async keyword, a call of a method whose callbacks the lowering makes async (`.then(`), or a
 * call written with a callback API's name (`app.get(`, `createServer(`, `@Get(`, `call_soon(`).
 */
function contextPatterns(catalog: Catalog): Map<string, { async: RegExp; any: RegExp }> {
  const patterns = new Map<string, { async: RegExp; any: RegExp }>();
  for (const adapter of allAdapters()) {
    const keywords = alone(adapter.asyncKeywords);
    const methods = `\\.\\s*(?:${alternatives(adapter.callbackWords)})\\s*[(<]`;
    const apis = `${NOT_AFTER_WORD}(?:${alternatives(catalog.get(adapter.ecosystem)?.callbackWords() ?? [])})\\s*[(<]`;
    patterns.set(adapter.id, { async: new RegExp(keywords, 'u'), any: new RegExp(`${keywords}|${methods}|${apis}`, 'u') });
  }
  return patterns;
}

/** `words` as alternatives of a pattern (one that never matches when there are none). */
function alternatives(words: Iterable<string>): string {
  const list = [...new Set(words)].sort().map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return list.length > 0 ? list.join('|') : '(?!)';
}

/** The source of a pattern that finds any of `words` standing alone, not inside a longer name. */
function alone(words: Iterable<string>): string {
  return `${NOT_AFTER_WORD}(?:${alternatives(words)})${NOT_BEFORE_WORD}`;
}

class Scope {
  readonly loaded: Loaded;
  private readonly models = new Map<string, FileModel>();
  /** Files asked for, lowered or not (unreadable, over budget): never asked twice. */
  private readonly asked = new Set<string>();
  private readonly sources: ReadonlySet<string>;
  /** Which file claims each module name of the repository. */
  readonly claims: ReadonlyMap<string, string>;
  /** The packages of those names. */
  private readonly packages: ReadonlySet<string>;
  /** Functions whose calls are followed down (touched ones or contexts, and what they call). */
  private readonly down = new Map<FunctionModel, FunctionRef>();
  /** Functions whose callers are looked for (touched ones or contexts, and their callers). */
  private readonly up = new Map<FunctionModel, FunctionRef>();
  /** Other names the functions looked up for callers go by (`export { render as renderPage }`). */
  private readonly aliases = new Map<string, FileModel>();
  /** Texts of files read to decide whether to lower them. */
  private readonly texts = new Map<string, string>();
  /** The files that hold each word searched for so far. */
  private readonly wordFiles = new Map<string, ReadonlySet<string>>();
  /** Per word, whether files spell it, as `spells` found. */
  private readonly spelled = new Map<string, Map<string, boolean>>();

  /**
   * `reportSkipped`: the files that must not disappear when they cannot be read. `callbacks`: follow
   * the functions registered as callbacks anywhere (a check's contexts); a diff follows only what
   * its touched functions reach and what reaches them.
   */
  constructor(
    private readonly input: ScopeBase,
    private readonly reportSkipped: (path: string) => boolean,
    private readonly callbacks: boolean,
  ) {
    const sources = new SourceTexts((path) => {
      const bytes = input.read(path);
      return bytes === undefined ? undefined : decodeSource(bytes);
    });
    this.loaded = emptyLoaded(sources);
    this.sources = new Set(input.sources);
    const named = input.sources.map((path) => ({ path, modules: adapterFor(path)?.moduleNames(path, input.project) ?? [] }));
    this.claims = moduleClaims(named, input.reservedRoot);
    this.packages = packagesOf(this.claims.keys());
  }

  /** What was read, and what the program of those files must know of the others. */
  result(): ScopedLoad {
    return { loaded: this.loaded, partial: { claims: this.claims, packages: this.packages, onMiss: () => {} } };
  }

  files(): Iterable<FileModel> {
    return this.models.values();
  }

  /** Follows `ref`'s calls down, and when `up`, looks for its callers too. */
  follow(ref: FunctionRef, up: boolean): void {
    this.down.set(ref.fn, ref);
    if (up) this.up.set(ref.fn, ref);
  }

  /** Rounds of reading until nothing new is needed (see the file comment). */
  async expand(): Promise<void> {
    // Each round reads at least one new file, so rounds end.
    for (;;) {
      const misses = new Set<string>();
      const program = new Program([...this.models.values()], this.input.reservedRoot, { claims: this.claims, packages: this.packages, onMiss: (q) => misses.add(q) });
      const resolvers = new Map<string, Resolver>();
      const resolverOf = (file: FileModel): Resolver | undefined => {
        let resolver = resolvers.get(file.ecosystem);
        const eco = this.input.catalog.get(file.ecosystem);
        if (!resolver && eco) {
          resolver = new Resolver(program, eco);
          resolvers.set(file.ecosystem, resolver);
        }
        return resolver;
      };
      if (this.callbacks) this.followCallbacks(resolverOf);
      this.followDown(resolverOf);
      this.findCallers(resolverOf);
      const wanted = new Set<string>();
      for (const q of misses) {
        const path = this.claimant(q);
        if (path !== undefined) wanted.add(path);
      }
      for (const path of this.filesMentioningNewNames()) wanted.add(path);
      const fresh = [...wanted].filter((p) => !this.asked.has(p)).sort();
      if (fresh.length === 0) break;
      await this.take(fresh);
    }
    // A file set aside and read since is aside no longer.
    const aside = this.loaded.setAside.filter((p) => !this.asked.has(p));
    this.loaded.setAside.length = 0;
    for (const p of aside) this.loaded.setAside.push(p);
  }

  /** Lowers files not asked for yet and adds them to what is loaded. */
  async take(paths: readonly string[]): Promise<void> {
    const fresh = paths.filter((p) => !this.asked.has(p));
    if (fresh.length === 0) return;
    const { read, options, project } = this.input;
    this.adopt(await loadFiles(fresh, read, options, this.reportSkipped, project), fresh);
  }

  /** Adds what a load of `paths` gave to what is loaded; the files it set aside may be asked for later. */
  adopt(part: Loaded, paths: readonly string[]): void {
    const setAside = new Set(part.setAside);
    for (const p of paths) if (!setAside.has(p)) this.asked.add(p);
    for (const file of part.files) this.models.set(file.path, file);
    this.loaded.files.push(...part.files);
    this.loaded.skipped.push(...part.skipped);
    this.loaded.diagnostics.push(...part.diagnostics);
    this.loaded.sources.include(part.sources);
    this.loaded.readInFull &&= part.readInFull;
    this.loaded.unanalysed.push(...part.unanalysed);
    this.loaded.unreadForTime.push(...part.unreadForTime);
    for (const p of part.setAside) this.loaded.setAside.push(p);
  }

  /**
   * The file that claims the longest module prefix of `qname`, when it is not read yet and may
   * define the name looked up in it: a file that never spells that name, and re-exports no whole
   * module, cannot (a crate's `mod.rs` with a thousand `pub use gen_x::*` is not a reason to read
   * every `gen_x.rs`).
   */
  private claimant(qname: string): string | undefined {
    for (let end = qname.length; end > 0; end = qname.lastIndexOf('.', end - 1)) {
      const path = this.claims.get(qname.slice(0, end));
      if (path === undefined) continue;
      if (this.models.has(path)) return undefined;
      // The module itself is only a namespace: what is looked up in it decides.
      if (end === qname.length) return undefined;
      const name = qname.slice(end + 1).split('.')[0] ?? '';
      // A module exported as a whole (`module.exports = f`) answers to `default` unspelled.
      return name === 'default' || this.mayDefine(path, name) ? path : undefined;
    }
    return undefined;
  }

  private mayDefine(path: string, name: string): boolean {
    return adapterFor(path)?.reExportsAll.test(this.textOf(path)) === true || this.spells(path, name);
  }

  /** Whether the file holds `word` as a whole word (asked again and again of a few words: kept). */
  private spells(path: string, word: string): boolean {
    let files = this.spelled.get(word);
    if (!files) this.spelled.set(word, (files = new Map()));
    let found = files.get(path);
    if (found === undefined) {
      const text = this.textOf(path);
      found = false;
      for (let at = text.indexOf(word); at >= 0 && !found; at = text.indexOf(word, at + 1)) {
        found = !WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + word.length] ?? ' ');
      }
      files.set(path, found);
    }
    return found;
  }

  private textOf(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = this.input.read(path)?.toString('utf8') ?? '';
      this.texts.set(path, text);
    }
    return text;
  }

  /**
   * Resolves, in every file read, the calls and decorators written with a callback API's name
   * (`app.get(path, handler)`, `@Get()`); the functions they register are async contexts, to be
   * followed down and up. The file that registers a handler need not be the one that defines it.
   */
  private followCallbacks(resolverOf: (file: FileModel) => Resolver | undefined): void {
    for (const file of this.models.values()) {
      const eco = this.input.catalog.get(file.ecosystem);
      const resolver = resolverOf(file);
      if (!eco || !resolver) continue;
      const words = eco.callbackWords();
      const register = (arg: Argument): void => {
        if (arg.kind === 'function') {
          const fn = file.functions[arg.functionId];
          if (fn) this.follow({ file, fn }, true);
        } else if (arg.kind === 'reference') {
          const value = resolver.value(arg.ref);
          if (value.kind === 'function') this.follow(value.ref, true);
        }
      };
      for (const site of file.calls) {
        if (!words.has(lastName(site.callee) ?? '')) continue;
        const callee = resolver.callee(site.callee);
        if (callee.kind !== 'api') continue;
        const entry = eco.find(callee.qname, 'callback');
        if (!entry) continue;
        for (const arg of argumentsAt(site.args, entry.callableArgs)) register(arg);
      }
      for (const fn of file.functions) {
        for (const d of fn.decorators) {
          if (!words.has(lastName(d.ref) ?? '')) continue;
          const value = resolver.value(d.ref);
          if (value.kind === 'api' && eco.find(value.qname, 'callback')?.decorator === true) this.follow({ file, fn }, true);
        }
      }
    }
  }

  /** Resolves the calls, references and decorators of the functions followed down; adds their callees. */
  private followDown(resolverOf: (file: FileModel) => Resolver | undefined): void {
    const queue = [...this.down.values()];
    const add = (ref: FunctionRef): void => {
      if (this.down.has(ref.fn)) return;
      this.down.set(ref.fn, ref);
      queue.push(ref);
    };
    for (let next = 0; next < queue.length; next++) {
      const ref = queue[next] as FunctionRef;
      const resolver = resolverOf(ref.file);
      if (!resolver) continue;
      for (const d of ref.fn.decorators) resolver.value(d.ref);
      // A module's top-level code is on no async path: what it runs does not matter, only the
      // functions it hands on (`app.get('/', handler)`), which become async contexts where it does.
      const topLevel = ref.fn.kind === 'module';
      const { children, calls } = fileIndex(ref.file);
      // Nested functions run with it, or are handed on from it (callbacks, offloads).
      if (!topLevel) for (const fn of children[ref.fn.id] ?? []) add({ file: ref.file, fn });
      for (const site of calls[ref.fn.id] ?? []) {
        if (!topLevel) {
          const callee = resolver.callee(site.callee);
          if (callee.kind === 'function') add(callee.ref);
        }
        for (const arg of site.args) {
          if (arg.kind === 'function' && topLevel) {
            const fn = ref.file.functions[arg.functionId];
            if (fn) add({ file: ref.file, fn });
          }
          if (arg.kind !== 'reference') continue;
          const value = resolver.value(arg.ref);
          if (value.kind === 'function') add(value.ref);
        }
      }
    }
  }

  /**
   * Finds, in the files read, the functions that call or pass on a function looked up for callers.
   * Only what is written with one of their names is resolved: a call, an argument, or a binding
   * (`from app.geo import lookup as find`, `const find = require('./lookup')`), whose own name
   * is then looked for too.
   */
  private findCallers(resolverOf: (file: FileModel) => Resolver | undefined): void {
    for (let grew = true; grew; ) {
      grew = false;
      const names = this.names();
      for (const file of this.models.values()) {
        const resolver = resolverOf(file);
        if (!resolver) continue;
        const addCaller = (functionId: number): void => {
          const fn = file.functions[functionId];
          if (!fn) return;
          if (this.up.has(fn)) return;
          this.up.set(fn, { file, fn });
          grew = true;
        };
        // Decorators can make a function an async context (`@app.get`): their names must resolve.
        for (const fn of file.functions) if (this.up.has(fn)) for (const d of fn.decorators) resolver.value(d.ref);
        const { byName } = fileIndex(file);
        // What the file writes with one of the names: the smaller of the two is walked.
        const written = byName.size < names.size ? [...byName.keys()].filter((n) => names.has(n)) : [...names].filter((n) => byName.has(n));
        for (const name of written) {
          const uses = byName.get(name);
          for (const binding of uses?.bindings ?? []) {
            const callee = resolver.callee(binding.value);
            const alias = lastSegment(binding.qname);
            if (callee.kind === 'function' && this.up.has(callee.ref.fn) && !names.has(alias) && isWord(alias)) {
              this.aliases.set(alias, file);
              names.add(alias);
              grew = true;
            }
          }
          for (const site of uses?.callees ?? []) {
            const callee = resolver.callee(site.callee);
            if (callee.kind === 'function' && this.up.has(callee.ref.fn)) addCaller(site.functionId);
          }
          for (const { site, ref } of uses?.arguments ?? []) {
            const value = resolver.value(ref);
            if (value.kind === 'function' && this.up.has(value.ref.fn)) addCaller(site.functionId);
          }
        }
      }
    }
  }

  /** Files not read yet that mention a function looked up for callers (see `searchesOf`). */
  private filesMentioningNewNames(): string[] {
    // Test code gives no role to functions outside tests (see `marks` in functions.ts), and callers
    // of a sync function in script files run it from code out of the rule's reach, giving it no
    // role either: only an async function's callers there matter (start-up code, runners).
    const searches: { words: string[]; scripts: boolean; home: Home | undefined }[] = [
      ...[...this.up.values()].flatMap((ref) => searchesOf(ref).map((words) => ({ words, scripts: ref.fn.isAsync, home: homeOf(ref.file) }))),
      ...[...this.aliases].map(([alias, file]) => ({ words: [alias], scripts: true, home: homeOf(file) })),
    ];
    // The home's roots are common words (`asyncio`, `email`): they are looked for only in the files
    // that hold a search's words.
    const words = [...new Set(searches.flatMap((s) => s.words))].filter((w) => !this.wordFiles.has(w)).sort();
    if (words.length > 0) {
      const found = this.input.mentioning?.(words) ?? this.scan(words);
      for (const w of words) this.wordFiles.set(w, found.get(w) ?? new Set());
    }
    const out = new Set<string>();
    for (const search of searches) {
      const [first, ...rest] = search.words.map((w) => this.wordFiles.get(w) ?? new Set<string>());
      for (const path of first ?? []) {
        if (!this.sources.has(path) || !rest.every((files) => files.has(path))) continue;
        const role = adapterFor(path)?.pathRole(path)?.role;
        if (role === 'test' || (role === 'script' && !search.scripts)) continue;
        const home = search.home;
        if (home && topFolder(path) !== home.top && !home.roots.some((root) => this.spells(path, root))) continue;
        if (!this.models.has(path)) out.add(path);
      }
    }
    return [...out];
  }

  /** The words callers of the functions looked up for callers are written with. */
  private names(): Set<string> {
    return new Set([...[...this.up.values()].flatMap((ref) => searchesOf(ref).flat()), ...this.aliases.keys()]);
  }

  /** The text prefilter without git: reads each file not read yet and looks for the words. */
  private scan(words: readonly string[]): Map<string, Set<string>> {
    const pattern = new RegExp(alone(words), 'gu');
    const found = new Map<string, Set<string>>(words.map((w) => [w, new Set<string>()]));
    for (const path of this.input.sources) {
      if (this.models.has(path)) continue;
      const text = this.input.read(path)?.toString('utf8') ?? '';
      for (const match of text.matchAll(pattern)) found.get(match[0])?.add(path);
    }
    return found;
  }
}

/**
 * How callers of `ref` are found: alternatives, each a set of words a calling file holds all of.
 * A function by its name; a method by its name and its class's (the caller names the class to
 * make or declare the object, or is a subclass); a constructor or other special method by its
 * class's name; a module's whole export by the module's name. Test code has no callers that matter.
 */
function searchesOf(ref: FunctionRef): string[][] {
  const { file, fn } = ref;
  if (file.role?.role === 'test') return [];
  const cls = fn.classQname === undefined ? undefined : lastSegment(fn.classQname);
  const searches: string[][] = [];
  const adapter = adapterFor(file.path);
  if (cls !== undefined && adapter?.classCalled.test(fn.name) === true) searches.push([cls]);
  else if (cls !== undefined && fn.kind === 'method') searches.push([fn.name, cls]);
  else if (!ANONYMOUS.test(fn.name)) searches.push([fn.name]);
  if (isWholeModule(file, fn)) searches.push(...moduleWords(file.path, adapter?.folderModule).map((w) => [w]));
  return searches.filter((words) => words.every(isWord));
}

/**
 * Where callers of a module's functions can be: anywhere under the same top folder, or in a file
 * that names the module's root package to import it (`app`, a crate's name). Undefined for modules
 * addressed by path (`./lib/lookup`), which any file may import by a relative path.
 */
interface Home {
  readonly top: string;
  readonly roots: readonly string[];
}

function homeOf(file: FileModel): Home | undefined {
  if (file.modules.length === 0 || file.modules.some((m) => m.startsWith('.'))) return undefined;
  const own = adapterFor(file.path)?.ownPackageRoots ?? [];
  const roots = [...new Set(file.modules.map((m) => m.split('.')[0] ?? m))].filter((r) => isWord(r) && !own.includes(r));
  return { top: topFolder(file.path), roots };
}

function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function isWord(name: string): boolean {
  return WORD.test(name);
}

/** A function a module exports as a whole (`module.exports = f`, `export default f`). */
function isWholeModule(file: FileModel, fn: FunctionModel): boolean {
  const primary = file.modules[0];
  if (primary === undefined || fn.qname === undefined) return false;
  if (fn.classQname !== undefined) return false;
  if (fn.qname === `${primary}.default`) return true;
  return file.bindings.some((b) => b.qname === `${primary}.default` && b.value.kind === 'name' && b.value.qname === fn.qname);
}

/** The words an import of the file is written with: its name, and its folder's for index files. */
function moduleWords(path: string, folderModule: RegExp | undefined): string[] {
  const parts = path.split('/');
  const stem = (parts[parts.length - 1] ?? '').replace(/\.[^.]*$/, '');
  const folder = parts[parts.length - 2];
  return folderModule?.test(stem) === true && folder !== undefined ? [stem, folder] : [stem];
}

/** What a file writes with one name: bindings of it, calls of it, and arguments that pass it on. */
interface NameUses {
  readonly bindings: Binding[];
  readonly callees: CallSite[];
  readonly arguments: { readonly site: CallSite; readonly ref: ValueRef }[];
}

/** A file's functions and calls by the function that holds them, and its uses of names by the name. */
interface FileIndex {
  readonly children: readonly (readonly FunctionModel[] | undefined)[];
  readonly calls: readonly (readonly CallSite[] | undefined)[];
  readonly byName: ReadonlyMap<string, NameUses>;
}

const fileIndexes = new WeakMap<FileModel, FileIndex>();

function fileIndex(file: FileModel): FileIndex {
  let index = fileIndexes.get(file);
  if (!index) {
    const children: FunctionModel[][] = [];
    const calls: CallSite[][] = [];
    const byName = new Map<string, NameUses>();
    const uses = (ref: ValueRef): NameUses | undefined => {
      const name = lastName(ref);
      if (name === undefined) return undefined;
      let found = byName.get(name);
      if (!found) byName.set(name, (found = { bindings: [], callees: [], arguments: [] }));
      return found;
    };
    for (const fn of file.functions) if (fn.parent !== null) (children[fn.parent] ??= []).push(fn);
    for (const site of file.calls) {
      (calls[site.functionId] ??= []).push(site);
      uses(site.callee)?.callees.push(site);
      for (const arg of site.args) if (arg.kind === 'reference') uses(arg.ref)?.arguments.push({ site, ref: arg.ref });
    }
    for (const binding of file.bindings) uses(binding.value)?.bindings.push(binding);
    index = { children, calls, byName };
    fileIndexes.set(file, index);
  }
  return index;
}

/** The last name a value is written with (`helpers.fetch` → `fetch`), if any. */
function lastName(ref: ValueRef): string | undefined {
  switch (ref.kind) {
    case 'name':
      return lastSegment(ref.qname);
    case 'member':
      return ref.name;
    case 'result':
    case 'item':
      return lastName(ref.of);
    default:
      return undefined;
  }
}
