import { buildPayload, serializeBody } from '../provide/index.ts';
import type { OperationSpec, ResponseSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import type { ReceiverAnswer } from './exchange.ts';

/** Statuses that never carry a body (RFC 9110). */
const bodiless = new Set([204, 205, 304]);

/** The declared success status: the lowest `2xx`, else `2XX` (as 200), else 200. */
function successStatus(operation: OperationSpec): number {
  const exact = operation.responses
    .map((response) => Number(response.status))
    .filter((status) => Number.isInteger(status) && status >= 200 && status < 300)
    .sort((a, b) => a - b);
  return exact[0] ?? 200;
}

/** The response declared for a status: exact code, then its range (`5XX`), then `default`. */
function declaredResponse(operation: OperationSpec, status: number): ResponseSpec | undefined {
  const range = `${Math.floor(status / 100)}XX`;
  return (
    operation.responses.find((response) => response.status === String(status)) ??
    operation.responses.find((response) => response.status.toUpperCase() === range) ??
    operation.responses.find((response) => response.status === 'default')
  );
}

/**
 * What a receiver answers for an operation: `status` (default: the declared success status) with
 * the declared response's example, or a body generated from its schema, in its content type.
 * JSON media types are preferred when several are declared; 204/205/304 carry no body.
 * @example buildAnswer(document, contract.operation) // { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }
 */
export function buildAnswer(
  document: LoadedDocument,
  operation: OperationSpec,
  status: number = successStatus(operation),
): ReceiverAnswer {
  const answer: ReceiverAnswer = { status, headers: {}, body: '' };
  if (bodiless.has(status) || status < 200) return answer;
  const response = declaredResponse(operation, status);
  const media = response?.content.find((m) => /json/i.test(m.mediaType)) ?? response?.content[0];
  if (media === undefined) return answer;
  try {
    const payload = buildPayload(document, media);
    if (payload.value === undefined) return answer;
    const serialized = serializeBody(payload.value, media.mediaType);
    answer.headers['content-type'] = serialized.contentType;
    answer.body = new TextDecoder().decode(serialized.body);
  } catch {
    // A response body the document does not let us build is left empty: the status still answers.
  }
  return answer;
}
