// APIs that call the functions they are given on the caller's thread, before they return: a callback
// passed to them belongs to the caller's async path.
//
// Array methods (`map`, `forEach`, `filter`, `reduce`, `sort`, ...) need no entry: the adapter marks
// their callbacks as run in place whatever the receiver. Listed here are the calls it cannot see by
// shape: static constructors and parsers of the language, and lodash-style collection functions.

import { inPlace, type Entry, type InPlaceEntry } from '../entry.js';
import { ts } from './authoring.js';

/** An in-place API whose example passes a callback that stats a file synchronously, then one that does not. */
function runsInPlace(api: string, o: { match?: readonly string[]; callableArgs: readonly (number | string)[]; what: string; imports?: string; bad: string; good: string }): InPlaceEntry {
  const imports = o.imports ? `${o.imports}\n` : '';
  return inPlace({
    id: `node:${api}`,
    match: [api, ...(o.match ?? [])],
    callableArgs: o.callableArgs,
    why: `${api.replace(/^globalThis\./, '')} ${o.what} on the calling thread, before it returns, so whatever that function does counts as done by the caller.`,
    example: {
      bad: `${imports}import { statSync } from 'node:fs';\n\n${ts`
        export async function handle(paths: string[], sizes: Map<string, number>): Promise<unknown> {
          return ${o.bad};
        }
      `}`,
      good: `${imports ? `${imports}\n` : ''}${ts`
        export async function handle(paths: string[], sizes: Map<string, number>): Promise<unknown> {
          return ${o.good};
        }
      `}`,
    },
  });
}

/** A lodash collection function that calls its iteratee (argument 1) once per element, at once. */
function lodash(name: string, what: string): InPlaceEntry {
  // A named import is called as a plain function, which the adapter cannot tell from any other call.
  const reduce = name === 'reduce';
  return runsInPlace(`lodash.${name}`, {
    match: [`lodash-es.${name}`, `lodash/${name}`, `underscore.${name}`],
    callableArgs: [1],
    what,
    imports: `import { ${name} } from 'lodash';`,
    bad: reduce ? 'reduce(paths, (total, p) => total + statSync(p).size, 0)' : `${name}(paths, (p) => statSync(p).size)`,
    good: reduce ? 'reduce(paths, (total, p) => total + (sizes.get(p) ?? 0), 0)' : `${name}(paths, (p) => sizes.get(p) ?? 0)`,
  });
}

export const entries: readonly Entry[] = [
  runsInPlace('globalThis.Array.from', {
    callableArgs: [1],
    what: 'calls its mapping function once per element',
    bad: 'Array.from(paths, (p) => statSync(p).size)',
    good: 'Array.from(paths, (p) => sizes.get(p) ?? 0)',
  }),
  runsInPlace('globalThis.Object.groupBy', {
    match: ['globalThis.Map.groupBy'],
    callableArgs: [1],
    what: 'calls its key function once per element',
    bad: 'Object.groupBy(paths, (p) => (statSync(p).isDirectory() ? "dirs" : "files"))',
    good: 'Object.groupBy(paths, (p) => (p.endsWith("/") ? "dirs" : "files"))',
  }),
  runsInPlace('globalThis.JSON.parse', {
    callableArgs: [1],
    what: 'calls its reviver once per parsed value',
    bad: 'JSON.parse(paths.join(","), (_key, value) => (typeof value === "string" ? statSync(value).size : value))',
    good: 'JSON.parse(paths.join(","), (_key, value) => (typeof value === "string" ? sizes.get(value) : value))',
  }),
  runsInPlace('globalThis.JSON.stringify', {
    callableArgs: [1],
    what: 'calls its replacer once per serialized value',
    bad: 'JSON.stringify(paths, (_key, value) => (typeof value === "string" ? statSync(value).size : value))',
    good: 'JSON.stringify(paths, (_key, value) => (typeof value === "string" ? sizes.get(value) : value))',
  }),
  lodash('map', 'calls its iteratee once per element'),
  lodash('forEach', 'calls its iteratee once per element'),
  lodash('each', 'calls its iteratee once per element'),
  lodash('filter', 'calls its predicate once per element'),
  lodash('reject', 'calls its predicate once per element'),
  lodash('find', 'calls its predicate on the elements until one matches'),
  lodash('some', 'calls its predicate on the elements until one matches'),
  lodash('every', 'calls its predicate on the elements until one fails'),
  lodash('sortBy', 'calls its iteratee once per element'),
  lodash('groupBy', 'calls its iteratee once per element'),
  lodash('keyBy', 'calls its iteratee once per element'),
  lodash('countBy', 'calls its iteratee once per element'),
  lodash('partition', 'calls its predicate once per element'),
  lodash('flatMap', 'calls its iteratee once per element'),
  lodash('uniqBy', 'calls its iteratee once per element'),
  lodash('sumBy', 'calls its iteratee once per element'),
  lodash('maxBy', 'calls its iteratee once per element'),
  lodash('minBy', 'calls its iteratee once per element'),
  lodash('mapValues', 'calls its iteratee once per property'),
  lodash('reduce', 'calls its reducer once per element'),
];
