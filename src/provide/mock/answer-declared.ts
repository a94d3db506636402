import type { OperationSpec } from '../../spec/contract.ts';
import type { LoadedDocument } from '../../spec/document.ts';
import { buildPayload } from '../build-payload.ts';
import { pickMedia } from '../pick-media.ts';
import { serializeBody } from '../serialize-body.ts';
import type { MockedAnswer } from './prism-mocker.ts';

/** Statuses that never carry a body (RFC 9110). */
const bodiless = new Set([204, 205, 304]);

/**
 * The mock's answer for a trigger operation Prism cannot route, one under an OAS 3.2 Path Item's
 * `additionalOperations` (`LINK`, `PURGE`…): the lowest declared 2xx status (200 when none is
 * declared) with that response's example, else a body generated from its schema. The request is
 * not checked, so there are no findings.
 *
 * @example
 * answerDeclared(document, trigger) // { status: 202, headers: {}, body: Uint8Array(0), value: undefined, findings: [] }
 */
export function answerDeclared(document: LoadedDocument, operation: OperationSpec): MockedAnswer {
  const statuses = operation.responses
    .map((response) => Number(response.status))
    .filter((status) => Number.isInteger(status) && status >= 200 && status < 300)
    .sort((a, b) => a - b);
  const status = statuses[0] ?? 200;
  const answer: MockedAnswer = {
    status,
    headers: {},
    body: new Uint8Array(),
    value: undefined,
    findings: [],
  };
  if (bodiless.has(status)) return answer;
  const response =
    operation.responses.find((declared) => declared.status === String(status)) ??
    operation.responses.find((declared) => declared.status.toUpperCase() === '2XX');
  const media = pickMedia(response?.content ?? []);
  if (media === undefined) return answer;
  const payload = buildPayload(document, media);
  if (payload.value === undefined) return answer;
  const serialized = serializeBody(payload.value, media.mediaType, { document, media });
  return {
    ...answer,
    headers: { 'content-type': serialized.contentType },
    body: serialized.body,
    value: payload.value,
  };
}
