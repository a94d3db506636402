import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HostNotAllowedError, UsageError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { buildSendReport } from './build-send-report.ts';
import { sendDeliveries } from './send-deliveries.ts';
import { verifySignature } from './signatures/index.ts';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('sendDeliveries (specs/webhooks.yaml)', () => {
  let catalogue: Catalogue;
  let server: Server;
  let origin: string;
  const received: Received[] = [];
  /** What the consumer answers next: a status and an optional JSON body. */
  let answer: { status: number; body?: string } = { status: 204 };

  before(async () => {
    const spec = new URL('../../specs/webhooks.yaml', import.meta.url).pathname;
    catalogue = buildCatalogue(await loadDocument(spec));
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks),
        });
        if (answer.body === undefined) response.writeHead(answer.status).end();
        else
          response
            .writeHead(answer.status, { 'content-type': 'application/json' })
            .end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('delivers the first example with the declared headers and passes a conformant reply', async () => {
    received.length = 0;
    answer = { status: 204 };
    const seen: string[] = [];
    const result = await sendDeliveries(catalogue, {
      contract: 'orderCreated',
      to: `${origin}/hooks?tenant=t1`,
      headers: { 'X-Trace': 'abc' },
      onDelivery: (delivery) => seen.push(delivery.id),
    });
    assert.deepEqual(
      result.deliveries.map((d) => [d.id, d.contract, d.payload, d.status, d.verdict]),
      [['dl-000001', 'webhook/orderCreated/post', 'example:created', 204, 'pass']],
    );
    assert.deepEqual(seen, ['dl-000001']);
    const request = received[0];
    assert.ok(request !== undefined);
    assert.equal(request.url, '/hooks?tenant=t1');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['webhook-id'], 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W');
    assert.equal(request.headers['x-trace'], 'abc');
    assert.equal(JSON.parse(request.body.toString()).type, 'order.created');
  });

  it('a reply the contract does not declare fails, with the validator findings', async () => {
    answer = { status: 200, body: '{"ok":true}' };
    const { deliveries } = await sendDeliveries(catalogue, {
      contract: 'orderShipped',
      to: `${origin}/hooks`,
    });
    answer = { status: 204 };
    assert.equal(deliveries[0]?.verdict, 'fail');
    assert.ok((deliveries[0]?.findings.length ?? 0) > 0);
    assert.ok(
      deliveries[0]?.findings.every((finding) => finding.contract === 'webhook/orderShipped/post'),
    );
  });

  it('a consumer that refuses a valid payload fails with consumer.rejected', async () => {
    answer = { status: 400 };
    const { deliveries } = await sendDeliveries(catalogue, {
      contract: 'orderShipped',
      to: `${origin}/hooks`,
    });
    answer = { status: 204 };
    assert.equal(deliveries[0]?.findings[0]?.check, 'consumer.rejected');
  });

  it('--all signs every webhook over the exact bytes sent', async () => {
    received.length = 0;
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const { deliveries } = await sendDeliveries(catalogue, {
      all: true,
      to: `${origin}/hooks`,
      sign: 'standard-webhooks',
      secret,
    });
    assert.deepEqual(
      deliveries.map((d) => d.contract),
      ['webhook/orderCreated/post', 'webhook/orderShipped/post'],
    );
    assert.equal(received.length, 2, 'the consumer received both deliveries');
    for (const request of received) {
      const findings = await verifySignature('standard-webhooks', secret, {
        headers: request.headers,
        body: new Uint8Array(request.body),
      });
      assert.deepEqual(findings, []);
      // The signature replaces the example value of the declared webhook-signature parameter.
      assert.notEqual(
        request.headers['webhook-signature'],
        'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
      );
    }
  });

  it('--all with {name} in the URL sends each webhook to its own URL, as listen serves them', async () => {
    received.length = 0;
    const { deliveries } = await sendDeliveries(catalogue, {
      all: true,
      to: `${origin}/token/webhooks/{name}?source=cv`,
    });
    assert.deepEqual(
      received.map((request) => request.url),
      ['/token/webhooks/orderCreated?source=cv', '/token/webhooks/orderShipped?source=cv'],
    );
    assert.deepEqual(
      deliveries.map((delivery) => delivery.url),
      [
        `${origin}/token/webhooks/orderCreated?source=cv`,
        `${origin}/token/webhooks/orderShipped?source=cv`,
      ],
    );
  });

  it('--body sends the file unchanged and derives invalid payloads from it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cv-send-'));
    try {
      const file = join(folder, 'event.json');
      const text =
        '{ "type": "order.shipped", "timestamp": "2026-03-15T14:02:11Z",\n  "data": {"orderId": "ord_3f9a2c7e1b4d", "carrier": "UPS", "trackingNumber": "1Z", "shippedAt": "2026-03-15T14:02:11Z"} }\n';
      await writeFile(file, text);
      received.length = 0;
      answer = { status: 400 };
      const { deliveries } = await sendDeliveries(catalogue, {
        contract: 'orderShipped',
        to: `${origin}/hooks`,
        bodyFile: file,
        invalid: true,
      });
      answer = { status: 204 };
      assert.equal(received[0]?.body.toString(), text);
      assert.deepEqual(
        deliveries.map((d) => d.payload),
        [
          'file',
          'invalid:missing-required:/type',
          'invalid:wrong-type:/timestamp',
          'invalid:wrong-enum:/type',
          'invalid:wrong-content-type',
        ],
      );
      assert.equal(deliveries[0]?.verdict, 'fail', 'the valid file was refused with 400');
      assert.ok(
        deliveries.slice(1).every((d) => d.verdict === 'pass'),
        'the invalid ones were refused, as they should be',
      );
      assert.equal(received.at(-1)?.headers['content-type'], 'text/plain');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('checks the target host before anything is sent', async () => {
    received.length = 0;
    await assert.rejects(
      sendDeliveries(catalogue, { contract: 'orderShipped', to: 'https://hooks.example.com/' }),
      HostNotAllowedError,
    );
    assert.equal(received.length, 0);
  });

  it('builds a send report whose verdicts follow the deliveries', async () => {
    answer = { status: 204 };
    const result = await sendDeliveries(catalogue, {
      contract: 'orderShipped',
      to: `${origin}/hooks`,
      invalid: true,
    });
    const report = buildSendReport(catalogue, result, {
      toolVersion: '0.0.0',
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    assert.equal(report.command, 'send');
    assert.deepEqual(
      report.contracts.map((c) => [c.id, c.verdict]),
      [['webhook/orderShipped/post', 'fail']],
    );
    assert.equal(report.deliveries.length, 5);
    assert.equal(report.summary.conformant, false);
    assert.equal(report.summary.errors, 4, 'one consumer.lenient per invalid payload');
  });
});

describe('sendDeliveries --all with a payload that cannot be built', () => {
  it('names the contract whose payload cannot be built, and sends nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cv-send-all-'));
    try {
      const spec = join(folder, 'openapi.yaml');
      await writeFile(
        spec,
        [
          'openapi: 3.1.0',
          'info: { title: Uploads, version: "1" }',
          'webhooks:',
          '  ping:',
          '    post:',
          '      requestBody: { content: { application/json: { schema: { type: object } } } }',
          '      responses: { "200": { description: ok } }',
          '  upload:',
          '    post:',
          '      requestBody:',
          '        content:',
          '          application/octet-stream: { example: { file: scan.pdf } }',
          '      responses: { "200": { description: ok } }',
        ].join('\n'),
      );
      const catalogue = buildCatalogue(await loadDocument(spec));
      const sent: string[] = [];
      await assert.rejects(
        sendDeliveries(catalogue, {
          all: true,
          to: 'http://127.0.0.1:9/hooks',
          onDelivery: (delivery) => sent.push(delivery.contract),
        }),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, String(error));
          assert.match(
            error.message,
            /^webhook\/upload\/post: Cannot build a body of type application\/octet-stream from an object:/,
          );
          assert.match(error.hint ?? '', /--body <file>.*one by one/);
          return true;
        },
      );
      assert.deepEqual(sent, []);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('sendDeliveries says when the payload it sends does not fit its own schema', () => {
  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const schema = {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, paid: { type: 'boolean' } },
  };
  const cases: Array<{ name: string; media: Record<string, unknown>; want: string[][] }> = [
    { name: 'an example that fits', media: { schema, example: { id: 'a' } }, want: [] },
    {
      name: 'an example that contradicts the schema',
      media: { schema, example: { id: 'a', paid: 'yes' } },
      want: [['payload.schema', 'warning', '/body/paid']],
    },
    {
      name: 'a generated payload, made to fit though the sample of a property example does not',
      media: {
        schema: {
          type: 'object',
          required: ['at'],
          properties: { at: { type: 'string', format: 'date-time', example: 'yesterday' } },
        },
      },
      want: [],
    },
  ];
  for (const { name, media, want } of cases) {
    it(name, async () => {
      const catalogue = buildCatalogue(
        await loadDocument({
          openapi: '3.1.0',
          info: { title: 'hooks', version: '1' },
          webhooks: {
            paid: {
              post: {
                requestBody: { content: { 'application/json': media } },
                responses: { '204': { description: 'ok' } },
              },
            },
          },
        }),
      );
      const { deliveries } = await sendDeliveries(catalogue, { contract: 'paid', to: origin });
      const [delivery] = deliveries;
      assert.equal(delivery?.verdict, 'pass', 'a warning does not fail the delivery');
      assert.deepEqual(
        delivery?.findings.map((finding) => [finding.check, finding.severity, finding.where ?? '']),
        want,
      );
      if (want.length > 0) {
        assert.match(
          delivery?.findings[0]?.message ?? '',
          /^The payload sent \(example:default\) does not fit the contract's own schema: body\.paid must be boolean/,
        );
      }
    });
  }
});

describe('sendDeliveries: a generated payload no repair can make fit keeps its warning', () => {
  it('flags it as payload.schema', async () => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const schema: Record<string, unknown> = {
        type: 'object',
        required: ['n'],
        properties: { n: { allOf: [{ type: 'string' }, { type: 'integer' }] } },
      };
      const catalogue = buildCatalogue(
        await loadDocument({
          openapi: '3.1.0',
          info: { title: 'hooks', version: '1' },
          webhooks: {
            odd: {
              post: {
                requestBody: { content: { 'application/json': { schema } } },
                responses: { '204': { description: 'ok' } },
              },
            },
          },
        }),
      );
      const { deliveries } = await sendDeliveries(catalogue, { contract: 'odd', to: origin });
      const [finding] = deliveries[0]?.findings ?? [];
      assert.equal(finding?.check, 'payload.schema');
      assert.match(finding?.message ?? '', /^The payload sent \(generated\) does not fit/);
    } finally {
      server.close();
    }
  });
});

describe('sendDeliveries --body that cannot be read', () => {
  it('says why, and sends nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cv-send-body-'));
    try {
      const catalogue = buildCatalogue(
        await loadDocument(new URL('../../specs/webhooks.yaml', import.meta.url).pathname),
      );
      const cases: Array<[string, string]> = [
        [join(folder, 'missing.json'), 'no such file'],
        [folder, 'it is a folder, not a file'],
      ];
      for (const [bodyFile, why] of cases) {
        await assert.rejects(
          sendDeliveries(catalogue, {
            contract: 'orderShipped',
            to: 'http://127.0.0.1:9/',
            bodyFile,
          }),
          (error: unknown) => {
            assert.ok(error instanceof UsageError, String(error));
            assert.equal(error.message, `Cannot read the body file ${bodyFile}: ${why}.`);
            return true;
          },
        );
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
