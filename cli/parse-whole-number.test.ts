import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../src/errors.ts';
import { parseWholeNumber } from './parse-whole-number.ts';

test('parseWholeNumber: whole numbers within bounds, else a UsageError naming the flag', () => {
  const cases: Array<{ text: string; min: number; max?: number; want: number | RegExp }> = [
    { text: '0', min: 0, max: 65_535, want: 0 },
    { text: ' 8080 ', min: 0, max: 65_535, want: 8080 },
    { text: '65535', min: 0, max: 65_535, want: 65_535 },
    { text: '65536', min: 0, max: 65_535, want: /from 0 to 65535, got "65536"/ },
    { text: '0', min: 1, want: /from 1 to 9007199254740991/ },
    { text: '-1', min: 0, want: /got "-1"/ },
    { text: '1.5', min: 0, want: /got "1.5"/ },
    { text: '1e3', min: 0, want: /got "1e3"/ },
    { text: '', min: 0, want: /got ""/ },
    { text: '99999999999999999999', min: 0, want: /got "99999999999999999999"/ },
  ];
  for (const { text, min, max, want } of cases) {
    if (typeof want === 'number') {
      assert.equal(parseWholeNumber('--n', text, min, max), want, text);
    } else {
      assert.throws(
        () => parseWholeNumber('--n', text, min, max),
        (error) =>
          error instanceof UsageError &&
          /^--n must be a whole number/.test(error.message) &&
          want.test(error.message),
        text,
      );
    }
  }
});
