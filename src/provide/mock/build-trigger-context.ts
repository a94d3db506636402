import type { RuntimeContext } from '../../spec/runtime-expression/types.ts';

/** A request the mock received and what it answered: what callback expressions read. */
export interface ReceivedTrigger {
  /** The full request URL as the consumer sent it, e.g. `http://127.0.0.1:4010/invoices?callback_url=…`. */
  url: string;
  method: string;
  /** Lower-case header names, as received. */
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  /** Path parameters of the matched operation. */
  path: Record<string, string>;
  body: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

/**
 * The runtime-expression context of one exchange with the mock: the consumer's real request and
 * the mock's answer, so `$url`, `$request.*`, `$response.*` and `$statusCode` read what was sent.
 *
 * @example
 * evaluateUrlTemplate(contract.expression, buildTriggerContext(received))
 */
export function buildTriggerContext(received: ReceivedTrigger): RuntimeContext {
  const headers: Record<string, string | string[] | undefined> = { ...received.headers };
  return {
    url: received.url,
    method: received.method.toUpperCase(),
    statusCode: received.status,
    request: {
      headers,
      query: { ...received.query },
      path: { ...received.path },
      ...(received.body === undefined ? {} : { body: received.body }),
    },
    response: {
      headers: { ...received.responseHeaders },
      ...(received.responseBody === undefined ? {} : { body: received.responseBody }),
    },
  };
}
