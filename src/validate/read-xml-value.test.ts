import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildXml } from '../provide/build-xml.ts';
import { parseXmlDocument } from './parse-xml-document.ts';
import { readXmlValue } from './read-xml-value.ts';

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
  Tag: { type: 'object', properties: { name: { type: 'string' } }, xml: { name: 'tag' } },
  Pet: {
    type: 'object',
    required: ['name'],
    properties: {
      id: { type: 'integer', xml: { attribute: true } },
      name: { type: 'string' },
      tags: { type: 'array', xml: { wrapped: true }, items: { $ref: '#/components/schemas/Tag' } },
    },
  },
  Node: {
    type: 'object',
    properties: {
      label: { type: 'string' },
      child: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
    },
  },
};

function resolve(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || !('$ref' in schema)) return schema;
  return components[String(schema.$ref).slice('#/components/schemas/'.length)];
}

function read(xml: string, schema: unknown): unknown {
  const document = parseXmlDocument(xml);
  assert.ok(document.ok, document.ok ? '' : document.reason);
  return readXmlValue(document.root, schema, resolve);
}

/** A property named `animals` inside a root object, as the OAS examples are written. */
function animals(schema: unknown): unknown {
  return { type: 'object', properties: { animals: schema } };
}

// The OAS 3.0 / 3.1 "XML Object Examples" read backwards: each XML the specification shows
// (inside a root element) reads back to the value it was written from.
const examples: Array<{ name: string; schema: unknown; xml: string; want: unknown }> = [
  {
    name: 'no XML element: a string property',
    schema: animals({ type: 'string' }),
    xml: '<animals>...</animals>',
    want: { animals: '...' },
  },
  {
    name: 'no XML element: an unwrapped string array',
    schema: animals({ type: 'array', items: { type: 'string' } }),
    xml: '<animals>...</animals><animals>...</animals><animals>...</animals>',
    want: { animals: ['...', '...', '...'] },
  },
  {
    name: 'XML name replacement',
    schema: animals({ type: 'string', xml: { name: 'animal' } }),
    xml: '<animal>...</animal>',
    want: { animals: '...' },
  },
  {
    name: 'arrays: changing the element names',
    schema: animals({ type: 'array', items: { type: 'string', xml: { name: 'animal' } } }),
    xml: '<animal>value</animal><animal>value</animal>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'arrays: the external name has no effect unwrapped',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { name: 'aliens' },
    }),
    xml: '<animal>value</animal><animal>value</animal>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'arrays: wrapped without names uses the same name inside and out',
    schema: animals({ type: 'array', items: { type: 'string' }, xml: { wrapped: true } }),
    xml: '<animals><animals>value</animals><animals>value</animals></animals>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'arrays: wrapped with an item name',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { wrapped: true },
    }),
    xml: '<animals><animal>value</animal><animal>value</animal></animals>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'arrays: affecting both internal and external names',
    schema: animals({
      type: 'array',
      items: { type: 'string', xml: { name: 'animal' } },
      xml: { name: 'aliens', wrapped: true },
    }),
    xml: '<aliens><animal>value</animal><animal>value</animal></aliens>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'arrays: changing the external element but not the internal ones',
    schema: animals({
      type: 'array',
      items: { type: 'string' },
      xml: { name: 'aliens', wrapped: true },
    }),
    xml: '<aliens><aliens>value</aliens><aliens>value</aliens></aliens>',
    want: { animals: ['value', 'value'] },
  },
  {
    name: 'attribute, prefix and namespace (the Person example)',
    schema: { $ref: '#/components/schemas/Person' },
    xml: '<Person id="123"><sample:name xmlns:sample="http://example.com/schema/sample">example</sample:name></Person>',
    want: { id: 123, name: 'example' },
  },
];

describe('readXmlValue: the OAS XML Object Examples, read back', () => {
  for (const { name, schema, xml, want } of examples) {
    it(name, () => {
      const wrapped = xml.startsWith('<Person') ? xml : `<root>${xml}</root>`;
      assert.deepEqual(read(wrapped, schema), want);
      // And what buildXml writes for the value reads back to it too.
      assert.deepEqual(read(buildXml(want, schema, resolve), schema), want);
    });
  }
});

const table: Array<{ name: string; schema: unknown; xml: string; want: unknown }> = [
  {
    name: 'text becomes the schema type: integer, number, boolean; strings keep their spaces',
    schema: {
      type: 'object',
      properties: {
        n: { type: 'integer' },
        x: { type: 'number' },
        ok: { type: 'boolean' },
        s: { type: 'string' },
      },
    },
    xml: '<r><n> 42 </n><x>-1.5e2</x><ok>false</ok><s> a b </s></r>',
    want: { n: 42, x: -150, ok: false, s: ' a b ' },
  },
  {
    name: 'text that does not convert stays text, for the type check to name',
    schema: { type: 'object', properties: { n: { type: 'integer' }, ok: { type: 'boolean' } } },
    xml: '<r><n>4.5</n><ok>yes</ok></r>',
    want: { n: '4.5', ok: 'yes' },
  },
  {
    name: 'an array with one element is still an array, unwrapped or wrapped',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'array', items: { type: 'integer' } },
        tags: { type: 'array', xml: { wrapped: true }, items: { type: 'string' } },
      },
    },
    xml: '<r><id>7</id><tags><tag>a</tag></tags></r>',
    want: { id: [7], tags: ['a'] },
  },
  {
    name: "$refs are followed; items named by their component's xml.name; attributes typed",
    schema: { $ref: '#/components/schemas/Pet' },
    xml: '<Pet id="3"><name>Rex</name><tags><tag><name>good</name></tag><tag><name>dog</name></tag></tags></Pet>',
    want: { id: 3, name: 'Rex', tags: [{ name: 'good' }, { name: 'dog' }] },
  },
  {
    name: "allOf members' properties and their xml hints count",
    schema: {
      allOf: [
        { $ref: '#/components/schemas/Person' },
        { properties: { age: { type: 'integer' }, nick: { type: 'string', xml: { name: 'n' } } } },
      ],
    },
    xml: '<p id="9"><age>30</age><n>Al</n></p>',
    want: { id: 9, age: 30, nick: 'Al' },
  },
  {
    name: 'recursive schemas read one level per element',
    schema: { $ref: '#/components/schemas/Node' },
    xml: '<Node><label>a</label><child><label>b</label><child><label>c</label></child></child></Node>',
    want: { label: 'a', child: [{ label: 'b', child: [{ label: 'c' }] }] },
  },
  {
    name: 'a root array: every child element is an item',
    schema: { type: 'array', items: { type: 'integer' } },
    xml: '<list><n>1</n><n>2</n></list>',
    want: [1, 2],
  },
  {
    name: 'elements and attributes the schema does not declare are kept, repeated ones as a list',
    schema: { type: 'object', properties: { id: { type: 'integer' } } },
    xml: '<r extra="x" xmlns:a="urn:a"><id>1</id><note>n</note><see>1</see><see>2</see></r>',
    want: { id: 1, note: 'n', see: ['1', '2'], extra: 'x' },
  },
  {
    name: 'undeclared elements are read with additionalProperties',
    schema: { type: 'object', additionalProperties: { type: 'integer' } },
    xml: '<r><a>1</a><b>x</b></r>',
    want: { a: 1, b: 'x' },
  },
  {
    name: 'an attribute standing in for an element property is not that property',
    schema: { type: 'object', properties: { id: { type: 'integer' } } },
    xml: '<r id="1"/>',
    want: {},
  },
  {
    name: 'a namespaced property matches its namespace under any prefix, and no other',
    schema: {
      type: 'object',
      properties: {
        a: { type: 'string', xml: { namespace: 'urn:a', prefix: 'a' } },
        b: { type: 'string', xml: { namespace: 'urn:b' } },
      },
    },
    xml: '<r xmlns:x="urn:a" xmlns:y="urn:other"><x:a>yes</x:a><y:b>no</y:b></r>',
    want: { a: 'yes', 'y:b': 'no' },
  },
  {
    name: 'a default namespace on the root does not hide properties without one',
    schema: { type: 'object', properties: { n: { type: 'integer' } } },
    xml: '<r xmlns="urn:r"><n>5</n></r>',
    want: { n: 5 },
  },
  {
    name: 'a required unwrapped array with no element is empty; an optional one is absent',
    schema: {
      type: 'object',
      required: ['must'],
      properties: {
        must: { type: 'array', items: { type: 'string' } },
        may: { type: 'array', items: { type: 'string' } },
      },
    },
    xml: '<r/>',
    want: { must: [] },
  },
  {
    name: 'null: an empty nullable element, and xsi:nil',
    schema: {
      type: 'object',
      properties: {
        a: { type: 'integer', nullable: true },
        b: { type: ['string', 'null'] },
        c: { type: 'object' },
      },
    },
    xml: '<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><a/><b></b><c xsi:nil="true"/></r>',
    want: { a: null, b: null, c: null },
  },
  {
    name: 'a scalar with child elements, or several elements for one, stays as sent',
    schema: { type: 'object', properties: { s: { type: 'string' }, n: { type: 'integer' } } },
    xml: '<r><s><i>x</i></s><n>1</n><n>2</n></r>',
    want: { s: { i: 'x' }, n: [1, 2] },
  },
  {
    name: 'an object sent as bare text stays text; a wrapped array sent as text too',
    schema: {
      type: 'object',
      properties: {
        o: { type: 'object', properties: { k: { type: 'string' } } },
        l: { type: 'array', xml: { wrapped: true }, items: { type: 'string' } },
      },
    },
    xml: '<r><o>flat</o><l>flat</l></r>',
    want: { o: 'flat', l: 'flat' },
  },
  {
    name: 'CDATA and entities are text; keys made legal by buildXml read back',
    schema: { type: 'object', properties: { 'first name': { type: 'string' } } },
    xml: '<r><first_name>a &amp; b &#233; <![CDATA[<&amp;>]]></first_name></r>',
    want: { 'first name': 'a & b é <&amp;>' },
  },
  {
    name: 'no schema: children become an object, leaves text',
    schema: undefined,
    xml: '<r><a>1</a><b><c>2</c></b></r>',
    want: { a: '1', b: { c: '2' } },
  },
];

describe('readXmlValue: types, composition, namespaces and what the schema does not describe', () => {
  for (const { name, schema, xml, want } of table) {
    it(name, () => assert.deepEqual(read(xml, schema), want));
  }
});
