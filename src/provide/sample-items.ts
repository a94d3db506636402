import type { SchemaSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { derefLocal } from '../spec/index.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import type { Validator } from '../validate/index.ts';
import { isJsonContentType } from '../validate/media-type.ts';
import { fitSample } from './fit-sample.ts';
import { sampleSchema } from './sample-schema.ts';

/** How many items a generated sequence holds: enough to show it is a sequence. */
const generatedItems = 3;

/**
 * The items to send for an OAS 3.2 `itemSchema`: the item schema's own `examples` (or `example`),
 * else three generated items (made to fit the item schema with `validator`: see {@link fitSample}). A string property that holds JSON (`contentMediaType` JSON with a
 * `contentSchema`, as an event's `data` often does) gets JSON text generated from that schema.
 *
 * @example
 * sampleItems(document, { schema: { type: 'object', properties: { n: { type: 'integer' } } }, pointer: '' })
 * // { items: [{ n: 0 }, { n: 0 }, { n: 0 }], source: 'generated' }
 */
export function sampleItems(
  document: LoadedDocument,
  itemSchema: SchemaSpec,
  validator?: Pick<Validator, 'checkValue'>,
): { items: unknown[]; source: string } {
  const schema = derefLocal(document.document, itemSchema.schema);
  if (isJsonObject(schema)) {
    if (Array.isArray(schema.examples) && schema.examples.length > 0) {
      return { items: [...schema.examples], source: 'example:itemSchema' };
    }
    if (schema.example !== undefined)
      return { items: [schema.example], source: 'example:itemSchema' };
  }
  const raw = sampleSchema(document, itemSchema);
  const sampled = validator === undefined ? raw : fitSample(document, itemSchema, raw, validator);
  const item = withJsonContent(document, schema, itemSchema.pointer, sampled);
  return { items: Array.from({ length: generatedItems }, () => item), source: 'generated' };
}

/** Replaces each generated string property that declares JSON content by JSON text of its content schema. */
function withJsonContent(
  document: LoadedDocument,
  schema: unknown,
  pointer: string,
  value: unknown,
): unknown {
  if (!isJsonObject(schema) || !isJsonObject(schema.properties) || !isJsonObject(value)) {
    return value;
  }
  const filled: Record<string, unknown> = { ...value };
  for (const [name, written] of Object.entries(schema.properties)) {
    const property = derefLocal(document.document, written);
    if (
      !isJsonObject(property) ||
      typeof property.contentMediaType !== 'string' ||
      !isJsonContentType(property.contentMediaType) ||
      property.contentSchema === undefined ||
      !(name in filled)
    ) {
      continue;
    }
    const content = sampleSchema(document, {
      schema: property.contentSchema,
      pointer: appendPointer(pointer, 'properties', name, 'contentSchema'),
    });
    filled[name] = JSON.stringify(content ?? null);
  }
  return filled;
}
