import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject, LoadedDocument } from '../../spec/document.ts';
import { createSchemaEngine } from './create-schema-engine.ts';

const loaded = (schemas: JsonObject, openapi = '3.1.0'): LoadedDocument => ({
  source: 'inline.json',
  openapi,
  version: openapi.startsWith('3.0') ? '3.0' : '3.1',
  title: 'inline',
  document: { openapi, info: { title: 'inline', version: '1' }, components: { schemas } },
  findings: [],
});

const money = {
  type: 'object',
  required: ['amount'],
  properties: { amount: { type: 'integer' } },
};

/** `where :: spec` of each finding for a value against `#/components/schemas/<name>`. */
function check(document: LoadedDocument, name: string, value: unknown): string[] {
  const engine = createSchemaEngine(document, 'request');
  const prepared = engine.prepare({ schema: {}, pointer: `/components/schemas/${name}` });
  assert.deepEqual(prepared.findings, []);
  assert.equal(prepared.ok, true);
  return prepared
    .check(value, '/body', 'body.schema')
    .map((finding) => `${finding.where} :: ${finding.spec}`);
}

describe('createSchemaEngine: how references resolve in the registered document', () => {
  const cases: Array<{ name: string; schemas: JsonObject; openapi?: string }> = [
    {
      name: 'by JSON pointer (no schema names itself: registered without Ajv scanning it)',
      schemas: {
        Money: money,
        Invoice: { properties: { total: { $ref: '#/components/schemas/Money' } } },
      },
    },
    {
      name: 'by pointer in a 3.0 document',
      schemas: {
        Money: money,
        Invoice: { properties: { total: { $ref: '#/components/schemas/Money' } } },
      },
      openapi: '3.0.3',
    },
    {
      name: 'by $anchor',
      schemas: {
        Money: { ...money, $anchor: 'money' },
        Invoice: { properties: { total: { $ref: '#money' } } },
      },
    },
    {
      name: 'by $id',
      schemas: {
        Money: { ...money, $id: 'https://example.com/money' },
        Invoice: { properties: { total: { $ref: 'https://example.com/money' } } },
      },
    },
  ];
  for (const { name, schemas, openapi } of cases) {
    it(name, () => {
      const document = loaded(schemas, openapi);
      assert.deepEqual(check(document, 'Invoice', { total: { amount: 5 } }), []);
      assert.deepEqual(check(document, 'Invoice', { total: { amount: 'five' } }), [
        '/body/total/amount :: /components/schemas/Money/properties/amount/type',
      ]);
      assert.deepEqual(check(document, 'Invoice', { total: {} }), [
        '/body/total/amount :: /components/schemas/Money/required',
      ]);
    });
  }
});
