import type { SchemaSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { appendPointer } from './json-pointer.ts';

/**
 * The `schema` (or, with `key`, a media type's OAS 3.2 `itemSchema`) of a parameter, header or
 * media type object, kept as written (a `$ref` stays a `$ref`) with its pointer, so validators
 * compile it against the document it lives in.
 */
export function readSchema(
  holder: JsonObject,
  pointer: string,
  key: 'schema' | 'itemSchema' = 'schema',
): SchemaSpec | undefined {
  const schema = holder[key];
  if (schema === undefined || schema === null) return undefined;
  if (typeof schema !== 'object' && typeof schema !== 'boolean') return undefined;
  return { schema, pointer: appendPointer(pointer, key) };
}
