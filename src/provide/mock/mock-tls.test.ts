import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Catalogue } from '../../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import { type MockProvider, startMockProvider } from './index.ts';

// Prism's dependencies include an analytics package; it stays off in tests.
process.env.SCARF_ANALYTICS = 'false';

const tls = (name: string): URL => new URL(`../../receive/fixtures/tls/${name}`, import.meta.url);
const invoice = { id: 'inv-1001', customer: 'ACME Corporation', total: 1250.5 };

describe('mock fires callbacks at an https consumer', () => {
  let catalogue: Catalogue;
  let consumer: Server;
  let origin: string;
  let cert: string;
  const received: string[] = [];
  const mocks: MockProvider[] = [];
  before(async () => {
    catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
    cert = await readFile(tls('cert.pem'), 'utf8');
    consumer = createServer({ cert, key: await readFile(tls('key.pem')) }, (request, response) => {
      received.push(request.url ?? '');
      request.resume();
      request.on('end', () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
      );
    });
    await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(consumer.address() as AddressInfo).port}`;
  });
  after(async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
    consumer.close();
  });

  async function trigger(ca?: string[]): Promise<MockProvider> {
    const mock = await startMockProvider(catalogue, {
      port: 0,
      delayMs: 0,
      ...(ca === undefined ? {} : { ca }),
    });
    mocks.push(mock);
    const cb = `${origin}/hooks`;
    const answer = await fetch(`${mock.origin}/invoices?callback_url=${encodeURIComponent(cb)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(invoice),
    });
    assert.equal(answer.status, 200);
    await answer.arrayBuffer();
    await mock.idle();
    return mock;
  }

  test('with ca the delivery goes through and passes', async () => {
    const before = received.length;
    const mock = await trigger([cert]);
    assert.deepEqual(
      mock.deliveries().map((delivery) => delivery.verdict),
      ['pass'],
    );
    assert.deepEqual(received.slice(before), ['/hooks/invoices/inv-1001']);
  });

  test('without it the delivery fails with delivery.tls, and the mock keeps serving', async () => {
    const mock = await trigger();
    const [delivery] = mock.deliveries();
    assert.equal(delivery?.verdict, 'fail');
    assert.deepEqual(
      delivery?.findings.map((finding) => finding.check),
      ['delivery.tls'],
    );
    assert.match(delivery?.findings[0]?.message ?? '', /DEPTH_ZERO_SELF_SIGNED_CERT.*--ca <file>/);
    const again = await fetch(`${mock.origin}/invoices`, { method: 'GET' });
    await again.arrayBuffer();
    assert.ok(again.status > 0);
  });
});
