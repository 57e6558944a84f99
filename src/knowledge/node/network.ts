// Synchronous HTTP: XMLHttpRequest opened in synchronous mode, and the packages that make a request
// and wait for the response before returning (sync-request, sync-fetch). Each holds the event loop
// thread for the whole round trip.

import { blocking, type, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** The awaited replacement of every entry here: the global fetch (Node 18+). */
const FETCH = ts`
  export async function fetchRates(url: string): Promise<unknown> {
    const response = await fetch(url);
    return await response.json();
  }
`;

export const entries: readonly Entry[] = [
  blocking({
    id: 'node:globalThis.XMLHttpRequest.send',
    // The `xmlhttprequest` package brings XMLHttpRequest to Node, synchronous mode included.
    match: ['globalThis.XMLHttpRequest.send', 'xmlhttprequest.XMLHttpRequest.send', 'xmlhttprequest-ssl.XMLHttpRequest.send'],
    category: 'network-io',
    // Only a request opened with `xhr.open(method, url, false)` is synchronous.
    when: { fact: 'sync-xhr' },
    why: 'send() on an XMLHttpRequest opened with async = false does not return until the whole response has arrived, holding the event loop thread for the entire network round trip.',
    does: 'performs a blocking HTTP request',
    useInstead: ['const response = await fetch(url)', "xhr.open(method, url)  // async, the default; handle the 'load' event"],
    example: {
      bad: ts`
        export async function fetchText(url: string): Promise<string> {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', url, false);
          xhr.send();
          return xhr.responseText;
        }
      `,
      good: ts`
        export async function fetchText(url: string): Promise<string> {
          const response = await fetch(url);
          return await response.text();
        }
      `,
    },
  }),
  blocking({
    id: 'node:sync-request',
    match: ['sync-request'],
    returns: 'sync-request.Response',
    category: 'network-io',
    why: 'sync-request performs the HTTP request in a child process and waits for it synchronously, so the event loop thread is held for the process start-up and the whole round trip.',
    does: 'performs a blocking HTTP request',
    useInstead: ['const response = await fetch(url)', "const response = await request(method, url)  // then-request, sync-request's asynchronous twin"],
    example: {
      bad: ts`
        import request from 'sync-request';

        export async function fetchRates(url: string): Promise<unknown> {
          return JSON.parse(request('GET', url).getBody('utf8'));
        }
      `,
      good: FETCH,
    },
  }),
  // The response of sync-request is already in memory: reading its body does no I/O.
  type({ id: 'node:sync-request.Response.getBody', match: ['sync-request.Response.getBody'], returns: 'globalThis.String' }),
  blocking({
    id: 'node:sync-fetch',
    match: ['sync-fetch'],
    returns: 'sync-fetch.Response',
    category: 'network-io',
    why: 'sync-fetch performs the request in a worker or child process and blocks the calling thread until the whole response is back, freezing the event loop for the round trip.',
    does: 'performs a blocking HTTP request',
    useInstead: ['const response = await fetch(url)'],
    example: {
      bad: ts`
        import fetchSync from 'sync-fetch';

        export async function fetchRates(url: string): Promise<unknown> {
          return fetchSync(url).json();
        }
      `,
      good: FETCH,
    },
  }),
];
