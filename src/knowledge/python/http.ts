// Synchronous HTTP clients: requests, httpx's sync API, urllib.request, http.client and urllib3.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The async clients that replace a sync HTTP call, shown for one call such as `get(url)`. */
const asyncClients = (call: string): string[] => [
  `async with httpx.AsyncClient() as client: response = await client.${call}  # asyncio, trio, anyio`,
  `async with aiohttp.ClientSession() as session: async with session.${call} as response: ...`,
];

/**
 * A module-level function of `requests` (`requests.get`): it opens a connection, sends the request
 * and reads the whole response before it returns.
 */
function requestsFunction(name: string, method: string, args: string): BlockingEntry {
  return blocking({
    id: `python:requests.${name}`,
    match: [`requests.${name}`, `requests.api.${name}`],
    returns: 'requests.Response',
    category: 'network-io',
    why: `requests.${name} connects, sends the ${method || 'HTTP'} request and waits for the complete response on the calling thread, so the event loop stalls for the whole round trip.`,
    does: `performs a blocking HTTP ${method ? `${method} ` : ''}request`,
    useInstead: [...asyncClients(`${name}(${args})`), ...toThread(`requests.${name}, ${args}`)],
    example: {
      bad: py`
        import requests

        async def fetch_status(url: str) -> int:
            response = requests.${name}(${args}, timeout=10)
            return response.status_code
      `,
      good: py`
        import httpx

        async def fetch_status(url: str) -> int:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.${name}(${args})
            return response.status_code
      `,
    },
  });
}

/** A request method of `requests.Session`: the pooled connection is reused, the wait is the same. */
function sessionMethod(name: string, method: string, args: string): BlockingEntry {
  return blocking({
    id: `python:requests.Session.${name}`,
    match: [`requests.Session.${name}`, `requests.sessions.Session.${name}`],
    returns: 'requests.Response',
    category: 'network-io',
    why: `requests.Session.${name} sends the ${method || 'HTTP'} request over a pooled connection and blocks the calling thread until the response has arrived, stalling the event loop for the round trip.`,
    does: `performs a blocking HTTP ${method ? `${method} ` : ''}request`,
    useInstead: [
      `response = await client.${name}(${args})  # client: httpx.AsyncClient, created once and reused`,
      `async with session.${name}(${args}) as response: ...  # session: aiohttp.ClientSession`,
      ...toThread(`session.${name}, ${args}`),
    ],
    example: {
      bad: py`
        import requests

        async def fetch_status(session: requests.Session, url: str) -> int:
            response = session.${name}(${args})
            return response.status_code
      `,
      good: py`
        import httpx

        async def fetch_status(client: httpx.AsyncClient, url: str) -> int:
            response = await client.${name}(${args})
            return response.status_code
      `,
    },
  });
}

/** A module-level function of httpx's sync API: a one-off `httpx.Client` that waits for the reply. */
function httpxFunction(name: string, method: string, args: string): BlockingEntry {
  return blocking({
    id: `python:httpx.${name}`,
    match: [`httpx.${name}`],
    returns: 'httpx.Response',
    category: 'network-io',
    why: `httpx.${name} is the synchronous API: it sends the ${method || 'HTTP'} request through a temporary httpx.Client and blocks the calling thread until the response has arrived.`,
    does: `performs a blocking HTTP ${method ? `${method} ` : ''}request`,
    useInstead: [
      `async with httpx.AsyncClient() as client: response = await client.${name}(${args})  # asyncio, trio, anyio`,
      ...toThread(`httpx.${name}, ${args}`),
    ],
    example: {
      bad: py`
        import httpx

        async def fetch_status(url: str) -> int:
            response = httpx.${name}(${args})
            return response.status_code
      `,
      good: py`
        import httpx

        async def fetch_status(url: str) -> int:
            async with httpx.AsyncClient() as client:
                response = await client.${name}(${args})
            return response.status_code
      `,
    },
  });
}

/** A request method of a sync `httpx.Client`. */
function httpxClientMethod(name: string, method: string, args: string): BlockingEntry {
  return blocking({
    id: `python:httpx.Client.${name}`,
    match: [`httpx.Client.${name}`],
    returns: 'httpx.Response',
    category: 'network-io',
    why: `httpx.Client is the synchronous client: its ${name} method sends the ${method || 'HTTP'} request and blocks the calling thread until the response has arrived.`,
    does: `performs a blocking HTTP ${method ? `${method} ` : ''}request`,
    useInstead: [
      `response = await client.${name}(${args})  # client: httpx.AsyncClient, same API, awaited`,
      ...toThread(`client.${name}, ${args}`),
    ],
    example: {
      bad: py`
        import httpx

        async def fetch_status(client: httpx.Client, url: str) -> int:
            response = client.${name}(${args})
            return response.status_code
      `,
      good: py`
        import httpx

        async def fetch_status(client: httpx.AsyncClient, url: str) -> int:
            response = await client.${name}(${args})
            return response.status_code
      `,
    },
  });
}

/** A method of `http.client.HTTPConnection` (and its TLS subclass) that talks to the server. */
function httpConnectionMethod(name: string, does: string, what: string, call: string, offloaded: string): BlockingEntry {
  return blocking({
    id: `python:http.client.HTTPConnection.${name}`,
    match: [`http.client.HTTPConnection.${name}`, `http.client.HTTPSConnection.${name}`],
    ...(name === 'getresponse' ? { returns: 'http.client.HTTPResponse' } : {}),
    category: 'network-io',
    why: `http.client.HTTPConnection.${name} ${what} on a blocking socket, holding the calling thread and the event loop until the network answers.`,
    does,
    useInstead: [...asyncClients('post(url, data=body)'), ...toThread(offloaded)],
    example: {
      bad: py`
        import http.client

        async def publish(conn: http.client.HTTPSConnection, body: bytes) -> None:
            conn.${call}
      `,
      good: py`
        import aiohttp

        async def publish(session: aiohttp.ClientSession, url: str, body: bytes) -> int:
            async with session.post(url, data=body) as response:
                return response.status
      `,
    },
  });
}

/** A method of a urllib3 pool (`PoolManager`, `HTTPConnectionPool`) that performs a request. */
function urllib3PoolMethod(pool: string, aliases: readonly string[], name: string): BlockingEntry {
  return blocking({
    id: `python:urllib3.${pool}.${name}`,
    match: [`urllib3.${pool}.${name}`, ...aliases.map((a) => `${a}.${name}`)],
    returns: 'urllib3.HTTPResponse',
    category: 'network-io',
    why: `urllib3.${pool}.${name} sends the request on a pooled blocking connection and waits for the response on the calling thread, stalling the event loop for the round trip.`,
    does: 'performs a blocking HTTP request',
    useInstead: [...asyncClients('request("GET", url)'), ...toThread(`pool.${name}, "GET", url`)],
    example: {
      bad: py`
        import urllib3

        async def fetch_status(pool: urllib3.${pool}, url: str) -> int:
            response = pool.${name}("GET", url)
            return response.status
      `,
      good: py`
        import httpx

        async def fetch_status(client: httpx.AsyncClient, url: str) -> int:
            response = await client.request("GET", url)
            return response.status_code
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // requests: every module function is a full request.
  requestsFunction('get', 'GET', 'url'),
  requestsFunction('post', 'POST', 'url'),
  requestsFunction('put', 'PUT', 'url'),
  requestsFunction('patch', 'PATCH', 'url'),
  requestsFunction('delete', 'DELETE', 'url'),
  requestsFunction('head', 'HEAD', 'url'),
  requestsFunction('options', 'OPTIONS', 'url'),
  requestsFunction('request', '', '"GET", url'),

  // requests.Session: the same requests over a connection pool.
  sessionMethod('get', 'GET', 'url'),
  sessionMethod('post', 'POST', 'url'),
  sessionMethod('put', 'PUT', 'url'),
  sessionMethod('patch', 'PATCH', 'url'),
  sessionMethod('delete', 'DELETE', 'url'),
  sessionMethod('head', 'HEAD', 'url'),
  sessionMethod('options', 'OPTIONS', 'url'),
  sessionMethod('request', '', '"GET", url'),
  blocking({
    id: 'python:requests.Session.send',
    match: ['requests.Session.send', 'requests.sessions.Session.send'],
    returns: 'requests.Response',
    category: 'network-io',
    why: 'requests.Session.send transmits a prepared request and blocks the calling thread until the response has arrived, stalling the event loop for the round trip.',
    does: 'performs a blocking HTTP request',
    useInstead: [
      'response = await client.send(client.build_request(method, url))  # client: httpx.AsyncClient',
      ...toThread('session.send, prepared'),
    ],
    example: {
      bad: py`
        import requests

        async def replay(session: requests.Session, prepared: requests.PreparedRequest) -> int:
            response = session.send(prepared)
            return response.status_code
      `,
      good: py`
        import httpx

        async def replay(client: httpx.AsyncClient, request: httpx.Request) -> int:
            response = await client.send(request)
            return response.status_code
      `,
    },
  }),

  // httpx's synchronous API. httpx.AsyncClient is the non-blocking side (non-blocking.ts).
  httpxFunction('get', 'GET', 'url'),
  httpxFunction('post', 'POST', 'url'),
  httpxFunction('put', 'PUT', 'url'),
  httpxFunction('patch', 'PATCH', 'url'),
  httpxFunction('delete', 'DELETE', 'url'),
  httpxFunction('head', 'HEAD', 'url'),
  httpxFunction('options', 'OPTIONS', 'url'),
  httpxFunction('request', '', '"GET", url'),
  blocking({
    id: 'python:httpx.stream',
    match: ['httpx.stream'],
    category: 'network-io',
    why: 'httpx.stream is the synchronous streaming API: entering it sends the request and waits for the response headers, and every chunk is then read with a blocking socket read.',
    does: 'performs a blocking streaming HTTP request',
    useInstead: ['async with httpx.AsyncClient() as client: async with client.stream("GET", url) as response: ...'],
    example: {
      bad: py`
        import httpx

        async def probe(url: str) -> int:
            with httpx.stream("GET", url) as response:
                return response.status_code
      `,
      good: py`
        import httpx

        async def probe(url: str) -> int:
            async with httpx.AsyncClient() as client:
                async with client.stream("GET", url) as response:
                    return response.status_code
      `,
    },
  }),
  httpxClientMethod('get', 'GET', 'url'),
  httpxClientMethod('post', 'POST', 'url'),
  httpxClientMethod('put', 'PUT', 'url'),
  httpxClientMethod('patch', 'PATCH', 'url'),
  httpxClientMethod('delete', 'DELETE', 'url'),
  httpxClientMethod('head', 'HEAD', 'url'),
  httpxClientMethod('options', 'OPTIONS', 'url'),
  httpxClientMethod('request', '', '"GET", url'),
  blocking({
    id: 'python:httpx.Client.send',
    match: ['httpx.Client.send'],
    returns: 'httpx.Response',
    category: 'network-io',
    why: 'httpx.Client.send transmits a built request on the synchronous client and blocks the calling thread until the response has arrived.',
    does: 'performs a blocking HTTP request',
    useInstead: ['response = await client.send(request)  # client: httpx.AsyncClient', ...toThread('client.send, request')],
    example: {
      bad: py`
        import httpx

        async def replay(client: httpx.Client, request: httpx.Request) -> int:
            response = client.send(request)
            return response.status_code
      `,
      good: py`
        import httpx

        async def replay(client: httpx.AsyncClient, request: httpx.Request) -> int:
            response = await client.send(request)
            return response.status_code
      `,
    },
  }),
  blocking({
    id: 'python:httpx.Client.stream',
    match: ['httpx.Client.stream'],
    category: 'network-io',
    why: 'httpx.Client.stream sends the request on the synchronous client and waits for the response headers when entered, then reads each chunk with a blocking socket read.',
    does: 'performs a blocking streaming HTTP request',
    useInstead: ['async with client.stream("GET", url) as response: async for chunk in response.aiter_bytes(): ...  # client: httpx.AsyncClient'],
    example: {
      bad: py`
        import httpx

        async def probe(client: httpx.Client, url: str) -> int:
            with client.stream("GET", url) as response:
                return response.status_code
      `,
      good: py`
        import httpx

        async def probe(client: httpx.AsyncClient, url: str) -> int:
            async with client.stream("GET", url) as response:
                return response.status_code
      `,
    },
  }),

  // urllib.request: the standard library's blocking URL opener.
  blocking({
    id: 'python:urllib.request.urlopen',
    match: ['urllib.request.urlopen'],
    returns: 'http.client.HTTPResponse',
    category: 'network-io',
    why: 'urllib.request.urlopen resolves the host, connects and waits for the response headers on blocking sockets, holding the calling thread and the event loop for the whole exchange.',
    does: 'performs a blocking HTTP request',
    useInstead: [...asyncClients('get(url)'), ...toThread('urllib.request.urlopen, url')],
    example: {
      bad: py`
        import urllib.request

        async def ping(url: str) -> int:
            response = urllib.request.urlopen(url, timeout=5)
            return response.status
      `,
      good: py`
        import aiohttp

        async def ping(url: str) -> int:
            async with aiohttp.ClientSession() as session:
                async with session.get(url) as response:
                    return response.status
      `,
    },
  }),
  blocking({
    id: 'python:urllib.request.urlretrieve',
    match: ['urllib.request.urlretrieve'],
    category: 'network-io',
    why: 'urllib.request.urlretrieve downloads a URL into a local file with blocking socket reads and blocking file writes, on the calling thread.',
    does: 'downloads a file with blocking network and disk I/O',
    useInstead: [
      'async with client.stream("GET", url) as response: async with aiofiles.open(path, "wb") as out: async for chunk in response.aiter_bytes(): await out.write(chunk)',
      ...toThread('urllib.request.urlretrieve, url, path'),
    ],
    example: {
      bad: py`
        import urllib.request

        async def download(url: str, path: str) -> None:
            urllib.request.urlretrieve(url, path)
      `,
      good: py`
        import asyncio
        import urllib.request

        async def download(url: str, path: str) -> None:
            await asyncio.to_thread(urllib.request.urlretrieve, url, path)
      `,
    },
  }),
  blocking({
    id: 'python:urllib.request.OpenerDirector.open',
    match: ['urllib.request.OpenerDirector.open'],
    returns: 'http.client.HTTPResponse',
    category: 'network-io',
    why: 'urllib.request.OpenerDirector.open runs the handler chain and performs the request on blocking sockets, waiting on the calling thread for the response.',
    does: 'performs a blocking HTTP request',
    useInstead: [...asyncClients('get(url)'), ...toThread('opener.open, url')],
    example: {
      bad: py`
        import urllib.request

        async def ping(url: str) -> int:
            opener = urllib.request.build_opener()
            response = opener.open(url, timeout=5)
            return response.status
      `,
      good: py`
        import aiohttp

        async def ping(url: str) -> int:
            async with aiohttp.ClientSession() as session:
                async with session.get(url) as response:
                    return response.status
      `,
    },
  }),

  // http.client: the low-level client underneath urllib.
  httpConnectionMethod('request', 'sends a blocking HTTP request', 'connects if needed and writes the whole request', 'request("POST", "/events", body)', 'conn.request, "POST", "/events", body'),
  httpConnectionMethod('getresponse', 'waits for an HTTP response', 'reads the status line and headers', 'getresponse()', 'conn.getresponse'),
  httpConnectionMethod('connect', 'opens a blocking connection', 'resolves the host and opens the TCP (and TLS) connection', 'connect()', 'conn.connect'),
  httpConnectionMethod('endheaders', 'sends a blocking HTTP request', 'connects if needed and sends the buffered request head', 'endheaders(body)', 'conn.endheaders, body'),
  httpConnectionMethod('send', 'writes to a blocking socket', 'writes the data', 'send(body)', 'conn.send, body'),
  blocking({
    id: 'python:http.client.HTTPResponse.read',
    match: ['http.client.HTTPResponse.read'],
    category: 'network-io',
    why: 'http.client.HTTPResponse.read reads the response body from a blocking socket, waiting on the calling thread until the bytes have arrived.',
    does: 'reads a response body from a blocking socket',
    useInstead: ['body = await response.read()  # response from aiohttp.ClientSession', 'body = (await client.get(url)).content  # client: httpx.AsyncClient', ...toThread('response.read')],
    example: {
      bad: py`
        import http.client

        async def body_of(response: http.client.HTTPResponse) -> bytes:
            return response.read()
      `,
      good: py`
        import asyncio
        import http.client

        async def body_of(response: http.client.HTTPResponse) -> bytes:
            return await asyncio.to_thread(response.read)
      `,
    },
  }),

  // urllib3: the pool classes under requests.
  blocking({
    id: 'python:urllib3.request',
    match: ['urllib3.request'],
    returns: 'urllib3.HTTPResponse',
    category: 'network-io',
    why: "urllib3.request sends the request through urllib3's global pool manager and waits for the response on the calling thread.",
    does: 'performs a blocking HTTP request',
    useInstead: [...asyncClients('request("GET", url)'), ...toThread('urllib3.request, "GET", url')],
    example: {
      bad: py`
        import urllib3

        async def fetch_status(url: str) -> int:
            response = urllib3.request("GET", url)
            return response.status
      `,
      good: py`
        import httpx

        async def fetch_status(url: str) -> int:
            async with httpx.AsyncClient() as client:
                response = await client.request("GET", url)
            return response.status_code
      `,
    },
  }),
  urllib3PoolMethod('PoolManager', ['urllib3.ProxyManager', 'urllib3.poolmanager.PoolManager', 'urllib3.poolmanager.ProxyManager'], 'request'),
  urllib3PoolMethod('PoolManager', ['urllib3.ProxyManager', 'urllib3.poolmanager.PoolManager', 'urllib3.poolmanager.ProxyManager'], 'urlopen'),
  urllib3PoolMethod('HTTPConnectionPool', ['urllib3.HTTPSConnectionPool', 'urllib3.connectionpool.HTTPConnectionPool', 'urllib3.connectionpool.HTTPSConnectionPool'], 'request'),
  urllib3PoolMethod('HTTPConnectionPool', ['urllib3.HTTPSConnectionPool', 'urllib3.connectionpool.HTTPConnectionPool', 'urllib3.connectionpool.HTTPSConnectionPool'], 'urlopen'),
];
