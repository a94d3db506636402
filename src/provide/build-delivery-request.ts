import type { Contract, ParameterSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
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
 * query parameters added (unless already present), the declared header and cookie parameters
 * (their first example, else a value generated from their schema; signature headers are left to
 * signing), the body and its content type, then `extraHeaders` on top.
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
  for (const parameter of contract.operation.parameters) {
    const value = parameterValue(document, parameter);
    if (value === undefined) continue;
    if (parameter.in === 'query' && !target.searchParams.has(parameter.name)) {
      target.searchParams.append(parameter.name, value);
    } else if (parameter.in === 'header' && !IGNORED_HEADERS.has(parameter.name.toLowerCase())) {
      headers[parameter.name.toLowerCase()] = value;
    } else if (parameter.in === 'cookie') {
      cookies.push(`${parameter.name}=${encodeURIComponent(value)}`);
    }
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  if (body !== undefined) headers['content-type'] = body.contentType;
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value;
  const request: DeliveryRequest = { url: target.href, method: contract.method, headers };
  if (body !== undefined) request.body = body.body;
  return request;
}

function parameterValue(document: LoadedDocument, parameter: ParameterSpec): string | undefined {
  const example = parameter.examples[0];
  if (example !== undefined) return stringifyParameter(example.value);
  if (parameter.schema === undefined) return parameter.required ? '' : undefined;
  return stringifyParameter(sampleSchema(document, parameter.schema));
}

/** OpenAPI's `simple` style (headers) and `form` style (query) agree for scalars and arrays. */
function stringifyParameter(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => String(item)).join(',');
  if (typeof value === 'object') {
    return Object.entries(value)
      .flatMap(([key, item]) => [key, String(item)])
      .join(',');
  }
  return String(value);
}
