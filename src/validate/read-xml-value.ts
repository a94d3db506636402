import { isJsonObject } from '../spec/is-json-object.ts';
import { type ResolveSchema, schemaProperties } from '../spec/schema-properties.ts';
import { readXmlHints, type XmlHints, xmlName } from '../spec/xml-hints.ts';
import { coerceScalar, schemaTypes } from './coerce-parameter.ts';
import type { XmlAttribute, XmlElement } from './parse-xml-document.ts';

/** What a schema says about the value, its `allOf` / `anyOf` / `oneOf` members included. */
interface Shape {
  types: string[];
  items: unknown;
  required: Set<string>;
  nullable: boolean;
}

const xsiNamespace = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Turns an XML element into the JSON value its schema describes, reading the schema's OAS XML
 * Objects the way `buildXml` writes them: a property is the child element named by its
 * `xml.name` (else its own name), or with `xml.attribute` the attribute so named; an array is
 * every child element of its items' name, or with `xml.wrapped` the items inside one element of
 * the array's name; a property with an `xml.namespace` matches only elements in that namespace.
 * Text becomes the schema's type (integer, number, boolean) and an array stays an array with one
 * item. What the schema does not describe is kept (element text, or an object of its children) so
 * the schema check can name it.
 *
 * @example
 * readXmlValue(root, { type: 'object', properties: { id: { type: 'integer', xml: { attribute: true } } } }, resolve)
 * // { id: 7 } for <Pet id="7"/>
 */
export function readXmlValue(
  element: XmlElement,
  schema: unknown,
  resolve: ResolveSchema,
): unknown {
  return readNode(element, schema, createSchemas(resolve));
}

/** Schema lookups made once per schema object for a whole document (items repeat them). */
interface Schemas {
  resolve: ResolveSchema;
  shape(schema: unknown): Shape;
  properties(schema: unknown): Record<string, unknown>;
}

function createSchemas(resolve: ResolveSchema): Schemas {
  const shapes = new Map<unknown, Shape>();
  const properties = new Map<unknown, Record<string, unknown>>();
  return {
    resolve,
    shape(schema) {
      let shape = shapes.get(schema);
      if (shape === undefined) {
        shape = shapeOf(schema, resolve);
        shapes.set(schema, shape);
      }
      return shape;
    },
    properties(schema) {
      let found = properties.get(schema);
      if (found === undefined) {
        found = schemaProperties(schema, resolve);
        properties.set(schema, found);
      }
      return found;
    },
  };
}

function readNode(element: XmlElement, schema: unknown, schemas: Schemas): unknown {
  const resolved = schemas.resolve(schema);
  if (isNil(element)) return null;
  const shape = schemas.shape(resolved);
  if (shape.types.includes('array')) {
    // An array read from one element is a wrapper (the root, a wrapped property, an item that
    // is itself an array): every child element is an item, whatever its name. Bare text is
    // kept as it is, for the type check to say it is not a list.
    if (element.children.length === 0 && element.text.trim() !== '') return element.text;
    return element.children.map((child) => readNode(child, shape.items, schemas));
  }
  const objectLike =
    shape.types.includes('object') || Object.keys(schemas.properties(resolved)).length > 0;
  if (element.children.length === 0) {
    const text = element.text;
    const plainText = !objectLike || (text.trim() !== '' && ownAttributes(element).length === 0);
    if (plainText) return readText(text, shape);
  }
  return readObject(element, resolved, shape, schemas);
}

function readObject(
  element: XmlElement,
  schema: unknown,
  shape: Shape,
  schemas: Schemas,
): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  const usedElements = new Set<XmlElement>();
  const usedAttributes = new Set<XmlAttribute>();
  const unused = (child: XmlElement): boolean => !usedElements.has(child);
  const properties = schemas.properties(schema);
  for (const [key, written] of Object.entries(properties)) {
    const property = schemas.resolve(written);
    const hints = readXmlHints(property);
    const propertyShape = schemas.shape(property);
    const array = propertyShape.types.includes('array');
    const structured = array || propertyShape.types.includes('object');
    if (hints.attribute && !structured) {
      const attribute = element.attributes.find((item) => matches(item, hints.name ?? key, hints));
      if (attribute === undefined) continue;
      usedAttributes.add(attribute);
      entries.push([key, readText(attribute.value, propertyShape)]);
      continue;
    }
    if (array && !hints.wrapped) {
      // Unwrapped items are siblings named after the items (else the property); the array's
      // own `xml.name` has no effect (OAS "XML Object Examples").
      const itemHints = readXmlHints(schemas.resolve(propertyShape.items));
      const items = element.children.filter(
        (child) => unused(child) && matches(child, itemHints.name ?? key, itemHints),
      );
      for (const item of items) usedElements.add(item);
      // No element is how an empty unwrapped array is written; absent only if it may be.
      if (items.length === 0 && !shape.required.has(key)) continue;
      entries.push([key, items.map((item) => readNode(item, propertyShape.items, schemas))]);
      continue;
    }
    const found = element.children.filter(
      (child) => unused(child) && matches(child, hints.name ?? key, hints),
    );
    for (const child of found) usedElements.add(child);
    const [first] = found;
    if (first === undefined) continue;
    // Several elements for one property (a wrapper included) stay a list: the type check then
    // says so.
    entries.push([
      key,
      found.length === 1
        ? readNode(first, written, schemas)
        : found.map((child) => readNode(child, written, schemas)),
    ]);
  }
  const taken = new Set(entries.map(([key]) => key));
  const additional = isJsonObject(schema) ? schema.additionalProperties : undefined;
  const others = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    // An element with a declared property's name that did not match it (another namespace)
    // is not that property, and cannot be told apart from it in the value: it is left out.
    if (!unused(child) || taken.has(child.name) || Object.hasOwn(properties, child.name)) continue;
    const group = others.get(child.name);
    if (group === undefined) others.set(child.name, [child]);
    else group.push(child);
  }
  for (const [name, children] of others) {
    const values = children.map((child) => readNode(child, additional, schemas));
    entries.push([name, values.length === 1 ? values[0] : values]);
    taken.add(name);
  }
  // An attribute nobody declared is kept (for `additionalProperties: false` to see), unless it
  // carries the name of a declared property: that property is an element, and missing.
  for (const attribute of ownAttributes(element)) {
    if (usedAttributes.has(attribute) || taken.has(attribute.name)) continue;
    if (Object.hasOwn(properties, attribute.name)) continue;
    entries.push([attribute.name, attribute.value]);
    taken.add(attribute.name);
  }
  return Object.fromEntries(entries);
}

/** Text as the first listed type it converts to; numbers and booleans ignore surrounding space. */
function readText(text: string, shape: Shape): unknown {
  if (shape.nullable && text === '') return null;
  if (shape.types.length === 0 || shape.types[0] === 'string') return text;
  const trimmed = text.trim();
  const value = coerceScalar(trimmed, shape.types);
  return value === trimmed && shape.types.includes('string') ? text : value;
}

/** Does an element or attribute carry this name, in the namespace the hints ask for (if any)? */
function matches(node: XmlElement | XmlAttribute, name: string, hints: XmlHints): boolean {
  if (node.local !== name && node.local !== xmlName(name) && node.name !== name) return false;
  return hints.namespace === undefined || node.namespace === hints.namespace;
}

/** Attributes other than namespace declarations and `xsi:` / `xml:` ones. */
function ownAttributes(element: XmlElement): XmlAttribute[] {
  return element.attributes.filter(
    (attribute) =>
      attribute.name !== 'xmlns' &&
      !attribute.name.startsWith('xmlns:') &&
      attribute.namespace !== xsiNamespace &&
      !attribute.name.startsWith('xml:'),
  );
}

/** `xsi:nil="true"`: the XML Schema way of writing null. */
function isNil(element: XmlElement): boolean {
  return element.attributes.some(
    (attribute) =>
      attribute.local === 'nil' &&
      attribute.namespace === xsiNamespace &&
      (attribute.value.trim() === 'true' || attribute.value.trim() === '1'),
  );
}

function shapeOf(schema: unknown, resolve: ResolveSchema): Shape {
  const shape: Shape = { types: [], items: undefined, required: new Set(), nullable: false };
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    const resolved = resolve(value);
    if (!isJsonObject(resolved) || seen.has(resolved)) return;
    seen.add(resolved);
    for (const type of schemaTypes(resolved)) {
      if (!shape.types.includes(type)) shape.types.push(type);
    }
    if (shape.items === undefined && resolved.items !== undefined) shape.items = resolved.items;
    if (Array.isArray(resolved.required)) {
      for (const name of resolved.required) if (typeof name === 'string') shape.required.add(name);
    }
    // OAS 3.0 `nullable`; 3.1 says `type: [..., 'null']`, which coerceScalar reads.
    if (resolved.nullable === true) shape.nullable = true;
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const members = resolved[keyword];
      if (Array.isArray(members)) for (const member of members) visit(member);
    }
  };
  visit(schema);
  if (shape.types.includes('null') && !shape.nullable) shape.nullable = true;
  return shape;
}
