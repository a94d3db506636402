import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { type ResolveSchema, schemaProperties } from '../spec/schema-properties.ts';
import { isJsonContentType } from '../validate/media-type.ts';
import type { SerializedBody } from './serialize-body.ts';

/** What {@link buildMultipart} reads besides the value. */
export interface MultipartOptions {
  /** Follows `$ref`s in the schema and in the Encoding Objects. */
  resolve: ResolveSchema;
  /** The media type's `encoding` object as written: per property `contentType` and `headers`. */
  encoding?: unknown;
  /** The value of one header an Encoding Object declares (its example, else one generated). */
  headerValue?: (header: unknown, name: string) => unknown;
  /** Fixed boundary (tests); default a random one. */
  boundary?: string;
}

const encoder = new TextEncoder();

/** File name extensions for the content types file parts most often carry. */
const extensions: Record<string, string> = {
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/xml': 'xml',
  'application/zip': 'zip',
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'text/csv': 'csv',
  'text/plain': 'txt',
};

/**
 * Builds a `multipart/form-data` body from an object: one part per property (an array, one part
 * per item), named in its `Content-Disposition`. A part's `Content-Type` is the Encoding Object's
 * `contentType`, else OpenAPI's default: JSON for objects, plain text for scalars. A property whose
 * schema says `format: binary` or `contentMediaType` (or whose declared type is neither text nor
 * JSON) is a file part with a `filename`, its bytes the string as written. Encoding `headers` are
 * added to the part (`Content-Type` among them is ignored, as OAS says).
 *
 * @example
 * buildMultipart({ id: 1, photo: 'PNG…' }, schema, { resolve }).contentType
 * // 'multipart/form-data; boundary=callback-verify-5f0c…'
 */
export function buildMultipart(
  value: unknown,
  schema: unknown,
  options: MultipartOptions,
): SerializedBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('A multipart/form-data body needs an object payload.', {
      hint: 'Give the media type an object schema or example, or pass --body <file>.',
    });
  }
  const { resolve } = options;
  const properties = schemaProperties(schema, resolve);
  const encoding = resolve(options.encoding);
  const parts: Array<{ headers: string[]; body: Uint8Array }> = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const property = resolve(properties[name]);
    const declared = isJsonObject(encoding) ? resolve(encoding[name]) : undefined;
    const items = Array.isArray(field) ? field : [field];
    const itemSchema =
      Array.isArray(field) && isJsonObject(property) ? resolve(property.items) : property;
    for (const item of items) {
      if (item === undefined) continue;
      parts.push(buildPart(name, item, itemSchema, declared, options));
    }
  }
  const boundary = options.boundary ?? `callback-verify-${randomBytes(12).toString('hex')}`;
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    chunks.push(encoder.encode(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`));
    chunks.push(part.body, encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function buildPart(
  name: string,
  value: unknown,
  schema: unknown,
  encoding: unknown,
  options: MultipartOptions,
): { headers: string[]; body: Uint8Array } {
  const declared = isJsonObject(encoding) ? firstContentType(encoding.contentType) : undefined;
  const contentMediaType =
    isJsonObject(schema) && typeof schema.contentMediaType === 'string'
      ? schema.contentMediaType
      : undefined;
  const binary = isJsonObject(schema) && schema.format === 'binary';
  const contentType =
    declared ??
    contentMediaType ??
    (binary
      ? 'application/octet-stream'
      : typeof value === 'object' && value !== null && !(value instanceof Uint8Array)
        ? 'application/json'
        : 'text/plain');
  const file =
    binary ||
    contentMediaType !== undefined ||
    !(isJsonContentType(contentType) || contentType.toLowerCase().startsWith('text/'));
  const disposition = `form-data; name="${quote(name)}"${file ? `; filename="${quote(fileName(name, contentType))}"` : ''}`;
  const headers = [`Content-Disposition: ${disposition}`];
  if (file || contentType.toLowerCase() !== 'text/plain') {
    headers.push(`Content-Type: ${contentType}`);
  }
  if (isJsonObject(schema) && typeof schema.contentEncoding === 'string') {
    // OAS 3.1: a schema's `contentEncoding` in a part is its Content-Transfer-Encoding.
    headers.push(`Content-Transfer-Encoding: ${schema.contentEncoding}`);
  }
  const declaredHeaders = isJsonObject(encoding) ? options.resolve(encoding.headers) : undefined;
  if (isJsonObject(declaredHeaders)) {
    for (const [header, spec] of Object.entries(declaredHeaders)) {
      if (header.toLowerCase() === 'content-type' || !/^[!#$%&'*+.^`|~\w-]+$/.test(header))
        continue;
      const headerValue = options.headerValue?.(options.resolve(spec), header);
      if (headerValue === undefined || headerValue === null) continue;
      headers.push(`${header}: ${String(headerValue).replace(/[\r\n]+/g, ' ')}`);
    }
  }
  return { headers, body: partBody(value, contentType) };
}

function partBody(value: unknown, contentType: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (isJsonContentType(contentType)) return encoder.encode(JSON.stringify(value ?? null));
  if (typeof value === 'string') return encoder.encode(value);
  if (value === null) return new Uint8Array();
  return encoder.encode(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** `image/png` from `image/png, image/jpeg`; a wildcard (`image/*`) is not a type to send. */
function firstContentType(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const first = value.split(',')[0]?.trim() ?? '';
  if (first === '') return undefined;
  return first.includes('*') ? 'application/octet-stream' : first;
}

function fileName(name: string, contentType: string): string {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return `${name}.${extensions[essence] ?? 'bin'}`;
}

/** A field or file name inside a quoted header parameter, escaped as browsers do (WHATWG). */
function quote(text: string): string {
  return text.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
