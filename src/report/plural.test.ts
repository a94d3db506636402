import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plural } from './plural.ts';

const cases: Array<{ count: number; noun: string; nouns?: string; want: string }> = [
  { count: 0, noun: 'error', want: '0 errors' },
  { count: 1, noun: 'error', want: '1 error' },
  { count: 2, noun: 'contract', want: '2 contracts' },
  { count: 1, noun: 'delivery', nouns: 'deliveries', want: '1 delivery' },
  { count: 2, noun: 'delivery', nouns: 'deliveries', want: '2 deliveries' },
];
for (const { count, noun, nouns, want } of cases) {
  test(`plural ${count} ${noun}`, () => assert.equal(plural(count, noun, nouns), want));
}
