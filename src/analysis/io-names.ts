// Whether a function's name suggests I/O: the signal for low-confidence findings on unknown calls.

import type { Category } from '../ir/report.js';

/** Words that name I/O, with the kind of I/O they most often mean. */
const IO_WORDS: ReadonlyMap<string, Category> = new Map([
  ...['get', 'fetch', 'send', 'request', 'upload', 'download', 'post', 'put', 'delete', 'connect', 'publish', 'sync',
    'call', 'invoke', 'notify', 'poll', 'recv', 'receive', 'charge', 'refund', 'email', 'mail', 'webhook'].map(
    (w) => [w, 'network-io'] as const,
  ),
  ...['query', 'execute', 'insert', 'update', 'upsert', 'find', 'commit', 'persist'].map((w) => [w, 'database'] as const),
  ...['read', 'write', 'open', 'load', 'save', 'dump', 'flush'].map((w) => [w, 'file-io'] as const),
  ...['render', 'compress', 'decompress', 'encrypt', 'decrypt', 'thumbnail', 'transcode', 'resize'].map(
    (w) => [w, 'cpu'] as const,
  ),
  ...['wait', 'sleep'].map((w) => [w, 'sync-wait'] as const),
]);

/** Splits `fetchRates`, `fetch_rates`, `FetchRates` and `download2` into lower-case words. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** The I/O category a name suggests, from its first word that names I/O; undefined when none does. */
export function ioSignal(name: string): Category | undefined {
  for (const word of identifierWords(name)) {
    const category = IO_WORDS.get(word);
    if (category) return category;
  }
  return undefined;
}
