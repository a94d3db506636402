import type { PlannedExchange } from './plan-exchange.ts';
import type { BodyResult } from './read-body.ts';

/** A body the receiver stopped reading: the client went away, or it is over the limit. */
export type UnreadBody = Exclude<BodyResult, { kind: 'complete' }>;

/**
 * The exchange for a request whose body was not read to the end: an aborted request is recorded
 * as dropped (nobody is left to answer; `closedBy` says who ended it), an oversized one is
 * answered 413 and its connection closed.
 * @example planUnreadBody({ kind: 'too-large', received: 0, declared: 20 }, 10).answer.status // 413
 */
export function planUnreadBody(
  body: UnreadBody,
  maxBody: number,
  closedBy: 'client' | 'receiver' = 'client',
): PlannedExchange {
  if (body.kind === 'aborted') {
    const who =
      closedBy === 'client'
        ? 'The client closed the connection'
        : 'The receiver closed the connection as it shut down';
    return {
      findings: [
        {
          check: 'request.aborted',
          severity: 'error',
          message: `${who} after ${body.bytes.length} body bytes, before the request was complete.`,
          where: '/body',
        },
      ],
      answer: { status: 0, headers: {}, body: '', dropped: true },
      delayMs: 0,
    };
  }
  const size =
    body.declared === undefined
      ? `more than ${maxBody} bytes arrived`
      : `Content-Length announces ${body.declared} bytes`;
  return {
    findings: [
      {
        check: 'body.too-large',
        severity: 'error',
        message: `The body is over the receiver's limit of ${maxBody} bytes (${size}); reading stopped and the body was not kept.`,
        where: '/body',
        expected: `at most ${maxBody} bytes`,
        actual: body.declared ?? body.received,
      },
    ],
    answer: { status: 413, headers: { connection: 'close' }, body: '' },
    delayMs: 0,
  };
}
