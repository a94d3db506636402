import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildRouteTable, type RouteTable } from './build-route-table.ts';
import { matchRoute } from './match-route.ts';
import { nearestContracts } from './nearest-contracts.ts';
import { loadFixtureCatalogue } from './receiver.test-fixture.ts';

let table: RouteTable;
before(async () => {
  table = buildRouteTable(await loadFixtureCatalogue(), '/webhooks');
});

const triggers = new Set(['t-1', 'createInvoice#2']);

const cases: Array<{
  method: string;
  rest: string;
  want: string;
  contract?: string;
  trigger?: string;
  captured?: string[];
}> = [
  {
    method: 'POST',
    rest: '/cb/createInvoice/invoices/42',
    want: 'matched',
    contract: 'createInvoice/invoicePaid/post',
    captured: ['42'],
  },
  {
    method: 'post',
    rest: '/cb/createInvoice/invoices/a%20b?extra=1',
    want: 'matched',
    contract: 'createInvoice/invoicePaid/post',
    captured: ['a b'],
  },
  {
    method: 'POST',
    rest: '/cb/createInvoice/t-1/invoices/42',
    want: 'matched',
    trigger: 't-1',
    captured: ['42'],
  },
  {
    method: 'POST',
    rest: '/cb/createInvoice/createInvoice%232/invoices/7',
    want: 'matched',
    trigger: 'createInvoice#2',
    captured: ['7'],
  },
  { method: 'POST', rest: '/cb/createInvoice/unknown-trigger/invoices/42', want: 'unmatched' },
  {
    method: 'GET',
    rest: '/cb/createInvoice/invoices/42',
    want: 'method-mismatch',
    contract: 'createInvoice/invoicePaid/post',
  },
  { method: 'POST', rest: '/cb/createInvoice/payments/42', want: 'unmatched' },
  { method: 'POST', rest: '/cb/nosuch/invoices/42', want: 'unmatched' },
  {
    method: 'POST',
    rest: '/fixed/subscribe?email=a%40b&transactionId=9',
    want: 'matched',
    contract: 'subscribe/notify/post',
    captured: ['9', 'a@b'],
  },
  { method: 'POST', rest: '/fixed/subscribe?email=a', want: 'unmatched' },
  {
    method: 'POST',
    rest: '/webhooks/orderShipped',
    want: 'matched',
    contract: 'webhook/orderShipped/post',
  },
  {
    method: 'POST',
    rest: '/webhooks/orderShipped/?x=1',
    want: 'matched',
    contract: 'webhook/orderShipped/post',
  },
  {
    method: 'DELETE',
    rest: '/webhooks/orderShipped',
    want: 'method-mismatch',
    contract: 'webhook/orderShipped/post',
  },
  { method: 'POST', rest: '/webhooks/orderShippedX', want: 'unmatched' },
];

for (const { method, rest, want, contract, trigger, captured } of cases) {
  test(`matchRoute ${method} ${rest} → ${want}`, () => {
    const match = matchRoute(table, method, rest, triggers);
    assert.equal(match.kind, want);
    if (match.kind === 'matched') {
      if (contract !== undefined) assert.equal(match.route.contract.id, contract);
      assert.equal(match.trigger, trigger);
      if (captured !== undefined) {
        assert.deepEqual(
          match.captured.map((c) => c.value),
          captured,
        );
      }
    }
    if (match.kind === 'method-mismatch') assert.equal(match.routes[0]?.contract.id, contract);
  });
}

test('nearestContracts ranks the closest path and same method first', () => {
  assert.equal(
    nearestContracts(table, 'POST', '/cb/createInvoice/invoice/42')[0],
    'createInvoice/invoicePaid/post',
  );
  assert.equal(
    nearestContracts(table, 'POST', '/webhooks/orderShiped')[0],
    'webhook/orderShipped/post',
  );
  assert.equal(nearestContracts(table, 'POST', '/x', 2).length, 2);
});
