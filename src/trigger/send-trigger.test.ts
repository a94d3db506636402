import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { sendTrigger } from './send-trigger.ts';
import type { PlannedTrigger } from './types.ts';

function planned(url: string): PlannedTrigger {
  return {
    id: 'op#1',
    token: 't',
    operation: {
      method: 'post',
      path: '/x',
      tags: [],
      parameters: [],
      responses: [],
      security: [],
      pointer: '/paths/~1x/post',
    },
    operationKey: 'op',
    method: 'POST',
    url,
    pathParams: {},
    query: {},
    headers: { 'Content-Type': 'application/json', 'X-Test': 'yes' },
    body: { a: 1 },
    bodyBytes: new TextEncoder().encode('{"a":1}'),
    injections: [],
    expectations: [],
    ignoredContracts: [],
    timeoutMs: 1000,
    behaviours: {},
  };
}

test('sendTrigger sends method, headers and body, and parses a JSON response', async () => {
  let seen = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      seen = `${request.method} ${request.headers['x-test']} ${body}`;
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"o-1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sent = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), { timeoutMs: 2000 });
  server.close();
  assert.equal(seen, 'POST yes {"a":1}');
  assert.equal(sent.status, 202);
  assert.deepEqual(sent.parsedBody, { id: 'o-1' });
  assert.equal(sent.headers['content-type'], 'application/json');
  assert.ok(sent.respondedAt >= sent.sentAt);
});

test('sendTrigger returns a refused connection as an error, not a throw', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const sent = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), { timeoutMs: 2000 });
  assert.equal(sent.status, undefined);
  assert.match(sent.error ?? '', /ECONNREFUSED/);
});
