// Renders the catalog docs (docs/catalog/<ecosystem>.md) from the entries, so docs cannot drift.

import type { Ecosystem, Entry } from '../src/knowledge/entry.js';

const KIND_TITLES: Record<Entry['kind'], string> = {
  blocking: 'Blocking APIs',
  offload: 'Offloading APIs',
  callback: 'Event-loop callbacks (async contexts without the async keyword)',
  'non-blocking': 'Non-blocking APIs',
  'in-place': 'Callbacks run in place',
  clock: 'Clock reads (busy-wait detection)',
  role: 'Markers of code out of reach (tests, scripts, start-up)',
  type: 'Value flow (return types)',
};

const KIND_ORDER: readonly Entry['kind'][] = ['blocking', 'offload', 'callback', 'non-blocking', 'in-place', 'clock', 'role', 'type'];

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function fence(lang: string, text: string): string {
  return `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
}

function renderEntry(entry: Entry, lang: string): string {
  const lines = [`### ${code(entry.match[0] ?? entry.id)}`, ''];
  if (entry.match.length > 1) lines.push(`Also: ${entry.match.slice(1).map(code).join(', ')}`, '');
  switch (entry.kind) {
    case 'blocking':
      lines.push(`Category: **${entry.category}** · id ${code(entry.id)}`, '', entry.why, '');
      lines.push('Use instead:', '', ...entry.useInstead.map((u) => `- ${code(u)}`), '');
      if (entry.when?.minArg) lines.push(`Reported when argument ${entry.when.minArg.keyword ?? entry.when.minArg.index} is at least ${entry.when.minArg.value} or not a literal.`, '');
      if (entry.when?.argNotLiteral !== undefined) lines.push(`Reported when argument ${entry.when.argNotLiteral} is not a literal.`, '');
      if (entry.when?.fact) lines.push(`Reported when the adapter observes \`${entry.when.fact}\` on the call.`, '');
      if (entry.when?.noCallback) lines.push('Reported only in the synchronous form, without a callback argument.', '');
      break;
    case 'offload':
      lines.push(`id ${code(entry.id)} · callables at ${entry.callableArgs === 'all' ? 'every argument' : entry.callableArgs.map(String).join(', ')}${entry.decorator ? ' · also as a decorator' : ''}`, '', entry.why, '');
      break;
    case 'callback':
      lines.push(`id ${code(entry.id)} · callbacks at ${entry.callableArgs === 'all' ? 'every argument' : entry.callableArgs.map(String).join(', ')}${entry.decorator ? ' · also as a decorator' : ''}`, '', entry.why, '');
      break;
    case 'type':
      lines.push(`Returns ${code(entry.returns)} · id ${code(entry.id)}`, '');
      break;
    case 'role':
      lines.push(`Role: **${entry.role}**${entry.whenArg ? ` when called with ${entry.whenArg.map(code).join(', ')}` : ''} · id ${code(entry.id)}`, '', entry.why, '');
      break;
    default:
      lines.push(`id ${code(entry.id)}`, '', entry.why, '');
  }
  if (entry.kind !== 'type') {
    lines.push('Reported:', '', fence(lang, entry.example.bad), '', 'Not reported:', '', fence(lang, entry.example.good), '');
  }
  return lines.join('\n');
}

export function renderCatalog(eco: Ecosystem, lang: string): string {
  const out = [
    `# ${eco.name} catalog`,
    '',
    '<!-- Generated from src/knowledge by `npm run docs`; do not edit by hand. -->',
    '',
    `${eco.entries.length} entries. Each example below is run by the test suite: the first block yields exactly one finding, the second none.`,
    '',
  ];
  for (const kind of KIND_ORDER) {
    const entries = eco.entries.filter((e) => e.kind === kind);
    if (entries.length === 0) continue;
    out.push(`## ${KIND_TITLES[kind]} (${entries.length})`, '');
    for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) out.push(renderEntry(e, lang));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export const LANG_OF: Record<string, string> = { python: 'python', node: 'ts', rust: 'rust' };
