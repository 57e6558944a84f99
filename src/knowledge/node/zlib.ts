// node:zlib's synchronous compression and decompression. The whole input is processed on the event
// loop thread; the callback (or promisified) forms do the same work in libuv's threadpool, and the
// stream forms (createGzip, ...) process it in chunks.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** A zlib `<twin>Sync` function, replaced by its promisified twin. */
function zlibSync(twin: string, o: { what: string; does: string }): BlockingEntry {
  const name = `${twin}Sync`;
  const stream = `create${twin.charAt(0).toUpperCase()}${twin.slice(1)}`;
  const promisified = `${twin}Async`;
  return blocking({
    id: `node:zlib.${name}`,
    match: [`zlib.${name}`],
    category: 'cpu',
    why: `zlib.${name} ${o.what} the whole buffer on the event loop thread; on large payloads that takes long enough to hold up every other callback and request.`,
    does: o.does,
    useInstead: [
      `await promisify(${twin})(buffer)  // ${twin} from 'node:zlib', promisify from 'node:util': the work runs in libuv's threadpool`,
      `zlib.${twin}(buffer, callback)`,
      `await pipeline(source, zlib.${stream}(), destination)  // pipeline from 'node:stream/promises': process the data in chunks as it flows`,
    ],
    example: {
      bad: ts`
        import { ${name} } from 'node:zlib';

        export async function handle(payload: Buffer): Promise<Buffer> {
          return ${name}(payload);
        }
      `,
      good: ts`
        import { promisify } from 'node:util';
        import { ${twin} } from 'node:zlib';

        const ${promisified} = promisify(${twin});

        export async function handle(payload: Buffer): Promise<Buffer> {
          return await ${promisified}(payload);
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  zlibSync('gzip', { what: 'gzip-compresses', does: 'compresses data on the event loop' }),
  zlibSync('gunzip', { what: 'decompresses', does: 'decompresses data on the event loop' }),
  zlibSync('deflate', { what: 'deflate-compresses', does: 'compresses data on the event loop' }),
  zlibSync('inflate', { what: 'decompresses', does: 'decompresses data on the event loop' }),
  zlibSync('deflateRaw', { what: 'deflate-compresses', does: 'compresses data on the event loop' }),
  zlibSync('inflateRaw', { what: 'decompresses', does: 'decompresses data on the event loop' }),
  zlibSync('unzip', { what: 'detects the format of and decompresses', does: 'decompresses data on the event loop' }),
  zlibSync('brotliCompress', { what: 'Brotli-compresses', does: 'compresses data on the event loop' }),
  zlibSync('brotliDecompress', { what: 'decompresses', does: 'decompresses data on the event loop' }),
  // Node 22.15 and later.
  zlibSync('zstdCompress', { what: 'Zstandard-compresses', does: 'compresses data on the event loop' }),
  zlibSync('zstdDecompress', { what: 'decompresses', does: 'decompresses data on the event loop' }),
];
