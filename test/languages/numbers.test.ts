// The constant arithmetic the adapters share, and each adapter's literal spelling on top of it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arithmetic, numberValue } from '../../src/languages/numbers.js';
import { parseNumber } from '../../src/languages/python/constants.js';
import { parseRustNumber } from '../../src/languages/rust/constants.js';

describe('constant arithmetic', () => {
  it('reads decimal, float and prefixed integer literals', () => {
    assert.deepEqual(['10', '1e7', '2.5', '0x10', '0o17', '0b101', 'x', '0x'].map(numberValue), [10, 1e7, 2.5, 16, 15, 5, undefined, undefined]);
  });

  it('applies the arithmetic operators, and refuses the rest', () => {
    assert.deepEqual(
      [['+', 2, 3], ['-', 2, 3], ['*', 2, 3], ['**', 10, 3], ['/', 7, 2], ['//', 7, 2], ['<<', 1, 20], ['%', 7, 2], ['/', 1, 0], ['<<', 1, 64]].map(([op, a, b]) =>
        arithmetic(op as string, a as number, b as number),
      ),
      [5, -1, 6, 1000, 3.5, 3, 1_048_576, undefined, undefined, undefined],
    );
    assert.equal(arithmetic('/', 7, 2, true), 3);
    assert.equal(arithmetic('/', -7, 2, true), -3);
  });

  it('strips each language its own suffixes first', () => {
    assert.deepEqual(['10_000_000', '5j', '0x10', '0x10l', '1e6'].map(parseNumber), [10_000_000, 5, 16, 16, 1e6]);
    assert.deepEqual(['10_000_000u64', '0xffu8', '0x1f32', '2.5f64', '0b1010i32', '1e6'].map(parseRustNumber), [10_000_000, 255, 0x1f32, 2.5, 10, 1e6]);
  });
});
