import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatValue } from './format-value.ts';

const rows: Array<[unknown, string]> = [
  ['pending', '"pending"'],
  [42, '42'],
  [null, 'null'],
  [undefined, 'nothing'],
  [Number.POSITIVE_INFINITY, 'Infinity'],
  [Number.NEGATIVE_INFINITY, '-Infinity'],
  [Number.NaN, 'NaN'],
  ['x'.repeat(100), `"${'x'.repeat(58)}…`],
];

for (const [value, want] of rows) {
  test(`formatValue(${String(value).slice(0, 12)}) is ${want.slice(0, 12)}`, () => {
    assert.equal(formatValue(value), want);
  });
}
