import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createReceiver } from '../src/receive/index.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { prepareDashboard } from './dashboard.ts';

const spec = fileURLToPath(new URL('../src/receive/fixtures/receiver.yaml', import.meta.url));
const paid = 'createInvoice/invoicePaid/post';
const shipped = 'webhook/orderShipped/post';

test('a run’s live page counts expected callbacks, as its final report does, not contracts', async () => {
  const catalogue = buildCatalogue(await loadDocument(spec));
  const dashboard = prepareDashboard(true);
  assert.ok(dashboard);
  const receiver = await createReceiver(catalogue, {
    ...dashboard.receiverOptions,
    closeGraceMs: 200,
  });
  const live = dashboard.start(receiver, { command: 'run', toolVersion: '0.0.0' });
  try {
    // Three triggers of one operation: each expects the invoice callback, the first the webhook too.
    const sent = [
      { id: 'createInvoice#1', token: 't1', expects: [paid, shipped] },
      { id: 'createInvoice#2', token: 't2', expects: [paid] },
      { id: 'createInvoice#3', token: 't3', expects: [paid] },
    ];
    for (const trigger of sent) {
      live.onProgress({
        type: 'trigger-sent',
        trigger: trigger.id,
        method: 'POST',
        url: 'http://127.0.0.1:1/invoices',
        status: 201,
        expects: trigger.expects,
      });
    }
    const post = async (url: string, body: unknown, trigger?: string): Promise<void> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': 'sig' },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      const exchange = receiver.exchanges().at(-1);
      assert.ok(exchange);
      live.onProgress({
        type: 'callback-received',
        ...(trigger === undefined ? {} : { trigger }),
        ...(exchange.contract === undefined ? {} : { contract: exchange.contract }),
        exchange: exchange.id,
      });
    };
    await post(
      `${receiver.urlFor(paid, 't1')}/invoices/inv-1`,
      { id: 'inv-1', paid: true },
      sent[0]?.id,
    );
    await post(
      `${receiver.urlFor(paid, 't2')}/invoices/inv-2`,
      { id: 'inv-2', paid: true },
      sent[1]?.id,
    );
    await post(
      `${receiver.urlFor(paid, 't3')}/invoices/inv-3`,
      { id: 'inv-3', paid: 'yes' },
      sent[2]?.id,
    );
    await post(receiver.urlFor(shipped), { order: 'o-1' });
    await post(`${receiver.origin}/${receiver.token}/nowhere`, {});

    const report = live.source.snapshot();
    assert.equal(report.command, 'run');
    assert.deepEqual(
      report.expectations.map((e) => [e.trigger, e.contract, e.exchanges.length]),
      [
        ['createInvoice#1', paid, 1],
        ['createInvoice#2', paid, 1],
        ['createInvoice#3', paid, 1],
        ['createInvoice#1', shipped, 1],
      ],
      'the webhook, which carries no token, goes to the first trigger that expects it',
    );
    const { passed, failed, missing, unexpected, contracts, exchanges } = report.summary;
    assert.deepEqual(
      { passed, failed, missing, unexpected, contracts, exchanges },
      {
        passed: 3,
        failed: 1,
        missing: 0,
        unexpected: 1,
        contracts: catalogue.contracts.length,
        exchanges: 5,
      },
    );
    assert.equal(report.triggers.length, 3);
  } finally {
    live.close();
    await receiver.close();
  }
});
