import type { InboundRequest } from '../receive/exchange.ts';
import type { Contract } from '../spec/contract.ts';
import type { CapturedValue } from '../spec/runtime-expression/types.ts';
import { isSameMethod, wireMethod } from '../spec/wire-method.ts';
import { checkBody } from './check-body.ts';
import { checkCaptured } from './check-captured.ts';
import { checkParameters } from './check-parameters.ts';
import type { Finding } from './finding.ts';
import type { ValidationContext } from './validation-context.ts';

/** Findings for an inbound request and its body parsed per its content type. */
export interface RequestCheck {
  findings: Finding[];
  parsedBody?: unknown;
}

/** Method, captured URL values, query, headers, cookies, content type and body of one request. */
export function checkRequest(
  context: ValidationContext,
  contract: Contract,
  request: InboundRequest,
  options: { captured?: CapturedValue[] } = {},
): RequestCheck {
  const findings: Finding[] = [];
  if (!isSameMethod(request.method, contract.method)) {
    const declared = wireMethod(contract.method);
    findings.push({
      check: 'method.mismatch',
      severity: 'error',
      contract: contract.id,
      message: `Expected ${declared}, got ${request.method}`,
      where: '/method',
      spec: contract.operation.pointer,
      expected: declared,
      actual: request.method,
    });
  }
  findings.push(...checkCaptured(context, contract, options.captured ?? []));
  const queryStart = request.url.indexOf('?');
  const query = queryStart < 0 ? '' : request.url.slice(queryStart + 1).replace(/#.*$/, '');
  findings.push(
    ...checkParameters(context, contract.operation.parameters, {
      query,
      headers: request.headers,
      direction: 'request',
      contract: contract.id,
    }),
  );
  const requestBody = contract.operation.requestBody;
  const body = checkBody(context, {
    body: request.body,
    headers: request.headers,
    content: requestBody?.content ?? [],
    required: requestBody?.required ?? false,
    pointer: requestBody?.pointer ?? contract.operation.pointer,
    direction: 'request',
    contract: contract.id,
  });
  findings.push(...body.findings);
  return 'parsedBody' in body ? { findings, parsedBody: body.parsedBody } : { findings };
}
