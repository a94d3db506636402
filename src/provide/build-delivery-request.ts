import type { Contract, ParameterSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { serialiseParameter } from '../spec/serialise-parameter.ts';
import type { DeliveryRequest } from './delivery-request.ts';
import { sampleSchema } from './sample-schema.ts';
import type { SerializedBody } from './serialize-body.ts';
import { signatureHeaders } from './signatures/signature-scheme.ts';

// OpenAPI ignores header parameters with these names: the media type and security say it instead.
// Signature headers are left to signing: an example or generated signature is never a valid one.
const IGNORED_HEADERS = new Set([
  'accept',
  'content-type',
  'authorization',
  ...Object.values(signatureHeaders).flat(),
]);

/**
 * Builds the request for one delivery: the contract's method, the target URL with the declared
 * query parameters added (unless already present) or its OAS 3.2 querystring value appended, the declared header and cookie parameters
 * (their first example, else a value generated from their schema, written by their `style` /
 * `explode`, or as JSON for JSON `content`; signature headers are left to signing), the body and
 * its content type, then `extraHeaders` on top.
 *
 * @example
 * buildDeliveryRequest(document, contract, 'http://127.0.0.1:3000/hooks', serializeBody(payload, 'application/json'))
 */
export function buildDeliveryRequest(
  document: LoadedDocument,
  contract: Contract,
  url: string,
  body?: SerializedBody,
  extraHeaders: Readonly<Record<string, string>> = {},
): DeliveryRequest {
  const target = new URL(url);
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const queryParts: string[] = [];
  for (const parameter of contract.operation.parameters) {
    const value = parameterValue(document, parameter);
    if (value === undefined) continue;
    const text = serialiseParameter(parameter, value);
    if (parameter.in === 'query' && !target.searchParams.has(parameter.name)) {
      if (text !== '') queryParts.push(text);
    } else if (parameter.in === 'querystring') {
      // The whole query string; any query the target URL already has stays in front of it.
      if (text !== '') queryParts.push(text);
    } else if (parameter.in === 'header' && !IGNORED_HEADERS.has(parameter.name.toLowerCase())) {
      headers[parameter.name.toLowerCase()] = text;
    } else if (parameter.in === 'cookie' && text !== '') {
      cookies.push(text);
    }
  }
  if (queryParts.length > 0) {
    // Appended as written: URLSearchParams would re-encode the delimiters the style put there.
    const search = target.search.replace(/^\?/, '');
    target.search = [search, ...queryParts].filter((part) => part !== '').join('&');
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  if (body !== undefined) headers['content-type'] = body.contentType;
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  const request: DeliveryRequest = { url: target.href, method: contract.method, headers };
  if (body !== undefined) request.body = body.body;
  return request;
}

/** The parameter's first example, else a value generated from its schema (`''` when required). */
function parameterValue(document: LoadedDocument, parameter: ParameterSpec): unknown {
  const example = parameter.examples[0];
  if (example !== undefined) return example.value;
  if (parameter.schema === undefined) return parameter.required ? '' : undefined;
  return sampleSchema(document, parameter.schema);
}
