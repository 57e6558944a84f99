// std::net: synchronous TCP and UDP sockets block the calling thread on connect, accept, reads
// and writes.

import { blocking, type BlockingEntry, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

/** A call on a `std::net` type, with the same code on its tokio counterpart. */
function socketCall(api: string, o: { what: string; does: string; bad: string; good: string; params: string; goodParams: string; goodImport?: string; returns?: string; extraMatch?: readonly string[] }): BlockingEntry {
  const readable = api.replace(/\.([A-Z])/, '::$1').replace(/^std\.net\./, '');
  return blocking({
    id: `rust:${api}`,
    match: [api, ...(o.extraMatch ?? [])],
    category: 'network-io',
    why: `${readable} ${o.what} on a blocking socket: the runtime worker thread waits on the network, and every task scheduled on it with it.`,
    does: o.does,
    ...(o.returns ? { returns: o.returns } : {}),
    useInstead: [
      `the same call on the tokio::net type, awaited${o.goodImport ? ` (${o.goodImport})` : ''}`,
      'the async_std::net types, awaited',
      'tokio::task::spawn_blocking(move || { /* the std::net code */ }).await?',
    ],
    example: {
      bad: rs`
        use std::io::{Read, Write};

        async fn handle(${o.params}) -> std::io::Result<()> {
            ${o.bad};
            Ok(())
        }
      `,
      good: rs`
        ${o.goodImport ? `use ${o.goodImport};\n` : ''}
        async fn handle(${o.goodParams}) -> std::io::Result<()> {
            ${o.good};
            Ok(())
        }
      `,
    },
  });
}

const STREAM = 'mut stream: std::net::TcpStream, mut buf: Vec<u8>';
const TOKIO_STREAM = 'mut stream: tokio::net::TcpStream, mut buf: Vec<u8>';

export const entries: readonly Entry[] = [
  socketCall('std.net.TcpStream.connect', {
    what: 'resolves the address and completes the TCP handshake',
    does: 'opens a TCP connection',
    returns: 'std.net.TcpStream',
    params: 'addr: String',
    goodParams: 'addr: String',
    bad: 'let _stream = std::net::TcpStream::connect(&addr)?',
    good: 'let _stream = tokio::net::TcpStream::connect(&addr).await?',
  }),
  socketCall('std.net.TcpStream.connect_timeout', {
    what: 'completes the TCP handshake, waiting up to the timeout,',
    does: 'opens a TCP connection',
    returns: 'std.net.TcpStream',
    params: 'addr: std::net::SocketAddr',
    goodParams: 'addr: std::net::SocketAddr',
    bad: 'let _stream = std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_secs(3))?',
    good: 'let _stream = tokio::time::timeout(std::time::Duration::from_secs(3), tokio::net::TcpStream::connect(addr)).await??',
  }),
  ...(
    [
      ['read', 'reads from the connection', 'stream.read(&mut buf)?', 'stream.read(&mut buf).await?', 'tokio::io::AsyncReadExt'],
      ['read_exact', 'reads until the buffer is full', 'stream.read_exact(&mut buf)?', 'stream.read_exact(&mut buf).await?', 'tokio::io::AsyncReadExt'],
      ['read_to_end', 'reads until the peer closes the connection', 'stream.read_to_end(&mut buf)?', 'stream.read_to_end(&mut buf).await?', 'tokio::io::AsyncReadExt'],
      ['read_to_string', 'reads until the peer closes the connection', 'let mut text = String::new(); stream.read_to_string(&mut text)?', 'let mut text = String::new(); stream.read_to_string(&mut text).await?', 'tokio::io::AsyncReadExt'],
      ['peek', 'waits for data without consuming it', 'stream.peek(&mut buf)?', 'stream.peek(&mut buf).await?', undefined],
      ['write', 'writes to the connection, waiting while the send buffer is full', 'stream.write(&buf)?', 'stream.write(&buf).await?', 'tokio::io::AsyncWriteExt'],
      ['write_all', 'writes the whole buffer, waiting while the send buffer is full', 'stream.write_all(&buf)?', 'stream.write_all(&buf).await?', 'tokio::io::AsyncWriteExt'],
      ['flush', 'flushes the connection', 'stream.flush()?', 'stream.flush().await?', 'tokio::io::AsyncWriteExt'],
    ] as const
  ).map(([method, what, bad, good, goodImport]) =>
    socketCall(`std.net.TcpStream.${method}`, { what, does: method.startsWith('write') || method === 'flush' ? 'writes to a socket' : 'reads from a socket', params: STREAM, goodParams: TOKIO_STREAM, bad, good, ...(goodImport ? { goodImport } : {}) }),
  ),
  socketCall('std.net.TcpListener.accept', {
    what: 'waits until a client connects',
    does: 'waits for a connection',
    params: 'listener: std::net::TcpListener',
    goodParams: 'listener: tokio::net::TcpListener',
    bad: 'let (_stream, _peer) = listener.accept()?',
    good: 'let (_stream, _peer) = listener.accept().await?',
  }),
  socketCall('std.net.TcpListener.incoming', {
    what: 'waits for the next client each time its iterator is advanced',
    does: 'waits for connections',
    params: 'listener: std::net::TcpListener',
    goodParams: 'listener: tokio::net::TcpListener',
    bad: 'for _stream in listener.incoming() { break; }',
    good: 'let (_stream, _peer) = listener.accept().await?',
  }),
  type({ id: 'rust:std.net.TcpListener.bind', match: ['std.net.TcpListener.bind'], returns: 'std.net.TcpListener' }),
  type({ id: 'rust:std.net.UdpSocket.bind', match: ['std.net.UdpSocket.bind'], returns: 'std.net.UdpSocket' }),
  ...(
    [
      ['send_to', 'sends a datagram', 'socket.send_to(&buf, "127.0.0.1:9000")?', 'socket.send_to(&buf, "127.0.0.1:9000").await?', 'writes to a socket'],
      ['send', 'sends a datagram to the connected peer', 'socket.send(&buf)?', 'socket.send(&buf).await?', 'writes to a socket'],
      ['recv_from', 'waits for a datagram', 'socket.recv_from(&mut buf)?', 'socket.recv_from(&mut buf).await?', 'reads from a socket'],
      ['recv', 'waits for a datagram from the connected peer', 'socket.recv(&mut buf)?', 'socket.recv(&mut buf).await?', 'reads from a socket'],
      ['peek_from', 'waits for a datagram without consuming it', 'socket.peek_from(&mut buf)?', 'socket.peek_from(&mut buf).await?', 'reads from a socket'],
    ] as const
  ).map(([method, what, bad, good, does]) =>
    socketCall(`std.net.UdpSocket.${method}`, {
      what,
      does,
      params: 'socket: std::net::UdpSocket, mut buf: Vec<u8>',
      goodParams: 'socket: tokio::net::UdpSocket, mut buf: Vec<u8>',
      bad,
      good,
    }),
  ),
];
