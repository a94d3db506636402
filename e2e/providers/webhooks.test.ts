import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyStandardWebhooks } from './lib.ts';
import { type RecordedRequest, startRecordingReceiver } from './recording-receiver.ts';
import { spawnProgram } from './spawn-program.ts';

const here = (file: string): string => new URL(file, import.meta.url).pathname;
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const json = (request: RecordedRequest | undefined): Record<string, unknown> =>
  JSON.parse(request?.body ?? '{}');

const newOrder = (subscriber: string): unknown => ({
  customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
  currency: 'EUR',
  items: [{ sku: 'BOOK-0042', quantity: 2, unitPrice: 10.05 }],
  subscriber: { url: subscriber },
});

describe('webhooks.ts', { concurrency: 3 }, () => {
  const rows: Array<{ fault: string; check: (requests: RecordedRequest[]) => void }> = [
    {
      fault: 'none',
      check: (requests) => {
        for (const request of requests) {
          assert.equal(
            verifyStandardWebhooks(secret, request.headers, Buffer.from(request.body)),
            undefined,
          );
        }
        assert.equal(
          json(requests.find((r) => r.url === '/hooks/orderCreated'))?.type,
          'order.created',
        );
      },
    },
    {
      fault: 'wrong-type',
      check: (requests) => {
        const created = json(requests.find((r) => r.url.startsWith('/erp/orders/')));
        assert.equal((created.data as { total: unknown }).total, '20.10');
      },
    },
    {
      fault: 'missing-header',
      check: (requests) => assert.ok(requests.every((r) => r.headers['webhook-id'] === undefined)),
    },
    {
      fault: 'bad-signature',
      check: (requests) =>
        assert.match(
          verifyStandardWebhooks(
            secret,
            requests[0]?.headers ?? {},
            Buffer.from(requests[0]?.body ?? ''),
          ) ?? '',
          /signature/i,
        ),
    },
    {
      fault: 'stale-timestamp',
      check: (requests) =>
        assert.match(
          verifyStandardWebhooks(
            secret,
            requests[0]?.headers ?? {},
            Buffer.from(requests[0]?.body ?? ''),
          ) ?? '',
          /too old/i,
        ),
    },
  ];
  for (const row of rows) {
    test(`${row.fault}: callback to the body-pointer URL, both webhooks to the base`, async () => {
      const receiver = await startRecordingReceiver([204]);
      const provider = await spawnProgram(here('./webhooks.ts'), [
        ...[
          '--fault',
          row.fault,
          '--webhook-base',
          `${receiver.origin}/hooks`,
          '--auto-ship-ms',
          '20',
        ],
        ...['--sign', 'standard-webhooks', '--secret', secret],
      ]);
      try {
        const created = await fetch(`${provider.origin}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(newOrder(`${receiver.origin}/erp`)),
        });
        assert.equal(created.status, 201);
        const order = (await created.json()) as { id: string; total: number };
        assert.match(order.id, /^ord_[0-9a-f]{12}$/);
        assert.equal(order.total, 20.1);
        assert.equal(created.headers.get('location'), `/orders/${order.id}`);
        const requests = await receiver.waitFor(3);
        assert.deepEqual(requests.map((r) => r.url).sort(), [
          `/erp/orders/${order.id}`,
          '/hooks/orderCreated',
          '/hooks/orderShipped',
        ]);
        row.check(requests);
      } finally {
        assert.equal(await provider.stop(), 0);
        await receiver.close();
      }
    });
  }

  test('retry keeps webhook-id across attempts; no-callback still sends the webhooks', async () => {
    const receiver = await startRecordingReceiver([503, 204]);
    const retrying = await spawnProgram(here('./webhooks.ts'), ['--fault', 'retry', '--quiet']);
    const silent = await spawnProgram(here('./webhooks.ts'), [
      ...['--fault', 'no-callback', '--webhook-url', `${receiver.origin}/all`, '--quiet'],
    ]);
    try {
      await fetch(`${retrying.origin}/orders`, {
        method: 'POST',
        body: JSON.stringify(newOrder(`${receiver.origin}/erp`)),
      });
      const [first, second] = await receiver.waitFor(2);
      assert.deepEqual([first?.status, second?.status], [503, 204]);
      assert.equal(first?.headers['webhook-id'], second?.headers['webhook-id']);
      await fetch(`${silent.origin}/orders`, {
        method: 'POST',
        body: JSON.stringify(newOrder(`${receiver.origin}/erp`)),
      });
      const all = await receiver.waitFor(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(receiver.requests.length, 3);
      assert.equal(all[2]?.url, '/all');
    } finally {
      await retrying.stop();
      await silent.stop();
      await receiver.close();
    }
  });
});
