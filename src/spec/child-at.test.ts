import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childAt } from './child-at.ts';

const cases: Array<{ name: string; container: unknown; token: string; want: unknown }> = [
  { name: 'an own property', container: { a: 1 }, token: 'a', want: 1 },
  { name: 'a missing property', container: { a: 1 }, token: 'b', want: undefined },
  { name: 'an inherited property', container: {}, token: 'constructor', want: undefined },
  { name: 'an inherited property of an array', container: [], token: 'length', want: undefined },
  { name: 'an array item', container: ['x', 'y'], token: '1', want: 'y' },
  { name: 'an index with a leading zero', container: ['x', 'y'], token: '01', want: undefined },
  { name: 'an index past the end', container: ['x'], token: '1', want: undefined },
  { name: 'the append token', container: ['x'], token: '-', want: undefined },
  { name: 'a scalar', container: 'text', token: '0', want: undefined },
  { name: 'null', container: null, token: 'a', want: undefined },
];
for (const { name, container, token, want } of cases) {
  test(`childAt: ${name}`, () => assert.deepEqual(childAt(container, token), want));
}
