import assert, { AssertionError } from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { Catalogue } from '../../spec/contract.ts';
import { buildCatalogue, loadDocument, type OpenApiDocument } from '../../spec/index.ts';
import { type CallbackCollector, callbackHandlers } from './index.ts';

const paid = { description: 'Invoice inv-1 paid', paid: true };
const server = setupServer();

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('callbackHandlers', () => {
  let invoices: Catalogue;
  let cv: CallbackCollector;

  before(async () => {
    invoices = buildCatalogue(await loadDocument('specs/invoices.yaml'));
    server.listen({ onUnhandledFrame: 'bypass' });
  });
  afterEach(() => server.resetHandlers());
  after(() => server.close());

  function use(collector: CallbackCollector): CallbackCollector {
    server.use(...collector.handlers);
    cv = collector;
    return collector;
  }

  test('a conformant callback is answered with the declared response and passes', async () => {
    use(callbackHandlers(invoices));
    const response = await post('https://callbacks.test/invoices/inv-1', paid);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
    const [exchange] = cv.exchanges;
    assert.equal(exchange?.contract, 'createInvoice/invoicePaid/post');
    assert.equal(exchange?.verdict, 'pass');
    assert.deepEqual(exchange?.parsedBody, paid);
    cv.assertConformant({ expect: ['invoicePaid'] });
  });

  test('a wrong payload fails assertConformant with a readable message', async () => {
    use(callbackHandlers(invoices, { baseUrl: 'https://hooks.test/base/' }));
    await post('https://hooks.test/base/invoices/inv-1', { description: 'x', paid: 'yes' });
    assert.equal(cv.exchanges[0]?.verdict, 'fail');
    assert.throws(
      () => cv.assertConformant(),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError);
        assert.match(error.message, /1 callback did not follow the spec/);
        assert.match(error.message, /POST https:\/\/hooks\.test\/base\/invoices\/inv-1/);
        assert.match(error.message, /\/body\/paid/);
        return true;
      },
    );
  });

  test('expect: a callback that never came fails', async () => {
    use(callbackHandlers(invoices));
    assert.throws(() => cv.assertConformant({ expect: 1 }), /Expected at least 1 callback/);
    assert.throws(
      () => cv.assertConformant({ expect: ['invoicePaid'] }),
      /invoicePaid never arrived/,
    );
  });

  test('onUnmatched: error records and answers 404, warn passes unless strict', async () => {
    use(callbackHandlers(invoices));
    assert.equal((await post('https://callbacks.test/elsewhere', {})).status, 404);
    assert.throws(() => cv.assertConformant(), /callback\.unexpected/);

    use(callbackHandlers(invoices, { onUnmatched: 'warn' }));
    assert.equal((await post('https://callbacks.test/elsewhere', {})).status, 404);
    cv.assertConformant();
    assert.throws(() => cv.assertConformant({ strict: true }), /No callback or webhook/);
  });

  test('onUnmatched: bypass and a function leave the request to the next handler', async () => {
    const seen: string[] = [];
    for (const strategy of ['bypass', (request: Request) => seen.push(request.url)] as const) {
      server.resetHandlers();
      use(callbackHandlers(invoices, { onUnmatched: strategy }));
      server.use(
        http.all('https://callbacks.test/*', () => new HttpResponse(null, { status: 299 })),
      );
      // Handlers added later run first in msw; put ours first again.
      server.use(...cv.handlers);
      assert.equal((await post('https://callbacks.test/other', {})).status, 299);
      assert.equal(cv.exchanges.length, 0);
    }
    assert.deepEqual(seen, ['https://callbacks.test/other']);
  });

  test('requests outside the base URL pass through untouched', async () => {
    const real = createServer((_request, response) => response.writeHead(201).end());
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    try {
      const address = real.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      use(callbackHandlers(invoices));
      assert.equal((await post(`http://127.0.0.1:${port}/invoices/1`, paid)).status, 201);
      assert.equal(cv.exchanges.length, 0);
    } finally {
      real.close();
    }
  });

  test('webhooks at <baseUrl>/webhooks/<name>; a spec path loads lazily', async () => {
    use(callbackHandlers('specs/webhooks.yaml'));
    await cv.ready;
    const url = cv.urlFor('orderShipped');
    assert.equal(url, 'https://callbacks.test/webhooks/orderShipped');
    const response = await post(
      url,
      {
        type: 'order.shipped',
        timestamp: '2026-03-15T14:02:11Z',
        data: {
          orderId: 'ord_3f9a2c7e1b4d',
          carrier: 'DHL',
          trackingNumber: 'JD1',
          shippedAt: '2026-03-15T14:02:11Z',
        },
      },
      { 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,abc=' },
    );
    assert.equal(response.status, 204);
    assert.equal(cv.exchanges[0]?.contract, 'webhook/orderShipped/post');
    const missingHeaders = await post(url, {});
    assert.equal(missingHeaders.status, 204);
    assert.ok(cv.exchanges[1]?.findings.some((finding) => finding.where === '/headers/webhook-id'));
  });

  test('an OpenAPI document object loads like its file and is checked the same way', async () => {
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 'In memory', version: '1' },
      paths: {},
      webhooks: {
        pinged: {
          post: {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['at'],
                    properties: { at: { type: 'string' } },
                  },
                },
              },
            },
            responses: { '204': { description: 'Taken' } },
          },
        },
      },
    };
    const before = structuredClone(document);
    use(callbackHandlers(document));
    await cv.ready;
    const url = cv.urlFor('pinged');
    assert.equal(url, 'https://callbacks.test/webhooks/pinged');
    assert.equal((await post(url, { at: 'now' })).status, 204);
    await post(url, { at: 1 });
    assert.deepEqual(
      cv.exchanges.map((exchange) => exchange.verdict),
      ['pass', 'fail'],
    );
    assert.deepEqual(document, before, "the caller's document is left as it was");
  });

  test('urlFor names its failure with a code: spec not loaded yet, unknown contract', async () => {
    const lazy = callbackHandlers('specs/webhooks.yaml');
    assert.throws(() => lazy.urlFor('orderShipped'), {
      code: 'CV_USAGE',
      hint: /await cv\.ready/i,
    });
    await lazy.ready;
    assert.throws(() => lazy.urlFor('noSuchHook'), {
      code: 'CV_CONTRACT_NOT_FOUND',
      message: /"noSuchHook"/,
      hint: /webhook\/orderShipped\/post/,
    });
  });

  test('a spec that cannot load rejects ready and answers 500', async () => {
    use(callbackHandlers('specs/does-not-exist.yaml'));
    await assert.rejects(cv.ready, { code: 'CV_SPEC_NOT_FOUND', message: /does-not-exist\.yaml/ });
    assert.equal((await post('https://callbacks.test/invoices/1', paid)).status, 500);
    assert.throws(() => cv.assertConformant(), /spec could not be loaded/);
  });

  test('waitFor resolves on arrival and rejects with what came instead', async () => {
    use(callbackHandlers(invoices));
    const waiting = cv.waitFor(1);
    setTimeout(() => void post('https://callbacks.test/invoices/inv-2', paid), 20);
    assert.equal((await waiting)[0]?.contract, 'createInvoice/invoicePaid/post');
    await assert.rejects(
      cv.waitFor(2, { timeoutMs: 50 }),
      /expected 2 callback\(s\) within 50 ms, got 1/,
    );
    cv.reset();
    assert.equal(cv.exchanges.length, 0);
    assert.equal(cv.findings.length, 0);
  });
});
