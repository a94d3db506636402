import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.ts';
import type { MediaTypeSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument, OasVersion } from '../spec/document.ts';
import { createValidator } from '../validate/index.ts';
import { buildPayload } from './build-payload.ts';
import { sampleSchema } from './sample-schema.ts';

function loaded(openapi: string, components: JsonObject = {}): LoadedDocument {
  const version: OasVersion = openapi.startsWith('3.0') ? '3.0' : '3.1';
  return {
    source: 'test.yaml',
    openapi,
    version,
    title: 'test',
    document: {
      openapi,
      info: { title: 'test', version: '1' },
      components: { schemas: components },
    },
    findings: [],
  };
}

function media(schema: unknown, examples: MediaTypeSpec['examples'] = []): MediaTypeSpec {
  return {
    mediaType: 'application/json',
    schema: schema === undefined ? undefined : { schema, pointer: '/x/schema' },
    examples,
    pointer: '/x',
  };
}

const invoice = {
  type: 'object',
  required: ['id', 'status'],
  properties: {
    id: { type: 'string', example: 'inv_1' },
    status: { $ref: '#/components/schemas/Status' },
    amount: { type: ['integer', 'null'], minimum: 1 },
    createdBy: { type: 'string', readOnly: true },
  },
};
const status = { type: 'string', enum: ['paid', 'void'] };

describe('buildPayload', () => {
  const document = loaded('3.1.0', { Invoice: invoice, Status: status });
  const examples = [
    { name: 'paid', value: { id: 'a', status: 'paid' }, pointer: '/x/examples/paid' },
    { name: 'void', value: { id: 'b', status: 'void' }, pointer: '/x/examples/void' },
  ];

  const cases: Array<{
    name: string;
    media: MediaTypeSpec;
    example?: string;
    want: unknown;
    source: string;
  }> = [
    {
      name: 'a named example',
      media: media({ $ref: '#/components/schemas/Invoice' }, examples),
      example: 'void',
      want: { id: 'b', status: 'void' },
      source: 'example:void',
    },
    {
      name: 'the first example when none is named',
      media: media({ $ref: '#/components/schemas/Invoice' }, examples),
      want: { id: 'a', status: 'paid' },
      source: 'example:paid',
    },
    {
      name: "the schema's own example, through a $ref",
      media: media({ $ref: '#/components/schemas/WithExample' }),
      want: { id: 'from-schema' },
      source: 'example:schema',
    },
    {
      name: "the first of a 3.1 schema's examples",
      media: media({ type: 'object', examples: [{ id: 'first' }, { id: 'second' }] }),
      want: { id: 'first' },
      source: 'example:schema',
    },
    {
      name: 'a generated value that resolves internal $refs and leaves out readOnly fields',
      media: media({ $ref: '#/components/schemas/Invoice' }),
      want: { id: 'inv_1', status: 'paid', amount: 1 },
      source: 'generated',
    },
    {
      name: 'nothing for a media type without a schema',
      media: media(undefined),
      want: undefined,
      source: 'generated',
    },
  ];
  const withExample = loaded('3.1.0', {
    Invoice: invoice,
    Status: status,
    WithExample: { type: 'object', example: { id: 'from-schema' } },
  });
  for (const { name, media: given, example, want, source } of cases) {
    it(name, () => {
      const built = buildPayload(
        name.includes('own example') ? withExample : document,
        given,
        example === undefined ? {} : { example },
      );
      assert.deepEqual(built, { value: want, source });
    });
  }

  it('names the available examples when the wanted one does not exist', () => {
    assert.throws(
      () => buildPayload(document, media({}, examples), { example: 'refunded' }),
      (error: unknown) =>
        error instanceof UsageError && /available: paid, void/.test(error.message),
    );
  });

  it('says so when a named example is wanted but none are declared', () => {
    assert.throws(
      () => buildPayload(document, media({ type: 'string' }), { example: 'paid' }),
      (error: unknown) =>
        error instanceof UsageError && /declares no named examples/.test(error.message),
    );
  });
});

describe('buildPayload with the document validator', () => {
  const document = loaded('3.1.0', {
    Event: {
      type: 'object',
      required: ['at'],
      properties: { at: { type: 'string', format: 'date-time', example: 'yesterday' } },
    },
  });
  const event: MediaTypeSpec = {
    mediaType: 'application/json',
    schema: {
      schema: { $ref: '#/components/schemas/Event' },
      pointer: '/components/schemas/Event',
    },
    examples: [],
    pointer: '/x',
  };
  const validator = createValidator(document);

  it('makes a generated value fit its schema', () => {
    assert.deepEqual(buildPayload(document, event), {
      value: { at: 'yesterday' },
      source: 'generated',
    });
    assert.deepEqual(buildPayload(document, event, { validator }), {
      value: { at: '2019-08-24T14:15:22Z' },
      source: 'generated',
    });
  });

  it('sends an example that contradicts the schema as it is written', () => {
    const examples = [{ name: 'late', value: { at: 'yesterday' }, pointer: '/x/examples/late' }];
    assert.deepEqual(buildPayload(document, { ...event, examples }, { validator }), {
      value: { at: 'yesterday' },
      source: 'example:late',
    });
  });
});

describe('sampleSchema', () => {
  it('3.0: siblings of a $ref are ignored, nullable is understood', () => {
    const document = loaded('3.0.3', { Amount: { type: 'integer', minimum: 5, nullable: true } });
    const value = sampleSchema(document, {
      schema: { $ref: '#/components/schemas/Amount', minimum: 100 },
      pointer: '',
    });
    assert.equal(value, 5);
  });

  it('3.1: siblings of a $ref apply', () => {
    const document = loaded('3.1.0', { Amount: { type: 'integer', minimum: 5 } });
    const value = sampleSchema(document, {
      schema: { $ref: '#/components/schemas/Amount', minimum: 100 },
      pointer: '',
    });
    assert.equal(value, 100);
  });

  it('responses leave out writeOnly fields and keep readOnly ones', () => {
    const document = loaded('3.1.0');
    const schema = {
      type: 'object',
      properties: {
        secret: { type: 'string', writeOnly: true },
        id: { type: 'integer', readOnly: true },
      },
    };
    assert.deepEqual(sampleSchema(document, { schema, pointer: '' }, { direction: 'response' }), {
      id: 0,
    });
    assert.deepEqual(sampleSchema(document, { schema, pointer: '' }), { secret: 'string' });
  });

  it('a schema the sampler cannot follow is a UsageError naming where it is', () => {
    const document = loaded('3.1.0');
    const cases: Array<{ schema: JsonObject; cause: RegExp }> = [
      { schema: { $ref: 5 }, cause: /Invalid JSON pointer/ },
      { schema: { $ref: '#/nope/x' }, cause: /Invalid reference token: nope/ },
    ];
    for (const { schema, cause } of cases) {
      assert.throws(
        () => sampleSchema(document, { schema, pointer: '/webhooks/a/post/requestBody' }),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, String(error));
          assert.match(
            error.message,
            /Cannot generate a value from the schema at \/webhooks\/a\/post\/requestBody of /,
          );
          assert.match(error.message, cause);
          assert.match(error.hint ?? '', /declare an example/);
          return true;
        },
      );
    }
  });

  it('survives a recursive schema', () => {
    const document = loaded('3.1.0', {
      Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } },
    });
    const value = sampleSchema(document, {
      schema: { $ref: '#/components/schemas/Node' },
      pointer: '',
    });
    assert.equal(typeof value, 'object');
  });
});

describe('sampleSchema: a null member of anyOf / oneOf does not turn the value into {}', () => {
  const user = {
    type: 'object',
    required: ['login', 'id'],
    properties: { login: { type: 'string' }, id: { type: 'integer' } },
  };
  const cases: Array<[string, unknown, unknown]> = [
    [
      'anyOf [null, $ref] (GitHub)',
      { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/User' }] },
      { login: 'string', id: 0 },
    ],
    [
      'oneOf [null, inline object]',
      { oneOf: [{ type: ['null'] }, user] },
      { login: 'string', id: 0 },
    ],
    [
      'nested in a property, through a $ref',
      {
        type: 'object',
        required: ['sender'],
        properties: { sender: { $ref: '#/components/schemas/MaybeUser' } },
      },
      { sender: { login: 'string', id: 0 } },
    ],
    [
      'an example holding an anyOf key is data, left as written',
      { type: 'object', example: { anyOf: [{ type: 'null' }, 1] } },
      { anyOf: [{ type: 'null' }, 1] },
    ],
  ];
  const document = loaded('3.1.0', {
    User: user,
    MaybeUser: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/User' }] },
  });
  for (const [name, schema, want] of cases) {
    it(name, () => {
      assert.deepEqual(sampleSchema(document, { schema, pointer: '' }), want);
    });
  }
  it('leaves the document itself unchanged', () => {
    const before = structuredClone(document.document);
    sampleSchema(document, { schema: { $ref: '#/components/schemas/MaybeUser' }, pointer: '' });
    assert.deepEqual(document.document, before);
  });
});

describe('sampleSchema prints nothing', () => {
  it('mutes the warning the sampler prints for an allOf of different types, and restores console.warn', () => {
    const document = loaded('3.1.0');
    const warn = console.warn;
    const printed: unknown[] = [];
    console.warn = (...args: unknown[]) => {
      printed.push(args);
    };
    try {
      sampleSchema(document, {
        schema: { allOf: [{ type: 'string' }, { type: 'object' }] },
        pointer: '',
      });
      assert.deepEqual(printed, []);
      console.warn('after');
      assert.deepEqual(printed, [['after']]);
    } finally {
      console.warn = warn;
    }
  });
});
