import type { MediaTypeSpec } from '../spec/contract.ts';

/** A parsed `Content-Type` / declared media type; names lower-cased. */
export interface MediaType {
  type: string;
  subtype: string;
  /** `type/subtype` without parameters, e.g. `application/json`. */
  essence: string;
  /** Structured syntax suffix (`json` for `application/vnd.api+json`). */
  suffix: string | undefined;
  parameters: Record<string, string>;
}

/**
 * Parses a media type; `undefined` when it is not `type/subtype`.
 * @example parseMediaType('application/json; charset=UTF-8')?.parameters.charset // 'UTF-8'
 */
export function parseMediaType(text: string): MediaType | undefined {
  const [head = '', ...rest] = text.split(';');
  const match = /^\s*([\w.+*-]+)\/([\w.+*-]+)\s*$/.exec(head);
  if (match === null) return undefined;
  const type = (match[1] ?? '').toLowerCase();
  const subtype = (match[2] ?? '').toLowerCase();
  const plus = subtype.lastIndexOf('+');
  const parameters: Record<string, string> = {};
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    parameters[name] = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return {
    type,
    subtype,
    essence: `${type}/${subtype}`,
    suffix: plus >= 0 ? subtype.slice(plus + 1) : undefined,
    parameters,
  };
}

/** True for `application/json`, `*\/*+json` suffixes and `application/json-seq`-free JSON types. */
export function isJsonMediaType(media: MediaType): boolean {
  return (
    media.essence === 'application/json' || media.suffix === 'json' || media.essence === 'text/json'
  );
}

/**
 * {@link isJsonMediaType} for a media type as written (`application/problem+json; charset=utf-8`);
 * false for text that is not a media type. The one meaning of "JSON" for building, reading and
 * checking bodies.
 * @example isJsonContentType('text/json') // true
 */
export function isJsonContentType(text: string): boolean {
  const media = parseMediaType(text);
  return media !== undefined && isJsonMediaType(media);
}

/** How specific a declared media type is: exact beats `+json` wildcard beats `type/*` beats `*\/*`. */
function rank(actual: MediaType, declared: MediaType): number {
  if (declared.essence === actual.essence) return 4;
  if (declared.type === actual.type && declared.subtype.startsWith('*+')) {
    return declared.suffix === actual.suffix ? 3 : 0;
  }
  if (declared.type === actual.type && declared.subtype === '*') return 2;
  if (declared.type === '*' && declared.subtype === '*') return 1;
  return 0;
}

/**
 * The declared media type a received content type falls under, most specific first;
 * parameters such as `charset` play no part.
 * @example matchMediaType('application/cloudevents+json', declared) // the `application/*+json` entry
 */
export function matchMediaType(
  actual: MediaType,
  declared: readonly MediaTypeSpec[],
): MediaTypeSpec | undefined {
  let best: MediaTypeSpec | undefined;
  let bestRank = 0;
  for (const candidate of declared) {
    const parsed = parseMediaType(candidate.mediaType);
    if (parsed === undefined) continue;
    const score = rank(actual, parsed);
    if (score > bestRank) {
      best = candidate;
      bestRank = score;
    }
  }
  return best;
}
