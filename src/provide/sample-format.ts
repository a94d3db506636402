import { sample } from 'openapi-sampler';

/** Formats the validator checks that openapi-sampler has no sample for. */
const extraFormats: Record<string, unknown> = {
  url: 'https://example.com',
  duration: 'P1D',
  byte: 'U3dhZ2dlciByb2Nrcw==',
  'iso-time': '14:15:22Z',
  'iso-date-time': '2019-08-24T14:15:22Z',
  'json-pointer-uri-fragment': '#/',
  int32: 0,
  int64: 0,
  float: 0,
  double: 0,
};

/** The sampler's stand-in for a format it does not know. */
const unknownSample = 'string';

/**
 * A value valid for a schema `format`, or `undefined` when there is none to give.
 *
 * @example
 * sampleFormat('date-time') // '2019-08-24T14:15:22Z'
 */
export function sampleFormat(format: string): unknown {
  const extra = extraFormats[format];
  if (extra !== undefined) return extra;
  const value: unknown = sample({ type: 'string', format }, { quiet: true });
  return value === unknownSample ? undefined : value;
}
