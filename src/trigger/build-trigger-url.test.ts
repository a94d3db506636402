import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTriggerUrl } from './build-trigger-url.ts';

test('buildTriggerUrl: base without its trailing slash, path parameters encoded, query appended', () => {
  const cases: Array<[string, string, Record<string, string>, Record<string, string>, string]> = [
    ['http://h:1', '/invoices', {}, {}, 'http://h:1/invoices'],
    ['http://h:1/api//', '/invoices', {}, {}, 'http://h:1/api/invoices'],
    ['http://h:1', '/things/{id}', { id: 'a b/c' }, {}, 'http://h:1/things/a%20b%2Fc'],
    ['http://h:1', '/things/{id}', {}, {}, 'http://h:1/things/{id}'],
    [
      'http://h:1',
      '/t',
      {},
      { callback_url: 'http://r/x?y=1', n: '2' },
      'http://h:1/t?callback_url=http%3A%2F%2Fr%2Fx%3Fy%3D1&n=2',
    ],
  ];
  for (const [base, path, params, query, want] of cases) {
    assert.equal(buildTriggerUrl(base, path, params, query), want);
  }
});
