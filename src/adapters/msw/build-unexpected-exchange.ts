import type { Exchange, InboundRequest } from '../../receive/exchange.ts';
import type { Severity } from '../../validate/finding.ts';

/**
 * The exchange recorded for a request under the base URL that matches no callback or webhook:
 * answered 404, with a `callback.unexpected` finding of the severity `onUnmatched` asks for.
 * @example buildUnexpectedExchange({ id: 'ex-000001', receivedAt, request, severity: 'error' }).verdict // 'fail'
 */
export function buildUnexpectedExchange(input: {
  id: string;
  receivedAt: string;
  request: InboundRequest;
  severity: Severity;
}): Exchange {
  const { request, severity } = input;
  return {
    id: input.id,
    receivedAt: input.receivedAt,
    request,
    findings: [
      {
        check: 'callback.unexpected',
        severity,
        message: `No callback or webhook of the spec matches ${request.method} ${request.url}.`,
        where: '/url',
        actual: request.url,
      },
    ],
    answer: { status: 404, headers: {}, body: '' },
    verdict: severity === 'error' ? 'fail' : 'pass',
  };
}
