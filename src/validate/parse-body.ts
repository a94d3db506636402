import { isJsonObject } from '../spec/is-json-object.ts';
import { schemaProperties } from '../spec/schema-properties.ts';
import { coerceScalar, schemaTypes } from './coerce-parameter.ts';
import { decodeText } from './decode-text.ts';
import { isXmlMediaType } from './is-xml-media-type.ts';
import { isJsonMediaType, type MediaType } from './media-type.ts';
import { parseMultipart } from './parse-multipart.ts';
import { parseXmlBody } from './parse-xml-body.ts';

/** A body read per its content type. */
export type ParsedBody =
  | { kind: 'parsed'; value: unknown }
  /** A media type the tool does not read (binary…): the schema is not applied. */
  | { kind: 'opaque' }
  | { kind: 'encoding'; offset: number }
  | { kind: 'malformed'; reason: string };

/**
 * Reads a body: JSON (and `+json`), `application/x-www-form-urlencoded` → object,
 * `multipart/form-data` → object of fields (best effort), XML (`application/xml`, `text/xml`,
 * `+xml`) → the value its schema's XML Objects describe, `text/*` → string.
 * Form fields are converted to the types the (resolved) schema gives their properties.
 */
export function parseBody(
  bytes: Uint8Array,
  media: MediaType,
  schema: unknown,
  resolve: (value: unknown) => unknown,
): ParsedBody {
  const json = isJsonMediaType(media);
  const form = media.essence === 'application/x-www-form-urlencoded';
  const multipart = media.essence === 'multipart/form-data';
  if (isXmlMediaType(media)) return parseXmlBody(bytes, media, schema, resolve);
  if (!json && !form && !multipart && media.type !== 'text') return { kind: 'opaque' };
  if (multipart) {
    const boundary = media.parameters.boundary;
    if (boundary === undefined || boundary === '') {
      return { kind: 'malformed', reason: 'multipart/form-data without a boundary parameter' };
    }
    const fields = parseMultipart(bytes, boundary);
    if (fields === undefined)
      return { kind: 'malformed', reason: `no part delimited by boundary "${boundary}"` };
    return { kind: 'parsed', value: typeFields(fields, schema, resolve) };
  }
  const decoded = decodeText(bytes, json ? undefined : media.parameters.charset);
  if (!decoded.ok) return { kind: 'encoding', offset: decoded.offset };
  const text = decoded.text;
  if (json) {
    try {
      return { kind: 'parsed', value: JSON.parse(text) };
    } catch (error) {
      return { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  if (form) {
    const fields = new Map<string, string[]>();
    for (const [name, value] of new URLSearchParams(text)) {
      fields.set(name, [...(fields.get(name) ?? []), value]);
    }
    return { kind: 'parsed', value: typeFields(fields, schema, resolve) };
  }
  return { kind: 'parsed', value: text };
}

function typeFields(
  fields: Map<string, string[]>,
  schema: unknown,
  resolve: (value: unknown) => unknown,
): Record<string, unknown> {
  // Properties of `allOf` members count too: composed objects (`Cat: allOf: [Pet, …]`) are common.
  const properties = schemaProperties(schema, resolve);
  const object: Record<string, unknown> = {};
  for (const [name, values] of fields) {
    const property = resolve(properties[name]);
    const types = schemaTypes(property);
    if (types.includes('array')) {
      const items = isJsonObject(property) ? resolve(property.items) : undefined;
      const itemTypes = schemaTypes(items);
      // An object item travels as a JSON part of its own (OAS's default for objects).
      object[name] = values.map((value) =>
        itemTypes.includes('object') ? readJson(value) : coerceScalar(value, itemTypes),
      );
    } else if (types.includes('object') && values.length === 1) {
      object[name] = readJson(values[0] ?? '');
    } else {
      object[name] = values.length === 1 ? coerceScalar(values[0] ?? '', types) : values;
    }
  }
  return object;
}

/** JSON text as its value; anything else stays the text, for the schema check to describe. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
