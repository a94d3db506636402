import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenHeaders } from './flatten-headers.ts';
import { readQuery } from './read-query.ts';

test('flattenHeaders: one string per name, repeated ones joined, missing ones left out', () => {
  assert.deepEqual(
    flattenHeaders({ accept: 'application/json', 'set-cookie': ['a=1', 'b=2'], age: undefined }),
    { accept: 'application/json', 'set-cookie': 'a=1, b=2' },
  );
});

test('readQuery: single values as strings, repeated ones as a list in order', () => {
  const cases: Array<[string, Record<string, string | string[]>]> = [
    ['', {}],
    ['a=1', { a: '1' }],
    ['a=1&b=2&a=3&a=4', { a: ['1', '3', '4'], b: '2' }],
    ['callback_url=http%3A%2F%2Fx%2Fy', { callback_url: 'http://x/y' }],
  ];
  for (const [search, want] of cases)
    assert.deepEqual(readQuery(new URLSearchParams(search)), want, search);
});
