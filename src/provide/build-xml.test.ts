import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildXml } from './build-xml.ts';

const components: Record<string, unknown> = {
  Person: {
    type: 'object',
    properties: {
      id: { type: 'integer', format: 'int32', xml: { attribute: true } },
      name: {
        type: 'string',
        xml: { namespace: 'http://example.com/schema/sample', prefix: 'sample' },
      },
    },
  },
};

function resolve(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || !('$ref' in schema)) return schema;
  const ref = String(schema.$ref);
  return components[ref.slice('#/components/schemas/'.length)];
}

/** The XML without its declaration and without the indentation between elements. */
function compact(xml: string): string {
  return xml
    .replace(/^<\?xml[^>]*\?>/, '')
    .replace(/>\s+</g, '><')
    .trim();
}

/** A property named `animals` inside a root object, as the OAS examples are written. */
function animals(schema: unknown): unknown {
  return { type: 'object', properties: { animals: schema } };
}

// The examples of the OAS 3.0 / 3.1 specification's "XML Object Examples" section, each
// wrapped in a root object; `want` is the XML the specification shows for the property.
const table: Array<{ name: string; schema: unknown; value: unknown; want: string }> = [
  {
    name: 'no XML element: a string property',
    schema: animals({ type: 'string' }),
    value: { animals: '...' },
    want: '<animals>...</animals>',
  },
  {
    name: 'no XML element: a string array is not wrapped by default',
    schema: animals({ type: 'array', items: { type: 'string' } }),
    value: { animals: ['...', '...', '...'] },
    want: '<animals>...</animals><animals>...</animals><animals>...</animals>',
  },
  {
    name: 'XML name replacement',
    schema: animals({ type: 'string', xml: { name: 'animal' } }),
    value: { animals: '...' },
    want: '<animal>...</animal>',
  },
  {
    name: 'arrays: changing the element names',
    schema: animals({ type: 'array', items: { type: 'string', xml: { name: 'animal' } } }),
    value: { animals: ['value', 'value'] },
    want: '<animal>value</animal><animal>value</animal>',
  },
  {
    name: 'arrays: the external name has no effect unwrapped',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { name: 'aliens' },
    }),
    value: { animals: ['value', 'value'] },
    want: '<animal>value</animal><animal>value</animal>',
  },
  {
    name: 'arrays: wrapped without names uses the same name inside and out',
    schema: animals({ type: 'array', items: { type: 'string' }, xml: { wrapped: true } }),
    value: { animals: ['value', 'value'] },
    want: '<animals><animals>value</animals><animals>value</animals></animals>',
  },
  {
    name: 'arrays: wrapped with an item name',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { wrapped: true },
    }),
    value: { animals: ['value', 'value'] },
    want: '<animals><animal>value</animal><animal>value</animal></animals>',
  },
  {
    name: 'arrays: affecting both internal and external names',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { name: 'aliens', wrapped: true },
    }),
    value: { animals: ['value', 'value'] },
    want: '<aliens><animal>value</animal><animal>value</animal></aliens>',
  },
  {
    name: 'arrays: changing the external element but not the internal ones',
    schema: animals({
      type: 'array',
      items: { type: 'string' },
      xml: { name: 'aliens', wrapped: true },
    }),
    value: { animals: ['value', 'value'] },
    want: '<aliens><aliens>value</aliens><aliens>value</aliens></aliens>',
  },
];

describe('buildXml: the OAS XML Object Examples', () => {
  for (const { name, schema, value, want } of table) {
    it(name, () => {
      assert.equal(compact(buildXml(value, schema, resolve)), `<root>${want}</root>`);
    });
  }

  it('attribute, prefix and namespace: the root is named after the $ref component', () => {
    const xml = buildXml(
      { id: 123, name: 'example' },
      { $ref: '#/components/schemas/Person' },
      resolve,
    );
    assert.equal(
      compact(xml),
      '<Person id="123"><sample:name xmlns:sample="http://example.com/schema/sample">example</sample:name></Person>',
    );
  });
});

describe('buildXml: roots, escaping and composed schemas', () => {
  const table: Array<{ name: string; schema: unknown; value: unknown; want: string }> = [
    {
      name: "the root's own xml.name wins over the component name",
      schema: { type: 'object', xml: { name: 'pet' } },
      value: { id: 1 },
      want: '<pet><id>1</id></pet>',
    },
    {
      name: 'a root array is wrapped (several roots are not a document)',
      schema: { type: 'array', items: { type: 'integer', xml: { name: 'n' } } },
      value: [1, 2],
      want: '<root><n>1</n><n>2</n></root>',
    },
    {
      name: 'text and attribute values are escaped',
      schema: { type: 'object', properties: { q: { type: 'string', xml: { attribute: true } } } },
      value: { q: 'a"<b', text: 'x & <y>' },
      want: '<root q="a&quot;&lt;b"><text>x &amp; &lt;y&gt;</text></root>',
    },
    {
      name: 'properties of allOf members keep their xml hints; nested objects nest',
      schema: {
        allOf: [
          { properties: { id: { type: 'integer', xml: { attribute: true } } } },
          { properties: { owner: { type: 'object', properties: { name: { type: 'string' } } } } },
        ],
      },
      value: { id: 7, owner: { name: 'Ann' } },
      want: '<root id="7"><owner><name>Ann</name></owner></root>',
    },
    {
      name: 'a namespace without a prefix is the default namespace; null is an empty element',
      schema: { type: 'object', xml: { namespace: 'urn:x' } },
      value: { gone: null },
      want: '<root xmlns="urn:x"><gone></gone></root>',
    },
    {
      name: 'keys that are not XML names are made legal',
      schema: { type: 'object' },
      value: { '2fa': true, 'first name': 'A' },
      want: '<root><_2fa>true</_2fa><first_name>A</first_name></root>',
    },
  ];
  for (const { name, schema, value, want } of table) {
    it(name, () => {
      assert.equal(compact(buildXml(value, schema, resolve)), want);
    });
  }

  it('starts with an XML declaration and indents', () => {
    assert.equal(
      buildXml({ a: 1 }, { type: 'object' }, resolve),
      '<?xml version="1.0" encoding="UTF-8"?>\n<root>\n  <a>1</a>\n</root>\n',
    );
  });
});
