// Blocking sockets, name resolution, TLS and the sync websockets client.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** The stream APIs that replace hand-driven sockets, per runtime. */
const streams = [
  'reader, writer = await asyncio.open_connection(host, port)',
  'stream = await anyio.connect_tcp(host, port)',
  'stream = await trio.open_tcp_stream(host, port)',
];

/**
 * A method of a blocking `socket.socket` (TLS sockets inherit it). `loopCall` is the asyncio
 * event-loop method that does the same on a non-blocking socket, or null when there is none.
 */
function socketMethod(
  name: string,
  o: { does: string; what: string; params: string; args: string; loopCall: string | null; ssl: boolean },
): BlockingEntry {
  const signature = o.params ? `sock: socket.socket, ${o.params}` : 'sock: socket.socket';
  const offloaded = o.args ? `sock.${name}, ${o.args}` : `sock.${name}`;
  return blocking({
    id: `python:socket.socket.${name}`,
    match: [`socket.socket.${name}`, ...(o.ssl ? [`ssl.SSLSocket.${name}`] : [])],
    category: 'network-io',
    why: `socket.socket.${name} ${o.what}; on a blocking socket the calling thread, and the event loop with it, waits until the network lets it finish.`,
    does: o.does,
    useInstead: o.loopCall
      ? [`await loop.${o.loopCall}  # loop = asyncio.get_running_loop(), after sock.setblocking(False)`, ...streams]
      : [...streams, ...toThread(offloaded)],
    example: {
      bad: py`
        import socket

        async def exchange(${signature}):
            return sock.${name}(${o.args})
      `,
      good: o.loopCall
        ? py`
            import asyncio
            import socket

            async def exchange(${signature}):
                loop = asyncio.get_running_loop()
                return await loop.${o.loopCall}
          `
        : py`
            import asyncio
            import socket

            async def exchange(${signature}):
                return await asyncio.to_thread(${offloaded})
          `,
    },
  });
}

/** A name-resolution function of `socket`: it asks the system resolver and waits for DNS. */
function resolver(name: string, o: { does: string; what: string; call: string; instead: readonly string[]; good: string }): BlockingEntry {
  return blocking({
    id: `python:socket.${name}`,
    match: [`socket.${name}`],
    category: 'network-io',
    why: `socket.${name} ${o.what} through the system resolver, which waits for DNS on the calling thread and can take seconds when a server is slow.`,
    does: o.does,
    useInstead: o.instead,
    example: {
      bad: py`
        import socket

        async def lookup(host: str, address: str):
            return socket.${o.call}
      `,
      good: o.good,
    },
  });
}

/** A certificate-loading method of `ssl.SSLContext`: it reads and parses PEM files from disk. */
function certificateLoader(name: string, o: { does: string; what: string; call: string; offloaded: string }): BlockingEntry {
  return blocking({
    id: `python:ssl.SSLContext.${name}`,
    match: [`ssl.SSLContext.${name}`],
    category: 'file-io',
    why: `ssl.SSLContext.${name} ${o.what} synchronously, on the calling thread; a system CA bundle holds hundreds of certificates.`,
    does: o.does,
    useInstead: ['build the SSLContext once at start-up (module level or a startup hook) and reuse it', ...toThread(o.offloaded)],
    example: {
      bad: py`
        import ssl

        async def make_context(ca_file: str, cert_file: str, key_file: str) -> ssl.SSLContext:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.${o.call}
            return context
      `,
      good: py`
        import asyncio
        import ssl

        async def make_context(ca_file: str, cert_file: str, key_file: str) -> ssl.SSLContext:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            await asyncio.to_thread(${o.offloaded})
            return context
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  // Sockets.
  blocking({
    id: 'python:socket.create_connection',
    match: ['socket.create_connection'],
    returns: 'socket.socket',
    category: 'network-io',
    why: 'socket.create_connection resolves the host and connects a blocking TCP socket, waiting on the calling thread for DNS and the handshake.',
    does: 'opens a blocking TCP connection',
    useInstead: streams,
    example: {
      bad: py`
        import socket

        async def dial(host: str, port: int) -> socket.socket:
            return socket.create_connection((host, port), timeout=5)
      `,
      good: py`
        import asyncio

        async def dial(host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
            return await asyncio.open_connection(host, port)
      `,
    },
  }),
  socketMethod('connect', { does: 'connects a blocking socket', what: 'performs the TCP handshake', params: 'address: tuple[str, int]', args: 'address', loopCall: 'sock_connect(sock, address)', ssl: true }),
  socketMethod('connect_ex', { does: 'connects a blocking socket', what: 'performs the TCP handshake, returning an error code instead of raising', params: 'address: tuple[str, int]', args: 'address', loopCall: 'sock_connect(sock, address)', ssl: true }),
  socketMethod('accept', { does: 'waits for an incoming connection', what: 'waits for a client to connect', params: '', args: '', loopCall: 'sock_accept(sock)', ssl: true }),
  socketMethod('send', { does: 'writes to a blocking socket', what: 'writes into the kernel send buffer', params: 'data: bytes', args: 'data', loopCall: 'sock_sendall(sock, data)', ssl: true }),
  socketMethod('sendall', { does: 'writes to a blocking socket', what: 'writes until every byte has been handed to the kernel', params: 'data: bytes', args: 'data', loopCall: 'sock_sendall(sock, data)', ssl: true }),
  socketMethod('sendto', { does: 'writes to a blocking socket', what: 'sends a datagram', params: 'data: bytes, address: tuple[str, int]', args: 'data, address', loopCall: 'sock_sendto(sock, data, address)', ssl: false }),
  socketMethod('sendfile', { does: 'sends a file over a blocking socket', what: 'reads a file and writes it to the connection to the end', params: 'file', args: 'file', loopCall: 'sock_sendfile(sock, file)', ssl: true }),
  socketMethod('sendmsg', { does: 'writes to a blocking socket', what: 'sends a message with ancillary data', params: 'data: bytes', args: '[data]', loopCall: null, ssl: false }),
  socketMethod('recv', { does: 'reads from a blocking socket', what: 'waits for data from the peer', params: 'size: int', args: 'size', loopCall: 'sock_recv(sock, size)', ssl: true }),
  socketMethod('recv_into', { does: 'reads from a blocking socket', what: 'waits for data from the peer', params: 'buffer: bytearray', args: 'buffer', loopCall: 'sock_recv_into(sock, buffer)', ssl: true }),
  socketMethod('recvfrom', { does: 'reads from a blocking socket', what: 'waits for a datagram', params: 'size: int', args: 'size', loopCall: 'sock_recvfrom(sock, size)', ssl: false }),
  socketMethod('recvfrom_into', { does: 'reads from a blocking socket', what: 'waits for a datagram', params: 'buffer: bytearray', args: 'buffer', loopCall: 'sock_recvfrom_into(sock, buffer)', ssl: false }),
  socketMethod('recvmsg', { does: 'reads from a blocking socket', what: 'waits for a message with ancillary data', params: 'size: int', args: 'size', loopCall: null, ssl: false }),

  // Name resolution.
  resolver('getaddrinfo', {
    does: 'resolves a host name with blocking DNS',
    what: 'resolves a host and port to addresses',
    call: 'getaddrinfo(host, 443)',
    instead: ['await asyncio.get_running_loop().getaddrinfo(host, port)', 'await anyio.getaddrinfo(host, port)', 'await trio.socket.getaddrinfo(host, port)'],
    good: py`
      import asyncio

      async def lookup(host: str, address: str):
          loop = asyncio.get_running_loop()
          return await loop.getaddrinfo(host, 443)
    `,
  }),
  resolver('gethostbyname', {
    does: 'resolves a host name with blocking DNS',
    what: 'resolves a host name to an IPv4 address',
    call: 'gethostbyname(host)',
    instead: ['await asyncio.get_running_loop().getaddrinfo(host, None, family=socket.AF_INET)', 'await anyio.getaddrinfo(host, None, family=socket.AF_INET)', ...toThread('socket.gethostbyname, host')],
    good: py`
      import asyncio
      import socket

      async def lookup(host: str, address: str):
          loop = asyncio.get_running_loop()
          infos = await loop.getaddrinfo(host, None, family=socket.AF_INET)
          return infos[0][4][0]
    `,
  }),
  resolver('gethostbyname_ex', {
    does: 'resolves a host name with blocking DNS',
    what: 'resolves a host name to its aliases and addresses',
    call: 'gethostbyname_ex(host)',
    instead: toThread('socket.gethostbyname_ex, host'),
    good: py`
      import asyncio
      import socket

      async def lookup(host: str, address: str):
          return await asyncio.to_thread(socket.gethostbyname_ex, host)
    `,
  }),
  resolver('gethostbyaddr', {
    does: 'performs a blocking reverse DNS lookup',
    what: 'performs a reverse lookup of an address',
    call: 'gethostbyaddr(address)',
    instead: toThread('socket.gethostbyaddr, address'),
    good: py`
      import asyncio
      import socket

      async def lookup(host: str, address: str):
          return await asyncio.to_thread(socket.gethostbyaddr, address)
    `,
  }),
  resolver('getnameinfo', {
    does: 'performs a blocking reverse DNS lookup',
    what: 'turns an address into a host and service name',
    call: 'getnameinfo((address, 443), 0)',
    instead: ['await asyncio.get_running_loop().getnameinfo((address, port))', 'await anyio.getnameinfo((address, port))', 'await trio.socket.getnameinfo((address, port), 0)'],
    good: py`
      import asyncio

      async def lookup(host: str, address: str):
          loop = asyncio.get_running_loop()
          return await loop.getnameinfo((address, 443), 0)
    `,
  }),
  resolver('getfqdn', {
    does: 'performs blocking DNS lookups',
    what: 'looks up the fully qualified name of a host, forward then reverse,',
    call: 'getfqdn(host)',
    instead: toThread('socket.getfqdn, host'),
    good: py`
      import asyncio
      import socket

      async def lookup(host: str, address: str):
          return await asyncio.to_thread(socket.getfqdn, host)
    `,
  }),

  // TLS: certificate loading reads files; handshakes and TLS reads wait for the peer.
  blocking({
    id: 'python:ssl.create_default_context',
    match: ['ssl.create_default_context'],
    returns: 'ssl.SSLContext',
    category: 'file-io',
    why: "ssl.create_default_context loads and parses the system's CA certificates from disk on the calling thread, which takes tens of milliseconds on every call.",
    does: 'loads CA certificates from disk',
    useInstead: ['CONTEXT = ssl.create_default_context()  # once, at module level or in a startup hook, then reuse it', ...toThread('ssl.create_default_context')],
    example: {
      bad: py`
        import ssl

        import aiohttp

        async def fetch(session: aiohttp.ClientSession, url: str) -> str:
            context = ssl.create_default_context()
            async with session.get(url, ssl=context) as response:
                return await response.text()
      `,
      good: py`
        import ssl

        import aiohttp

        CONTEXT = ssl.create_default_context()

        async def fetch(session: aiohttp.ClientSession, url: str) -> str:
            async with session.get(url, ssl=CONTEXT) as response:
                return await response.text()
      `,
    },
  }),
  certificateLoader('load_verify_locations', {
    does: 'loads CA certificates from disk',
    what: 'reads and parses the CA certificates of a file or directory',
    call: 'load_verify_locations(ca_file)',
    offloaded: 'context.load_verify_locations, ca_file',
  }),
  certificateLoader('load_cert_chain', {
    does: 'loads a certificate chain from disk',
    what: 'reads and parses a certificate chain and its private key',
    call: 'load_cert_chain(cert_file, key_file)',
    offloaded: 'context.load_cert_chain, cert_file, key_file',
  }),
  certificateLoader('load_default_certs', {
    does: 'loads CA certificates from disk',
    what: "reads and parses the system's default CA certificates",
    call: 'load_default_certs()',
    offloaded: 'context.load_default_certs',
  }),
  certificateLoader('set_default_verify_paths', {
    does: 'loads CA certificates from disk',
    what: "points OpenSSL at the default CA file and directory and reads the CA file",
    call: 'set_default_verify_paths()',
    offloaded: 'context.set_default_verify_paths',
  }),
  blocking({
    id: 'python:ssl.SSLContext.wrap_socket',
    match: ['ssl.SSLContext.wrap_socket'],
    returns: 'ssl.SSLSocket',
    category: 'network-io',
    why: 'ssl.SSLContext.wrap_socket performs the TLS handshake on a connected blocking socket before it returns, waiting on the calling thread for several round trips.',
    does: 'performs a blocking TLS handshake',
    useInstead: [
      'reader, writer = await asyncio.open_connection(host, port, ssl=context)',
      'stream = await anyio.connect_tcp(host, port, tls=True, ssl_context=context)',
      'stream = await trio.open_ssl_over_tcp_stream(host, port, ssl_context=context)',
    ],
    example: {
      bad: py`
        import socket
        import ssl

        async def secure(context: ssl.SSLContext, sock: socket.socket, host: str) -> ssl.SSLSocket:
            return context.wrap_socket(sock, server_hostname=host)
      `,
      good: py`
        import asyncio
        import ssl

        async def secure(context: ssl.SSLContext, host: str, port: int):
            return await asyncio.open_connection(host, port, ssl=context)
      `,
    },
  }),
  blocking({
    id: 'python:ssl.SSLSocket.do_handshake',
    match: ['ssl.SSLSocket.do_handshake'],
    category: 'network-io',
    why: 'ssl.SSLSocket.do_handshake runs the TLS handshake on a blocking socket, waiting on the calling thread for the peer across several round trips.',
    does: 'performs a blocking TLS handshake',
    useInstead: ['reader, writer = await asyncio.open_connection(host, port, ssl=context)', 'await writer.start_tls(context)  # upgrade an asyncio stream'],
    example: {
      bad: py`
        import ssl

        async def handshake(sock: ssl.SSLSocket) -> None:
            sock.do_handshake()
      `,
      good: py`
        import asyncio
        import ssl

        async def handshake(sock: ssl.SSLSocket) -> None:
            await asyncio.to_thread(sock.do_handshake)
      `,
    },
  }),
  blocking({
    id: 'python:ssl.SSLSocket.read',
    match: ['ssl.SSLSocket.read'],
    category: 'network-io',
    why: 'ssl.SSLSocket.read waits for TLS records from the peer on a blocking socket, holding the calling thread until they arrive.',
    does: 'reads from a blocking TLS socket',
    useInstead: ['data = await reader.read(size)  # asyncio stream opened with ssl=context', 'data = await stream.receive()  # anyio TLS stream', 'data = await stream.receive_some(size)  # trio.SSLStream'],
    example: {
      bad: py`
        import ssl

        async def receive(sock: ssl.SSLSocket) -> bytes:
            return sock.read(4096)
      `,
      good: py`
        import asyncio

        async def receive(reader: asyncio.StreamReader) -> bytes:
            return await reader.read(4096)
      `,
    },
  }),
  blocking({
    id: 'python:ssl.SSLSocket.write',
    match: ['ssl.SSLSocket.write'],
    category: 'network-io',
    why: 'ssl.SSLSocket.write encrypts and writes to a blocking socket, waiting on the calling thread whenever the send buffer is full.',
    does: 'writes to a blocking TLS socket',
    useInstead: ['writer.write(data); await writer.drain()  # asyncio stream opened with ssl=context', 'await stream.send(data)  # anyio TLS stream', 'await stream.send_all(data)  # trio.SSLStream'],
    example: {
      bad: py`
        import ssl

        async def transmit(sock: ssl.SSLSocket, data: bytes) -> None:
            sock.write(data)
      `,
      good: py`
        import asyncio

        async def transmit(writer: asyncio.StreamWriter, data: bytes) -> None:
            writer.write(data)
            await writer.drain()
      `,
    },
  }),
  blocking({
    id: 'python:ssl.get_server_certificate',
    match: ['ssl.get_server_certificate'],
    category: 'network-io',
    why: 'ssl.get_server_certificate connects to the server and completes a TLS handshake on a blocking socket before it returns.',
    does: 'performs a blocking TLS connection',
    useInstead: toThread('ssl.get_server_certificate, (host, port)'),
    example: {
      bad: py`
        import ssl

        async def certificate_of(host: str) -> str:
            return ssl.get_server_certificate((host, 443))
      `,
      good: py`
        import asyncio
        import ssl

        async def certificate_of(host: str) -> str:
            return await asyncio.to_thread(ssl.get_server_certificate, (host, 443))
      `,
    },
  }),

  // websockets: the package is asyncio-native (non-blocking.ts) except its `sync` subpackage.
  blocking({
    id: 'python:websockets.sync.client.connect',
    match: ['websockets.sync.client.connect'],
    returns: 'websockets.sync.client.ClientConnection',
    category: 'network-io',
    why: 'websockets.sync.client.connect is the threaded client: it connects and completes the opening handshake on blocking sockets before it returns.',
    does: 'opens a blocking WebSocket connection',
    useInstead: ['async with websockets.connect(uri) as ws: ...  # the asyncio client'],
    example: {
      bad: py`
        from websockets.sync.client import connect

        async def open_feed(uri: str):
            return connect(uri)
      `,
      good: py`
        import websockets

        async def open_feed(uri: str):
            return await websockets.connect(uri)
      `,
    },
  }),
  blocking({
    id: 'python:websockets.sync',
    match: ['websockets.sync.*'],
    category: 'network-io',
    why: "Everything in websockets.sync runs on blocking sockets: a connection's send and recv wait on the calling thread for the network.",
    does: 'uses a blocking WebSocket connection',
    useInstead: ['await ws.send(message) / await ws.recv()  # ws from websockets.connect(uri)'],
    example: {
      bad: py`
        from websockets.sync.client import ClientConnection

        async def next_message(ws: ClientConnection) -> str:
            return ws.recv()
      `,
      good: py`
        from websockets.asyncio.client import ClientConnection

        async def next_message(ws: ClientConnection) -> str:
            return await ws.recv()
      `,
    },
  }),
];
