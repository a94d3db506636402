import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTriggerUrl } from './build-trigger-url.ts';

test('buildTriggerUrl: base without its trailing slash, serialised path parameters, query appended', () => {
  const cases: Array<[string, string, Record<string, string>, string, string]> = [
    ['http://h:1', '/invoices', {}, '', 'http://h:1/invoices'],
    ['http://h:1/api//', '/invoices', {}, '', 'http://h:1/api/invoices'],
    ['http://h:1', '/things/{id}', { id: 'a%20b%2Fc' }, '', 'http://h:1/things/a%20b%2Fc'],
    ['http://h:1', '/things/{id}', { id: ';id=1,2' }, '', 'http://h:1/things/;id=1,2'],
    ['http://h:1', '/things/{id}', {}, '', 'http://h:1/things/{id}'],
    [
      'http://h:1',
      '/t',
      {},
      'callback_url=http%3A%2F%2Fr%2Fx%3Fy%3D1&n=1&n=2',
      'http://h:1/t?callback_url=http%3A%2F%2Fr%2Fx%3Fy%3D1&n=1&n=2',
    ],
  ];
  for (const [base, path, params, search, want] of cases) {
    assert.equal(buildTriggerUrl(base, path, params, search), want);
  }
});
