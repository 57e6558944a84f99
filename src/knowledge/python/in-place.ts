// APIs that call the functions they are given on the caller's thread, before they return or as
// their result is consumed: a lambda passed to them belongs to the caller's async path.
//
// Comprehensions and generator expressions need no entry: they are part of the enclosing function.
// list.sort(key=...) is left out because its receiver's type is rarely known.

import { inPlace, type Entry, type InPlaceEntry } from '../entry.js';
import { py } from './authoring.js';

/** An in-place API whose example calls `<call>` with a lambda that blocks, then with a cheap one. */
function runsInPlace(api: string, o: {
  callableArgs: readonly (number | string)[];
  what: string;
  imports?: string;
  bad: string;
  good: string;
}): InPlaceEntry {
  const imports = o.imports ? `${o.imports}\nimport os` : 'import os';
  return inPlace({
    id: `python:${api}`,
    match: [api],
    callableArgs: o.callableArgs,
    why: `${api} ${o.what} on the calling thread, so whatever that function does counts as done by the caller.`,
    example: {
      bad: py`
        ${imports}

        async def handle(paths: list[str], sizes: dict[str, int]):
            return ${o.bad}
      `,
      good: py`
        ${imports}

        async def handle(paths: list[str], sizes: dict[str, int]):
            return ${o.good}
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Builtins.
  runsInPlace('builtins.sorted', {
    callableArgs: ['key'],
    what: 'calls its key function once per item while sorting',
    bad: 'sorted(paths, key=lambda p: os.path.getmtime(p))',
    good: 'sorted(paths, key=lambda p: sizes[p])',
  }),
  runsInPlace('builtins.min', {
    callableArgs: ['key'],
    what: 'calls its key function once per item',
    bad: 'min(paths, key=lambda p: os.path.getsize(p))',
    good: 'min(paths, key=lambda p: sizes[p])',
  }),
  runsInPlace('builtins.max', {
    callableArgs: ['key'],
    what: 'calls its key function once per item',
    bad: 'max(paths, key=lambda p: os.path.getsize(p))',
    good: 'max(paths, key=lambda p: sizes[p])',
  }),
  runsInPlace('builtins.map', {
    callableArgs: [0],
    what: 'calls its function on each item as the result is iterated',
    bad: 'list(map(lambda p: os.path.getsize(p), paths))',
    good: 'list(map(lambda p: sizes[p], paths))',
  }),
  runsInPlace('builtins.filter', {
    callableArgs: [0],
    what: 'calls its predicate on each item as the result is iterated',
    bad: 'list(filter(lambda p: os.path.exists(p), paths))',
    good: 'list(filter(lambda p: p in sizes, paths))',
  }),
  inPlace({
    id: 'python:builtins.iter',
    match: ['builtins.iter'],
    callableArgs: [0],
    why: 'iter(function, sentinel) calls the function again and again on the calling thread, as the iterator is consumed, until it returns the sentinel.',
    example: {
      bad: py`
        import io

        async def chunks(fh: io.BufferedReader) -> list[bytes]:
            return list(iter(lambda: fh.read(4096), b""))
      `,
      good: py`
        import collections

        async def drain(pending: collections.deque) -> list:
            return list(iter(lambda: pending.popleft() if pending else None, None))
      `,
    },
  }),

  // functools and itertools.
  runsInPlace('functools.reduce', {
    callableArgs: [0],
    what: 'calls its function once per item before it returns',
    imports: 'import functools',
    bad: 'functools.reduce(lambda total, p: total + os.path.getsize(p), paths, 0)',
    good: 'functools.reduce(lambda total, p: total + sizes[p], paths, 0)',
  }),
  runsInPlace('functools.cmp_to_key', {
    callableArgs: [0],
    what: 'turns a comparison function into a key whose comparisons call it, during the sort that uses it,',
    imports: 'import functools',
    bad: 'sorted(paths, key=functools.cmp_to_key(lambda a, b: os.path.getsize(a) - sizes[b]))',
    good: 'sorted(paths, key=functools.cmp_to_key(lambda a, b: sizes[a] - sizes[b]))',
  }),
  runsInPlace('itertools.filterfalse', {
    callableArgs: [0],
    what: 'calls its predicate on each item as the result is iterated',
    imports: 'import itertools',
    bad: 'list(itertools.filterfalse(lambda p: os.path.isdir(p), paths))',
    good: 'list(itertools.filterfalse(lambda p: p in sizes, paths))',
  }),
  runsInPlace('itertools.takewhile', {
    callableArgs: [0],
    what: 'calls its predicate on each item as the result is iterated',
    imports: 'import itertools',
    bad: 'list(itertools.takewhile(lambda p: os.path.exists(p), paths))',
    good: 'list(itertools.takewhile(lambda p: p in sizes, paths))',
  }),
  runsInPlace('itertools.dropwhile', {
    callableArgs: [0],
    what: 'calls its predicate on each item as the result is iterated',
    imports: 'import itertools',
    bad: 'list(itertools.dropwhile(lambda p: os.path.exists(p), paths))',
    good: 'list(itertools.dropwhile(lambda p: p in sizes, paths))',
  }),
  runsInPlace('itertools.groupby', {
    callableArgs: [1, 'key'],
    what: 'calls its key function on each item as the groups are iterated',
    imports: 'import itertools',
    bad: '[name for name, _ in itertools.groupby(paths, key=lambda p: os.path.isdir(p))]',
    good: '[name for name, _ in itertools.groupby(paths, key=lambda p: p in sizes)]',
  }),
  runsInPlace('itertools.starmap', {
    callableArgs: [0],
    what: 'calls its function with each argument tuple as the result is iterated',
    imports: 'import itertools',
    bad: 'list(itertools.starmap(lambda a, b: os.path.samefile(a, b), zip(paths, paths[1:])))',
    good: 'list(itertools.starmap(lambda a, b: a == b, zip(paths, paths[1:])))',
  }),
  runsInPlace('itertools.accumulate', {
    callableArgs: [1, 'func'],
    what: 'calls its function on each running total as the result is iterated',
    imports: 'import itertools',
    bad: 'list(itertools.accumulate(paths, lambda total, p: total + str(os.path.getsize(p))))',
    good: 'list(itertools.accumulate(paths, lambda total, p: total + str(sizes[p])))',
  }),

  // heapq.
  runsInPlace('heapq.nlargest', {
    callableArgs: [2, 'key'],
    what: 'calls its key function once per item',
    imports: 'import heapq',
    bad: 'heapq.nlargest(10, paths, key=lambda p: os.path.getsize(p))',
    good: 'heapq.nlargest(10, paths, key=lambda p: sizes[p])',
  }),
  runsInPlace('heapq.nsmallest', {
    callableArgs: [2, 'key'],
    what: 'calls its key function once per item',
    imports: 'import heapq',
    bad: 'heapq.nsmallest(10, paths, key=lambda p: os.path.getsize(p))',
    good: 'heapq.nsmallest(10, paths, key=lambda p: sizes[p])',
  }),
];
