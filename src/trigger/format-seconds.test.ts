import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSeconds } from './format-seconds.ts';

test('formatSeconds: whole seconds without decimals, else one', () => {
  const cases: Array<[number, string]> = [
    [0, '0 s'],
    [1000, '1 s'],
    [10_000, '10 s'],
    [1500, '1.5 s'],
    [250, '0.3 s'],
    [1049, '1.0 s'],
  ];
  for (const [ms, want] of cases) assert.equal(formatSeconds(ms), want, String(ms));
});
