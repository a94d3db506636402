import type { Exchange } from '../receive/exchange.ts';

/**
 * True when the attempt did not deliver: the request never completed (no answer), the receiver
 * dropped the connection, or it answered 408, 429 or any 5xx. Other answers (2xx, and 4xx from a
 * failed validation) end a delivery.
 *
 * @example
 * isRetryableAnswer({ ...exchange, answer: { status: 503, headers: {}, body: '' } }) // true
 */
export function isRetryableAnswer(exchange: Exchange): boolean {
  const answer = exchange.answer;
  if (answer === undefined) return true;
  if (answer.dropped === true) return true;
  return answer.status >= 500 || answer.status === 408 || answer.status === 429;
}
