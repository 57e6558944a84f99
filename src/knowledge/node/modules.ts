// Loading modules at run time: require() of a computed path reads, compiles and runs the module file
// synchronously. A require of a literal name is left alone: it is almost always at module level, and
// a module already loaded comes from the cache.

import { blocking, type, type Entry } from '../entry.js';
import { ts } from './authoring.js';

export const entries: readonly Entry[] = [
  blocking({
    id: 'node:globalThis.require',
    match: ['globalThis.require'],
    category: 'file-io',
    when: { argNotLiteral: 0 },
    why: "require() of a path computed at run time resolves, reads and compiles the module file synchronously on the event loop thread the first time each path is loaded, and runs the module's top-level code there too.",
    does: 'loads a module synchronously',
    useInstead: ['await import(specifier)  // loads and evaluates the module asynchronously', 'require the modules once at start-up and pick one from a map at request time'],
    example: {
      bad: ts`
        export async function loadPlugin(name: string): Promise<unknown> {
          return require(\`./plugins/\${name}\`);
        }
      `,
      good: ts`
        export async function loadPlugin(name: string): Promise<unknown> {
          return await import(\`./plugins/\${name}.js\`);
        }
      `,
    },
  }),
  // `const require = createRequire(import.meta.url)` gives ES modules a require of their own.
  type({ id: 'node:module.createRequire', match: ['module.createRequire'], returns: 'module.Require' }),
  blocking({
    id: 'node:module.Require',
    match: ['module.Require'],
    category: 'file-io',
    when: { argNotLiteral: 0 },
    why: "A require function made by module.createRequire loads a module of a computed path like require() does: it reads and compiles the file synchronously on the event loop thread, and runs the module's top-level code there.",
    does: 'loads a module synchronously',
    useInstead: ['await import(specifier)  // loads and evaluates the module asynchronously'],
    example: {
      bad: ts`
        import { createRequire } from 'node:module';

        const load = createRequire(import.meta.url);

        export async function loadPlugin(name: string): Promise<unknown> {
          return load(\`./plugins/\${name}.cjs\`);
        }
      `,
      good: ts`
        export async function loadPlugin(name: string): Promise<unknown> {
          return await import(\`./plugins/\${name}.cjs\`);
        }
      `,
    },
  }),
];
