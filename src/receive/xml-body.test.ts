import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sampleSchema, serializeBody } from '../provide/index.ts';
import type { Catalogue, MediaTypeSpec } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import type { OpenApiDocument } from '../spec/open-api-document.ts';
import type { Finding } from '../validate/finding.ts';
import { createReceiver } from './create-receiver.ts';
import type { Exchange } from './exchange.ts';
import type { Receiver, ReceiverRoute } from './types.ts';

const webhook = (name: string, mediaType = 'application/xml') => ({
  post: {
    requestBody: {
      required: true,
      content: { [mediaType]: { schema: { $ref: `#/components/schemas/${name}` } } },
    },
    responses: { '204': { description: 'ok' } },
  },
});

/** One webhook per schema, each shaped by its XML Objects. */
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'xml bodies', version: '1' },
  webhooks: {
    pet: webhook('Pet'),
    person: webhook('Person', 'text/xml'),
    cat: webhook('Cat', 'application/vnd.pets+xml'),
    order: webhook('Order'),
    batch: webhook('Batch'),
  },
  components: {
    schemas: {
      Tag: {
        type: 'object',
        xml: { name: 'tag' },
        properties: { id: { type: 'integer' }, name: { type: 'string' } },
      },
      Pet: {
        type: 'object',
        required: ['name', 'photoUrls'],
        xml: { name: 'pet' },
        properties: {
          id: { type: 'integer', format: 'int64', example: 10, xml: { attribute: true } },
          name: { type: 'string', example: 'doggie' },
          photoUrls: {
            type: 'array',
            xml: { wrapped: true },
            items: { type: 'string', xml: { name: 'photoUrl' } },
          },
          tags: {
            type: 'array',
            xml: { wrapped: true },
            items: { $ref: '#/components/schemas/Tag' },
          },
          status: { type: 'string', enum: ['available', 'pending', 'sold'] },
        },
      },
      Person: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'integer', format: 'int32', xml: { attribute: true } },
          name: {
            type: 'string',
            xml: { namespace: 'http://example.com/schema/sample', prefix: 'sample' },
          },
        },
      },
      Cat: {
        allOf: [
          { $ref: '#/components/schemas/Pet' },
          {
            type: 'object',
            required: ['indoor'],
            properties: { indoor: { type: 'boolean' }, weight: { type: 'number' } },
          },
        ],
      },
      Order: {
        type: 'object',
        required: ['id', 'lines'],
        properties: {
          id: { type: 'string', xml: { attribute: true } },
          lines: {
            type: 'array',
            minItems: 1,
            items: { type: 'integer', minimum: 1, xml: { name: 'line' } },
          },
          paid: { type: 'boolean' },
        },
      },
      Batch: {
        type: 'array',
        xml: { name: 'batch' },
        items: { $ref: '#/components/schemas/Order' },
      },
    },
  },
};

/** Values for each webhook, written as JSON, that its schema accepts. */
const values: Record<string, unknown[]> = {
  pet: [
    { id: 1, name: 'Rex', photoUrls: ['a.png'], tags: [{ id: 2, name: 'good' }], status: 'sold' },
    { name: 'Tom', photoUrls: [] },
  ],
  person: [{ id: 123, name: 'example' }],
  cat: [{ id: 3, name: 'Tib', photoUrls: ['x', 'y'], indoor: true, weight: 4.5 }],
  order: [
    { id: 'o-1', lines: [2], paid: false },
    { id: 'o-2', lines: [1, 2, 3] },
  ],
  batch: [[{ id: 'o-1', lines: [5] }], []],
};

const errors = (exchange: Exchange | undefined): Finding[] =>
  (exchange?.findings ?? []).filter((finding) => finding.severity === 'error');

describe('the receiver checks XML bodies against their schema', () => {
  let catalogue: Catalogue;
  let receiver: Receiver;
  before(async () => {
    catalogue = buildCatalogue(await loadDocument(document));
    receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
  });
  after(() => receiver.close());

  const mediaOf = (name: string): MediaTypeSpec => {
    const media = catalogue.contracts.find((c) => c.id === `webhook/${name}/post`)?.operation
      .requestBody?.content[0];
    assert.ok(media, name);
    return media;
  };
  const deliver = async (name: string, body: string | Uint8Array, contentType?: string) => {
    const route = receiver.routes().find((item) => item.contract === `webhook/${name}/post`);
    assert.ok(route);
    const response = await fetch(route.url, {
      method: 'POST',
      headers: { 'content-type': contentType ?? mediaOf(name).mediaType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    await response.arrayBuffer();
    return receiver.exchanges().at(-1);
  };

  for (const [name, list] of Object.entries(values)) {
    for (const [index, value] of list.entries()) {
      it(`${name} #${index + 1}: the XML buildXml makes conforms and reads back to the value`, async () => {
        const loaded = await loadDocument(document);
        const body = serializeBody(value, mediaOf(name).mediaType, {
          document: loaded,
          media: mediaOf(name),
        });
        const exchange = await deliver(name, body.body, body.contentType);
        assert.deepEqual(errors(exchange), []);
        assert.deepEqual(exchange?.parsedBody, value);
        assert.equal(exchange?.verdict, 'pass');
      });
    }
    it(`${name}: the XML built from a value generated from the schema conforms`, async () => {
      const loaded = await loadDocument(document);
      const media = mediaOf(name);
      assert.ok(media.schema);
      const value = sampleSchema(loaded, media.schema);
      const body = serializeBody(value, media.mediaType, { document: loaded, media });
      const exchange = await deliver(name, body.body, body.contentType);
      assert.deepEqual(errors(exchange), [], new TextDecoder().decode(body.body));
    });
  }

  const wrong: Array<{
    name: string;
    contract: string;
    body: string;
    want: Array<Pick<Finding, 'check' | 'where' | 'spec'> & { message?: RegExp }>;
  }> = [
    {
      name: 'a non-integer in an integer attribute',
      contract: 'pet',
      body: '<pet id="ten"><name>Rex</name><photoUrls/></pet>',
      want: [
        {
          check: 'body.schema',
          where: '/body/id',
          spec: '/components/schemas/Pet/properties/id/type',
          message: /integer/,
        },
      ],
    },
    {
      name: 'a missing required element',
      contract: 'pet',
      body: '<pet><photoUrls><photoUrl>a</photoUrl></photoUrls></pet>',
      want: [
        {
          check: 'body.schema',
          where: '/body/name',
          spec: '/components/schemas/Pet/required',
          message: /name/,
        },
      ],
    },
    {
      name: 'a non-integer in an unwrapped integer array, and an item under its minimum',
      contract: 'order',
      body: '<Order id="o"><line>2.5</line><line>0</line></Order>',
      want: [
        {
          check: 'body.schema',
          where: '/body/lines/0',
          spec: '/components/schemas/Order/properties/lines/items/type',
        },
        {
          check: 'body.schema',
          where: '/body/lines/1',
          spec: '/components/schemas/Order/properties/lines/items/minimum',
        },
      ],
    },
    {
      name: 'a required unwrapped array with no element is empty, below its minItems',
      contract: 'order',
      body: '<Order id="o"/>',
      want: [
        {
          check: 'body.schema',
          where: '/body/lines',
          spec: '/components/schemas/Order/properties/lines/minItems',
        },
      ],
    },
    {
      name: 'a boolean that is not true or false, in an allOf member',
      contract: 'cat',
      body: '<Cat><name>Tib</name><photoUrls/><indoor>yes</indoor></Cat>',
      want: [
        {
          check: 'body.schema',
          where: '/body/indoor',
          spec: '/components/schemas/Cat/allOf/1/properties/indoor/type',
        },
      ],
    },
    {
      name: 'an element in the wrong namespace is not the namespaced property',
      contract: 'person',
      body: '<Person id="1" xmlns:s="urn:other"><s:name>x</s:name></Person>',
      want: [
        {
          check: 'body.schema',
          where: '/body/name',
          spec: '/components/schemas/Person/required',
          message: /name/,
        },
      ],
    },
    {
      name: 'XML that is not well-formed',
      contract: 'pet',
      body: '<pet>\n<name>Rex</pet>',
      want: [
        {
          check: 'body.malformed',
          where: '/body',
          spec: '/webhooks/pet/post/requestBody/content/application~1xml',
          message: /not valid application\/xml: .*\(line 2, column \d+\)/,
        },
      ],
    },
  ];
  it('a body without a Content-Type is still read as the one declared XML type', async () => {
    const route = receiver.routes().find((item) => item.contract === 'webhook/order/post');
    assert.ok(route);
    const response = await fetch(route.url, {
      method: 'POST',
      body: new TextEncoder().encode('<Order id="o"><line>x</line></Order>'),
    });
    await response.arrayBuffer();
    const got = errors(receiver.exchanges().at(-1)).map(({ check, where }) => ({ check, where }));
    assert.deepEqual(got, [
      { check: 'content-type.missing', where: '/headers/content-type' },
      { check: 'body.schema', where: '/body/lines/0' },
    ]);
  });

  for (const { name, contract, body, want } of wrong) {
    it(`${contract}: ${name} is the right finding`, async () => {
      const exchange = await deliver(contract, body);
      const got = errors(exchange);
      assert.deepEqual(
        got.map(({ check, where, spec }) => ({ check, where, spec })),
        want.map(({ check, where, spec }) => ({ check, where, spec })),
        JSON.stringify(got, null, 1),
      );
      for (const [index, { message }] of want.entries()) {
        if (message) assert.match(got[index]?.message ?? '', message);
      }
      assert.equal(exchange?.verdict, 'fail');
    });
  }
});

const corpus = fileURLToPath(new URL('../../specs/corpus/', import.meta.url));

/** A URL that the route's template matches: every embedded expression filled with `v1`. */
function exampleUrl(route: ReceiverRoute): string {
  const tail = route.pattern.replace(/\{[^}]*\}/g, 'v1');
  if (tail === '' || tail.startsWith('?') || tail.startsWith('/')) return `${route.url}${tail}`;
  return `${route.url}/${tail}`;
}

describe('the XML callback bodies of the bundled corpus', () => {
  // Redoc's demo petstore: the orderInProgress callback's application/xml example, as written.
  for (const file of ['redoc-demo-petstore-3.0.yaml', 'redoc-demo-petstore-3.1.yaml']) {
    it(`${file}: every XML example and every XML body built from the schema conforms`, async () => {
      const loaded = await loadDocument(`${corpus}${file}`);
      const catalogue = buildCatalogue(loaded);
      const receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
      try {
        let checked = 0;
        for (const route of receiver.routes()) {
          const contract = catalogue.contracts.find((c) => c.id === route.contract);
          for (const media of contract?.operation.requestBody?.content ?? []) {
            if (!/xml/.test(media.mediaType) || media.schema === undefined) continue;
            const bodies = [
              ...media.examples.map((example) => serializeBody(example.value, media.mediaType)),
              serializeBody(sampleSchema(loaded, media.schema), media.mediaType, {
                document: loaded,
                media,
              }),
            ];
            for (const body of bodies) {
              const response = await fetch(exampleUrl(route), {
                method: route.method.toUpperCase(),
                headers: { 'content-type': body.contentType },
                body: new Uint8Array(body.body),
              });
              await response.arrayBuffer();
              const exchange = receiver.exchanges().at(-1);
              assert.equal(exchange?.contract, route.contract);
              // `v1` fills the URL's expressions (eventName's enum refuses it): the body is judged.
              const judged = errors(exchange).filter(
                (finding) => !finding.check.startsWith('path.'),
              );
              assert.deepEqual(judged, []);
              assert.equal(typeof exchange?.parsedBody, 'object');
              checked += 1;
            }
            // The example as written: orderId stays the string its schema says it is.
            const example = receiver.exchanges().at(-2);
            assert.deepEqual(example?.parsedBody, {
              orderId: '123',
              status: 'inProgress',
              timestamp: '2018-10-19T16:46:45Z',
            });
          }
        }
        // The post and put callbacks, each with its example and a generated body.
        assert.equal(checked, 4);
      } finally {
        await receiver.close();
      }
    });
  }
});
