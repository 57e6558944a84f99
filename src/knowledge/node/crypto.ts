// node:crypto's synchronous jobs: key derivation, key and prime generation and large random fills.
// Each has an asynchronous form that runs the same work in libuv's threadpool and calls back (or,
// through util.promisify, resolves) on the loop.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

interface CryptoJob {
  /** The synchronous function (`pbkdf2Sync`). */
  readonly name: string;
  /** Its asynchronous twin, which takes a callback last (`pbkdf2`). */
  readonly twin: string;
  readonly what: string;
  readonly does: string;
  readonly params: string;
  readonly args: string;
  readonly when?: BlockingEntry['when'];
}

/** A crypto job with a callback twin: the example promisifies the twin once, at module level. */
function cryptoJob(o: CryptoJob): BlockingEntry {
  const promisified = `${o.twin}Async`;
  return blocking({
    id: `node:crypto.${o.name}`,
    match: [`crypto.${o.name}`],
    category: 'cpu',
    ...(o.when ? { when: o.when } : {}),
    why: `crypto.${o.name} ${o.what}, all of it on the event loop thread: no other callback or request runs until it returns.`,
    does: o.does,
    useInstead: [
      `await promisify(${o.twin})(${o.args})  // ${o.twin} from 'node:crypto', promisify from 'node:util': the work runs in libuv's threadpool`,
      `crypto.${o.twin}(${o.args}, callback)`,
    ],
    example: {
      bad: ts`
        import { ${o.name} } from 'node:crypto';

        export async function handle(${o.params}): Promise<unknown> {
          return ${o.name}(${o.args});
        }
      `,
      good: ts`
        import { ${o.twin} } from 'node:crypto';
        import { promisify } from 'node:util';

        const ${promisified} = promisify(${o.twin});

        export async function handle(${o.params}): Promise<unknown> {
          return await ${promisified}(${o.args});
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Key derivation: slow on purpose.
  cryptoJob({
    name: 'pbkdf2Sync',
    twin: 'pbkdf2',
    what: 'runs the hash function once per iteration asked for, a work factor chosen to make key derivation slow',
    does: 'derives a key on the event loop',
    params: 'password: string, salt: Buffer',
    args: "password, salt, 600000, 32, 'sha256'",
    when: { minArg: { index: 2, value: 10_000 } },
  }),
  cryptoJob({
    name: 'scryptSync',
    twin: 'scrypt',
    what: 'derives the key with scrypt, made slow and memory-hungry on purpose',
    does: 'derives a key on the event loop',
    params: 'password: string, salt: Buffer',
    args: 'password, salt, 64',
  }),

  // Key and prime generation.
  cryptoJob({
    name: 'generateKeyPairSync',
    twin: 'generateKeyPair',
    what: 'generates the key pair, and RSA, DSA and DH keys need large random primes, tens of milliseconds to seconds of work',
    does: 'generates a key pair on the event loop',
    params: 'bits: number',
    args: "'rsa', { modulusLength: bits }",
  }),
  cryptoJob({
    name: 'generatePrimeSync',
    twin: 'generatePrime',
    what: 'searches for a random prime of the given size, work that grows steeply with the size',
    does: 'generates a prime on the event loop',
    params: 'bits: number',
    args: 'bits',
    when: { minArg: { index: 0, value: 512 } },
  }),
  cryptoJob({
    name: 'checkPrimeSync',
    twin: 'checkPrime',
    what: 'runs Miller-Rabin rounds over the candidate, costly at the sizes used in cryptography',
    does: 'tests a prime on the event loop',
    params: 'candidate: bigint',
    args: 'candidate',
  }),

  // Random data: cheap for a few bytes, not for large buffers.
  cryptoJob({
    name: 'randomFillSync',
    twin: 'randomFill',
    what: 'fills the buffer from the CSPRNG, which takes long for large buffers (64 KiB or more, or a size not written as a literal)',
    does: 'generates random bytes on the event loop',
    params: 'buffer: Buffer',
    args: 'buffer',
    when: { minArg: { index: 2, value: 65_536 } },
  }),
  blocking({
    id: 'node:crypto.randomBytes',
    match: ['crypto.randomBytes'],
    category: 'cpu',
    // Without a callback randomBytes is synchronous; with one it runs in the threadpool. The size is
    // what decides whether the synchronous form matters.
    when: { minArg: { index: 0, value: 65_536 }, noCallback: true },
    why: 'crypto.randomBytes without a callback generates the bytes synchronously on the event loop thread; for large sizes (64 KiB or more, or a size not written as a literal) that stalls every other callback and request.',
    does: 'generates random bytes on the event loop',
    useInstead: [
      "await promisify(randomBytes)(size)  // randomBytes from 'node:crypto', promisify from 'node:util': the work runs in libuv's threadpool",
      'crypto.randomBytes(size, callback)',
    ],
    example: {
      bad: ts`
        import { randomBytes } from 'node:crypto';

        export async function makePad(size: number): Promise<Buffer> {
          return randomBytes(size);
        }
      `,
      good: ts`
        import { randomBytes } from 'node:crypto';
        import { promisify } from 'node:util';

        const randomBytesAsync = promisify(randomBytes);

        export async function makePad(size: number): Promise<Buffer> {
          return await randomBytesAsync(size);
        }
      `,
    },
  }),
];
