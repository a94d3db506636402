/**
 * The mock provider's extra routes under `/__callback-verify/`: served on the mock's port, never
 * passed to Prism nor recorded as the consumer's requests; and a dashboard mounted there.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  createDashboard,
  createDashboardRoute,
  createMockSource,
} from '../../report/dashboard/index.ts';
import type { Catalogue } from '../../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import type { MockEvent, MockProvider } from './index.ts';
import { startMockProvider } from './index.ts';

// Prism's dependencies include an analytics package; it stays off in tests.
process.env.SCARF_ANALYTICS = 'false';

const token = 'mock-dashboard-token-0123';

/** Reads an event stream until `done` holds for what arrived (or it ends, or 3 s pass). */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  done: (text: string) => boolean,
): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 3000;
  try {
    while (!done(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`stream did not match in time; got: ${text}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return text;
}

describe('mock provider extra routes', () => {
  let catalogue: Catalogue;
  let consumer: Server;
  let consumerOrigin = '';
  const mocks: MockProvider[] = [];

  before(async () => {
    catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
    consumer = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
    const address = consumer.address();
    consumerOrigin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
    await new Promise<void>((resolve) => consumer.close(() => resolve()));
  });

  test('a request under the prefix goes to its route, never to the mocked API', async () => {
    const seen: string[] = [];
    const mock = await startMockProvider(catalogue, {
      delayMs: 0,
      extraRoutes: {
        probe(request, response) {
          seen.push(`${request.method} ${request.url}`);
          response.writeHead(200, { 'content-type': 'text/plain' }).end('probe');
        },
      },
    });
    mocks.push(mock);
    const events: MockEvent[] = [];
    mock.subscribe((event) => events.push(event));

    const probe = await fetch(`${mock.origin}/__callback-verify/probe/a?b=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.deepEqual([probe.status, await probe.text()], [200, 'probe']);
    assert.deepEqual(seen, ['POST /__callback-verify/probe/a?b=1']);

    // An unknown name under the prefix is a plain 404, not Prism's problem+json.
    const unknown = await fetch(`${mock.origin}/__callback-verify/invoices`);
    assert.equal(unknown.status, 404);
    assert.equal(await unknown.text(), '');
    // The same path outside the prefix is Prism's.
    const api = await fetch(`${mock.origin}/nowhere`);
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
    await api.text();

    assert.deepEqual(
      mock.requests().map((request) => new URL(request.url).pathname),
      ['/nowhere'],
      'only the request outside the prefix counts as the consumer’s',
    );
    assert.deepEqual(
      events.map((event) => event.type),
      ['request'],
    );
  });

  test('a dashboard on the mock: token guard, a delivery live, the final report before the end', async () => {
    const route = createDashboardRoute();
    const mock = await startMockProvider(catalogue, {
      delayMs: 0,
      extraRoutes: route.extraRoutes,
    });
    mocks.push(mock);
    const source = createMockSource(mock);
    const dashboard = route.attach(createDashboard(source, { token, coalesceMs: 10 }));
    const url = dashboard.urlFor(mock.origin);
    assert.equal(url, `${mock.origin}/__callback-verify/dashboard/${token}/`);

    for (const wrong of ['mock-dashboard-token-0124', 'short', '']) {
      const response = await fetch(`${mock.origin}/__callback-verify/dashboard/${wrong}/`);
      assert.equal(response.status, 404, `token "${wrong}"`);
      await response.text();
    }
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script src="dashboard\.js"><\/script>/);

    const stream = (await fetch(`${url}events`)).body;
    assert.ok(stream);
    await readUntil(stream, (text) => text.includes('event: snapshot'));

    const created = await fetch(
      `${mock.origin}/invoices?callback_url=${encodeURIComponent(consumerOrigin)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'inv-7', customer: 'ACME Corporation', total: 10 }),
      },
    );
    assert.equal(created.status, 200);
    await created.text();
    await mock.idle();
    const live = await readUntil(stream, (text) =>
      /"deliveries":\[\{[\s\S]*"verdict":"pass"/.test(text),
    );
    assert.match(live, /event: state/);
    assert.match(live, /\/invoices\/inv-7/);

    const snapshot = (await (await fetch(`${url}snapshot.json`)).json()) as {
      command: string;
      triggers: Array<{ url: string }>;
      deliveries: Array<{ url: string; verdict: string }>;
    };
    assert.equal(snapshot.command, 'mock');
    assert.deepEqual(
      snapshot.deliveries.map((delivery) => [delivery.url, delivery.verdict]),
      [[`${consumerOrigin}/invoices/inv-7`, 'pass']],
    );
    assert.equal(snapshot.triggers.length, 1, 'looking at the dashboard adds no request');

    // Stopped, the mock still serves its routes: the final report reaches the page, then `end`.
    await mock.stop();
    const final = {
      ...mock.report(),
      findings: [{ check: 'final.marker', severity: 'info' as const, message: 'final' }],
    };
    source.publish(final);
    dashboard.close();
    const ending = await readUntil(stream, (text) => text.includes('event: end'));
    assert.ok(
      ending.indexOf('final.marker') !== -1 &&
        ending.indexOf('final.marker') < ending.indexOf('event: end'),
      'the final report arrives before the end of the stream',
    );
    const started = Date.now();
    await mock.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
  });

  test('close() does not wait for an open event stream', async () => {
    const route = createDashboardRoute();
    const mock = await startMockProvider(catalogue, { extraRoutes: route.extraRoutes });
    const dashboard = route.attach(createDashboard(createMockSource(mock), { token }));
    const response = await fetch(`${dashboard.urlFor(mock.origin)}events`);
    assert.equal(response.status, 200);
    const started = Date.now();
    await mock.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    dashboard.close();
    await response.body?.cancel().catch(() => {});
  });
});
