import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../errors.ts';
import { parseRespond, resolveRunOptions } from './resolve-run-options.ts';

test('resolveRunOptions: defaults', () => {
  const options = resolveRunOptions({ provider: 'http://127.0.0.1:8000' }, {});
  assert.equal(options.timeoutMs, 10_000);
  assert.equal(options.concurrency, 1);
  assert.equal(options.receiverHost, '127.0.0.1');
  assert.equal(options.receiverPort, 0);
  assert.deepEqual(options.filters, { operations: [], tags: [], contracts: [] });
  assert.ok(options.lateWindowMs >= 1000);
});

test('resolveRunOptions: flags win over the config file', () => {
  const options = resolveRunOptions(
    {
      provider: 'http://127.0.0.1:1',
      timeout: '2',
      concurrency: '8',
      header: ['Authorization: Bearer flag', 'X-Extra:  v '],
      respond: ['a/b/post=503,200'],
    },
    {
      provider: 'http://127.0.0.1:2',
      timeout: 5,
      concurrency: 2,
      headers: { Authorization: 'Bearer config', 'X-Config': '1' },
      respond: { 'a/b/post': { statuses: [500] }, '*': { delayMs: 5 } },
    },
  );
  assert.equal(options.provider, 'http://127.0.0.1:1');
  assert.equal(options.timeoutMs, 2000);
  assert.equal(options.concurrency, 8);
  assert.deepEqual(options.headers, {
    Authorization: 'Bearer flag',
    'X-Config': '1',
    'X-Extra': 'v',
  });
  assert.deepEqual(options.behaviours, {
    'a/b/post': { statuses: [503, 200] },
    '*': { delayMs: 5 },
  });
});

const usageErrors: Array<{ name: string; flags: Parameters<typeof resolveRunOptions>[0] }> = [
  { name: 'no provider', flags: {} },
  { name: 'provider not a URL', flags: { provider: 'localhost:8000' } },
  { name: 'bad timeout', flags: { provider: 'http://x', timeout: 'soon' } },
  { name: 'concurrency zero', flags: { provider: 'http://x', concurrency: '0' } },
  {
    name: 'header without colon',
    flags: { provider: 'http://x', header: ['Authorization Bearer'] },
  },
  {
    name: 'unknown signature scheme',
    flags: { provider: 'http://x', verifySignature: 'md5', secret: 's' },
  },
  { name: 'signature without secret', flags: { provider: 'http://x', verifySignature: 'github' } },
];
for (const { name, flags } of usageErrors) {
  test(`resolveRunOptions: ${name} is a usage error`, () => {
    assert.throws(() => resolveRunOptions(flags, {}), UsageError);
  });
}

const respondCases: Array<{ entry: string; want: ReturnType<typeof parseRespond> }> = [
  { entry: 'c/x/post=503,503,200', want: ['c/x/post', { statuses: [503, 503, 200] }] },
  { entry: '503,200', want: ['*', { statuses: [503, 200] }] },
  { entry: '*=drop', want: ['*', { drop: true }] },
  { entry: 'c=+250ms,200', want: ['c', { delayMs: 250, statuses: [200] }] },
];
for (const { entry, want } of respondCases) {
  test(`parseRespond ${entry}`, () => assert.deepEqual(parseRespond(entry), want));
}

test('parseRespond rejects a word that is not a status', () => {
  assert.throws(() => parseRespond('c=503,ok'), /"ok" is not an HTTP status/);
});
