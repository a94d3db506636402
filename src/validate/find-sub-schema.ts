import type { SchemaSpec } from '../spec/contract.ts';
import type { JsonObject } from '../spec/document.ts';
import { followRef } from '../spec/follow-ref.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { appendPointer, splitPointer } from '../spec/json-pointer.ts';

/**
 * The schema describing the value at a JSON pointer inside values of `schema`
 * (through `properties`, `items` and `allOf`), or `undefined` when the schema does not say.
 * @example findSubSchema(doc, invoiceSchema, '/customer/id') // the schema of `customer.id`
 */
export function findSubSchema(
  document: JsonObject,
  schema: SchemaSpec,
  pointer: string,
): SchemaSpec | undefined {
  const tokens = splitPointer(pointer);
  if (tokens === undefined) return undefined;
  let current: SchemaSpec | undefined = schema;
  for (const token of tokens) {
    if (current === undefined) return undefined;
    current = step(document, current, token, 0);
  }
  return current;
}

function step(
  document: JsonObject,
  schema: SchemaSpec,
  token: string,
  depth: number,
): SchemaSpec | undefined {
  if (depth > 8) return undefined;
  const located = followRef(document, schema.schema, schema.pointer);
  if (located === undefined || !isJsonObject(located.value)) return undefined;
  const node = located.value;
  if (isJsonObject(node.properties) && node.properties[token] !== undefined) {
    return {
      schema: node.properties[token],
      pointer: appendPointer(located.pointer, 'properties', token),
    };
  }
  if (/^\d+$/.test(token) && node.items !== undefined && !Array.isArray(node.items)) {
    return { schema: node.items, pointer: appendPointer(located.pointer, 'items') };
  }
  if (Array.isArray(node.allOf)) {
    for (const [index, branch] of node.allOf.entries()) {
      const found = step(
        document,
        { schema: branch, pointer: appendPointer(located.pointer, 'allOf', index) },
        token,
        depth + 1,
      );
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
