import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { JsonObject, LoadedDocument } from '../../spec/document.ts';
import { createSchemaEngine } from './create-schema-engine.ts';

const schemas: JsonObject = {
  Text: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' },
  Count: { type: 'integer', multipleOf: 5, maximum: 20 },
  Tags: { type: 'array', minItems: 1, uniqueItems: true },
  Closed: { type: 'object', properties: { a: {} }, additionalProperties: false, minProperties: 1 },
  Pair: { type: 'object', dependentRequired: { from: ['to'] } },
  Never: { not: { type: 'string' } },
  Nothing: { type: 'object', properties: { gone: false } },
  Kind: { const: 'invoice' },
  Either: {
    anyOf: [
      { type: 'string' },
      { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
    ],
  },
  Conditional: {
    type: 'object',
    if: { properties: { paid: { const: true } } },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a promise.
    then: { required: ['paidAt'] },
  },
};
const loaded: LoadedDocument = {
  source: 'inline',
  openapi: '3.1.0',
  version: '3.1',
  title: 'inline',
  document: { openapi: '3.1.0', info: { title: 'inline', version: '1' }, components: { schemas } },
  findings: [],
};
const engine = createSchemaEngine(loaded, 'request');

const table: Array<[string, unknown, string[]]> = [
  ['Text', 'a', ['/body :: body must be at least 2 characters long, got 1 ("a")']],
  [
    'Text',
    'ABCDE',
    [
      '/body :: body must be at most 4 characters long, got 5 ("ABCDE")',
      '/body :: body must match pattern ^[a-z]+$, got "ABCDE"',
    ],
  ],
  [
    'Count',
    21,
    ['/body :: body must be <= 20, got 21', '/body :: body must be a multiple of 5, got 21'],
  ],
  [
    'Count',
    2.5,
    [
      '/body :: body must be integer, got number 2.5',
      '/body :: body must be a multiple of 5, got 2.5',
    ],
  ],
  ['Tags', [], ['/body :: body must have at least 1 item, got 0']],
  ['Closed', {}, ['/body :: body must have at least 1 property, got 0']],
  ['Closed', { a: 1, b: 2 }, ['/body/b :: body has unexpected property "b"']],
  ['Pair', { from: 'x' }, ['/body :: body must have property "to" when "from" is present']],
  ['Never', 'x', ['/body :: body must not match the schema in "not"']],
  ['Nothing', { gone: 1 }, ['/body/gone :: body.gone is not allowed here']],
  ['Kind', 'memo', ['/body :: body must be "invoice", got "memo"']],
  [
    'Either',
    { id: 'x' },
    [
      '/body :: body must match at least one of the 2 schemas in anyOf; closest is schema 2',
      '/body/id :: body.id must be integer, got string "x"',
    ],
  ],
  ['Conditional', { paid: true }, ['/body/paidAt :: body is missing required property "paidAt"']],
];

for (const [name, value, want] of table) {
  it(`${name}: ${JSON.stringify(value)}`, () => {
    const prepared = engine.prepare({
      schema: schemas[name],
      pointer: `/components/schemas/${name}`,
    });
    assert.ok(prepared.ok);
    const findings = prepared.check(value, '/body', 'body.schema');
    assert.deepEqual(
      findings.map((finding) => `${finding.where} :: ${finding.message}`),
      want,
    );
    for (const finding of findings) {
      assert.equal(finding.check, 'body.schema');
      assert.match(finding.spec ?? '', new RegExp(`^/components/schemas/${name}`));
    }
  });
}
