// Reading the terminal synchronously: readline-sync and prompt-sync, which block until someone types
// an answer. (Synchronous reads of standard input through node:fs, fs.readFileSync(0) and
// fs.readSync(0, ...), are covered by fs.ts.)

import { blocking, type, type BlockingEntry, type Entry } from '../entry.js';
import { ts } from './authoring.js';

/** The replacement of every entry here: node:readline/promises, whose question() is awaited. */
const ASK = ts`
  import { stdin as input, stdout as output } from 'node:process';
  import { createInterface } from 'node:readline/promises';

  export async function ask(prompt: string): Promise<string> {
    const rl = createInterface({ input, output });
    try {
      return await rl.question(prompt);
    } finally {
      rl.close();
    }
  }
`;

const USE_INSTEAD = [
  "await rl.question(prompt)  // rl = createInterface({ input: stdin, output: stdout }) from 'node:readline/promises'",
  'await prompt(questions)  // an asynchronous prompt library such as prompts, enquirer or @inquirer/prompts',
];

/** A family of readline-sync functions: each reads the terminal synchronously. */
function readlineSync(name: string, o: { also: readonly string[]; what: string }): BlockingEntry {
  return blocking({
    id: `node:readline-sync.${name}`,
    match: [`readline-sync.${name}`, ...o.also.map((n) => `readline-sync.${n}`)],
    category: 'input',
    why: `readline-sync's ${name} ${o.what} with synchronous reads of the terminal, so the event loop thread is frozen until someone answers.`,
    does: 'waits for terminal input',
    useInstead: USE_INSTEAD,
    example: {
      bad: ts`
        import readlineSync from 'readline-sync';

        export async function ask(prompt: string): Promise<unknown> {
          return readlineSync.${name}(prompt);
        }
      `,
      good: ASK,
    },
  });
}

export const entries: readonly Entry[] = [
  readlineSync('question', {
    also: ['questionInt', 'questionFloat', 'questionPath', 'questionEMail', 'questionNewPassword'],
    what: 'shows the prompt and reads the typed line',
  }),
  readlineSync('keyIn', {
    also: ['keyInPause', 'keyInYN', 'keyInYNStrict', 'keyInSelect'],
    what: 'waits for a single key press',
  }),
  readlineSync('prompt', {
    also: ['promptCL', 'promptLoop', 'promptCLLoop', 'promptSimShell'],
    what: 'shows the prompt and reads the typed command line',
  }),
  // prompt-sync: the default export makes the prompt function, which reads the terminal when called.
  type({ id: 'node:prompt-sync', match: ['prompt-sync'], returns: 'prompt-sync.Prompt' }),
  blocking({
    id: 'node:prompt-sync.Prompt',
    match: ['prompt-sync.Prompt', 'prompt-sync.Prompt.hide'],
    category: 'input',
    why: 'The prompt function of prompt-sync reads the terminal byte by byte with synchronous reads until the user presses Enter, freezing the event loop thread meanwhile.',
    does: 'waits for terminal input',
    useInstead: USE_INSTEAD,
    example: {
      bad: ts`
        import promptSync from 'prompt-sync';

        const prompt = promptSync();

        export async function ask(question: string): Promise<unknown> {
          return prompt(question);
        }
      `,
      good: ASK,
    },
  }),
];
