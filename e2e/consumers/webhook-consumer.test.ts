import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spawnProgram } from '../providers/spawn-program.ts';

const consumer = new URL('./webhook-consumer.ts', import.meta.url).pathname;
const provider = new URL('../providers/webhooks.ts', import.meta.url).pathname;

const order = {
  id: 'ord_3f9a2c7e1b4d',
  status: 'created',
  customer: { name: 'Ada', email: 'ada@example.com' },
  currency: 'EUR',
  items: [{ sku: 'B', quantity: 1, unitPrice: 1 }],
  total: 1,
  createdAt: '2026-03-14T09:26:53Z',
};
const created = JSON.stringify({
  type: 'order.created',
  timestamp: '2026-03-14T09:26:53Z',
  data: order,
});

describe('webhook-consumer.ts', { concurrency: 2 }, () => {
  test('creates an order naming itself as subscriber and receives the callback', async () => {
    const orders = await spawnProgram(provider, ['--quiet']);
    const running = await spawnProgram(consumer, [
      '--provider',
      orders.origin,
      '--exit-after',
      '1',
    ]);
    try {
      const [line] = await running.waitForLines(1);
      const received = JSON.parse(line ?? '{}') as { path: string; status: number; type: string };
      assert.match(received.path, /^\/orders\/ord_[0-9a-f]{12}$/);
      assert.equal(received.status, 204);
      assert.equal(received.type, 'order.created');
    } finally {
      assert.equal(await running.stop(), 0);
      await orders.stop();
    }
  });

  test('strict checks, and copies with a known webhook-id are acknowledged but flagged', async () => {
    const running = await spawnProgram(consumer, ['--quiet']);
    const cases: Array<[string, Record<string, string>, string, number]> = [
      ['/webhooks', { 'webhook-id': 'msg_a' }, created, 204],
      ['/webhooks/orderCreated', { 'webhook-id': 'msg_a' }, created, 204],
      ['/webhooks/orderShipped', { 'webhook-id': 'msg_b' }, created, 400],
      ['/webhooks', {}, created, 400],
      [`/orders/${order.id}`, { 'webhook-id': 'msg_c' }, created, 204],
      ['/orders/ord_000000000000', { 'webhook-id': 'msg_d' }, created, 400],
      ['/webhooks', { 'webhook-id': 'msg_e' }, created.replace('"total":1', '"total":"1"'), 400],
      ['/elsewhere', { 'webhook-id': 'msg_f' }, created, 404],
    ];
    try {
      for (const [path, headers, body, status] of cases) {
        const answer = await fetch(`${running.origin}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        assert.equal(answer.status, status, `${path} ${JSON.stringify(headers)}`);
      }
      const lines = (await running.waitForLines(cases.length)).map(
        (line) => JSON.parse(line) as { duplicate: boolean },
      );
      assert.deepEqual(
        lines.map((line) => line.duplicate),
        [false, true, false, false, false, false, false, false],
      );
    } finally {
      await running.stop();
    }
  });
});
