import type { HeaderMap } from '../receive/exchange.ts';
import type { OperationSpec, ResponseSpec } from '../spec/contract.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { checkBody } from './check-body.ts';
import { checkParameters } from './check-parameters.ts';
import type { Finding } from './finding.ts';
import type { ValidationContext } from './validation-context.ts';

/** A response as received (or as a receiver is about to send it). */
export interface ResponseToCheck {
  status: number;
  headers: HeaderMap;
  body: Uint8Array;
}

/**
 * The declared response for a status: exact code, then its `NXX` range, then `default`.
 * @example findResponse(operation, 201) // the `2XX` response when there is no `201`
 */
function findResponse(operation: OperationSpec, status: number): ResponseSpec | undefined {
  const code = String(status);
  const range = `${code[0] ?? ''}XX`;
  return (
    operation.responses.find((response) => response.status === code) ??
    operation.responses.find((response) => response.status.toUpperCase() === range) ??
    operation.responses.find((response) => response.status === 'default')
  );
}

/** Status declared, headers, content type and body of a response. */
export function checkResponse(
  context: ValidationContext,
  operation: OperationSpec,
  response: ResponseToCheck,
  contract: string | undefined,
): Finding[] {
  const declared = findResponse(operation, response.status);
  if (declared === undefined) {
    const statuses = operation.responses.map((item) => item.status);
    const finding: Finding = {
      check: 'response.status.undeclared',
      severity: 'error',
      message: `Status ${response.status} is not a declared response (declared: ${statuses.join(', ') || 'none'})`,
      where: '/response/status',
      spec: appendPointer(operation.pointer, 'responses'),
      expected: statuses,
      actual: response.status,
    };
    if (contract !== undefined) finding.contract = contract;
    return [finding];
  }
  return [
    ...checkParameters(
      context,
      declared.headers.map((header) => ({ ...header, in: 'header' as const })),
      { headers: response.headers, direction: 'response', contract },
    ),
    ...checkBody(context, {
      body: response.body,
      headers: response.headers,
      content: declared.content,
      required: false,
      pointer: declared.pointer,
      direction: 'response',
      contract,
    }).findings,
  ];
}
