import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyHeaders } from './copy-headers.ts';

test('copyHeaders: a plain copy, repeated headers kept as lists', () => {
  const cases: Array<
    [Record<string, string | string[] | undefined>, Record<string, string | string[] | undefined>]
  > = [
    [{}, {}],
    [{ 'content-type': 'application/json' }, { 'content-type': 'application/json' }],
    [{ 'set-cookie': ['a=1', 'b=2'] }, { 'set-cookie': ['a=1', 'b=2'] }],
  ];
  for (const [given, want] of cases) {
    const copy = copyHeaders(given);
    assert.deepEqual(copy, want);
    assert.notEqual(copy, given);
  }
});
