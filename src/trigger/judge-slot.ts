import type { Exchange } from '../receive/exchange.ts';
import type { Expectation } from '../report/report.ts';
import type { Finding } from '../validate/finding.ts';
import { arrivalTime } from './arrival-time.ts';
import { checkCallbackUrls } from './check-callback-urls.ts';
import { checkIdempotencyKey } from './check-idempotency-key.ts';
import type { CorrelationInput } from './correlate-callbacks.ts';
import type { CorrelationSlot } from './correlation-slot.ts';
import { describeMissing } from './describe-missing.ts';
import { formatSeconds } from './format-seconds.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';

/**
 * Judges one expected callback from what arrived for it: missing, late, duplicate, retried without
 * success, at the wrong URL, or received; with latency, attempts and retry intervals.
 * @example judgeSlot(slot, input).status // 'received'
 */
export function judgeSlot(slot: CorrelationSlot, input: CorrelationInput): Expectation {
  const { sent, planned } = slot;
  const contract = input.contracts.get(planned.contract);
  const findings: Finding[] = [...planned.findings, ...slot.findings];
  const deadline = sent.respondedAt + sent.trigger.timeoutMs;
  const base: Expectation = {
    trigger: sent.trigger.id,
    contract: planned.contract,
    ...(slot.expectedUrl === undefined ? {} : { expectedUrl: slot.expectedUrl }),
    status: 'received',
    exchanges: slot.exchanges.map((exchange) => exchange.id),
    findings,
  };
  const first = slot.exchanges[0];
  if (first === undefined) {
    findings.push({
      check: 'callback.missing',
      severity: 'error',
      contract: planned.contract,
      ...(contract === undefined ? {} : { spec: contract.pointer }),
      message: describeMissing(sent),
      ...(slot.expectedUrl === undefined ? {} : { expected: slot.expectedUrl }),
    });
    return { ...base, status: 'missing' };
  }

  const deliveries: Exchange[][] = [];
  let current: Exchange[] = [];
  for (const exchange of slot.exchanges) {
    current.push(exchange);
    if (!isRetryableAnswer(exchange)) {
      deliveries.push(current);
      current = [];
    }
  }
  const firstAttempts = deliveries[0] ?? current;
  const times = firstAttempts.map(arrivalTime);
  const result: Expectation = {
    ...base,
    latencyMs: Math.max(0, Math.round((arrivalTime(first) - sent.respondedAt) * 100) / 100),
    attempts: firstAttempts.length,
    ...(times.length > 1
      ? { retryIntervalsMs: times.slice(1).map((time, index) => time - (times[index] ?? time)) }
      : {}),
  };

  for (const attempts of [...deliveries, ...(current.length > 0 ? [current] : [])]) {
    findings.push(...checkIdempotencyKey(attempts, planned.contract));
  }
  findings.push(...checkCallbackUrls(slot, input, contract));

  let status: Expectation['status'] = 'received';
  if (deliveries.length === 0) {
    const answers = current.map(describeAnswer).join(', ');
    findings.push({
      check: current.length === 1 ? 'retry.none' : 'retry.gave-up',
      severity: 'error',
      contract: planned.contract,
      message:
        current.length === 1
          ? `The receiver answered ${answers} and the provider did not retry within ${formatSeconds(sent.trigger.timeoutMs)}.`
          : `The provider made ${current.length} attempts (answered ${answers}) and stopped without a successful delivery.`,
      expected: 'a retry until the receiver accepts the callback',
      actual: `${current.length} attempt(s)`,
    });
    status = 'failed';
  } else {
    const delivery = deliveries[0] ?? [];
    const deliveredAt = arrivalTime(delivery.at(-1) ?? first);
    if (deliveredAt > deadline) {
      findings.push({
        check: 'callback.late',
        severity: 'error',
        contract: planned.contract,
        message: `The callback arrived ${formatSeconds(deliveredAt - sent.respondedAt)} after the trigger response, later than the ${formatSeconds(sent.trigger.timeoutMs)} timeout.`,
        expected: `within ${formatSeconds(sent.trigger.timeoutMs)}`,
        actual: formatSeconds(deliveredAt - sent.respondedAt),
      });
      status = 'late';
    }
    if (deliveries.length > planned.count) {
      const extra = deliveries.slice(planned.count).map((attempts) => attempts[0]?.id ?? '');
      findings.push({
        check: 'callback.duplicate',
        severity: 'error',
        contract: planned.contract,
        message: `The callback was delivered ${deliveries.length} times (expected ${planned.count}); the receiver had accepted it, so the copies (${extra.join(', ')}) are duplicates.`,
        expected: planned.count,
        actual: deliveries.length,
      });
      if (status === 'received') status = 'duplicate';
    } else if (deliveries.length < planned.count) {
      findings.push({
        check: 'callback.missing',
        severity: 'error',
        contract: planned.contract,
        message: `Only ${deliveries.length} of ${planned.count} expected callbacks arrived within ${formatSeconds(sent.trigger.timeoutMs)}.`,
        expected: planned.count,
        actual: deliveries.length,
      });
    }
  }
  const failed =
    findings.some((finding) => finding.severity === 'error') ||
    slot.exchanges.some((exchange) => exchange.verdict === 'fail');
  if (status === 'received' && failed) status = 'failed';
  return { ...result, status, findings };
}

function describeAnswer(exchange: Exchange): string {
  if (exchange.answer === undefined) return 'nothing';
  return exchange.answer.dropped === true ? 'a dropped connection' : String(exchange.answer.status);
}
