import { sample } from 'openapi-sampler';
import { UsageError } from '../errors.ts';
import type { SchemaSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';

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
  try {
    return sample(
      schema.schema,
      {
        quiet: true,
        skipReadOnly: direction === 'request',
        skipWriteOnly: direction === 'response',
      },
      document.document,
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
  }
}
