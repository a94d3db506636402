import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReceiver } from '../receive/create-receiver.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { sendDeliveries } from './send-deliveries.ts';

const corpus = (name: string): string =>
  new URL(`../../specs/corpus/${name}`, import.meta.url).pathname;

/**
 * Sends one contract's payload (no example: generated from the schema) to our own receiver on
 * loopback, and returns what both sides made of it.
 */
async function roundTrip(source: Parameters<typeof loadDocument>[0], contract: string) {
  const catalogue = buildCatalogue(await loadDocument(source));
  const receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
  try {
    const route = receiver.routes().find((item) => item.contract === contract);
    assert.ok(route, `no route for ${contract}`);
    const { deliveries } = await sendDeliveries(catalogue, { contract, to: route.url });
    const [delivery] = deliveries;
    const exchange = receiver.exchanges().at(-1);
    assert.ok(delivery && exchange);
    return { delivery, exchange };
  } finally {
    await receiver.close();
  }
}

const errors = (findings: ReadonlyArray<{ severity: string; message: string }>): string[] =>
  findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);

describe('send builds multipart/form-data bodies our own receiver judges conformant', () => {
  it('openapi-ts-simple-example.yaml webhook/newPet/post (a 3.1 contentMediaType file part)', async () => {
    const { delivery, exchange } = await roundTrip(
      corpus('openapi-ts-simple-example.yaml'),
      'webhook/newPet/post',
    );
    assert.equal(delivery.payload, 'generated');
    assert.match(
      String(exchange.request.headers['content-type']),
      /^multipart\/form-data; boundary=/,
    );
    assert.deepEqual(errors(exchange.findings), []);
    assert.deepEqual(errors(delivery.findings), []);
    assert.deepEqual(exchange.parsedBody, { orderId: 0, fileName: 'string' });
    assert.equal(exchange.verdict, 'pass');
  });

  it('an allOf object with nested objects, arrays of objects and an encoding object', async () => {
    const { delivery, exchange } = await roundTrip(
      {
        openapi: '3.1.0',
        info: { title: 'pets', version: '1' },
        webhooks: {
          newCat: {
            post: {
              requestBody: {
                content: {
                  'multipart/form-data': {
                    schema: { $ref: '#/components/schemas/Cat' },
                    encoding: {
                      photo: {
                        contentType: 'image/jpeg',
                        headers: { 'X-Photo-Id': { schema: { type: 'string', example: 'p-1' } } },
                      },
                    },
                  },
                },
              },
              responses: { '204': { description: 'ok' } },
            },
          },
        },
        components: {
          schemas: {
            Pet: {
              type: 'object',
              required: ['name', 'photoUrls'],
              properties: {
                id: { type: 'integer', format: 'int64', example: 10 },
                name: { type: 'string', example: 'Tom' },
                category: { $ref: '#/components/schemas/Category' },
                photoUrls: { type: 'array', minItems: 1, items: { type: 'string', format: 'uri' } },
                tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
                photo: { type: 'string', format: 'binary' },
              },
            },
            Cat: {
              allOf: [
                { $ref: '#/components/schemas/Pet' },
                {
                  type: 'object',
                  required: ['huntingSkill'],
                  properties: { huntingSkill: { type: 'string', enum: ['lazy', 'adventurous'] } },
                },
              ],
            },
            Category: {
              type: 'object',
              properties: { id: { type: 'integer' }, name: { type: 'string' } },
            },
            Tag: {
              type: 'object',
              properties: { id: { type: 'number' }, name: { type: 'string' } },
            },
          },
        },
      },
      'webhook/newCat/post',
    );
    assert.deepEqual(errors(exchange.findings), []);
    assert.deepEqual(delivery.findings, []);
    assert.equal(exchange.verdict, 'pass');
    assert.deepEqual(Object.keys(exchange.parsedBody as object), [
      'id',
      'name',
      'category',
      'photoUrls',
      'tags',
      'photo',
      'huntingSkill',
    ]);
    const body = new TextDecoder().decode(exchange.request.body);
    assert.match(
      body,
      /name="photo"; filename="photo\.jpg"\r\nContent-Type: image\/jpeg\r\nX-Photo-Id: p-1\r\n\r\n/,
    );
    assert.match(
      body,
      /name="category"\r\nContent-Type: application\/json\r\n\r\n\{"id":0,"name":"string"\}/,
    );
  });

  // Redoc's demo Cat is an allOf whose members contradict each other (huntingSkill a string enum
  // and an integer enum), its photoUrls default to [] against minItems: 1, and `friend` recurses:
  // no value fits. Whatever the receiver refuses must be those, and send must have said so.
  for (const contract of ['webhook/myWebhook/post', 'webhook/myWebhook/put']) {
    it(`redoc-demo-petstore-3.1.yaml ${contract}: only the document's own contradictions`, async () => {
      const { delivery, exchange } = await roundTrip(
        corpus('redoc-demo-petstore-3.1.yaml'),
        contract,
      );
      assert.ok(delivery.findings.some((finding) => finding.check === 'payload.schema'));
      const refused = exchange.findings.filter((finding) => finding.severity === 'error');
      assert.ok(refused.length > 0);
      for (const finding of refused) {
        assert.match(
          `${finding.where} ${finding.message}`,
          /^\/body\/(huntingSkill|friend|photoUrls)\b/,
        );
      }
      const parsed = exchange.parsedBody as Record<string, unknown>;
      assert.equal(typeof parsed.category, 'object');
      assert.ok(Array.isArray(parsed.tags) && typeof parsed.tags[0] === 'object');
    });
  }

  it('the file part carries a filename and the declared media type', async () => {
    const { exchange } = await roundTrip(
      corpus('openapi-ts-simple-example.yaml'),
      'webhook/newPet/post',
    );
    const body = new TextDecoder().decode(exchange.request.body);
    assert.match(
      body,
      /Content-Disposition: form-data; name="fileName"; filename="fileName\.png"\r\nContent-Type: image\/png\r\nContent-Transfer-Encoding: base64\r\n/,
    );
  });
});

describe('send builds binary bodies', () => {
  it('no example: deterministic generated bytes, and a warning that says so', async () => {
    const { delivery, exchange } = await roundTrip(
      corpus('openapi-ts-simple-example.yaml'),
      'webhook/newPet/put',
    );
    assert.equal(exchange.request.headers['content-type'], 'application/octet-stream');
    assert.deepEqual(
      [...exchange.request.body],
      Array.from({ length: 32 }, (_, index) => index),
    );
    const generated = delivery.findings.find((finding) => finding.check === 'payload.generated');
    assert.equal(generated?.severity, 'warning');
    assert.match(
      generated?.message ?? '',
      /^No example for application\/octet-stream: sent 32 generated bytes/,
    );
    assert.equal(delivery.verdict, 'pass');
  });

  it('a string example is sent as its bytes, with no warning', async () => {
    const { delivery, exchange } = await roundTrip(
      {
        openapi: '3.1.0',
        info: { title: 'bin', version: '1' },
        webhooks: {
          scan: {
            post: {
              requestBody: {
                content: {
                  'application/pdf': {
                    schema: { type: 'string', format: 'binary' },
                    example: '%PDF-1.7',
                  },
                },
              },
              responses: { '204': { description: 'ok' } },
            },
          },
        },
      },
      'webhook/scan/post',
    );
    assert.equal(new TextDecoder().decode(exchange.request.body), '%PDF-1.7');
    assert.equal(delivery.payload, 'example:default');
    assert.deepEqual(
      delivery.findings.filter((finding) => finding.check === 'payload.generated'),
      [],
    );
  });
});

describe('send builds XML bodies', () => {
  it('from the schema and its xml objects when there is no example', async () => {
    const { delivery, exchange } = await roundTrip(
      {
        openapi: '3.1.0',
        info: { title: 'xml', version: '1' },
        webhooks: {
          order: {
            post: {
              requestBody: {
                content: { 'application/xml': { schema: { $ref: '#/components/schemas/Order' } } },
              },
              responses: { '204': { description: 'ok' } },
            },
          },
        },
        components: {
          schemas: {
            Order: {
              type: 'object',
              properties: {
                id: { type: 'string', example: 'o-1', xml: { attribute: true } },
                lines: {
                  type: 'array',
                  xml: { wrapped: true },
                  items: { type: 'integer', example: 2, xml: { name: 'line' } },
                },
              },
            },
          },
        },
      },
      'webhook/order/post',
    );
    assert.equal(exchange.request.headers['content-type'], 'application/xml');
    assert.equal(
      new TextDecoder().decode(exchange.request.body),
      '<?xml version="1.0" encoding="UTF-8"?>\n<Order id="o-1">\n  <lines>\n    <line>2</line>\n  </lines>\n</Order>\n',
    );
    assert.equal(delivery.verdict, 'pass');
  });
});
