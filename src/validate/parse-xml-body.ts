import type { ResolveSchema } from '../spec/schema-properties.ts';
import { schemaTypes } from './coerce-parameter.ts';
import { decodeText } from './decode-text.ts';
import type { MediaType } from './media-type.ts';
import type { ParsedBody } from './parse-body.ts';
import { parseXmlDocument } from './parse-xml-document.ts';
import { readXmlValue } from './read-xml-value.ts';

/**
 * Reads an XML body into the JSON value its schema describes (see `readXmlValue`), decoded in
 * the `charset` of its content type, else the encoding its XML declaration names, else UTF-8.
 * A document that is not well-formed is `malformed`, with the line and column of the mistake; a
 * well-formed one whose schema is a string is that string.
 *
 * @example
 * parseXmlBody(bytes('<Pet id="7"/>'), parseMediaType('application/xml')!, petSchema, resolve)
 * // { kind: 'parsed', value: { id: 7 } }
 */
export function parseXmlBody(
  bytes: Uint8Array,
  media: MediaType,
  schema: unknown,
  resolve: ResolveSchema,
): ParsedBody {
  const decoded = decodeText(bytes, media.parameters.charset ?? declaredEncoding(bytes));
  if (!decoded.ok) return { kind: 'encoding', offset: decoded.offset };
  const document = parseXmlDocument(decoded.text);
  if (!document.ok) return { kind: 'malformed', reason: document.reason };
  // `type: string` for an XML media type describes the document itself (senders send a string
  // payload as written), so its `maxLength` or `pattern` applies to the text.
  const types = schemaTypes(resolve(schema));
  if (types.includes('string') && !types.includes('object') && !types.includes('array')) {
    return { kind: 'parsed', value: decoded.text };
  }
  return { kind: 'parsed', value: readXmlValue(document.root, schema, resolve) };
}

/** The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a body in bytes can be read in here.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(
    head,
  )?.[1];
}
