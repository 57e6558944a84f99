// Password hashing with a deliberate work factor: bcrypt, bcryptjs and the @node-rs bindings. Each
// synchronous call takes tens to hundreds of milliseconds, all of it on the event loop thread.
// node:crypto's own key derivation is in crypto.ts.
//
// genSaltSync is not listed: it only draws 16 random bytes, the cost factor is spent by hashSync.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** A synchronous password-hashing call, replaced by the same package's promise-returning twin. */
function slowHash(o: {
  id: string;
  match: readonly string[];
  what: string;
  does: string;
  importSync: string;
  importAsync: string;
  params: string;
  call: string;
  awaited: string;
  offThread: string;
}): BlockingEntry {
  return blocking({
    id: o.id,
    match: o.match,
    category: 'cpu',
    why: `${o.what}: work made slow on purpose, tens to hundreds of milliseconds per call, all of it on the event loop thread while every other request waits.`,
    does: o.does,
    useInstead: [`await ${o.awaited}  // ${o.offThread}`],
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
          return await ${o.awaited};
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  slowHash({
    id: 'node:bcrypt.hashSync',
    match: ['bcrypt.hashSync', 'bcryptjs.hashSync'],
    what: "bcrypt's hashSync (and bcryptjs's) runs 2^rounds iterations of the Blowfish key schedule to hash the password",
    does: 'hashes a password on the event loop',
    importSync: "import bcrypt from 'bcrypt';",
    importAsync: "import bcrypt from 'bcrypt';",
    params: 'password: string',
    call: 'bcrypt.hashSync(password, 12)',
    awaited: 'bcrypt.hash(password, 12)',
    offThread: "bcrypt hashes in libuv's threadpool; bcryptjs yields to the loop between rounds",
  }),
  slowHash({
    id: 'node:bcrypt.compareSync',
    match: ['bcrypt.compareSync', 'bcryptjs.compareSync'],
    what: "bcrypt's compareSync (and bcryptjs's) recomputes the password's hash at the stored cost to compare it",
    does: 'verifies a password on the event loop',
    importSync: "import bcrypt from 'bcrypt';",
    importAsync: "import bcrypt from 'bcrypt';",
    params: 'password: string, stored: string',
    call: 'bcrypt.compareSync(password, stored)',
    awaited: 'bcrypt.compare(password, stored)',
    offThread: "bcrypt compares in libuv's threadpool; bcryptjs yields to the loop between rounds",
  }),
  slowHash({
    id: 'node:@node-rs/bcrypt.hashSync',
    match: ['@node-rs/bcrypt.hashSync'],
    what: "@node-rs/bcrypt's hashSync runs the bcrypt key schedule for 2^cost iterations in native code",
    does: 'hashes a password on the event loop',
    importSync: "import { hashSync } from '@node-rs/bcrypt';",
    importAsync: "import { hash } from '@node-rs/bcrypt';",
    params: 'password: string',
    call: 'hashSync(password, 12)',
    awaited: 'hash(password, 12)',
    offThread: "runs in libuv's threadpool",
  }),
  slowHash({
    id: 'node:@node-rs/bcrypt.verifySync',
    match: ['@node-rs/bcrypt.verifySync', '@node-rs/bcrypt.compareSync'],
    what: "@node-rs/bcrypt's verifySync recomputes the password's hash at the stored cost in native code",
    does: 'verifies a password on the event loop',
    importSync: "import { verifySync } from '@node-rs/bcrypt';",
    importAsync: "import { verify } from '@node-rs/bcrypt';",
    params: 'password: string, stored: string',
    call: 'verifySync(password, stored)',
    awaited: 'verify(password, stored)',
    offThread: "runs in libuv's threadpool",
  }),
  slowHash({
    id: 'node:@node-rs/argon2.hashSync',
    match: ['@node-rs/argon2.hashSync'],
    what: "@node-rs/argon2's hashSync fills and mixes the configured amount of memory for several passes to hash the password",
    does: 'hashes a password on the event loop',
    importSync: "import { hashSync } from '@node-rs/argon2';",
    importAsync: "import { hash } from '@node-rs/argon2';",
    params: 'password: string',
    call: 'hashSync(password)',
    awaited: 'hash(password)',
    offThread: "runs in libuv's threadpool",
  }),
  slowHash({
    id: 'node:@node-rs/argon2.verifySync',
    match: ['@node-rs/argon2.verifySync'],
    what: "@node-rs/argon2's verifySync recomputes the Argon2 hash with the stored parameters to compare it",
    does: 'verifies a password on the event loop',
    importSync: "import { verifySync } from '@node-rs/argon2';",
    importAsync: "import { verify } from '@node-rs/argon2';",
    params: 'stored: string, password: string',
    call: 'verifySync(stored, password)',
    awaited: 'verify(stored, password)',
    offThread: "runs in libuv's threadpool",
  }),
];
