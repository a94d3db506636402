import type { MockEvent } from '../src/provide/mock/index.ts';
import { sanitiseText } from '../src/report/index.ts';
import type { DeliveryResult, TriggerResult } from '../src/report/report.ts';
import { describeProblems } from './describe-problems.ts';

/**
 * The console line for one mock event: a request the mock answered, a callback delivered (or
 * refused), or one it could not send.
 * @example mockEventLine({ type: 'skipped', contract: 'a/b/post', finding }, 100) // '  ✗ a/b/post not sent — …'
 */
export function mockEventLine(event: MockEvent, delayMs: number): string {
  // Contract ids and URLs come from the spec and the consumer: no raw control characters.
  return sanitiseText(eventText(event, delayMs));
}

function eventText(event: MockEvent, delayMs: number): string {
  switch (event.type) {
    case 'request':
      return requestLine(event.request, event.callbacks, delayMs);
    case 'delivery':
      return deliveryLine(event.delivery);
    case 'skipped':
      return `  ${event.finding.severity === 'error' ? '✗' : '!'} ${event.contract} not sent — ${event.finding.message}`;
  }
}

function requestLine(
  request: TriggerResult,
  callbacks: readonly string[],
  delayMs: number,
): string {
  const path = new URL(request.url).pathname + new URL(request.url).search;
  const fires = callbacks.length === 0 ? '' : ` · ${callbacks.length} callback(s) in ${delayMs} ms`;
  return `→ ${request.method} ${path} → ${request.status ?? '—'}  ${request.id}${fires}${describeProblems(request.findings)}`;
}

function deliveryLine(delivery: DeliveryResult): string {
  const mark = delivery.verdict === 'pass' ? '✓' : '✗';
  const refused = delivery.findings.some(
    (finding) => finding.check === 'delivery.host-not-allowed',
  );
  const status =
    delivery.status !== undefined ? String(delivery.status) : refused ? 'not sent' : 'no reply';
  const took = delivery.durationMs === undefined ? '' : ` (${Math.round(delivery.durationMs)} ms)`;
  return `  ${mark} ${delivery.method} ${delivery.url} ${delivery.contract} [${delivery.payload}] → ${status}${took}${describeProblems(delivery.findings)}`;
}
