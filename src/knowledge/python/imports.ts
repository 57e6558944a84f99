// Importing modules and reading package metadata or source at run time: each one searches sys.path
// and reads files from disk.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** An `importlib.metadata` query: it scans the installed distributions' metadata on sys.path. */
function metadataQuery(name: string, o: { does: string; what: string; args: string }): BlockingEntry {
  const offloaded = `importlib.metadata.${name}${o.args ? `, ${o.args}` : ''}`;
  return blocking({
    id: `python:importlib.metadata.${name}`,
    match: [`importlib.metadata.${name}`, `importlib_metadata.${name}`],
    category: 'file-io',
    why: `importlib.metadata.${name} ${o.what}, searching every sys.path entry and reading metadata files on the calling thread.`,
    does: o.does,
    useInstead: ['read it once at start-up (module level or a startup hook) and keep the value', ...toThread(offloaded)],
    example: {
      bad: py`
        import importlib.metadata

        async def describe(package: str):
            return importlib.metadata.${name}(${o.args})
      `,
      good: py`
        import asyncio
        import importlib.metadata

        async def describe(package: str):
            return await asyncio.to_thread(${offloaded})
      `,
    },
  });
}

/** An `inspect` function that finds an object's source: it reads the source file from disk. */
function inspectSource(name: string, what: string): BlockingEntry {
  return blocking({
    id: `python:inspect.${name}`,
    match: [`inspect.${name}`],
    category: 'file-io',
    why: `inspect.${name} ${what}, reading the file from disk (through linecache) and scanning it on the calling thread.`,
    does: 'reads a source file synchronously',
    useInstead: toThread(`inspect.${name}, obj`),
    example: {
      bad: py`
        import inspect

        async def show(obj: object):
            return inspect.${name}(obj)
      `,
      good: py`
        import asyncio
        import inspect

        async def show(obj: object):
            return await asyncio.to_thread(inspect.${name}, obj)
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:importlib.import_module',
    match: ['importlib.import_module'],
    category: 'file-io',
    why: 'importlib.import_module of a module not yet imported searches sys.path, reads and compiles its files and runs its top-level code, all on the calling thread.',
    does: 'imports a module synchronously',
    useInstead: ['import the module at start-up (module level or a startup hook)', ...toThread('importlib.import_module, name')],
    example: {
      bad: py`
        import importlib

        async def load_plugin(name: str):
            return importlib.import_module(f"plugins.{name}")
      `,
      good: py`
        import asyncio
        import importlib

        async def load_plugin(name: str):
            return await asyncio.to_thread(importlib.import_module, f"plugins.{name}")
      `,
    },
  }),
  blocking({
    id: 'python:importlib.reload',
    match: ['importlib.reload'],
    category: 'file-io',
    why: "importlib.reload reads and recompiles the module's source and reruns its top-level code on the calling thread.",
    does: 'reloads a module synchronously',
    useInstead: toThread('importlib.reload, module'),
    example: {
      bad: py`
        import importlib
        import types

        async def refresh(module: types.ModuleType) -> types.ModuleType:
            return importlib.reload(module)
      `,
      good: py`
        import asyncio
        import importlib
        import types

        async def refresh(module: types.ModuleType) -> types.ModuleType:
            return await asyncio.to_thread(importlib.reload, module)
      `,
    },
  }),
  metadataQuery('version', { does: 'reads package metadata from disk', what: 'looks the distribution up', args: 'package' }),
  metadataQuery('metadata', { does: 'reads package metadata from disk', what: 'looks the distribution up and parses its METADATA file', args: 'package' }),
  metadataQuery('distribution', { does: 'reads package metadata from disk', what: 'looks the distribution up', args: 'package' }),
  metadataQuery('entry_points', { does: 'reads package metadata from disk', what: "reads every installed distribution's entry points", args: '' }),
  inspectSource('getsource', 'reads the source file and returns the text of the object'),
  inspectSource('getsourcelines', "reads the source file and returns the object's lines"),
];
