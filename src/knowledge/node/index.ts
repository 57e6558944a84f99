// The Node ecosystem (JavaScript and TypeScript): every catalog file's entries, Node's builtin
// modules and the advice.

import type { Ecosystem } from '../entry.js';
import { advice } from './advice.js';
import { standardModules } from './builtins.js';
import { entries as callbacks } from './callbacks.js';
import { entries as childProcess } from './child-process.js';
import { entries as clock } from './clock.js';
import { entries as cpu } from './cpu.js';
import { entries as crypto } from './crypto.js';
import { entries as database } from './database.js';
import { entries as fs } from './fs.js';
import { entries as inPlace } from './in-place.js';
import { entries as input } from './input.js';
import { entries as modules } from './modules.js';
import { entries as network } from './network.js';
import { entries as nonBlocking } from './non-blocking.js';
import { entries as offload } from './offload.js';
import { entries as roles } from './roles.js';
import { entries as syncWait } from './sync-wait.js';
import { entries as types } from './types.js';
import { entries as zlib } from './zlib.js';

export const node: Ecosystem = {
  name: 'node',
  entries: [
    ...callbacks,
    // Blocking APIs, by concern.
    ...fs,
    ...modules,
    ...childProcess,
    ...network,
    ...database,
    ...crypto,
    ...zlib,
    ...cpu,
    ...syncWait,
    ...input,
    // Boundaries, families and markers.
    ...offload,
    ...nonBlocking,
    ...inPlace,
    ...clock,
    ...roles,
    // Value flow.
    ...types,
  ],
  standardModules,
  builtinPrefix: 'globalThis.',
  advice,
};
