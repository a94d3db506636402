import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ListenError } from '../../errors.ts';
import type { Catalogue } from '../../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import type { MockEvent, MockProvider, MockProviderOptions } from './index.ts';
import { startMockProvider } from './index.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Consumer {
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

/** A consumer on loopback that records callbacks and answers with `reply`. */
async function startConsumer(
  reply: (request: Received) => { status: number; json?: unknown } = () => ({
    status: 200,
    json: { ok: true },
  }),
): Promise<Consumer> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const entry = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body,
    };
    received.push(entry);
    const { status, json } = reply(entry);
    if (json === undefined) response.writeHead(status).end();
    else
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Prism's dependencies include an analytics package; it stays off in tests.
process.env.SCARF_ANALYTICS = 'false';

const invoice = { id: 'inv-1001', customer: 'ACME Corporation', total: 1250.5 };

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

describe('startMockProvider', () => {
  let invoices: Catalogue;
  let fastapi: Catalogue;
  let jobs: Catalogue;
  let consumer: Consumer;
  const mocks: MockProvider[] = [];

  async function mock(catalogue: Catalogue, options: MockProviderOptions = {}) {
    const started = await startMockProvider(catalogue, { delayMs: 0, ...options });
    mocks.push(started);
    const events: MockEvent[] = [];
    started.subscribe((event) => events.push(event));
    return { mock: started, events };
  }

  before(async () => {
    invoices = buildCatalogue(await loadDocument('specs/invoices.yaml'));
    fastapi = buildCatalogue(await loadDocument('specs/invoices-fastapi.json'));
    jobs = buildCatalogue(
      await loadDocument(new URL('./fixtures/jobs.yaml', import.meta.url).pathname),
    );
    consumer = await startConsumer();
  });
  after(async () => {
    await Promise.all(mocks.map((started) => started.close()));
    await consumer.close();
  });

  test('a subscriber that throws neither breaks the answer nor stops the callback or the report', async () => {
    const { mock: started, events } = await mock(invoices);
    started.subscribe(() => {
      throw new Error('a broken printer');
    });
    const before = consumer.received.length;
    const cb = `${consumer.origin}/hooks`;
    const answer = await postJson(
      `${started.origin}/invoices?callback_url=${encodeURIComponent(cb)}`,
      invoice,
    );
    assert.equal(answer.status, 200);
    await started.idle();
    assert.equal(consumer.received.length - before, 1);
    assert.deepEqual(
      started.deliveries().map((delivery) => delivery.verdict),
      ['pass'],
    );
    assert.ok(events.some((event) => event.type === 'delivery'));
    assert.deepEqual(
      started.report().findings.map((finding) => finding.check),
      [],
    );
  });

  test('answers with the example and fires the callback at the URL the expression gives', async () => {
    const { mock: started, events } = await mock(invoices);
    const before = consumer.received.length;
    const cb = `${consumer.origin}/hooks`;
    const answer = await postJson(
      `${started.origin}/invoices?callback_url=${encodeURIComponent(cb)}`,
      invoice,
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { msg: 'Invoice received' });
    await started.idle();
    const [callback] = consumer.received.slice(before);
    assert.equal(callback?.method, 'POST');
    assert.equal(callback?.url, '/hooks/invoices/inv-1001');
    assert.deepEqual(JSON.parse(callback?.body ?? ''), {
      description: 'Invoice inv-1001 paid in full by ACME Corporation',
      paid: true,
    });
    assert.equal(callback?.headers['idempotency-key'], '5f0c6a1e-3b8e-4c61-9b3a-2f1d7c9e4a10');
    const [delivery] = started.deliveries();
    assert.equal(delivery?.verdict, 'pass');
    assert.equal(delivery?.payload, 'example:paid');
    assert.equal(delivery?.url, `${cb}/invoices/inv-1001`);
    assert.deepEqual(
      events.map((event) => event.type),
      ['request', 'delivery'],
    );
    const report = started.report();
    assert.equal(report.command, 'mock');
    assert.equal(report.summary.conformant, true);
    assert.equal(report.triggers[0]?.id, 'createInvoice#1');
    assert.equal(report.contracts[0]?.verdict, 'pass');
  });

  test('FastAPI dialect: {$callback_url} and {$request.body.id}', async () => {
    const { mock: started } = await mock(fastapi, { example: 'unpaid' });
    const before = consumer.received.length;
    const answer = await postJson(
      `${started.origin}/invoices/?callback_url=${encodeURIComponent(`${consumer.origin}/f`)}`,
      invoice,
    );
    assert.equal(answer.status, 200);
    await started.idle();
    assert.equal(consumer.received.slice(before)[0]?.url, '/f/invoices/inv-1001');
    assert.ok(started.deliveries()[0]?.payload.startsWith('example:'));
  });

  test('a named example is sent where the callback declares it', async () => {
    const { mock: started } = await mock(invoices, { example: 'unpaid' });
    const before = consumer.received.length;
    await postJson(`${started.origin}/invoices?callback_url=${consumer.origin}`, invoice);
    await started.idle();
    assert.equal(started.deliveries()[0]?.payload, 'example:unpaid');
    assert.equal(JSON.parse(consumer.received.slice(before)[0]?.body ?? '').paid, false);
  });

  test('path, mixed-case header and response body expressions; order and declared headers', async () => {
    const { mock: started } = await mock(jobs, { order: 'reverse' });
    const before = consumer.received.length;
    const answer = await fetch(`${started.origin}/jobs/j%201/start`, {
      method: 'POST',
      headers: { 'X-Callback-Url': `${consumer.origin}/cb` },
    });
    assert.equal(answer.status, 202);
    await started.idle();
    const got = consumer.received.slice(before);
    assert.deepEqual(
      got.map((request) => `${request.method} ${request.url}`),
      ['PUT /cb/jobs/j%201/finished', 'POST /cb/jobs/j%201/started?run=run-7'],
    );
    assert.equal(got[1]?.headers['x-job-event'], 'job.started');
    assert.deepEqual(JSON.parse(got[1]?.body ?? ''), { state: 'started' });
    assert.deepEqual(
      started.deliveries().map((delivery) => delivery.payload),
      ['example:ok', 'generated'],
    );
  });

  test("checks the consumer's reply against the declared responses", async () => {
    const rude = await startConsumer(() => ({ status: 500, json: { error: 'boom' } }));
    try {
      const { mock: started } = await mock(invoices);
      await postJson(`${started.origin}/invoices?callback_url=${rude.origin}`, invoice);
      await started.idle();
      const [delivery] = started.deliveries();
      assert.equal(delivery?.verdict, 'fail');
      assert.equal(delivery?.status, 500);
      assert.ok(delivery?.findings.some((finding) => finding.check === 'consumer.rejected'));
      assert.equal(started.report().summary.conformant, false);
    } finally {
      await rude.close();
    }
  });

  test('a form-urlencoded trigger is validated from its text and its fields feed the callback URL', async () => {
    const forms = buildCatalogue(
      await loadDocument({
        openapi: '3.0.3',
        info: { title: 'forms', version: '1' },
        paths: {
          '/sms': {
            post: {
              operationId: 'sendSms',
              requestBody: {
                required: true,
                content: {
                  'application/x-www-form-urlencoded': {
                    schema: {
                      type: 'object',
                      required: ['to', 'callback'],
                      properties: {
                        to: { type: 'string' },
                        ttl: { type: 'integer' },
                        callback: { type: 'string' },
                      },
                    },
                  },
                },
              },
              responses: { '200': { description: 'sent' } },
              callbacks: {
                receipt: {
                  '{$request.body#/callback}': {
                    post: { responses: { '200': { description: 'ok' } } },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const { mock: started } = await mock(forms);
    const before = consumer.received.length;
    const post = (form: string) =>
      fetch(`${started.origin}/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
    const sent = await post(
      new URLSearchParams({
        to: '4477',
        ttl: '900',
        callback: `${consumer.origin}/receipts`,
      }).toString(),
    );
    assert.equal(sent.status, 200, await sent.text());
    await started.idle();
    assert.deepEqual(
      consumer.received.slice(before).map((request) => request.url),
      ['/receipts'],
    );
    const refused = await post('ttl=900');
    assert.equal(refused.status, 422);
    await refused.arrayBuffer();
    const [finding] = started.report().triggers.at(-1)?.findings ?? [];
    // The finding says what is wrong, not only that Prism refused the request.
    assert.match(
      finding?.message ?? '',
      /^The mock could not answer POST \/sms: Invalid request: .*'to'/,
    );
  });

  test('an invalid request gets the declared 422 and fires nothing', async () => {
    const { mock: started, events } = await mock(invoices);
    const before = consumer.received.length;
    const answer = await postJson(`${started.origin}/invoices?callback_url=${consumer.origin}`, {
      id: 'x',
    });
    assert.equal(answer.status, 422);
    await started.idle();
    assert.equal(consumer.received.length, before);
    const [request] = started.requests();
    assert.ok(request?.findings.some((finding) => finding.where === '/body'));
    assert.ok(request?.findings.every((finding) => finding.severity === 'warning'));
    assert.deepEqual(events[0]?.type === 'request' ? events[0].callbacks : null, []);
  });

  test('a callback URL the request does not supply is a finding, not an empty URL', async () => {
    const { mock: started, events } = await mock(invoices);
    const answer = await postJson(`${started.origin}/invoices`, invoice);
    assert.equal(answer.status, 200);
    await started.idle();
    assert.equal(started.deliveries().length, 0);
    const [finding] = started.findings();
    assert.equal(finding?.check, 'callback.url-unresolved');
    assert.match(finding?.message ?? '', /query parameter callback_url/);
    assert.equal(events[1]?.type, 'skipped');
    const report = started.report();
    assert.equal(report.summary.conformant, false);
    assert.equal(report.contracts[0]?.verdict, 'fail');
  });

  test('a host that is not allowed is refused with a clear message; nothing is sent', async () => {
    const { mock: started } = await mock(invoices);
    await postJson(
      `${started.origin}/invoices?callback_url=${encodeURIComponent('https://consumer.example.com/cb')}`,
      invoice,
    );
    await started.idle();
    const [delivery] = started.deliveries();
    assert.equal(delivery?.verdict, 'fail');
    assert.equal(delivery?.status, undefined);
    assert.equal(delivery?.findings[0]?.check, 'delivery.host-not-allowed');
    assert.match(delivery?.findings[0]?.message ?? '', /--allow-host consumer\.example\.com/);
  });

  test('an unreachable consumer is a finding', async () => {
    const gone = await startConsumer();
    await gone.close();
    const { mock: started } = await mock(invoices);
    await postJson(`${started.origin}/invoices?callback_url=${gone.origin}`, invoice);
    await started.idle();
    assert.equal(started.deliveries()[0]?.findings[0]?.check, 'delivery.unreachable');
  });

  test('signs callbacks when asked', async () => {
    const { mock: started } = await mock(invoices, {
      sign: { scheme: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
    });
    const before = consumer.received.length;
    await postJson(`${started.origin}/invoices?callback_url=${consumer.origin}`, invoice);
    await started.idle();
    const headers = consumer.received.slice(before)[0]?.headers;
    assert.match(String(headers?.['webhook-signature']), /^v1,/);
    assert.ok(headers?.['webhook-id']);
  });

  test('close() during the delay cancels the callback as a finding', async () => {
    const { mock: started } = await mock(invoices, { delayMs: 10_000 });
    const before = consumer.received.length;
    await postJson(`${started.origin}/invoices?callback_url=${consumer.origin}`, invoice);
    await started.close();
    assert.equal(consumer.received.length, before);
    assert.equal(started.findings()[0]?.check, 'callback.cancelled');
  });

  test('an unknown path is answered 404 as problem+json', async () => {
    const { mock: started } = await mock(invoices);
    const response = await fetch(`${started.origin}/nope`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(started.requests()[0]?.findings[0]?.check, 'trigger.request');
  });

  test('a body over the limit is refused with 413 and nothing is fired', async () => {
    const { mock: started } = await mock(invoices, { maxBodyBytes: 16 });
    const answer = await postJson(
      `${started.origin}/invoices?callback_url=${consumer.origin}`,
      invoice,
    );
    assert.equal(answer.status, 413);
    await started.idle();
    assert.equal(started.deliveries().length, 0);
  });

  test('a browser consumer gets CORS headers; its preflight is answered and not recorded', async () => {
    const { mock: started } = await mock(invoices);
    const preflight = await fetch(`${started.origin}/invoices`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type');
    const answer = await fetch(`${started.origin}/invoices`, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify(invoice),
    });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(started.requests().length, 1);
  });

  test('a port in use is a ListenError CV_PORT_IN_USE', async () => {
    const { mock: first } = await mock(invoices);
    const port = Number(new URL(first.origin).port);
    await assert.rejects(startMockProvider(invoices, { port }), (error: unknown) => {
      assert.ok(error instanceof ListenError);
      assert.equal(error.code, 'CV_PORT_IN_USE');
      return true;
    });
  });
});
