import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server } from 'node:http';
import { after, test } from 'node:test';
import { createTriggerAgents } from './create-trigger-agents.ts';
import { sendHttp } from './send-http.ts';

const servers: Server[] = [];
after(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

async function serve(listener: RequestListener): Promise<URL> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return new URL(`http://127.0.0.1:${port}/x`);
}

test('sendHttp: sends method, headers and body with its length, and reads the whole reply', async () => {
  const url = await serve((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.setHeader(
        'x-seen',
        `${request.method} ${request.headers['content-length']} ${request.headers['x-a']}`,
      );
      response.end(Buffer.concat(chunks));
    });
  });
  const outcome = await sendHttp(
    { url, method: 'put', headers: { 'x-a': '1' }, body: new TextEncoder().encode('hello') },
    { timeoutMs: 2_000 },
  );
  assert.ok(outcome.ok);
  assert.equal(outcome.status, 200);
  assert.equal(outcome.headers['x-seen'], 'PUT 5 1');
  assert.equal(new TextDecoder().decode(outcome.body), 'hello');
});

test('sendHttp: each way a request can end without a complete reply is an outcome, not a throw', async () => {
  const big = await serve((_, response) => response.end(Buffer.alloc(64 * 1024)));
  const silent = await serve(() => {});
  const cut = await serve((_, response) => {
    response.writeHead(200, { 'content-length': '100' });
    response.write('partial', () => response.socket?.destroy());
  });
  const refused = new URL(silent);
  refused.port = '9';
  const cases: Array<[string, Parameters<typeof sendHttp>[0], string, RegExp | undefined]> = [
    ['over the reply limit', { url: big, method: 'GET', headers: {} }, 'too-large', undefined],
    ['no reply in time', { url: silent, method: 'GET', headers: {} }, 'timeout', undefined],
    ['cut mid-reply', { url: cut, method: 'GET', headers: {} }, 'aborted', undefined],
    ['refused', { url: refused, method: 'GET', headers: {} }, 'error', /ECONNREFUSED/],
    [
      'an unusable header value',
      { url: silent, method: 'GET', headers: { 'x-bad': 'a\nb' } },
      'error',
      /Invalid character/,
    ],
  ];
  for (const [name, request, reason, error] of cases) {
    const outcome = await sendHttp(request, { timeoutMs: 300, maxResponseBytes: 1024 });
    assert.equal(outcome.ok, false, name);
    if (outcome.ok) continue;
    assert.equal(outcome.reason, reason, name);
    assert.equal(outcome.reusedConnection, false, name);
    if (error !== undefined) assert.match(String(outcome.error), error, name);
  }
});

test('sendHttp: with pools, later requests reuse the keep-alive connection', async () => {
  const ports = new Set<number>();
  const url = await serve((request, response) => {
    ports.add(request.socket.remotePort ?? 0);
    response.end('ok');
  });
  const agents = createTriggerAgents();
  try {
    for (let i = 0; i < 3; i += 1) {
      const outcome = await sendHttp(
        { url, method: 'GET', headers: {} },
        { timeoutMs: 2_000, agents },
      );
      assert.ok(outcome.ok);
    }
    assert.equal(ports.size, 1);
  } finally {
    agents.destroy();
  }
});
