import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SchemaSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../spec/document.ts';
import { createValidator } from '../validate/index.ts';
import { fitSample } from './fit-sample.ts';
import { sampleSchema } from './sample-schema.ts';

function loaded(schemas: JsonObject, openapi = '3.1.0'): LoadedDocument {
  return {
    source: 'test.yaml',
    openapi,
    version: openapi.startsWith('3.0') ? '3.0' : '3.1',
    title: 'test',
    document: { openapi, info: { title: 'test', version: '1' }, components: { schemas } },
    findings: [],
  };
}

const spec = (name: string): SchemaSpec => ({
  schema: { $ref: `#/components/schemas/${name}` },
  pointer: `/components/schemas/${name}`,
});

/** Fits with a validator of its own, as a caller of `send` or `mock` has one per document. */
function fitWith(document: LoadedDocument, schema: SchemaSpec, value: unknown): unknown {
  return fitSample(document, schema, value, createValidator(document));
}

function errorsOf(document: LoadedDocument, name: string, value: unknown): string[] {
  return createValidator(document)
    .checkValue(spec(name), value, '/body')
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.where} ${finding.message}`);
}

describe('fitSample repairs each kind of finding where it points', () => {
  const cases: Array<{ name: string; schema: JsonObject; given: unknown; want: unknown }> = [
    {
      name: 'format: a sample of that format',
      schema: { type: 'string', format: 'email' },
      given: 'string',
      want: 'user@example.com',
    },
    {
      name: 'format: a URI that is not one',
      schema: { type: 'string', format: 'uri' },
      given: 'https://example.com/{{id}}',
      want: 'http://example.com',
    },
    {
      name: 'enum: the first allowed value',
      schema: { type: 'string', enum: ['open', 'closed'] },
      given: 'string',
      want: 'open',
    },
    { name: 'const', schema: { const: 'push' }, given: 'pull', want: 'push' },
    {
      name: 'type: a sample of the declared type, its wrong example left out',
      schema: { type: 'number', example: '98.8' },
      given: '98.8',
      want: 0,
    },
    {
      name: 'type: an array whose examples are item values',
      schema: { type: 'array', items: { type: 'string' }, examples: ['bug', 'feature'] },
      given: 'bug',
      want: ['string'],
    },
    {
      name: 'required: the missing property, sampled',
      schema: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer', minimum: 7 } },
      },
      given: {},
      want: { id: 7 },
    },
    {
      name: 'additionalProperties false: the extra key dropped',
      schema: {
        type: 'object',
        properties: { a: { type: 'integer' } },
        additionalProperties: false,
      },
      given: { a: 1, b: 2 },
      want: { a: 1 },
    },
    {
      name: 'minItems: grown with samples of the items',
      schema: { type: 'array', minItems: 2, items: { type: 'string', enum: ['x'] } },
      given: [],
      want: ['x', 'x'],
    },
    {
      name: 'maxItems: cut',
      schema: { type: 'array', maxItems: 2 },
      given: [1, 2, 3],
      want: [1, 2],
    },
    {
      name: 'minLength: padded',
      schema: { type: 'string', minLength: 5 },
      given: 'ab',
      want: 'ababa',
    },
    {
      name: 'maxLength: cut',
      schema: { type: 'string', maxLength: 3 },
      given: 'abcdef',
      want: 'abc',
    },
    { name: 'minimum', schema: { type: 'integer', minimum: 3 }, given: 0, want: 3 },
    {
      name: 'exclusiveMinimum',
      schema: { type: 'integer', exclusiveMinimum: 3 },
      given: 0,
      want: 4,
    },
    { name: 'maximum', schema: { type: 'number', maximum: 10 }, given: 20, want: 10 },
    { name: 'multipleOf', schema: { type: 'integer', multipleOf: 7 }, given: 10, want: 14 },
    {
      name: 'oneOf matched by two branches: the first branch on its own',
      schema: {
        oneOf: [
          { type: 'object', required: ['login'], properties: { login: { type: 'string' } } },
          { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        ],
      },
      given: { login: 'a', name: 'b' },
      want: { login: 'string' },
    },
    {
      name: 'oneOf whose branches both allow null: a non-null branch',
      schema: {
        oneOf: [
          { type: ['object', 'null'], properties: { n: { type: 'integer' } } },
          { type: 'null' },
        ],
      },
      given: null,
      want: { n: 0 },
    },
    {
      name: 'an optional property no value can fit is left out',
      schema: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          topics: { allOf: [{ type: 'string' }, { type: 'integer' }] },
        },
      },
      given: { id: 1, topics: 'x' },
      want: { id: 1 },
    },
  ];
  for (const { name, schema, given, want } of cases) {
    it(name, () => {
      const document = loaded({ Target: schema });
      const before = structuredClone(given);
      const fitted = fitWith(document, spec('Target'), given);
      assert.deepEqual(fitted, want);
      assert.deepEqual(errorsOf(document, 'Target', fitted), []);
      assert.deepEqual(given, before, 'the value given is not changed');
    });
  }

  it('a pattern gets a string matching it, the same on every run', () => {
    const document = loaded({ Target: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' } });
    const first = fitWith(document, spec('Target'), 'string');
    assert.match(String(first), /^[A-Z]{3}-\d{4}$/);
    assert.equal(
      fitWith(
        loaded({ Target: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' } }),
        spec('Target'),
        'string',
      ),
      first,
    );
  });

  it('a value no repair can make fit is returned with the fewest errors, still failing', () => {
    const document = loaded({ Target: { allOf: [{ type: 'string' }, { type: 'integer' }] } });
    const fitted = fitWith(document, spec('Target'), 'x');
    assert.equal(errorsOf(document, 'Target', fitted).length, 1);
  });

  it('a schema the validator cannot find leaves the value as it is', () => {
    const document = loaded({});
    assert.deepEqual(
      fitWith(document, { schema: { type: 'integer' }, pointer: '/nowhere' }, 'x'),
      'x',
    );
  });
});

describe('fitSample on what openapi-sampler generates', () => {
  const schemas: JsonObject = {
    Issue: {
      type: 'object',
      required: ['closed_at', 'state'],
      allOf: [
        {
          properties: {
            closed_at: { type: 'string', format: 'date-time' },
            state: { type: 'string', enum: ['open', 'closed'] },
          },
        },
        // A later member with plain `type: string` overwrites the sample of the first.
        { properties: { closed_at: { type: 'string' }, state: { type: 'string' } } },
      ],
    },
    Node: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, next: { $ref: '#/components/schemas/Node' } },
    },
    Label: {
      type: 'object',
      required: ['labels'],
      properties: { labels: { type: 'array', items: { type: 'string' }, examples: ['bug'] } },
    },
  };
  const document = loaded(schemas);

  for (const name of Object.keys(schemas)) {
    it(`${name}: the raw sample does not fit, the fitted one does`, () => {
      const sampled = sampleSchema(document, spec(name));
      assert.notDeepEqual(errorsOf(document, name, sampled), []);
      assert.deepEqual(errorsOf(document, name, fitWith(document, spec(name), sampled)), []);
    });
  }

  it('keeps what already fits and repairs only the rest', () => {
    const fitted = fitWith(document, spec('Issue'), sampleSchema(document, spec('Issue')));
    assert.deepEqual(fitted, { closed_at: '2019-08-24T14:15:22Z', state: 'open' });
  });
});
