import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Catalogue } from '../../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import { startMockProvider } from './index.ts';

// Prism's dependencies include an analytics package; it stays off in tests.
process.env.SCARF_ANALYTICS = 'false';

const tls = (name: string): URL => new URL(`../../receive/fixtures/tls/${name}`, import.meta.url);
const invoice = { id: 'inv-1001', customer: 'ACME Corporation', total: 1250.5 };

/** One request over HTTPS trusting `ca` only. */
function call(
  url: string,
  ca: Buffer,
  init: { method: string; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      { method: init.method, ca, agent: false, headers: { 'content-type': 'application/json' } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

describe('mock serves HTTPS with tls', () => {
  let catalogue: Catalogue;
  let cert: Buffer;
  let key: Buffer;
  let consumer: Server;
  let consumerOrigin: string;
  const received: string[] = [];
  before(async () => {
    catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
    cert = await readFile(tls('cert.pem'));
    key = await readFile(tls('key.pem'));
    consumer = createServer((request, response) => {
      received.push(request.url ?? '');
      request.resume();
      request.on('end', () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
      );
    });
    await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
    consumerOrigin = `http://127.0.0.1:${(consumer.address() as AddressInfo).port}`;
  });
  after(() => {
    consumer.close();
  });

  test('a consumer trusting the CA calls it over HTTPS and receives its callback', async () => {
    const mock = await startMockProvider(catalogue, { port: 0, delayMs: 0, tls: { cert, key } });
    try {
      assert.match(mock.origin, /^https:\/\/127\.0\.0\.1:\d+$/);
      const cb = `${consumerOrigin}/hooks`;
      const answer = await call(
        `${mock.origin}/invoices?callback_url=${encodeURIComponent(cb)}`,
        cert,
        {
          method: 'POST',
          body: JSON.stringify(invoice),
        },
      );
      assert.equal(answer.status, 200);
      await mock.idle();
      assert.deepEqual(
        mock.deliveries().map((delivery) => delivery.verdict),
        ['pass'],
      );
      assert.ok(received.includes('/hooks/invoices/inv-1001'), received.join(', '));
      assert.match(mock.requests()[0]?.url ?? '', /^https:\/\/127\.0\.0\.1:\d+\/invoices\?/);
    } finally {
      await mock.close();
    }
  });

  test('plain HTTP to its port gets a 400 naming the https URL, and the mock keeps serving', async () => {
    const mock = await startMockProvider(catalogue, { port: 0, delayMs: 0, tls: { cert, key } });
    try {
      const plain = mock.origin.replace('https://', 'http://');
      const answer = await fetch(`${plain}/invoices`, { method: 'GET' });
      assert.equal(answer.status, 400);
      assert.equal(
        await answer.text(),
        `This mock provider speaks HTTPS only: use ${mock.origin}.\n`,
      );
      assert.deepEqual(mock.requests(), []);
      const again = await call(`${mock.origin}/invoices`, cert, { method: 'GET' });
      assert.notEqual(again.status, 400);
    } finally {
      await mock.close();
    }
  });

  const refusals: Array<{
    name: string;
    tls: () => Promise<{ cert: Buffer; key: Buffer }>;
    message: RegExp;
  }> = [
    {
      name: 'a key of another certificate',
      tls: async () => ({ cert, key: await readFile(tls('other-key.pem')) }),
      message: /the private key does not belong to the certificate/,
    },
    {
      name: 'a key where the certificate belongs',
      tls: async () => ({ cert: key, key }),
      message: /tls\.cert is not a PEM certificate/,
    },
  ];
  for (const refusal of refusals) {
    test(`${refusal.name} is CV_TLS_CONFIG before the mock starts`, async () => {
      await assert.rejects(
        startMockProvider(catalogue, { port: 0, tls: await refusal.tls() }),
        (error: unknown) => {
          assert.equal((error as { code?: string }).code, 'CV_TLS_CONFIG');
          assert.match((error as Error).message, refusal.message);
          return true;
        },
      );
    });
  }
});
