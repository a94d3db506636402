import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeUrlValue, type UrlPosition } from './encode-url-value.ts';

const table: Array<[unknown, UrlPosition, string]> = [
  ['http://127.0.0.1:1/a b?c=d', 'base', 'http://127.0.0.1:1/a b?c=d'],
  ['a b', 'path', 'a%20b'],
  ['a/b', 'path', 'a%2Fb'],
  ['a?b#c', 'path', 'a%3Fb%23c'],
  ['a&b=c+d', 'query', 'a%26b%3Dc%2Bd'],
  ['100%', 'query', '100%25'],
  ['a%2Fb', 'path', 'a%2Fb'],
  ['%zz', 'path', '%25zz'],
  ['é', 'query', '%C3%A9'],
  ['\uD800', 'path', '%EF%BF%BD'],
  [7, 'path', '7'],
  [1.5, 'query', '1.5'],
  [true, 'query', 'true'],
  [10n, 'path', '10'],
  [['a', 1], 'query', '%5B%22a%22%2C1%5D'],
  [{ k: 'v' }, 'path', '%7B%22k%22%3A%22v%22%7D'],
  [{ k: 'v' }, 'base', '{"k":"v"}'],
  ["-_.!~*'()", 'path', "-_.!~*'()"],
];

describe('encodeUrlValue', () => {
  for (const [value, position, want] of table) {
    it(`${JSON.stringify(String(value))} in ${position}`, () => {
      assert.equal(encodeUrlValue(value, position), want);
    });
  }
});
