import type { ExampleSpec, SchemaSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';

/**
 * The examples of a parameter, header or media type object, in the order a payload builder
 * should prefer them: `examples` (named, `$ref`s followed, `externalValue`-only ones skipped),
 * then `example` (named `default`), then the schema's own `example` / `examples`.
 */
export function readExamples(
  document: JsonObject,
  holder: JsonObject,
  pointer: string,
  schema: SchemaSpec | undefined,
): ExampleSpec[] {
  const found: ExampleSpec[] = [];
  if (isJsonObject(holder.examples)) {
    for (const [name, written] of Object.entries(holder.examples)) {
      const example = followRef(document, written, appendPointer(pointer, 'examples', name));
      if (example === undefined || !isJsonObject(example.value)) continue;
      // 3.2 adds dataValue (the parsed value) next to value; either holds the payload.
      const key =
        'dataValue' in example.value ? 'dataValue' : 'value' in example.value ? 'value' : undefined;
      if (key === undefined) continue;
      found.push({ name, value: example.value[key], pointer: appendPointer(example.pointer, key) });
    }
  }
  if ('example' in holder && holder.example !== undefined) {
    found.push({
      name: 'default',
      value: holder.example,
      pointer: appendPointer(pointer, 'example'),
    });
  }
  if (schema !== undefined) found.push(...readSchemaExamples(document, schema));
  return found;
}

/** `example` and `examples` (a list, OAS 3.1 / JSON Schema) of a schema, `$ref` followed. */
function readSchemaExamples(document: JsonObject, schema: SchemaSpec): ExampleSpec[] {
  const located = followRef(document, schema.schema, schema.pointer);
  if (located === undefined || !isJsonObject(located.value)) return [];
  const found: ExampleSpec[] = [];
  const { value, pointer } = located;
  if (Array.isArray(value.examples)) {
    value.examples.forEach((item: unknown, index) => {
      found.push({
        name: `schema-${index + 1}`,
        value: item,
        pointer: appendPointer(pointer, 'examples', index),
      });
    });
  }
  if ('example' in value && value.example !== undefined) {
    found.push({
      name: 'schema',
      value: value.example,
      pointer: appendPointer(pointer, 'example'),
    });
  }
  return found;
}
