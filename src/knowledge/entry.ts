// The shape of a catalog entry: one API, what it does to an event loop, and what to use instead.
//
// Entries name APIs by qualified name, in the namespace the adapters lower to:
//   'time.sleep'                       a module-level function
//   'sqlite3.Connection.execute'       a method of a type (the receiver's type is inferred)
//   'requests.Session.*'               every method of a type
//   'aiohttp.*'                        everything under a module (for non-blocking families)
// `returns` lets the analysis follow values: `sqlite3.connect` returns `sqlite3.Connection`, so
// `conn = sqlite3.connect(p); conn.execute(q)` resolves to `sqlite3.Connection.execute`.

import type { Category } from '../ir/report.js';

export interface Example {
  /** Code whose analysis yields exactly one finding, from this entry. */
  readonly bad: string;
  /** The corrected code: no finding. */
  readonly good: string;
}

interface EntryBase {
  /** `<ecosystem>:<api>`, unique (`python:time.sleep`). */
  readonly id: string;
  /** Qualified names this entry covers: the API and its aliases. */
  readonly match: readonly string[];
  /** The type of the value the API returns, when later calls on it matter. */
  readonly returns?: string;
}

/** An API that blocks the calling thread. */
export interface BlockingEntry extends EntryBase {
  readonly kind: 'blocking';
  readonly category: Category;
  /** One sentence that names the mechanism and stands alone; messages quote it. */
  readonly why: string;
  /** Concrete replacements, per runtime, or the offload idiom when no async API exists. */
  readonly useInstead: readonly string[];
  /** What the message says the call does: "performs a blocking HTTP request". */
  readonly does: string;
  readonly example: Example;
  /**
   * The call blocks only when this holds: `minArg` needs an argument that is a numeric literal of at
   * least `value` (a work factor, a size); a call whose argument is not a literal is reported.
   */
  readonly when?: {
    readonly minArg?: { readonly index: number; readonly keyword?: string; readonly value: number };
    /** Blocks only when this positional argument is not a literal (`require(path)` of a computed path). */
    readonly argNotLiteral?: number;
    /** Blocks only when the adapter observed this fact about the call (see `CallSite.facts`). */
    readonly fact?: string;
    /** Blocks only in its synchronous form, called without a callback (`crypto.randomBytes(n)`). */
    readonly noCallback?: boolean;
  };
}

/** An API that runs a callable on another thread or process: what it is given is off the loop. */
export interface OffloadEntry extends EntryBase {
  readonly kind: 'offload';
  /** Which arguments are callables that run off the loop (positional indexes and keywords); 'all' for any. */
  readonly callableArgs: readonly (number | string)[] | 'all';
  /** Used as a decorator, it moves the decorated function off the loop (`@sync_to_async`). */
  readonly decorator?: boolean;
  /** Why handing work to it is safe for the loop. */
  readonly why: string;
  readonly example: Example;
}

/**
 * An API that registers callbacks the runtime runs on the event loop, which makes them async
 * contexts even without the async keyword: route handlers (`app.get(path, handler)`), server and
 * socket listeners, timers.
 */
export interface CallbackEntry extends EntryBase {
  readonly kind: 'callback';
  /** Which arguments are such callbacks: positions, keywords (properties of an options object), or 'all'. */
  readonly callableArgs: readonly (number | string)[] | 'all';
  /** Used as a decorator, it makes the decorated function such a callback (NestJS `@Get()`). */
  readonly decorator?: boolean;
  readonly why: string;
  /** `bad`: blocking code in such a callback (one finding); `good`: the same callback, non-blocking. */
  readonly example: Example;
}

/** An API (or family) known not to block: awaited async clients, framework objects. */
export interface NonBlockingEntry extends EntryBase {
  readonly kind: 'non-blocking';
  /** `bad` shows the blocking code this entry's API replaces or exposes, `good` its use. */
  readonly example: Example;
  readonly why: string;
}

/** An API that runs the callables it is given in place, on the caller's thread (`sorted(key=...)`). */
export interface InPlaceEntry extends EntryBase {
  readonly kind: 'in-place';
  /** `bad` shows the blocking code this entry's API replaces or exposes, `good` its use. */
  readonly example: Example;
  readonly callableArgs: readonly (number | string)[] | 'all';
  readonly why: string;
}

/** A clock read: a loop that spins on it without yielding is a busy wait. */
export interface ClockEntry extends EntryBase {
  readonly kind: 'clock';
  /** `bad` shows the blocking code this entry's API replaces or exposes, `good` its use. */
  readonly example: Example;
  readonly why: string;
}

/**
 * A marker that puts code out of the rule's reach or into a known role: test decorators, CLI entry
 * points, start-up hooks, framework routes whose sync handlers run in a threadpool, and runners that
 * start an event loop for a program (`asyncio.run`).
 */
export interface RoleEntry extends EntryBase {
  readonly kind: 'role';
  /** `bad`: blocking code that is reported without the marker; `good`: the same code, marked. */
  readonly example: Example;
  /** `runner`: the coroutine passed to it is a program's entry point, not a request path. */
  readonly role: 'test' | 'script' | 'startup' | 'threadpool-route' | 'runner';
  readonly why: string;
  /** For decorators that take an event name (`on_event("startup")`): the names that count. */
  readonly whenArg?: readonly string[];
}

/** An API whose only interest is the type of what it returns (`pathlib.Path(...)`, `open(...)`). */
export interface TypeEntry extends EntryBase {
  readonly kind: 'type';
  readonly returns: string;
}

export type Entry =
  | BlockingEntry
  | OffloadEntry
  | CallbackEntry
  | NonBlockingEntry
  | InPlaceEntry
  | ClockEntry
  | RoleEntry
  | TypeEntry;

/** What to tell the user about a construct that is not an API call (a heavy loop, a busy wait). */
export interface Advice {
  readonly why: string;
  readonly useInstead: readonly string[];
}

/** The knowledge for one ecosystem (a language and its libraries). */
export interface Ecosystem {
  /**
   * Advice for what no entry names: loops with huge constant bounds (`heavyLoop`), loops spinning on
   * the clock (`busyWait`), and unknown third-party calls whose names suggest I/O (`unknownCall`).
   */
  readonly advice: { readonly heavyLoop: Advice; readonly busyWait: Advice; readonly unknownCall: Advice };
  readonly name: string;
  readonly entries: readonly Entry[];
  /** Root modules of the standard library: calls into them are known, never "third-party". */
  readonly standardModules: ReadonlySet<string>;
  /** Names callable without an import (`open`, `input`), lowered as `builtins.<name>` or similar. */
  readonly builtinPrefix: string;
}

// Constructors: they only fill in `kind`, so that a catalog file reads as a list of facts.
export const blocking = (e: Omit<BlockingEntry, 'kind'>): BlockingEntry => ({ kind: 'blocking', ...e });
export const offload = (e: Omit<OffloadEntry, 'kind'>): OffloadEntry => ({ kind: 'offload', ...e });
export const callback = (e: Omit<CallbackEntry, 'kind'>): CallbackEntry => ({ kind: 'callback', ...e });
export const nonBlocking = (e: Omit<NonBlockingEntry, 'kind'>): NonBlockingEntry => ({ kind: 'non-blocking', ...e });
export const inPlace = (e: Omit<InPlaceEntry, 'kind'>): InPlaceEntry => ({ kind: 'in-place', ...e });
export const clock = (e: Omit<ClockEntry, 'kind'>): ClockEntry => ({ kind: 'clock', ...e });
export const role = (e: Omit<RoleEntry, 'kind'>): RoleEntry => ({ kind: 'role', ...e });
export const type = (e: Omit<TypeEntry, 'kind'>): TypeEntry => ({ kind: 'type', ...e });
