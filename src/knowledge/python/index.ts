// The Python ecosystem: every catalog file's entries, the standard library's modules and the advice.

import type { Ecosystem } from '../entry.js';
import { advice } from './advice.js';
import { entries as callbacks } from './callbacks.js';
import { entries as clock } from './clock.js';
import { entries as cloud } from './cloud.js';
import { entries as cpu } from './cpu.js';
import { entries as database } from './database.js';
import { entries as dataFiles } from './data-files.js';
import { entries as django } from './django.js';
import { entries as files } from './files.js';
import { entries as filesystem } from './filesystem.js';
import { entries as http } from './http.js';
import { entries as imports } from './imports.js';
import { entries as inPlace } from './in-place.js';
import { entries as infrastructure } from './infrastructure.js';
import { entries as input } from './input.js';
import { entries as locks } from './locks.js';
import { entries as media } from './media.js';
import { entries as messaging } from './messaging.js';
import { entries as mongodb } from './mongodb.js';
import { entries as nonBlocking } from './non-blocking.js';
import { entries as objectStorage } from './object-storage.js';
import { entries as offload } from './offload.js';
import { entries as paths } from './paths.js';
import { entries as protocols } from './protocols.js';
import { entries as redis } from './redis.js';
import { entries as roles } from './roles.js';
import { entries as sdks } from './sdks.js';
import { entries as sleep } from './sleep.js';
import { entries as sockets } from './sockets.js';
import { entries as sqlalchemy } from './sqlalchemy.js';
import { entries as subprocess } from './subprocess.js';
import { entries as syncWait } from './sync-wait.js';
import { entries as templates } from './templates.js';
import { entries as types } from './types.js';
import { standardModules } from './stdlib.js';

export const python: Ecosystem = {
  name: 'python',
  entries: [
    ...callbacks,
    // Blocking APIs, by concern.
    ...sleep,
    ...http,
    ...sockets,
    ...protocols,
    ...cloud,
    ...sdks,
    ...objectStorage,
    ...infrastructure,
    ...messaging,
    ...files,
    ...dataFiles,
    ...templates,
    ...paths,
    ...filesystem,
    ...imports,
    ...subprocess,
    ...database,
    ...sqlalchemy,
    ...django,
    ...mongodb,
    ...redis,
    ...syncWait,
    ...locks,
    ...cpu,
    ...media,
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
  builtinPrefix: 'builtins.',
  advice,
};
