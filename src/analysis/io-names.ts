// Whether a function's name suggests I/O: the signal for low-confidence findings on unknown calls.

import type { Category } from '../ir/report.js';

/** Words that name I/O wherever they stand in a name (`fetchRates`, `send_message`, `readBalance`). */
const STRONG_WORDS: ReadonlyMap<string, Category> = new Map([
  ...['fetch', 'send', 'request', 'upload', 'download', 'connect', 'publish', 'notify', 'poll', 'recv', 'receive',
    'charge', 'refund', 'email', 'mail', 'webhook'].map((w) => [w, 'network-io'] as const),
  ...['query'].map((w) => [w, 'database'] as const),
  ...['read', 'write', 'save'].map((w) => [w, 'file-io'] as const),
  ...['compress', 'decompress', 'encrypt', 'decrypt', 'thumbnail', 'transcode', 'resize'].map((w) => [w, 'cpu'] as const),
  ...['sleep'].map((w) => [w, 'sync-wait'] as const),
]);

/**
 * Words that name I/O only as the whole name (`client.get(url)`, `db.execute(sql)`): inside a longer
 * name they are as often plain accessors (`getCascadingTtl`, `updateState`, `loadDefaults`).
 */
const WEAK_WORDS: ReadonlyMap<string, Category> = new Map([
  ...['get', 'post', 'put', 'delete', 'call', 'invoke', 'sync'].map((w) => [w, 'network-io'] as const),
  ...['execute', 'insert', 'update', 'upsert', 'find', 'commit', 'persist'].map((w) => [w, 'database'] as const),
  ...['open', 'load', 'dump', 'flush'].map((w) => [w, 'file-io'] as const),
  ...['render'].map((w) => [w, 'cpu'] as const),
  ...['wait'].map((w) => [w, 'sync-wait'] as const),
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
  const words = identifierWords(name);
  for (const word of words) {
    const category = STRONG_WORDS.get(word);
    if (category) return category;
  }
  return words.length === 1 ? WEAK_WORDS.get(words[0] ?? '') : undefined;
}
