import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serializeBody } from '../provide/index.ts';
import type { Contract } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createReceiver } from './create-receiver.ts';
import type { ReceiverRoute } from './types.ts';

const corpus = fileURLToPath(new URL('../../specs/corpus/', import.meta.url));
/** Methods `fetch` cannot send (TRACE is forbidden, QUERY is not in Node's parser everywhere). */
const unsendable = new Set(['trace', 'query']);

/** A URL that the route's template matches: every embedded expression filled with `v1`. */
function exampleUrl(route: ReceiverRoute): string {
  const tail = route.pattern.replace(/\{[^}]*\}/g, 'v1');
  if (tail === '' || tail.startsWith('?') || tail.startsWith('/')) return `${route.url}${tail}`;
  return `${route.url}/${tail}`;
}

/**
 * Examples that contradict their own document's schema (checked by hand against the document):
 * Adyen's examples carry properties their schemas close with `additionalProperties: false`, miss
 * required ones, or put a date where a date-time is declared; Svix's use an `env_` id where the
 * schema's pattern demands `org_`, and a `background_task.finished` example fits none of its
 * `anyOf` branches.
 */
const contradictingExamples = [
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_FUNDS_BELOW_THRESHOLD/post accountFundsBelowThreshold',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_CREATED/post accountHolderCreated-businesses',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_CREATED/post accountHolderCreated-failed',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_CREATED/post accountHolderCreated-individuals',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_STATUS_CHANGE/post accountHolderStatusChange',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_UPCOMING_DEADLINE/post accountHolderUpcomingDeadline',
  'adyen-marketpay-notification-v6.json webhook/ACCOUNT_HOLDER_UPDATED/post accountHolderUpdated',
  'adyen-marketpay-notification-v6.json webhook/COMPENSATE_NEGATIVE_BALANCE/post compensateNegativeBalance',
  'adyen-marketpay-notification-v6.json webhook/DIRECT_DEBIT_INITIATED/post directDebitInitiated',
  'adyen-marketpay-notification-v6.json webhook/PAYMENT_FAILURE/post paymentFailure',
  'adyen-marketpay-notification-v6.json webhook/REFUND_FUNDS_TRANSFER/post refundFundsTransfer',
  'adyen-marketpay-notification-v6.json webhook/REPORT_AVAILABLE/post reportAvailable',
  'adyen-marketpay-notification-v6.json webhook/SCHEDULED_REFUNDS/post scheduledRefunds',
  'adyen-webhooks-v1.json webhook/MANUAL_REVIEW_ACCEPT/post manual_review_accept',
  'adyen-webhooks-v1.json webhook/MANUAL_REVIEW_REJECT/post manual_review_reject',
  'adyen-webhooks-v1.json webhook/OFFER_CLOSED/post offer_closed',
  'adyen-webhooks-v1.json webhook/ORDER_CLOSED/post order_closed',
  'adyen-webhooks-v1.json webhook/POSTPONED_REFUND/post postponed_refund',
  'adyen-webhooks-v1.json webhook/PREARBITRATION_LOST/post prearbitration_lost',
  'adyen-webhooks-v1.json webhook/RECURRING_CONTRACT/post recurring_contract',
  'svix-lib-openapi.json webhook/background_task.finished/post default',
  'svix-lib-openapi.json webhook/message.attempt.log/post default',
  'svix-lib-openapi.json x-webhook/background_task.finished/post default',
  'svix-lib-openapi.json x-webhook/message.attempt.log/post default',
];

/** Header parameters filled with their examples, so required headers are present where the document says how. */
function exampleHeaders(contract: Contract, contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  for (const parameter of contract.operation.parameters) {
    const example = parameter.examples[0];
    if (parameter.in !== 'header' || example === undefined) continue;
    if (parameter.name.toLowerCase() === 'content-type') continue;
    headers[parameter.name] = String(example.value);
  }
  return headers;
}

const documents = (await readdir(corpus))
  .filter((name) => /\.(json|ya?ml)$/.test(name) && name !== 'manifest.json')
  .map((name) => join(corpus, name));
documents.push(join(corpus, 'redocly-openapi-starter', 'openapi.yaml'));

for (const path of documents) {
  test(`every contract of ${path.slice(corpus.length)} is routed to itself`, async () => {
    const catalogue = buildCatalogue(await loadDocument(path));
    const receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
    try {
      const routes = receiver.routes().filter((route) => !unsendable.has(route.method));
      for (const route of routes) {
        const response = await fetch(exampleUrl(route), { method: route.method.toUpperCase() });
        await response.arrayBuffer();
        const exchange = receiver.exchanges().at(-1);
        const checks = exchange?.findings.map((f) => f.check) ?? [];
        assert.ok(
          !checks.includes('callback.unexpected') && !checks.includes('method.mismatch'),
          `${route.contract} at ${exampleUrl(route)}: ${JSON.stringify(exchange?.findings[0])}`,
        );
        // Two contracts may declare the very same URL and method; either is a right match.
        const twins = routes
          .filter(
            (r) => r.url === route.url && r.pattern === route.pattern && r.method === route.method,
          )
          .map((r) => r.contract);
        assert.ok(
          twins.includes(exchange?.contract ?? ''),
          `${route.contract} went to ${exchange?.contract}`,
        );
      }
      assert.equal(receiver.stats().unexpected, 0);
    } finally {
      await receiver.close();
    }
  });
}

test('every payload example of every document, delivered over HTTP, conforms unless the document contradicts itself', async () => {
  const contradicting: string[] = [];
  let delivered = 0;
  for (const path of documents) {
    const name = path.slice(corpus.length);
    const catalogue = buildCatalogue(await loadDocument(path));
    const receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
    try {
      for (const route of receiver.routes()) {
        // GET/TRACE/QUERY callbacks carry no body to deliver.
        if (unsendable.has(route.method) || route.method === 'get') continue;
        const contract = catalogue.contracts.find((c) => c.id === route.contract);
        for (const media of contract?.operation.requestBody?.content ?? []) {
          for (const example of media.examples) {
            if (contract === undefined) continue;
            const body = serializeBody(example.value, media.mediaType);
            const response = await fetch(exampleUrl(route), {
              method: route.method.toUpperCase(),
              headers: exampleHeaders(contract, body.contentType),
              body: new Uint8Array(body.body),
            });
            await response.arrayBuffer();
            delivered += 1;
            const exchange = receiver.exchanges().at(-1);
            const twins = receiver
              .routes()
              .filter(
                (r) =>
                  r.url === route.url && r.pattern === route.pattern && r.method === route.method,
              )
              .map((r) => r.contract);
            assert.ok(
              twins.includes(exchange?.contract ?? ''),
              `${route.contract} went to ${exchange?.contract}`,
            );
            // Header values come from examples the document may not give, and `v1` fills URL
            // segments; only what the example itself is judged here.
            const errors = (exchange?.findings ?? []).filter(
              (f) =>
                f.severity === 'error' &&
                !f.check.startsWith('header.') &&
                !f.check.startsWith('path.'),
            );
            if (errors.length === 0) continue;
            contradicting.push(`${name} ${route.contract} ${example.name}`);
            for (const finding of errors) {
              assert.equal(finding.check, 'body.schema', finding.message);
              assert.match(finding.where ?? '', /^\/body/);
              assert.ok(finding.spec, `${finding.message} names the schema it breaks`);
            }
          }
        }
      }
    } finally {
      await receiver.close();
    }
  }
  assert.ok(delivered >= 140, `delivered ${delivered} examples`);
  assert.deepEqual(contradicting, contradictingExamples);
});
