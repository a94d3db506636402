import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../spec/document.ts';
import { isJsonObject } from '../../spec/is-json-object.ts';
import { buildSchemaView, discriminatorKeyword, type SchemaView } from './build-schema-view.ts';
import { toViewPointer } from './to-view-pointer.ts';

const documentWith = (schemas: JsonObject): JsonObject => ({
  openapi: '3.0.3',
  paths: {},
  components: { schemas },
});

/** The view's `components.schemas` map, narrowed. */
function schemasOf(view: SchemaView): JsonObject {
  const components = view.root.components;
  assert.ok(isJsonObject(components) && isJsonObject(components.schemas));
  return components.schemas;
}

/** One schema of the view, narrowed. */
function schemaOf(view: SchemaView, name: string): JsonObject {
  const schema = schemasOf(view)[name];
  assert.ok(isJsonObject(schema));
  return schema;
}

describe('buildSchemaView', () => {
  it('shares every untouched object with the document', () => {
    const document = documentWith({ A: { type: 'object', properties: { a: { type: 'string' } } } });
    const view = buildSchemaView(document, '3.0', 'request');
    assert.equal(view.root, document);
    assert.equal(view.pointerOf.get(schemasOf(view)), undefined);
  });

  it('copies only the path to a rewritten node', () => {
    const untouched = { type: 'string' };
    const document = documentWith({ A: { type: 'string', nullable: true }, B: untouched });
    const view = buildSchemaView(document, '3.0', 'request');
    const schemas = schemasOf(view);
    assert.notEqual(view.root, document);
    assert.equal(schemas.B, untouched);
    assert.deepEqual(schemas.A, { type: ['string', 'null'] });
    assert.equal(view.pointerOf.get(schemaOf(view, 'A')), '/components/schemas/A');
  });

  const rewrites: Array<[string, JsonObject, unknown]> = [
    ['nullable with type', { type: 'integer', nullable: true }, { type: ['integer', 'null'] }],
    [
      'nullable with enum adds null to the enum',
      { type: 'string', enum: ['a'], nullable: true },
      { type: ['string', 'null'], enum: ['a', null] },
    ],
    ['nullable: false is dropped', { type: 'string', nullable: false }, { type: 'string' }],
    [
      'nullable without type wraps',
      { nullable: true, allOf: [{ $ref: '#/components/schemas/X' }] },
      { anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/components/schemas/X' }] }] },
    ],
    [
      'boolean exclusiveMinimum becomes the number',
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
      { type: 'number', exclusiveMinimum: 0, maximum: 9 },
    ],
    [
      'readOnly property is not required in a request',
      {
        required: ['id', 'name'],
        properties: { id: { readOnly: true }, name: { type: 'string' } },
      },
      { required: ['name'], properties: { id: { readOnly: true }, name: { type: 'string' } } },
    ],
  ];
  for (const [name, schema, want] of rewrites) {
    it(name, () => {
      const view = buildSchemaView(documentWith({ S: schema }), '3.0', 'request');
      assert.deepEqual(schemaOf(view, 'S'), want);
    });
  }

  describe('readOnly reached through allOf is not required in a request', () => {
    const shared: JsonObject = {
      Id: { type: 'string', readOnly: true },
      Base: { properties: { id: { readOnly: true }, name: { type: 'string' } } },
      Wrapped: { allOf: [{ $ref: '#/components/schemas/Id' }] },
    };
    const cases: Array<[string, JsonObject, unknown]> = [
      [
        'the flag in an allOf member of the property',
        {
          required: ['id', 'name'],
          properties: { id: { allOf: [{ $ref: '#/components/schemas/Id' }] }, name: {} },
        },
        ['name'],
      ],
      [
        'the flag behind a $ref to a schema that is an allOf',
        {
          required: ['id', 'name'],
          properties: { id: { $ref: '#/components/schemas/Wrapped' }, name: {} },
        },
        ['name'],
      ],
      [
        'own required, the property declared by an allOf member',
        { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id', 'name'] },
        ['name'],
      ],
    ];
    for (const [name, schema, want] of cases) {
      it(name, () => {
        const view = buildSchemaView(documentWith({ ...shared, S: schema }), '3.0', 'request');
        assert.deepEqual(schemaOf(view, 'S').required, want);
      });
    }

    it('required in an inline allOf member beside the member that declares the property', () => {
      const member = { required: ['id', 'name'] };
      const schema = { allOf: [{ $ref: '#/components/schemas/Base' }, member] };
      const view = buildSchemaView(documentWith({ ...shared, S: schema }), '3.0', 'request');
      const members = schemaOf(view, 'S').allOf;
      assert.ok(Array.isArray(members));
      assert.deepEqual(members[1], { required: ['name'] });
      assert.deepEqual(members[0], { $ref: '#/components/schemas/Base' });
      assert.equal(view.pointerOf.get(members[1] as object), '/components/schemas/S/allOf/1');
      assert.deepEqual(member, { required: ['id', 'name'] }, 'the document is not changed');
    });

    it('in a response the same names stay required', () => {
      const schema = { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['id'] }] };
      const view = buildSchemaView(documentWith({ ...shared, S: schema }), '3.0', 'response');
      assert.deepEqual(schemaOf(view, 'S'), schema);
    });
  });

  it('writeOnly is not required in a response, readOnly is', () => {
    const schema = {
      required: ['id', 'secret'],
      properties: { id: { readOnly: true }, secret: { writeOnly: true } },
    };
    const view = buildSchemaView(documentWith({ S: schema }), '3.1', 'response');
    assert.deepEqual(schemaOf(view, 'S').required, ['id']);
  });

  it('turns a discriminated oneOf into the discriminator keyword, and pointers still resolve', () => {
    const schema = {
      oneOf: [
        { $ref: '#/components/schemas/A' },
        { type: 'object', properties: { kind: { const: 'b' } } },
      ],
      discriminator: { propertyName: 'kind', mapping: { a: 'A' } },
    };
    const view = buildSchemaView(documentWith({ S: schema }), '3.1', 'request');
    const node = schemaOf(view, 'S');
    assert.equal(node.oneOf, undefined);
    assert.deepEqual(node[discriminatorKeyword], {
      pointer: '/components/schemas/S',
      propertyName: 'kind',
      kind: 'oneOf',
      mapping: { A: 0, a: 0 },
      explicit: ['a'],
      branches: schema.oneOf,
    });
    assert.equal(
      toViewPointer(view, '/components/schemas/S/oneOf/1/properties/kind'),
      `/components/schemas/S/${discriminatorKeyword}/branches/1/properties/kind`,
    );
  });

  it('notes formats and 3.1 nullable, and collects x- keywords', () => {
    const view = buildSchemaView(
      documentWith({ S: { type: 'string', format: 'uint', nullable: true, 'x-internal': true } }),
      '3.1',
      'request',
    );
    const node = schemaOf(view, 'S');
    assert.deepEqual(
      view.notesOf.get(node)?.map((note) => [note.check, note.pointer]),
      [
        ['format', '/components/schemas/S/format'],
        ['nullable', '/components/schemas/S/nullable'],
      ],
    );
    assert.deepEqual([...view.formats], ['uint']);
    assert.deepEqual([...view.extensionKeywords], ['x-internal']);
  });
});
