import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringifyParameter } from './stringify-parameter.ts';

test('stringifyParameter: strings as they are, arrays comma-joined, objects as JSON', () => {
  const cases: Array<[unknown, string]> = [
    ['a b', 'a b'],
    [42, '42'],
    [true, 'true'],
    [null, 'null'],
    [['a', 1, ['b', 'c']], 'a,1,b,c'],
    [{ a: 1 }, '{"a":1}'],
  ];
  for (const [value, want] of cases) assert.equal(stringifyParameter(value), want);
});
