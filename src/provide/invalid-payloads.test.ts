import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MediaTypeSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../spec/document.ts';
import { buildInvalidPayloads, type InvalidKind } from './invalid-payloads.ts';

function loaded(schemas: JsonObject): LoadedDocument {
  return {
    source: 'test.yaml',
    openapi: '3.0.3',
    version: '3.0',
    title: 'test',
    document: { openapi: '3.0.3', components: { schemas } },
    findings: [],
  };
}

const media = (schema: unknown, mediaType = 'application/json'): MediaTypeSpec => ({
  mediaType,
  schema: { schema, pointer: '/x/schema' },
  examples: [],
  pointer: '/x',
});

const document = loaded({
  Event: {
    allOf: [
      { $ref: '#/components/schemas/Envelope' },
      {
        type: 'object',
        required: ['data'],
        properties: { data: { $ref: '#/components/schemas/Invoice' } },
      },
    ],
  },
  Envelope: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['invoice.paid'] } },
  },
  Invoice: {
    type: 'object',
    required: ['amount'],
    properties: {
      amount: { type: 'number' },
      lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
    },
  },
  Line: { type: 'object', properties: { qty: { type: 'integer', enum: [1, 2, 3] } } },
});

const valid = { id: 'evt_1', kind: 'invoice.paid', data: { amount: 10.5, lines: [{ qty: 1 }] } };

describe('buildInvalidPayloads', () => {
  const payloads = buildInvalidPayloads(
    document,
    media({ $ref: '#/components/schemas/Event' }),
    valid,
  );
  const byKind = new Map(payloads.map((payload) => [payload.kind, payload]));

  const cases: Array<{ kind: InvalidKind; where: string; value: unknown; description: RegExp }> = [
    {
      kind: 'missing-required',
      where: '/id',
      value: { kind: 'invoice.paid', data: { amount: 10.5, lines: [{ qty: 1 }] } },
      description: /^required field \/id missing$/,
    },
    {
      kind: 'wrong-type',
      where: '/id',
      value: { id: 12345, kind: 'invoice.paid', data: { amount: 10.5, lines: [{ qty: 1 }] } },
      description: /^field \/id of the wrong type \(integer instead of string\)$/,
    },
    {
      kind: 'wrong-enum',
      where: '/kind',
      value: {
        id: 'evt_1',
        kind: 'invoice.paid-not-allowed',
        data: { amount: 10.5, lines: [{ qty: 1 }] },
      },
      description: /outside its allowed values/,
    },
    { kind: 'wrong-content-type', where: '', value: valid, description: /text\/plain/ },
  ];
  for (const { kind, where, value, description } of cases) {
    it(`${kind} at ${where || 'the body'}, through $ref and allOf`, () => {
      const payload = byKind.get(kind);
      assert.ok(payload !== undefined, `no ${kind} payload`);
      assert.equal(payload.where, where);
      assert.deepEqual(payload.value, value);
      assert.match(payload.description, description);
    });
  }

  it('leaves the valid payload untouched', () => {
    assert.deepEqual(valid, {
      id: 'evt_1',
      kind: 'invoice.paid',
      data: { amount: 10.5, lines: [{ qty: 1 }] },
    });
  });

  it('reaches into nested objects and arrays when the top level has nothing to break', () => {
    const nested = buildInvalidPayloads(document, media({ $ref: '#/components/schemas/Line' }), {
      qty: 2,
    });
    assert.deepEqual(
      nested.map((payload) => [payload.kind, payload.where, payload.value]),
      [
        ['wrong-type', '/qty', { qty: 'not-the-declared-type' }],
        ['wrong-enum', '/qty', { qty: 4 }],
        ['wrong-content-type', '', { qty: 2 }],
      ],
    );
    const deep = buildInvalidPayloads(
      document,
      media({
        type: 'object',
        properties: { lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } } },
      }),
      { lines: [{ qty: 3 }] },
    );
    assert.deepEqual(deep.find((payload) => payload.kind === 'wrong-enum')?.value, {
      lines: [{ qty: 4 }],
    });
  });

  it('breaks the whole body when it is a scalar', () => {
    const scalar = buildInvalidPayloads(document, media({ type: 'string' }, 'text/plain'), 'hello');
    assert.deepEqual(
      scalar.map((payload) => [payload.kind, payload.value, payload.contentType]),
      [
        ['wrong-type', 12345, undefined],
        ['wrong-content-type', 'hello', 'application/octet-stream'],
      ],
    );
  });

  it('treats 3.0 nullable as allowing null and picks another type', () => {
    const payloads = buildInvalidPayloads(
      document,
      media({ type: 'object', properties: { note: { type: 'string', nullable: true } } }),
      { note: 'x' },
    );
    assert.deepEqual(payloads.find((payload) => payload.kind === 'wrong-type')?.value, {
      note: 12345,
    });
  });

  it('sends no wrong content type when the operation accepts any', () => {
    const payloads = buildInvalidPayloads(document, media({}, '*/*'), {}, ['*/*']);
    assert.deepEqual(payloads, []);
  });

  it('picks a content type outside every declared one', () => {
    const payloads = buildInvalidPayloads(document, media({}), {}, ['application/json', 'text/*']);
    assert.equal(payloads.at(-1)?.contentType, 'application/octet-stream');
  });
});
