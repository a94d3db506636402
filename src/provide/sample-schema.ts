import { sample } from 'openapi-sampler';
import type { SchemaSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';

/** Which way a generated value travels: requests leave out `readOnly`, responses `writeOnly`. */
export type SampleDirection = 'request' | 'response';

/**
 * Generates a value that fits a schema, with openapi-sampler.
 * The whole bundled document is handed over so internal `$ref`s resolve, and the sampler
 * reads its `openapi` field to apply 3.0 rules (`$ref` siblings ignored) or 3.1 rules.
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
  return sample(
    schema.schema,
    {
      quiet: true,
      skipReadOnly: direction === 'request',
      skipWriteOnly: direction === 'response',
    },
    document.document,
  );
}
