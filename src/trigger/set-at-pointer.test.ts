import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setAtPointer } from './set-at-pointer.ts';

const cases: Array<{ name: string; root: unknown; pointer: string; want: unknown }> = [
  { name: 'root', root: { a: 1 }, pointer: '', want: 'U' },
  { name: 'top-level field', root: { a: 1 }, pointer: '/url', want: { a: 1, url: 'U' } },
  {
    name: 'deep, creating objects',
    root: undefined,
    pointer: '/a/b/c',
    want: { a: { b: { c: 'U' } } },
  },
  { name: 'keeps siblings', root: { a: { x: 1 } }, pointer: '/a/y', want: { a: { x: 1, y: 'U' } } },
  {
    name: 'array index',
    root: { l: [{ u: 0 }, {}] },
    pointer: '/l/1/u',
    want: { l: [{ u: 0 }, { u: 'U' }] },
  },
  { name: 'escaped segments', root: {}, pointer: '/a~1b/c~0d', want: { 'a/b': { 'c~d': 'U' } } },
  {
    name: 'replaces a scalar on the way',
    root: { a: 3 },
    pointer: '/a/b',
    want: { a: { b: 'U' } },
  },
];

for (const { name, root, pointer, want } of cases) {
  test(`setAtPointer: ${name}`, () => {
    const before = structuredClone(root);
    assert.deepEqual(setAtPointer(root, pointer, 'U'), want);
    assert.deepEqual(root, before, 'input is not mutated');
  });
}
