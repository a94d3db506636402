import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../src/errors.ts';
import { parseSeconds } from './parse-seconds.ts';

test('parseSeconds: positive seconds, fractions allowed, else a UsageError naming the flag', () => {
  const cases: Array<{ text: string; want: number | undefined }> = [
    { text: '10', want: 10 },
    { text: '0.4', want: 0.4 },
    { text: ' 2 ', want: 2 },
    { text: '1e1', want: 10 },
    { text: '0', want: undefined },
    { text: '-1', want: undefined },
    { text: '', want: undefined },
    { text: '  ', want: undefined },
    { text: 'ten', want: undefined },
    { text: 'Infinity', want: undefined },
  ];
  for (const { text, want } of cases) {
    if (want === undefined) {
      assert.throws(
        () => parseSeconds('--timeout', text),
        (error) =>
          error instanceof UsageError &&
          error.message === `--timeout must be a positive number of seconds, got "${text}".`,
        text,
      );
    } else {
      assert.equal(parseSeconds('--timeout', text), want, text);
    }
  }
});
