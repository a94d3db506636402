import type { SchemaSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { appendPointer } from './json-pointer.ts';

/**
 * The `schema` of a parameter, header or media type object, kept as written (a `$ref` stays a
 * `$ref`) with its pointer, so validators compile it against the document it lives in.
 */
export function readSchema(holder: JsonObject, pointer: string): SchemaSpec | undefined {
  const schema = holder.schema;
  if (schema === undefined || schema === null) return undefined;
  if (typeof schema !== 'object' && typeof schema !== 'boolean') return undefined;
  return { schema, pointer: appendPointer(pointer, 'schema') };
}
