// The reliability properties on a fixed seed and a few runs each: the sample the unit suite runs on
// every build. `npm run fuzz` runs the same properties with random seeds for minutes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureReport, PROPERTIES } from './properties.js';

/** Fixed, so a failure here reproduces on every machine; the fuzz script varies it. */
const SEED = 0x5eed_0004;

describe('reliability properties (fixed seed)', () => {
  for (const property of PROPERTIES) {
    it(property.name, async () => {
      const details = await property.check({ seed: SEED, numRuns: property.unitRuns });
      assert.ok(!details.failed, failureReport(details));
    });
  }
});
