import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalogue } from './build-catalogue.ts';
import type { Catalogue } from './contract.ts';
import type { JsonObject } from './document.ts';
import { resolvePointer } from './resolve-pointer.ts';

/** Builds a catalogue from an inline 3.1 document (already "loaded"). */
function catalogueOf(document: JsonObject): Catalogue {
  const full = { openapi: '3.1.0', info: { title: 'inline', version: '1' }, ...document };
  return buildCatalogue({
    source: 'inline',
    openapi: '3.1.0',
    version: '3.1',
    title: 'inline',
    document: full,
    findings: [],
  });
}

const ok = { responses: { '200': { description: 'ok' } } };
const callbackOp = {
  requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
  ...ok,
};

describe('buildCatalogue: contract ids', () => {
  const cases: Array<{ name: string; document: JsonObject; ids: string[] }> = [
    {
      name: 'operationId / callback name / method',
      document: {
        paths: {
          '/invoices': {
            post: {
              operationId: 'createInvoice',
              ...ok,
              callbacks: {
                invoicePaid: { '{$request.body#/url}': { post: callbackOp, put: callbackOp } },
              },
            },
          },
        },
      },
      ids: ['createInvoice/invoicePaid/post', 'createInvoice/invoicePaid/put'],
    },
    {
      name: 'method and path slug when there is no operationId',
      document: {
        paths: {
          '/invoices/{id}/subscribe': {
            post: { ...ok, callbacks: { paid: { '{$request.body#/url}': { post: callbackOp } } } },
          },
        },
      },
      ids: ['post-invoices-id-subscribe/paid/post'],
    },
    {
      name: 'several expression keys under one callback name are numbered in document order',
      document: {
        paths: {
          '/s': {
            post: {
              operationId: 'subscribe',
              ...ok,
              callbacks: {
                event: {
                  '{$request.body#/a}': { post: callbackOp },
                  '{$request.body#/b}': { post: callbackOp },
                },
              },
            },
          },
        },
      },
      ids: ['subscribe/event@1/post', 'subscribe/event@2/post'],
    },
    {
      name: 'a repeated operationId keeps ids unique',
      document: {
        paths: {
          '/a': {
            post: {
              operationId: 'same',
              ...ok,
              callbacks: { cb: { '{$request.body#/u}': { post: callbackOp } } },
            },
          },
          '/b': {
            post: {
              operationId: 'same',
              ...ok,
              callbacks: { cb: { '{$request.body#/u}': { post: callbackOp } } },
            },
          },
        },
      },
      ids: ['same/cb/post', 'same/cb/post-2'],
    },
    {
      name: 'webhooks and x-webhooks with the same name stay distinct',
      document: {
        webhooks: { newPet: { post: callbackOp } },
        'x-webhooks': { newPet: { post: callbackOp }, other: { put: callbackOp } },
      },
      ids: ['webhook/newPet/post', 'x-webhook/newPet/post', 'webhook/other/put'],
    },
    {
      name: 'names with slashes and spaces become readable segments',
      document: {
        webhooks: { '/ACCOUNT_CLOSED': { post: callbackOp }, 'order paid': { post: callbackOp } },
      },
      ids: ['webhook/ACCOUNT_CLOSED/post', 'webhook/order-paid/post'],
    },
    {
      name: 'x-webhooks written like a Callback Object (keyed by an expression)',
      document: {
        'x-webhooks': { inbound: { '{$request.body#/callback}': { post: callbackOp } } },
      },
      ids: ['webhook/inbound/post'],
    },
    {
      name: 'extension keys are not path items, methods or webhooks',
      document: {
        paths: {
          'x-internal': {
            post: { ...ok, callbacks: { cb: { '{$request.body#/u}': { post: callbackOp } } } },
          },
          '/a': {
            'x-note': 1,
            post: {
              operationId: 'a',
              ...ok,
              callbacks: { cb: { 'x-note': {}, '{$request.body#/u}': { post: callbackOp } } },
            },
          },
        },
        webhooks: { 'x-note': { post: callbackOp } },
      },
      ids: ['a/cb/post'],
    },
  ];
  for (const { name, document, ids } of cases) {
    test(name, () => {
      assert.deepEqual(
        catalogueOf(document).contracts.map((contract) => contract.id),
        ids,
      );
    });
  }
});

describe('buildCatalogue: what a contract carries', () => {
  const document: JsonObject = {
    security: [{ apiKey: [] }],
    paths: {
      '/pets/{petId}': {
        parameters: [
          { name: 'petId', in: 'path', schema: { type: 'string' } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        post: {
          operationId: 'watchPet',
          parameters: [
            { name: 'x-trace', in: 'header', required: true, schema: { type: 'string' } },
            {
              name: 'callbackUrl',
              in: 'query',
              required: true,
              schema: { type: 'string' },
              example: 'http://x',
            },
            {
              name: 'tags',
              in: 'query',
              style: 'pipeDelimited',
              explode: false,
              schema: { type: 'array' },
            },
          ],
          security: [{ oauth: ['pets:read'] }],
          ...ok,
          callbacks: { changed: { $ref: '#/components/callbacks/PetChanged' } },
        },
        put: {
          operationId: 'replacePet',
          ...ok,
          callbacks: { changed: { $ref: '#/components/callbacks/PetChanged' } },
        },
      },
    },
    components: {
      callbacks: {
        PetChanged: {
          '{$request.query.callbackUrl}/pets/{$request.path.petId}': {
            post: {
              requestBody: {
                $ref: '#/components/requestBodies/PetEvent',
              },
              responses: {
                '204': {
                  description: 'received',
                  headers: {
                    'Content-Type': { schema: {} },
                    'X-Seen': { schema: { type: 'string' } },
                  },
                },
                default: { $ref: '#/components/responses/Error' },
              },
              security: [],
            },
          },
        },
      },
      requestBodies: {
        PetEvent: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Pet' },
              examples: {
                fromComponents: { $ref: '#/components/examples/Rex' },
                external: { externalValue: 'https://example.com/pet.json' },
              },
              example: { name: 'inline' },
            },
          },
        },
      },
      responses: { Error: { description: 'error', content: { 'application/problem+json': {} } } },
      examples: { Rex: { value: { name: 'Rex' } } },
      schemas: { Pet: { type: 'object', example: { name: 'schema' } } },
    },
  };
  const catalogue = catalogueOf(document);
  const [watch, replace] = catalogue.contracts;

  test('a callback $ref shared by two operations gives two contracts on one path item', () => {
    assert.deepEqual(
      catalogue.contracts.map((contract) => [contract.id, contract.pointer]),
      [
        [
          'watchPet/changed/post',
          '/components/callbacks/PetChanged/{$request.query.callbackUrl}~1pets~1{$request.path.petId}',
        ],
        [
          'replacePet/changed/post',
          '/components/callbacks/PetChanged/{$request.query.callbackUrl}~1pets~1{$request.path.petId}',
        ],
      ],
    );
    assert.equal(replace?.trigger?.method, 'put');
    assert.ok(resolvePointer(catalogue.document.document, watch?.pointer ?? '') !== undefined);
  });

  test('trigger parameters: path item and operation merged, the operation wins (header names case-insensitive)', () => {
    assert.deepEqual(
      watch?.trigger?.parameters.map((parameter) => [
        parameter.in,
        parameter.name,
        parameter.required,
      ]),
      [
        ['path', 'petId', true],
        ['header', 'x-trace', true],
        ['query', 'callbackUrl', true],
        ['query', 'tags', false],
      ],
    );
    assert.deepEqual(
      [watch?.trigger?.parameters[3]?.style, watch?.trigger?.parameters[3]?.explode],
      ['pipeDelimited', false],
    );
    assert.equal(watch?.trigger?.parameters[2]?.style, undefined, 'absent style stays absent');
    assert.deepEqual(
      watch?.trigger?.parameters[2]?.examples.map((example) => example.value),
      ['http://x'],
    );
  });

  test('security: operation level, else document level; an empty list means none', () => {
    assert.deepEqual(watch?.trigger?.security, [{ oauth: ['pets:read'] }]);
    assert.deepEqual(replace?.trigger?.security, [{ apiKey: [] }]);
    assert.deepEqual(watch?.operation.security, []);
  });

  test('request body $ref followed; examples in order examples, example, schema example; externalValue skipped', () => {
    const body = watch?.operation.requestBody;
    assert.equal(body?.required, true);
    assert.equal(body?.pointer, '/components/requestBodies/PetEvent');
    const media = body?.content[0];
    assert.equal(media?.mediaType, 'application/json');
    assert.deepEqual(media?.schema, {
      schema: { $ref: '#/components/schemas/Pet' },
      pointer: '/components/requestBodies/PetEvent/content/application~1json/schema',
    });
    assert.deepEqual(
      media?.examples.map((example) => [example.name, example.value, example.pointer]),
      [
        ['fromComponents', { name: 'Rex' }, '/components/examples/Rex/value'],
        [
          'default',
          { name: 'inline' },
          '/components/requestBodies/PetEvent/content/application~1json/example',
        ],
        ['schema', { name: 'schema' }, '/components/schemas/Pet/example'],
      ],
    );
  });

  test('responses: statuses in order, $ref followed, Content-Type not listed as a header', () => {
    const responses = watch?.operation.responses;
    assert.deepEqual(
      responses?.map((response) => [response.status, response.pointer]),
      [
        [
          '204',
          '/components/callbacks/PetChanged/{$request.query.callbackUrl}~1pets~1{$request.path.petId}/post/responses/204',
        ],
        ['default', '/components/responses/Error'],
      ],
    );
    assert.deepEqual(
      responses?.[0]?.headers.map((header) => header.name),
      ['X-Seen'],
    );
    assert.deepEqual(
      responses?.[1]?.content.map((media) => media.mediaType),
      ['application/problem+json'],
    );
  });

  test('the parsed expression travels with the contract', () => {
    assert.equal(watch?.expression?.raw, '{$request.query.callbackUrl}/pets/{$request.path.petId}');
    assert.deepEqual(watch?.expression?.base, {
      kind: 'expression',
      source: { type: 'query', name: 'callbackUrl' },
    });
  });
});
