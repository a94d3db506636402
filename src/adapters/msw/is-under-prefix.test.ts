import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnderPrefix } from './is-under-prefix.ts';

test('isUnderPrefix: the prefix itself or a path, query or fragment after it', () => {
  const prefixes = ['https://cb.test', 'https://hooks.test/in'];
  const cases: Array<[string, boolean]> = [
    ['https://cb.test', true],
    ['https://cb.test/', true],
    ['https://cb.test/invoices/1', true],
    ['https://cb.test?x=1', true],
    ['https://hooks.test/in/orders', true],
    ['https://hooks.test/in#top', true],
    ['https://cb.tester/invoices', false],
    ['https://hooks.test/inbox', false],
    ['https://hooks.test/', false],
    ['http://cb.test/invoices', false],
  ];
  for (const [url, want] of cases) assert.equal(isUnderPrefix(url, prefixes), want, url);
  assert.equal(isUnderPrefix('https://cb.test/x', []), false, 'no prefixes, nothing is ours');
});
