import type { InboundRequest } from './exchange.ts';
import type { PlannedExchange } from './plan-exchange.ts';

/** What Node's `clientError` event tells about a request that cannot be answered normally. */
export interface ClientErrorInput {
  /** The error's code, e.g. `ERR_HTTP_REQUEST_TIMEOUT`, `HPE_HEADER_OVERFLOW`. */
  code: string;
  errorMessage: string;
  /** The bytes Node's parser choked on, if any. */
  rawPacket?: Uint8Array;
  /** The request as far as it arrived, when its headers were complete. */
  request?: InboundRequest;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** The exchange to record and the raw HTTP status line to answer with. */
export interface ClientErrorPlan {
  request: InboundRequest;
  planned: PlannedExchange;
  status: number;
  reason: string;
}

const emptyBody = new Uint8Array(0);

/**
 * Turns a timeout or an unparseable request into an exchange: 408 for a timeout (headers or
 * body), 431 for oversized headers, else 400 naming the parser's complaint.
 * @example planClientError({ code: 'HPE_HEADER_OVERFLOW', errorMessage: '', headersTimeoutMs: 1, requestTimeoutMs: 1 }).status // 431
 */
export function planClientError(input: ClientErrorInput): ClientErrorPlan {
  const { code, request: live } = input;
  const timedOut = code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const overflow = code === 'HPE_HEADER_OVERFLOW';
  const status = timedOut ? 408 : overflow ? 431 : 400;
  const request: InboundRequest = live ?? {
    method: '',
    url: '',
    headers: {},
    body: input.rawPacket !== undefined && !timedOut ? input.rawPacket : emptyBody,
  };
  const message = timedOut
    ? live === undefined
      ? `The client did not send complete request headers within ${input.headersTimeoutMs} ms; the connection was closed.`
      : `The client did not send the complete request within ${input.requestTimeoutMs} ms (${request.body.length} body bytes arrived); the connection was closed.`
    : overflow
      ? 'The request headers are larger than the receiver accepts.'
      : `The request is not valid HTTP (${code}: ${input.errorMessage}).`;
  return {
    request,
    planned: {
      findings: [
        {
          check: timedOut ? 'request.timeout' : 'request.malformed',
          severity: 'error',
          message,
          where: live === undefined ? '/' : '/body',
        },
      ],
      answer: { status, headers: { connection: 'close' }, body: '' },
      delayMs: 0,
    },
    status,
    reason: timedOut
      ? 'Request Timeout'
      : overflow
        ? 'Request Header Fields Too Large'
        : 'Bad Request',
  };
}
