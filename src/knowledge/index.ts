// Every ecosystem asyncguard knows, for the analysis and the generated catalog docs.

import type { Ecosystem } from './entry.js';
import { node } from './node/index.js';
import { python } from './python/index.js';
import { rust } from './rust/index.js';

export const ecosystems: readonly Ecosystem[] = [python, node, rust];
