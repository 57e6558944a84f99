// Reading from the terminal or standard input, which waits for a person or a producer process.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** A read from `sys.stdin`: it waits until the input has a line (or ends). */
function stdinRead(name: string, what: string): BlockingEntry {
  return blocking({
    id: `python:sys.stdin.${name}`,
    match: [`sys.stdin.${name}`],
    category: 'input',
    why: `sys.stdin.${name} ${what} with blocking reads, holding the calling thread and the event loop until the input arrives.`,
    does: 'reads standard input synchronously',
    useInstead: [
      'reader = asyncio.StreamReader(); await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin); line = await reader.readline()',
      'async with aiofiles.open("/dev/stdin") as stdin: ...  # or aiofiles.stdin',
      ...toThread(`sys.stdin.${name}`),
    ],
    example: {
      bad: py`
        import sys

        async def next_command():
            return sys.stdin.${name}()
      `,
      good: py`
        import asyncio
        import sys

        async def next_command():
            return await asyncio.to_thread(sys.stdin.${name})
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:builtins.input',
    match: ['builtins.input'],
    category: 'input',
    why: 'input() waits on the calling thread until someone types a line, and the event loop is frozen for that whole time.',
    does: 'waits for terminal input',
    useInstead: toThread('input, prompt'),
    example: {
      bad: py`
        async def confirm(prompt: str) -> bool:
            return input(prompt).strip().lower() == "y"
      `,
      good: py`
        import asyncio

        async def confirm(prompt: str) -> bool:
            answer = await asyncio.to_thread(input, prompt)
            return answer.strip().lower() == "y"
      `,
    },
  }),
  stdinRead('read', 'reads everything until the end of the input'),
  stdinRead('readline', 'reads up to the next newline'),
  stdinRead('readlines', 'reads every remaining line'),
  blocking({
    id: 'python:getpass.getpass',
    match: ['getpass.getpass'],
    category: 'input',
    why: 'getpass.getpass waits on the calling thread, with echo off, until someone types a password.',
    does: 'waits for terminal input',
    useInstead: toThread('getpass.getpass, prompt'),
    example: {
      bad: py`
        import getpass

        async def ask_password() -> str:
            return getpass.getpass("Password: ")
      `,
      good: py`
        import asyncio
        import getpass

        async def ask_password() -> str:
            return await asyncio.to_thread(getpass.getpass, "Password: ")
      `,
    },
  }),
];
