import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUrlTemplate } from '../spec/runtime-expression/index.ts';
import type { RuntimeContext } from '../spec/runtime-expression/types.ts';
import { describeUrlMismatch, type UrlMismatch } from './describe-url-mismatch.ts';

const base = 'http://127.0.0.1:4010/Zq3tokenYw/cb/createInvoice/T1';
const context: RuntimeContext = {
  url: `http://provider/invoices?callback_url=${base}`,
  method: 'POST',
  request: { headers: {}, query: { callback_url: base }, path: {}, body: { id: 'inv 1', n: 2 } },
  response: { headers: {}, body: { state: 'paid' } },
};

const cases: Array<{ name: string; given: UrlMismatch; want: string }> = [
  {
    name: 'after the injected base, with the embedded value as sent (not percent-encoded)',
    given: {
      expected: `${base}/invoices/inv%201`,
      actual: `${base}/invoices/other-inv-1`,
      base,
      template: parseUrlTemplate('{$request.query.callback_url}/invoices/{$request.body#/id}'),
      context,
    },
    want: 'Callback sent to …/invoices/other-inv-1, expected …/invoices/inv%201 ({$request.body#/id} = "inv 1").',
  },
  {
    name: 'several embedded expressions, one without a value',
    given: {
      expected: `${base}/n/2?state=paid`,
      actual: `${base}/n/3`,
      base,
      template: parseUrlTemplate(
        '{$request.query.callback_url}/n/{$request.body#/n}?state={$response.body#/state}&x={$response.body#/gone}',
      ),
      context,
    },
    want: 'Callback sent to …/n/3, expected …/n/2?state=paid ({$request.body#/n} = "2", {$response.body#/state} = "paid", {$response.body#/gone} = no value).',
  },
  {
    name: 'no base known: cut at the last shared slash past the origin; nothing to name',
    given: {
      expected: 'http://127.0.0.1:4010/tok/webhooks/orderShipped',
      actual: 'http://127.0.0.1:4010/tok/webhooks/orderShipped/x',
    },
    want: 'Callback sent to …/orderShipped/x, expected …/orderShipped.',
  },
  {
    name: 'a call that left the base (another host): shown in full',
    given: {
      expected: `${base}/invoices/inv-1`,
      actual: 'http://example.test/invoices/inv-1',
      base,
    },
    want: `Callback sent to http://example.test/invoices/inv-1, expected ${base}/invoices/inv-1.`,
  },
];

for (const { name, given, want } of cases) {
  test(`describeUrlMismatch: ${name}`, () => {
    assert.equal(describeUrlMismatch(given), want);
  });
}
