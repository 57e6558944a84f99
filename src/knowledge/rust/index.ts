// The Rust ecosystem: every catalog file's entries, the toolchain's crates and the advice.

import type { Ecosystem } from '../entry.js';
import { advice } from './advice.js';
import { entries as callbacks } from './callbacks.js';
import { entries as clock } from './clock.js';
import { entries as cpu } from './cpu.js';
import { entries as database } from './database.js';
import { entries as diesel } from './diesel.js';
import { entries as files } from './files.js';
import { entries as filesystem } from './filesystem.js';
import { entries as http } from './http.js';
import { entries as inPlace } from './in-place.js';
import { entries as input } from './input.js';
import { entries as locks } from './locks.js';
import { entries as nonBlocking } from './non-blocking.js';
import { entries as offload } from './offload.js';
import { entries as redis } from './redis.js';
import { entries as roles } from './roles.js';
import { entries as sleep } from './sleep.js';
import { entries as sockets } from './sockets.js';
import { standardModules } from './stdlib.js';
import { entries as subprocess } from './subprocess.js';
import { entries as syncWait } from './sync-wait.js';
import { entries as types } from './types.js';

export const rust: Ecosystem = {
  name: 'rust',
  entries: [
    ...callbacks,
    // Blocking APIs, by concern.
    ...sleep,
    ...filesystem,
    ...files,
    ...input,
    ...sockets,
    ...http,
    ...subprocess,
    ...database,
    ...diesel,
    ...redis,
    ...syncWait,
    ...locks,
    ...cpu,
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
  builtinPrefix: 'std.prelude.',
  advice,
};
