// Writes docs/catalog/<ecosystem>.md from the catalog entries (`npm run docs`).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecosystems } from '../src/knowledge/index.js';
import { LANG_OF, renderCatalog } from './catalog-docs.js';
import { projectRoot } from '../test/helpers/paths.js';

const dir = join(projectRoot, 'docs', 'catalog');
mkdirSync(dir, { recursive: true });
for (const eco of ecosystems) {
  const file = join(dir, `${eco.name}.md`);
  writeFileSync(file, renderCatalog(eco, LANG_OF[eco.name] ?? ''));
  console.log(`wrote ${file}`);
}
