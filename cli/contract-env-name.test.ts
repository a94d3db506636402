import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contractEnvName } from './contract-env-name.ts';

test('contractEnvName: the id upper-cased, every run of other characters one _', () => {
  const cases: Array<[string, string]> = [
    ['createInvoice/invoicePaid/post', 'CALLBACK_VERIFY_URL_CREATEINVOICE_INVOICEPAID_POST'],
    ['webhook/order.shipped/post', 'CALLBACK_VERIFY_URL_WEBHOOK_ORDER_SHIPPED_POST'],
    ['/{$request.body#/url}/post/', 'CALLBACK_VERIFY_URL_REQUEST_BODY_URL_POST'],
  ];
  for (const [id, want] of cases) assert.equal(contractEnvName(id), want, id);
});
