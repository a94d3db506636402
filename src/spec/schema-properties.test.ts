import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaProperties } from './schema-properties.ts';

const schemas: Record<string, unknown> = {
  Pet: { properties: { id: { type: 'integer' }, name: { type: 'string' } } },
  Loop: { allOf: [{ $ref: 'Loop' }], properties: { x: {} } },
};
const resolve = (schema: unknown): unknown =>
  typeof schema === 'object' && schema !== null && '$ref' in schema
    ? schemas[String(schema.$ref)]
    : schema;

describe('schemaProperties', () => {
  const cases: Array<{ name: string; schema: unknown; want: string[] }> = [
    { name: 'plain properties', schema: { properties: { a: {}, b: {} } }, want: ['a', 'b'] },
    {
      name: 'allOf members, through $ref, the first declaration wins',
      schema: {
        allOf: [{ $ref: 'Pet' }, { properties: { name: { type: 'integer' }, skill: {} } }],
      },
      want: ['id', 'name', 'skill'],
    },
    {
      name: 'anyOf / oneOf members too',
      schema: { oneOf: [{ properties: { c: {} } }] },
      want: ['c'],
    },
    { name: 'a cycle ends', schema: { $ref: 'Loop' }, want: ['x'] },
    { name: 'not a schema object', schema: true, want: [] },
  ];
  for (const { name, schema, want } of cases) {
    it(name, () => assert.deepEqual(Object.keys(schemaProperties(schema, resolve)), want));
  }

  it('keeps the first declaration of a name', () => {
    const properties = schemaProperties(
      { allOf: [{ $ref: 'Pet' }, { properties: { name: { type: 'integer' } } }] },
      resolve,
    );
    assert.deepEqual(properties.name, { type: 'string' });
  });
});
