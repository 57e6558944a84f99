// The generated catalog docs match the entries: run `npm run docs` after changing the catalog.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { ecosystems } from '../../src/index.js';
import { LANG_OF, renderCatalog } from '../../scripts/catalog-docs.js';
import { projectRoot } from '../helpers/paths.js';

for (const eco of ecosystems) {
  it(`docs/catalog/${eco.name}.md is up to date`, () => {
    const onDisk = readFileSync(join(projectRoot, 'docs', 'catalog', `${eco.name}.md`), 'utf8');
    assert.equal(onDisk, renderCatalog(eco, LANG_OF[eco.name] ?? ''), 'run `npm run docs` and commit the result');
  });
}
