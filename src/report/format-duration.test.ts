import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from './format-duration.ts';

const durations: Array<{ ms: number | undefined; want: string }> = [
  { ms: undefined, want: '—' },
  { ms: 0, want: '0 ms' },
  { ms: 12.6, want: '13 ms' },
  { ms: 999, want: '999 ms' },
  { ms: 1000, want: '1.0 s' },
  { ms: 1234, want: '1.2 s' },
];
for (const { ms, want } of durations) {
  test(`formatDuration ${ms}`, () => assert.equal(formatDuration(ms), want));
}
