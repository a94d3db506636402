import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import { startMockProvider } from './index.ts';

// Prism's dependencies include an analytics package; it stays off in tests.
process.env.SCARF_ANALYTICS = 'false';

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

const received: Received[] = [];
const consumer = createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  received.push({
    method: request.method ?? '',
    url: request.url ?? '',
    contentType: request.headers['content-type'],
    body,
  });
  response.writeHead(204).end();
});
let origin = '';
before(async () => {
  await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
  const address = consumer.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
after(() => new Promise<void>((resolve) => consumer.close(() => resolve())));

test('mock fires an OAS 3.2 document’s callbacks: PURGE with its query string, a JSON Lines report', async () => {
  const spec = new URL('../../../specs/cache-3.2.yaml', import.meta.url).pathname;
  const mock = await startMockProvider(buildCatalogue(await loadDocument(spec)), { delayMs: 0 });
  try {
    const response = await fetch(`${mock.origin}/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shop', callbackUrl: `${origin}/cdn` }),
    });
    assert.equal(response.status, 201);
    await mock.idle();
    const byMethod = new Map(received.map((entry) => [entry.method, entry]));
    assert.equal(byMethod.get('PURGE')?.url, '/cdn/cache?path=%2Fimages&recursive=true');
    assert.equal(byMethod.get('POST')?.contentType, 'application/jsonl');
    assert.equal(byMethod.get('POST')?.body, '{"path":"/images/logo.png","bytes":5120}\n');
    const report = mock.report();
    assert.deepEqual(
      report.deliveries.map((delivery) => [delivery.contract, delivery.method, delivery.verdict]),
      [
        ['registerTenant/purged/post', 'POST', 'pass'],
        ['registerTenant/purged/purge', 'PURGE', 'pass'],
      ],
    );
  } finally {
    await mock.close();
  }
});

test('a trigger under additionalOperations (LINK) is answered as declared and fires its NOTIFY callback', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cv-mock-32-'));
  const spec = join(dir, 'link.json');
  await writeFile(
    spec,
    JSON.stringify({
      openapi: '3.2.0',
      info: { title: 'Links', version: '1' },
      paths: {
        '/files': {
          additionalOperations: {
            LINK: {
              operationId: 'linkFiles',
              parameters: [
                { name: 'X-Hook', in: 'header', required: true, schema: { type: 'string' } },
              ],
              responses: {
                '202': {
                  description: 'accepted',
                  content: { 'application/json': { example: { linked: 2 } } },
                },
              },
              callbacks: {
                done: {
                  '{$request.header.X-Hook}/done': {
                    additionalOperations: {
                      NOTIFY: { responses: { '204': { description: 'ok' } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
  );
  const mock = await startMockProvider(buildCatalogue(await loadDocument(spec)), { delayMs: 0 });
  try {
    const before = received.length;
    const response = await fetch(`${mock.origin}/files`, {
      method: 'LINK',
      headers: { 'X-Hook': `${origin}/hooks` },
    });
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { linked: 2 });
    await mock.idle();
    const fired = received.slice(before);
    assert.deepEqual(
      fired.map((entry) => [entry.method, entry.url]),
      [['NOTIFY', '/hooks/done']],
    );
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
});
