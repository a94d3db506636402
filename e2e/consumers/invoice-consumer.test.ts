import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSigner } from '../providers/lib.ts';
import { spawnProgram } from '../providers/spawn-program.ts';

const consumer = new URL('./invoice-consumer.ts', import.meta.url).pathname;
const provider = new URL('../providers/invoices.ts', import.meta.url).pathname;
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const paid = JSON.stringify({ description: 'Invoice inv-1001 paid', paid: true });

describe('invoice-consumer.ts', { concurrency: 3 }, () => {
  test('creates an invoice at the provider and prints the notification it gets', async () => {
    const invoices = await spawnProgram(provider, ['--quiet']);
    const running = await spawnProgram(consumer, [
      '--provider',
      invoices.origin,
      '--exit-after',
      '1',
    ]);
    try {
      const [line] = await running.waitForLines(1);
      const received = JSON.parse(line ?? '{}') as Record<string, unknown>;
      assert.equal(received.path, '/invoices/inv-1001');
      assert.equal(received.status, 200);
      assert.equal(received.accepted, true);
      assert.deepEqual(received.body, {
        description: 'Invoice inv-1001 paid in full by ACME Corporation',
        paid: true,
      });
    } finally {
      assert.equal(await running.stop(), 0);
      await invoices.stop();
    }
  });

  test('strict by default, lenient on request', async () => {
    const strict = await spawnProgram(consumer, ['--quiet']);
    const lenient = await spawnProgram(consumer, ['--quiet', '--lenient']);
    const cases: Array<[string, string, string, string, number]> = [
      ['POST', '/invoices/inv-1', 'application/json', paid, 200],
      ['POST', '/invoices/inv-1', 'application/json', '{"description":"x","paid":"yes"}', 422],
      ['POST', '/invoices/inv-1', 'application/json', '{"description":"x"}', 422],
      ['POST', '/invoices/inv-1', 'text/plain', paid, 415],
      ['PUT', '/invoices/inv-1', 'application/json', paid, 405],
      ['POST', '/invoice/inv-1', 'application/json', paid, 404],
    ];
    try {
      for (const [method, path, type, body, status] of cases) {
        const headers = { 'content-type': type };
        const answer = await fetch(`${strict.origin}${path}`, { method, headers, body });
        assert.equal(answer.status, status, `${method} ${path} ${type} ${body}`);
        const loose = await fetch(`${lenient.origin}${path}`, { method, headers, body });
        assert.equal(loose.status, 200);
        assert.deepEqual(await loose.json(), { ok: true });
      }
      const lines = await strict.waitForLines(cases.length);
      assert.deepEqual(
        lines.map((line) => (JSON.parse(line) as { status: number }).status),
        cases.map((c) => c[4]),
      );
    } finally {
      await strict.stop();
      await lenient.stop();
    }
  });

  test('--require-signature rejects unsigned and wrongly signed notifications with 401', async () => {
    const running = await spawnProgram(consumer, [
      ...['--quiet', '--require-signature', 'standard-webhooks', '--secret', secret],
    ]);
    const url = `${running.origin}/invoices/inv-1`;
    const signed = (key: string): Record<string, string> => ({
      'content-type': 'application/json',
      ...createSigner(key).headers('msg_1', paid),
    });
    try {
      const good = await fetch(url, { method: 'POST', headers: signed(secret), body: paid });
      assert.equal(good.status, 200);
      const other = `whsec_${Buffer.from('another secret of 24 bytes').toString('base64')}`;
      const wrong = await fetch(url, { method: 'POST', headers: signed(other), body: paid });
      assert.equal(wrong.status, 401);
      const tampered = await fetch(url, {
        method: 'POST',
        headers: signed(secret),
        body: paid.replace('true', 'false'),
      });
      assert.equal(tampered.status, 401);
      const unsigned = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: paid,
      });
      assert.equal(unsigned.status, 401);
    } finally {
      await running.stop();
    }
  });
});
