import { sample } from 'openapi-sampler';
import { UsageError } from '../errors.ts';
import type { SchemaSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../spec/document.ts';
import { isJsonObject } from '../spec/is-json-object.ts';

/** Which way a generated value travels: requests leave out `readOnly`, responses `writeOnly`. */
export type SampleDirection = 'request' | 'response';

/**
 * Generates a value that fits a schema, with openapi-sampler.
 * The whole bundled document is handed over so internal `$ref`s resolve, and the sampler
 * reads its `openapi` field to apply 3.0 rules (`$ref` siblings ignored) or 3.1 rules.
 * A schema the sampler cannot follow is a `UsageError` naming where it is.
 *
 * @example
 * sampleSchema(document, { schema: { type: 'object', properties: { id: { type: 'integer' } } }, pointer: '' })
 * // { id: 0 }
 */
export function sampleSchema(
  document: LoadedDocument,
  schema: SchemaSpec,
  options: { direction?: SampleDirection } = {},
): unknown {
  const direction = options.direction ?? 'request';
  if (typeof schema.schema === 'boolean' || schema.schema === null) {
    // `true` / `{}` accept anything; an empty object is as good a sample as any.
    return schema.schema === false ? undefined : {};
  }
  if (typeof schema.schema !== 'object') return undefined;
  const reordered = nullLast(schema.schema);
  // The sampler prints some warnings with console.warn even when `quiet` (an allOf of
  // different types); library code never prints, so they are muted for the synchronous call.
  const warn = console.warn;
  console.warn = () => {};
  try {
    return sample(
      isJsonObject(reordered) ? reordered : schema.schema,
      {
        quiet: true,
        skipReadOnly: direction === 'request',
        skipWriteOnly: direction === 'response',
      },
      samplerView(document.document),
    );
  } catch (error) {
    // The sampler throws plain errors on schemas it cannot follow (a `$ref` that is not a
    // pointer, or points into nothing); the spec is at fault, not the tool.
    throw new UsageError(
      `Cannot generate a value from the schema at ${schema.pointer} of ${document.source}: ${error instanceof Error ? error.message : String(error)}.`,
      {
        hint: 'Fix that schema, or declare an example there (examples are sent as they are).',
        cause: error,
      },
    );
  } finally {
    console.warn = warn;
  }
}

const views = new WeakMap<object, JsonObject>();

/** The document as the sampler gets it (see {@link nullLast}), built once per document. */
function samplerView(document: JsonObject): JsonObject {
  let view = views.get(document);
  if (view === undefined) {
    const reordered = nullLast(document);
    view = isJsonObject(reordered) ? reordered : document;
    views.set(document, view);
  }
  return view;
}

/** Keywords whose values are data, not schemas: an `anyOf` key in there is a payload's own. */
const dataKeywords = new Set(['example', 'examples', 'default', 'const', 'enum']);

/**
 * A copy in which every `anyOf` / `oneOf` lists its null-only members (`{ type: 'null' }`) last.
 * The sampler generates from the first member and merges that into the parent's sample; a `null`
 * merged that way becomes `{}` (GitHub's `anyOf: [{ type: 'null' }, { $ref: simple-user }]` gave
 * `{}` where a user object, or `null`, is required). Order means nothing to validation.
 */
function nullLast(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Shared and (in a document passed as an object) cyclic parts are copied once.
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    copies.set(value, items);
    for (const item of value) items.push(nullLast(item, copies));
    return items;
  }
  const copy: JsonObject = {};
  copies.set(value, copy);
  for (const [key, child] of Object.entries(value)) {
    if (dataKeywords.has(key)) copy[key] = child;
    else if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(child)) {
      const members = child.map((member) => nullLast(member, copies));
      copy[key] = [
        ...members.filter((member) => !isNullOnly(member)),
        ...members.filter(isNullOnly),
      ];
    } else copy[key] = nullLast(child, copies);
  }
  return copy;
}

function isNullOnly(schema: unknown): boolean {
  if (!isJsonObject(schema)) return false;
  const type = schema.type;
  return type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
}
