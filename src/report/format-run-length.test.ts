import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRunLength } from './format-run-length.ts';

const runs: Array<{ startedAt: string; finishedAt: string; want: string | undefined }> = [
  { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.500Z', want: '1.5 s' },
  { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z', want: '0.0 s' },
  {
    startedAt: '2026-01-01T00:00:02.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    want: undefined,
  },
  { startedAt: 'not a time', finishedAt: '2026-01-01T00:00:01.000Z', want: undefined },
];
for (const { startedAt, finishedAt, want } of runs) {
  test(`formatRunLength ${startedAt} → ${finishedAt}`, () =>
    assert.equal(formatRunLength({ startedAt, finishedAt }), want));
}
