// APIs that run a function they are given in a worker thread: what they are given is off the loop.
//
// piscina, tinypool and node:worker_threads take a file to run, not a function, so nothing in the
// calling file moves off the loop; they are listed as non-blocking families.

import { offload, type, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** The blocking code every offload example moves to a worker: a slow key derivation. */
const DERIVE_INLINE = ts`
  import { pbkdf2Sync } from 'node:crypto';

  export async function derive(password: string, salt: string): Promise<unknown> {
    return pbkdf2Sync(password, salt, 600000, 32, 'sha256');
  }
`;

export const entries: readonly Entry[] = [
  type({ id: 'node:workerpool.pool', match: ['workerpool.pool'], returns: 'workerpool.Pool' }),
  offload({
    id: 'node:workerpool.Pool.exec',
    match: ['workerpool.Pool.exec'],
    callableArgs: [0],
    why: "workerpool's pool.exec serializes the function it is given and runs it in a worker thread (or process), resolving with its result; the event loop only waits for the message back.",
    example: {
      bad: DERIVE_INLINE,
      good: ts`
        import workerpool from 'workerpool';

        const pool = workerpool.pool();

        export async function derive(password: string, salt: string): Promise<unknown> {
          // The function is serialized to the worker: it requires what it uses there.
          return await pool.exec(
            (p: string, s: string) => require('node:crypto').pbkdf2Sync(p, s, 600000, 32, 'sha256'),
            [password, salt],
          );
        }
      `,
    },
  }),
  offload({
    id: 'node:node-worker-threads-pool.StaticPool',
    match: ['node-worker-threads-pool.StaticPool'],
    callableArgs: ['task'],
    why: "node-worker-threads-pool's StaticPool runs its task function in each of its worker threads; exec() posts the input and resolves with the task's result, off the event loop.",
    example: {
      bad: DERIVE_INLINE,
      good: ts`
        import { StaticPool } from 'node-worker-threads-pool';

        const pool = new StaticPool({
          size: 4,
          task: (input: { password: string; salt: string }) =>
            require('node:crypto').pbkdf2Sync(input.password, input.salt, 600000, 32, 'sha256'),
        });

        export async function derive(password: string, salt: string): Promise<unknown> {
          return await pool.exec({ password, salt });
        }
      `,
    },
  }),
  offload({
    id: 'node:node-worker-threads-pool.DynamicPool.exec',
    match: ['node-worker-threads-pool.DynamicPool.exec'],
    callableArgs: ['task'],
    why: "node-worker-threads-pool's DynamicPool.exec runs the task function it is given in one of the pool's worker threads and resolves with its result, off the event loop.",
    example: {
      bad: DERIVE_INLINE,
      good: ts`
        import { DynamicPool } from 'node-worker-threads-pool';

        const pool = new DynamicPool(4);

        export async function derive(password: string, salt: string): Promise<unknown> {
          return await pool.exec({
            task: (input: { password: string; salt: string }) =>
              require('node:crypto').pbkdf2Sync(input.password, input.salt, 600000, 32, 'sha256'),
            param: { password, salt },
          });
        }
      `,
    },
  }),
  offload({
    id: 'node:microjob.job',
    match: ['microjob.job'],
    callableArgs: [0],
    why: "microjob's job() serializes the function it is given and runs it in a worker thread of its pool, resolving with the result; the event loop keeps serving meanwhile.",
    example: {
      bad: DERIVE_INLINE,
      good: ts`
        import { job } from 'microjob';

        export async function derive(password: string, salt: string): Promise<unknown> {
          return await job(
            (input: { password: string; salt: string }) =>
              require('node:crypto').pbkdf2Sync(input.password, input.salt, 600000, 32, 'sha256'),
            { data: { password, salt } },
          );
        }
      `,
    },
  }),
];
