import type { Exchange } from '../src/receive/index.ts';
import { sanitiseText } from '../src/report/index.ts';
import { describeProblems } from './describe-problems.ts';

/**
 * The live console line for one exchange `listen` received: verdict, time, contract (or method and
 * URL when none matched), the answer's status and the problems found.
 * @example exchangeLine(exchange) // '✓ 12:00:01.234 createInvoice/invoicePaid/post → 200'
 */
export function exchangeLine(exchange: Exchange): string {
  const mark = exchange.verdict === 'pass' ? '✓' : '✗';
  const status = exchange.answer?.dropped
    ? 'dropped'
    : exchange.answer === undefined
      ? 'no answer'
      : String(exchange.answer.status);
  const what = exchange.contract ?? `${exchange.request.method} ${exchange.request.url}`;
  // Contract ids come from the spec and messages quote the request: no raw control characters.
  return sanitiseText(
    `${mark} ${exchange.receivedAt.slice(11, 23)} ${what} → ${status}${describeProblems(exchange.findings)}`,
  );
}
