import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject, LoadedDocument } from '../../spec/document.ts';
import { createSchemaEngine, sharedTargets } from './create-schema-engine.ts';

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

describe('sharedTargets', () => {
  const cases: Array<{ name: string; counts: Array<[string, number]>; want: string[] }> = [
    {
      name: 'GitHub-like: a few schemas referenced everywhere, then a long tail',
      counts: [
        ['#/a', 20],
        ['#/user', 308],
        ['#/repo', 233],
        ['#/b', 1],
      ],
      want: ['#/user', '#/repo'],
    },
    {
      name: 'evenly spread references: all those referenced twice or more',
      counts: [
        ['#/a', 3],
        ['#/b', 2],
        ['#/c', 1],
      ],
      want: ['#/a', '#/b'],
    },
    { name: 'nothing referenced twice', counts: [['#/a', 1]], want: [] },
    { name: 'no references', counts: [], want: [] },
    {
      name: 'at most eight',
      counts: Array.from({ length: 12 }, (_, i): [string, number] => [`#/s${i}`, 50 - i]),
      want: Array.from({ length: 8 }, (_, i) => `#/s${i}`),
    },
  ];
  for (const { name, counts, want } of cases) {
    it(name, () => assert.deepEqual(sharedTargets(new Map(counts)), want));
  }
});

describe('createSchemaEngine: warmUp compiles the shared schemas without changing any finding', () => {
  const schemas: JsonObject = {
    Money: {
      ...money,
      properties: { amount: { type: 'integer' }, code: { format: 'money-code' } },
    },
    Broken: { type: 'string', pattern: '(' },
    Invoice: {
      properties: {
        total: { $ref: '#/components/schemas/Money' },
        note: { $ref: '#/components/schemas/Broken' },
      },
    },
    Refund: {
      properties: {
        total: { $ref: '#/components/schemas/Money' },
        note: { $ref: '#/components/schemas/Broken' },
      },
    },
  };
  const summary = (warm: boolean, name: string): string[] => {
    const engine = createSchemaEngine(loaded(schemas), 'request');
    if (warm) engine.warmUp();
    const prepared = engine.prepare({ schema: {}, pointer: `/components/schemas/${name}` });
    return [
      String(prepared.ok),
      ...prepared.findings.map((finding) => `${finding.check} ${finding.spec}`),
      ...prepared
        .check({ total: { amount: 'x' } }, '/body', 'body.schema')
        .map((f) => f.where ?? ''),
    ];
  };
  it('a schema using a shared one that does not compile still reports schema.compile', () => {
    assert.deepEqual(summary(true, 'Invoice'), summary(false, 'Invoice'));
    assert.deepEqual(summary(true, 'Invoice').slice(0, 2), [
      'false',
      'schema.compile /components/schemas/Invoice',
    ]);
  });
  it('a shared schema that compiles is checked, and its notes still reach each contract', () => {
    const warm = summary(true, 'Money');
    assert.deepEqual(warm, summary(false, 'Money'));
    assert.deepEqual(warm, [
      'true',
      'schema.unknown-format /components/schemas/Money/properties/code/format',
      '/body/amount',
    ]);
  });
});
