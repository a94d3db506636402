import { UsageError } from '../errors.ts';
import type { MediaTypeSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { derefLocal } from '../spec/index.ts';
import type { Validator } from '../validate/index.ts';
import { generateValue } from './fit-sample.ts';
import { sampleItems } from './sample-items.ts';

/** A payload chosen for a media type and where it came from. */
export interface BuiltPayload {
  value: unknown;
  /** `example:<name>` for a declared example, `example:schema` for a schema's own, or `generated`. */
  source: string;
}

/**
 * Picks the payload to send for one media type: the named example when `options.example` is
 * given, else the first declared example (media type, then the schema's `example` / `examples`),
 * else a value generated from the schema (made to fit it with `options.validator`, the document's
 * validator, as `send` and `mock` do: see {@link fitSample}); for an OAS 3.2 `itemSchema` (and no `schema`), a list of
 * items (see {@link sampleItems}).
 *
 * @example
 * buildPayload(document, contract.operation.requestBody.content[0], { example: 'paid' })
 * // { value: { id: 'inv_1', paid: true }, source: 'example:paid' }
 */
export function buildPayload(
  document: LoadedDocument,
  media: MediaTypeSpec,
  options: { example?: string; validator?: Pick<Validator, 'checkValue'> } = {},
): BuiltPayload {
  if (options.example !== undefined) {
    const wanted = options.example;
    const found = media.examples.find((example) => example.name === wanted);
    if (found !== undefined) return { value: found.value, source: `example:${found.name}` };
    const names = media.examples.map((example) => example.name);
    throw new UsageError(
      names.length === 0
        ? `No example named "${wanted}": ${media.mediaType} at ${media.pointer} declares no named examples.`
        : `No example named "${wanted}" for ${media.mediaType} at ${media.pointer}; available: ${names.join(', ')}.`,
      {
        hint: 'Pass one of the listed names to --example, or leave --example out to use the first.',
      },
    );
  }
  const first = media.examples[0];
  if (first !== undefined) return { value: first.value, source: `example:${first.name}` };
  if (media.itemSchema !== undefined && media.schema === undefined) {
    const { items, source } = sampleItems(document, media.itemSchema, options.validator);
    return { value: items, source };
  }
  if (media.schema === undefined) return { value: undefined, source: 'generated' };
  const schemaExample = readSchemaExample(derefLocal(document.document, media.schema.schema));
  if (schemaExample.found) return { value: schemaExample.value, source: 'example:schema' };
  return { value: generateValue(document, media.schema, options.validator), source: 'generated' };
}

function readSchemaExample(schema: unknown): { found: true; value: unknown } | { found: false } {
  if (typeof schema !== 'object' || schema === null) return { found: false };
  if ('example' in schema && schema.example !== undefined) {
    return { found: true, value: schema.example };
  }
  if ('examples' in schema && Array.isArray(schema.examples) && schema.examples.length > 0) {
    return { found: true, value: schema.examples[0] };
  }
  return { found: false };
}
