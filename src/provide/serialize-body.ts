import { UsageError } from '../errors.ts';
import { isJsonContentType } from '../validate/media-type.ts';

/** Bytes to send and the `Content-Type` that describes them. */
export interface SerializedBody {
  body: Uint8Array;
  contentType: string;
}

const encoder = new TextEncoder();

/**
 * Turns a payload value into request bytes for a declared media type: JSON (`+json` and
 * `text/json` too), `application/x-www-form-urlencoded` and `text/*`. A wildcard media type such as
 * `application/*+json` or `*\/*` is sent as `application/json`.
 *
 * @example
 * serializeBody({ id: 1 }, 'application/json')
 * // { body: Uint8Array('{"id":1}'), contentType: 'application/json' }
 */
export function serializeBody(value: unknown, mediaType: string): SerializedBody {
  const essence = mediaEssence(mediaType);
  const contentType = concreteContentType(mediaType, essence);
  const concreteEssence = mediaEssence(contentType);
  if (value instanceof Uint8Array) return { body: value, contentType };
  if (isJsonContentType(contentType)) {
    // `undefined` has no JSON text; `null` is the closest body a JSON reader accepts.
    return { body: encoder.encode(JSON.stringify(value ?? null)), contentType };
  }
  if (concreteEssence === 'application/x-www-form-urlencoded') {
    return { body: encoder.encode(toFormUrlEncoded(value)), contentType };
  }
  if (concreteEssence.startsWith('text/') || typeof value === 'string') {
    return { body: encoder.encode(toText(value)), contentType };
  }
  throw new UsageError(
    `Cannot build a body of type ${mediaType}: only JSON, application/x-www-form-urlencoded and text bodies are built from the document's examples and schemas.`,
    {
      hint: 'Pass the exact bytes to send with --body <file>.',
    },
  );
}

/** The `type/subtype` part of a media type, lower-cased, without parameters. */
export function mediaEssence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

function concreteContentType(mediaType: string, essence: string): string {
  if (essence === '*/*' || essence === 'application/*' || essence === 'application/*+json') {
    return 'application/json';
  }
  if (essence === 'text/*') return 'text/plain';
  return mediaType.trim();
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function toFormUrlEncoded(value: unknown): string {
  const params = new URLSearchParams();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('A form-urlencoded body needs an object payload.', {
      hint: 'Give the media type an object schema or example, or pass --body <file>.',
    });
  }
  for (const [key, field] of Object.entries(value)) {
    // OpenAPI's default form style is `explode: true`: arrays repeat the key.
    const items = Array.isArray(field) ? field : [field];
    for (const item of items) {
      if (item === undefined) continue;
      params.append(
        key,
        typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item),
      );
    }
  }
  return params.toString();
}
