import { isJsonContentType } from '../../validate/media-type.ts';
import { mediaEssence } from '../serialize-body.ts';
import { readQuery } from './read-query.ts';

const decoder = new TextDecoder();

/**
 * Reads a request body as a value the way an API framework would: JSON (and `+json`) parsed,
 * `application/x-www-form-urlencoded` as an object of its fields, anything else as text.
 * JSON that does not parse stays text, so request validation can say what is wrong with it.
 *
 * @example
 * readRequestBody(new TextEncoder().encode('{"id":1}'), 'application/json') // { id: 1 }
 */
export function readRequestBody(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (bytes.length === 0) return undefined;
  const text = decoder.decode(bytes);
  if (isJsonContentType(contentType ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (mediaEssence(contentType ?? '') === 'application/x-www-form-urlencoded') {
    // Form fields repeat the way query parameters do.
    return readQuery(new URLSearchParams(text));
  }
  return text;
}
