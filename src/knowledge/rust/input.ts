// Reading standard input: the thread waits until someone types or the pipe delivers.

import { blocking, type BlockingEntry, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

function stdinRead(method: string, o: { what: string; bad: string; good: string; goodImport: string }): BlockingEntry {
  return blocking({
    id: `rust:std.io.Stdin.${method}`,
    match: [`std.io.Stdin.${method}`, `std.io.StdinLock.${method}`],
    category: 'input',
    why: `Stdin::${method} ${o.what}; the runtime worker thread waits, with every task scheduled on it, until input arrives.`,
    does: 'reads standard input',
    useInstead: [
      `tokio::io::stdin() with ${o.goodImport}, awaited`,
      'async_std::io::stdin() with its async reads',
      'read stdin on a dedicated std::thread and send the lines over a tokio::sync::mpsc channel',
    ],
    example: {
      bad: rs`
        use std::io::{BufRead, Read};

        async fn ask() -> std::io::Result<String> {
            let mut answer = String::new();
            ${o.bad};
            Ok(answer)
        }
      `,
      good: rs`
        use ${o.goodImport};

        async fn ask() -> std::io::Result<String> {
            let mut answer = String::new();
            ${o.good};
            Ok(answer)
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  type({ id: 'rust:std.io.stdin', match: ['std.io.stdin', 'std.io.Stdin.new'], returns: 'std.io.Stdin' }),
  type({ id: 'rust:std.io.Stdin.lock', match: ['std.io.Stdin.lock'], returns: 'std.io.StdinLock' }),
  stdinRead('read_line', {
    what: 'blocks until a whole line has been read',
    bad: 'std::io::stdin().read_line(&mut answer)?',
    good: 'tokio::io::BufReader::new(tokio::io::stdin()).read_line(&mut answer).await?',
    goodImport: 'tokio::io::AsyncBufReadExt',
  }),
  stdinRead('lines', {
    what: 'reads a line each time its iterator is advanced',
    bad: 'answer = std::io::stdin().lines().next().unwrap_or(Ok(String::new()))?',
    good: 'answer = tokio::io::BufReader::new(tokio::io::stdin()).lines().next_line().await?.unwrap_or_default()',
    goodImport: 'tokio::io::AsyncBufReadExt',
  }),
  stdinRead('read_to_string', {
    what: 'blocks until the input is closed',
    bad: 'std::io::stdin().read_to_string(&mut answer)?',
    good: 'tokio::io::stdin().read_to_string(&mut answer).await?',
    goodImport: 'tokio::io::AsyncReadExt',
  }),
  stdinRead('read_to_end', {
    what: 'blocks until the input is closed',
    bad: 'let mut raw = Vec::new(); std::io::stdin().read_to_end(&mut raw)?',
    good: 'let mut raw = Vec::new(); tokio::io::stdin().read_to_end(&mut raw).await?',
    goodImport: 'tokio::io::AsyncReadExt',
  }),
  stdinRead('read', {
    what: 'blocks until some input is available',
    bad: 'let mut raw = [0u8; 64]; std::io::stdin().read(&mut raw)?',
    good: 'let mut raw = [0u8; 64]; tokio::io::stdin().read(&mut raw).await?',
    goodImport: 'tokio::io::AsyncReadExt',
  }),
];
