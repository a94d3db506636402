import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createTriggerAgents } from './create-trigger-agents.ts';
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

test("sendTrigger reuses the run's keep-alive connection for later triggers", async () => {
  let connections = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(202).end());
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agents = createTriggerAgents();
  for (let i = 0; i < 3; i += 1) {
    const sent = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), {
      timeoutMs: 2000,
      agents,
    });
    assert.equal(sent.status, 202);
  }
  agents.destroy();
  server.close();
  assert.equal(connections, 1);
});

test('sendTrigger sends again on a fresh connection when a reused one was closed under it', async () => {
  let connections = 0;
  const server = createServer((request, response) => {
    request.resume();
    // The second request on a connection finds it closed, as after a server's keep-alive timeout.
    if (served.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    served.add(request.socket);
    request.on('end', () => response.writeHead(202).end());
  });
  const served = new WeakSet<object>();
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agents = createTriggerAgents();
  const first = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), {
    timeoutMs: 2000,
    agents,
  });
  const second = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), {
    timeoutMs: 2000,
    agents,
  });
  agents.destroy();
  server.close();
  assert.equal(first.status, 202);
  assert.equal(second.status, 202, second.error);
  assert.equal(connections, 2);
});

test('sendTrigger gives up after its timeout when the provider never answers', async () => {
  const server = createServer(() => {
    // Never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started = performance.now();
  const sent = await sendTrigger(planned(`http://127.0.0.1:${port}/x`), { timeoutMs: 200 });
  server.closeAllConnections();
  server.close();
  assert.equal(sent.status, undefined);
  assert.equal(sent.error, 'no response before the timeout');
  assert.ok(performance.now() - started < 1500);
  assert.ok(sent.respondedAt - sent.sentAt >= 190);
});
