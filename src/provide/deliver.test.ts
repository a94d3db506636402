import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HostNotAllowedError } from '../errors.ts';
import type { Contract } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import { deliver } from './deliver.ts';
import type { DeliveryResponse, ResponseChecker } from './response-checker.ts';
import { verifySignature } from './signatures/index.ts';

const contract: Contract = {
  id: 'webhook/orderPaid/post',
  kind: 'webhook',
  name: 'orderPaid',
  method: 'post',
  operation: {
    method: 'post',
    tags: [],
    parameters: [],
    responses: [],
    security: [],
    pointer: '/webhooks/orderPaid/post',
  },
  declaredIn: 'webhooks',
  pointer: '/webhooks/orderPaid',
};

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A consumer whose behaviour is picked by the request path. */
function startConsumer(): Promise<{ server: Server; origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/accept') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } else if (path === '/reject') {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad"}');
      } else if (path === '/fail') {
        response.writeHead(500).end('boom');
      } else if (path === '/slow') {
        setTimeout(() => response.writeHead(200).end(), 1_000).unref();
      } else if (path === '/reset') {
        request.socket.destroy();
      } else if (path === '/half') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('partial');
        setTimeout(() => request.socket.destroy(), 20);
      } else if (path === '/big') {
        response.writeHead(200).end(Buffer.alloc(2048, 'a'));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}`, received });
    });
  });
}

function recordingChecker(
  findings: Finding[] = [],
): ResponseChecker & { calls: DeliveryResponse[] } {
  const calls: DeliveryResponse[] = [];
  return {
    calls,
    checkResponse(_operation, response) {
      calls.push(response);
      return findings.map((finding) => ({ ...finding }));
    },
  };
}

const body = new TextEncoder().encode('{"orderId":"o_1"}');

describe('deliver', () => {
  let consumer: Awaited<ReturnType<typeof startConsumer>>;
  before(async () => {
    consumer = await startConsumer();
  });
  after(() => {
    consumer.server.close();
  });

  const send = (path: string, extra: Partial<Parameters<typeof deliver>[1]> = {}) =>
    deliver(
      {
        url: `${consumer.origin}${path}`,
        method: 'post',
        headers: { 'content-type': 'application/json', 'x-event': 'order.paid' },
        body,
      },
      {
        id: 'dl-000001',
        contract,
        payload: 'generated',
        checker: recordingChecker(),
        timeoutMs: 300,
        ...extra,
      },
    );

  it('sends the exact request and passes an accepting consumer, checking its reply', async () => {
    const checker = recordingChecker();
    const result = await send('/accept?x=1', { checker });
    assert.equal(result.verdict, 'pass');
    assert.equal(result.status, 200);
    assert.equal(result.method, 'POST');
    assert.equal(result.contract, 'webhook/orderPaid/post');
    assert.deepEqual(result.findings, []);
    assert.ok((result.durationMs ?? -1) >= 0);
    const last = consumer.received.at(-1);
    assert.equal(last?.method, 'POST');
    assert.equal(last?.url, '/accept?x=1');
    assert.equal(last?.headers['x-event'], 'order.paid');
    assert.equal(last?.headers['content-length'], String(body.byteLength));
    assert.deepEqual(new Uint8Array(last?.body ?? []), body);
    assert.equal(checker.calls.length, 1);
    assert.equal(new TextDecoder().decode(checker.calls[0]?.body), '{"ok":true}');
  });

  it("fails a delivery whose reply breaks the contract, with the checker's findings", async () => {
    const finding: Finding = {
      check: 'response.status',
      severity: 'error',
      message: 'status 200 not declared',
    };
    const result = await send('/accept', { checker: recordingChecker([finding]) });
    assert.equal(result.verdict, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.check),
      ['response.status'],
    );
  });

  it('fails a consumer that rejects a valid payload', async () => {
    const result = await send('/reject');
    assert.equal(result.verdict, 'fail');
    assert.equal(result.status, 400);
    assert.deepEqual(
      result.findings.map((f) => f.check),
      ['consumer.rejected'],
    );
  });

  const transport: Array<{ path: string; check: string }> = [
    { path: '/slow', check: 'delivery.timeout' },
    { path: '/reset', check: 'delivery.reset' },
    { path: '/half', check: 'delivery.reset' },
  ];
  for (const { path, check } of transport) {
    it(`${path} → ${check}`, async () => {
      const result = await send(path);
      assert.equal(result.verdict, 'fail');
      assert.equal(result.status, undefined);
      assert.deepEqual(
        result.findings.map((f) => f.check),
        [check],
      );
      assert.equal(result.findings[0]?.contract, contract.id);
    });
  }

  it('a timeout ends the delivery at the timeout, not when the consumer answers', async () => {
    const result = await send('/slow', { timeoutMs: 100 });
    assert.ok((result.durationMs ?? 0) < 900, `took ${result.durationMs} ms`);
  });

  it('an unreachable consumer is a finding', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) =>
      closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => closed.close(resolve));
    const result = await deliver(
      { url: `http://127.0.0.1:${port}/hooks`, method: 'post', headers: {}, body },
      { id: 'dl-000002', contract, payload: 'generated', checker: recordingChecker() },
    );
    assert.equal(result.verdict, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.check),
      ['delivery.unreachable'],
    );
    assert.match(result.findings[0]?.message ?? '', /ECONNREFUSED/);
  });

  it('a reply larger than the limit is a finding', async () => {
    const result = await send('/big', { maxResponseBytes: 1024 });
    assert.deepEqual(
      result.findings.map((f) => f.check),
      ['delivery.response-too-large'],
    );
  });

  describe('invalid payloads', () => {
    const cases: Array<{ path: string; verdict: 'pass' | 'fail'; checks: string[] }> = [
      { path: '/accept', verdict: 'fail', checks: ['consumer.lenient'] },
      { path: '/reject', verdict: 'pass', checks: [] },
      { path: '/fail', verdict: 'pass', checks: ['consumer.error-on-invalid'] },
    ];
    for (const { path, verdict, checks } of cases) {
      it(`${path} → ${verdict} ${checks.join(', ')}`, async () => {
        const checker = recordingChecker();
        const result = await send(path, {
          invalid: 'required field /orderId missing',
          payload: 'invalid:missing-required',
          checker,
        });
        assert.equal(result.verdict, verdict);
        assert.deepEqual(
          result.findings.map((f) => f.check),
          checks,
        );
        assert.equal(result.payload, 'invalid:missing-required');
        assert.equal(
          checker.calls.length,
          0,
          'a refusal is not checked against the success responses',
        );
      });
    }

    it('says what was wrong with the payload the consumer accepted', async () => {
      const result = await send('/accept', { invalid: 'required field /orderId missing' });
      assert.match(
        result.findings[0]?.message ?? '',
        /accepted \(200\) a payload with required field \/orderId missing/,
      );
    });
  });

  it('signs the exact bytes it sends', async () => {
    await send('/accept', { sign: { scheme: 'github', secret: 's3cret' } });
    const last = consumer.received.at(-1);
    assert.ok(last !== undefined);
    assert.match(String(last.headers['x-hub-signature-256']), /^sha256=[0-9a-f]{64}$/);
    const findings = await verifySignature('github', 's3cret', {
      headers: last.headers,
      body: new Uint8Array(last.body),
    });
    assert.deepEqual(findings, []);
  });

  it('refuses a host that is not allowed before sending anything', async () => {
    const before = consumer.received.length;
    await assert.rejects(
      deliver(
        { url: 'http://hooks.example.com/x', method: 'post', headers: {}, body },
        { id: 'dl-000003', contract, payload: 'generated', checker: recordingChecker() },
      ),
      HostNotAllowedError,
    );
    assert.equal(consumer.received.length, before);
  });
});
