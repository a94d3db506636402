import assert from 'node:assert/strict';
import { test } from 'node:test';
import { urlHost } from './url-host.ts';

test('urlHost: wildcards become loopback, IPv6 gets brackets', () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1', '127.0.0.1'],
    ['0.0.0.0', '127.0.0.1'],
    ['', '127.0.0.1'],
    ['::', '[::1]'],
    ['::1', '[::1]'],
    ['localhost', 'localhost'],
  ];
  for (const [host, want] of cases) assert.equal(urlHost(host), want, host);
});
