import type { Exchange } from '../receive/exchange.ts';
import type { Expectation } from '../report/report.ts';
import type { Contract } from '../spec/contract.ts';
import { describeSource, evaluateUrlTemplate } from '../spec/runtime-expression/index.ts';
import type { Finding } from '../validate/finding.ts';
import { buildRuntimeContext } from './build-runtime-context.ts';
import { checkIdempotencyKey } from './check-idempotency-key.ts';
import { describeUrlMismatch } from './describe-url-mismatch.ts';
import { findTriggerToken } from './find-trigger-token.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';
import type { SentTrigger } from './send-trigger.ts';
import type { PlannedExpectation } from './types.ts';

/** What {@link correlateCallbacks} needs: every trigger as sent and every exchange received. */
export interface CorrelationInput {
  sent: readonly SentTrigger[];
  exchanges: readonly Exchange[];
  /** The receiver's origin: an exchange's full URL is this plus its request URL. */
  receiverOrigin: string;
  contracts: ReadonlyMap<string, Contract>;
  /** Fixed-host contracts: the receiver path their forwarded callbacks arrive under. */
  fixedPrefixes?: ReadonlyMap<string, string>;
}

/** Expectations with their exchanges and findings, and what answered none. */
export interface Correlation {
  expectations: Expectation[];
  /** Unexpected callbacks. */
  findings: Finding[];
  /** Exchanges of contracts left out by `--contract`: neither expected nor unexpected. */
  ignored: Set<string>;
}

/** Tokenless slots of one contract in send order, and the first that may still take a delivery. */
interface TokenlessQueue {
  slots: Slot[];
  next: number;
}

interface Slot {
  sent: SentTrigger;
  planned: PlannedExpectation;
  expectedUrl?: string;
  findings: Finding[];
  exchanges: Exchange[];
  delivered: number;
}

/**
 * Matches received callbacks to the triggers that caused them (by the token in their URL, else
 * by contract for fixed-host callbacks) and judges each expected callback: missing, late,
 * duplicate, retried, at the wrong URL. Pure: the clock is in the exchanges and trigger times.
 *
 * @example
 * const { expectations } = correlateCallbacks({ sent, exchanges, receiverOrigin, contracts });
 */
export function correlateCallbacks(input: CorrelationInput): Correlation {
  const slots: Slot[] = [];
  const byToken = new Map<string, { sent: SentTrigger; slots: Slot[] }>();
  const tokenless = new Map<string, TokenlessQueue>();
  for (const sent of input.sent) {
    const own: Slot[] = [];
    for (const planned of sent.trigger.expectations) {
      if (planned.count === 0 || !planned.checkable) continue;
      const slot: Slot = { sent, planned, findings: [], exchanges: [], delivered: 0 };
      computeExpectedUrl(slot);
      own.push(slot);
      slots.push(slot);
      if (planned.tokenless === true) {
        const queue = tokenless.get(planned.contract) ?? { slots: [], next: 0 };
        queue.slots.push(slot);
        tokenless.set(planned.contract, queue);
      }
    }
    byToken.set(sent.trigger.token, { sent, slots: own });
  }

  const findings: Finding[] = [];
  const ignored = new Set<string>();
  const ordered = [...input.exchanges].sort((a, b) => arrival(a) - arrival(b));
  for (const exchange of ordered) {
    const target = findSlot(exchange, byToken, tokenless);
    if (target === 'ignored') ignored.add(exchange.id);
    else if (target === undefined) {
      // The receiver already says so for requests that match no contract; say it once.
      const said = exchange.findings.some((finding) => finding.check === 'callback.unexpected');
      if (!said) findings.push(unexpectedFinding(exchange, byToken));
    } else {
      target.exchanges.push(exchange);
      if (!isRetryableAnswer(exchange)) target.delivered += 1;
    }
  }

  const expectations = slots.map((slot) => judgeSlot(slot, input));
  return { expectations, findings, ignored };
}

function computeExpectedUrl(slot: Slot): void {
  if (slot.planned.url !== undefined) {
    slot.expectedUrl = slot.planned.url;
    return;
  }
  const template = slot.planned.template;
  if (template === undefined) return;
  const result = evaluateUrlTemplate(template, buildRuntimeContext(slot.sent));
  if (!result.ok) {
    if (slot.sent.error !== undefined) return;
    slot.findings.push({
      check: 'url.unresolved',
      severity: 'warning',
      contract: slot.planned.contract,
      message: `The expected callback URL could not be computed: ${result.missing.map(describeSource).join(', ')} had no value in the trigger exchange, so the URL was not compared.`,
      expected: template.raw,
    });
    return;
  }
  const fixed = slot.planned.fixedOrigin;
  slot.expectedUrl =
    fixed === undefined
      ? result.value
      : `${fixed.actual}${result.value.startsWith(fixed.written) ? result.value.slice(fixed.written.length) : result.value}`;
}

function findSlot(
  exchange: Exchange,
  byToken: Map<string, { sent: SentTrigger; slots: Slot[] }>,
  tokenless: Map<string, TokenlessQueue>,
): Slot | 'ignored' | undefined {
  const token = findTriggerToken(exchange, byToken);
  if (token !== undefined) {
    const owner = byToken.get(token);
    if (owner === undefined) return undefined;
    if (exchange.contract !== undefined) {
      if (owner.sent.trigger.ignoredContracts.includes(exchange.contract)) return 'ignored';
      return owner.slots.find((slot) => slot.planned.contract === exchange.contract);
    }
    // Routed to no contract (wrong path or method) but carrying this trigger's token: it is
    // this trigger's callback sent wrongly, which says more than "unexpected".
    return owner.slots.find((slot) => slot.delivered < slot.planned.count) ?? owner.slots[0];
  }
  if (exchange.contract === undefined) return undefined;
  // The first slot of the contract still open, in send order, else the last one. A slot never
  // reopens (deliveries only grow), so the queue's cursor only moves forward: linear overall.
  const queue = tokenless.get(exchange.contract);
  if (queue === undefined) return undefined;
  while (queue.next < queue.slots.length) {
    const slot = queue.slots[queue.next];
    if (slot !== undefined && slot.delivered < slot.planned.count) return slot;
    queue.next += 1;
  }
  return queue.slots.at(-1);
}

function judgeSlot(slot: Slot, input: CorrelationInput): Expectation {
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
  const times = firstAttempts.map(arrival);
  const result: Expectation = {
    ...base,
    latencyMs: Math.max(0, Math.round((arrival(first) - sent.respondedAt) * 100) / 100),
    attempts: firstAttempts.length,
    ...(times.length > 1
      ? { retryIntervalsMs: times.slice(1).map((time, index) => time - (times[index] ?? time)) }
      : {}),
  };

  for (const attempts of [...deliveries, ...(current.length > 0 ? [current] : [])]) {
    findings.push(...checkIdempotencyKey(attempts, planned.contract));
  }
  findings.push(...checkUrls(slot, input, contract));

  let status: Expectation['status'] = 'received';
  if (deliveries.length === 0) {
    const answers = current.map(describeAnswer).join(', ');
    findings.push({
      check: current.length === 1 ? 'retry.none' : 'retry.gave-up',
      severity: 'error',
      contract: planned.contract,
      message:
        current.length === 1
          ? `The receiver answered ${answers} and the provider did not retry within ${seconds(sent.trigger.timeoutMs)}.`
          : `The provider made ${current.length} attempts (answered ${answers}) and stopped without a successful delivery.`,
      expected: 'a retry until the receiver accepts the callback',
      actual: `${current.length} attempt(s)`,
    });
    status = 'failed';
  } else {
    const delivery = deliveries[0] ?? [];
    const deliveredAt = arrival(delivery.at(-1) ?? first);
    if (deliveredAt > deadline) {
      findings.push({
        check: 'callback.late',
        severity: 'error',
        contract: planned.contract,
        message: `The callback arrived ${seconds(deliveredAt - sent.respondedAt)} after the trigger response, later than the ${seconds(sent.trigger.timeoutMs)} timeout.`,
        expected: `within ${seconds(sent.trigger.timeoutMs)}`,
        actual: seconds(deliveredAt - sent.respondedAt),
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
        message: `Only ${deliveries.length} of ${planned.count} expected callbacks arrived within ${seconds(sent.trigger.timeoutMs)}.`,
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

function checkUrls(slot: Slot, input: CorrelationInput, contract: Contract | undefined): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const expected = slot.expectedUrl === undefined ? undefined : normaliseUrl(slot.expectedUrl);
  for (const exchange of slot.exchanges) {
    const actual = actualUrl(exchange, slot, input);
    if (
      slot.expectedUrl !== undefined &&
      // The same text needs no parsing: most callbacks call exactly the URL they were given.
      actual !== slot.expectedUrl &&
      normaliseUrl(actual) !== expected &&
      !seen.has(actual)
    ) {
      seen.add(actual);
      findings.push({
        check: 'url.mismatch',
        severity: 'error',
        contract: slot.planned.contract,
        where: '/url',
        ...(contract === undefined ? {} : { spec: contract.pointer }),
        message: describeUrlMismatch({
          expected: slot.expectedUrl,
          actual,
          ...withBase(slot),
          ...(slot.planned.template === undefined
            ? {}
            : { template: slot.planned.template, context: buildRuntimeContext(slot.sent) }),
        }),
        expected: slot.expectedUrl,
        actual,
      });
    }
    if (
      exchange.contract === undefined &&
      contract !== undefined &&
      exchange.request.method.toLowerCase() !== contract.method
    ) {
      findings.push({
        check: 'method.mismatch',
        severity: 'error',
        contract: slot.planned.contract,
        where: '/method',
        spec: contract.operation.pointer,
        message: `The callback was sent with ${exchange.request.method.toUpperCase()}, but the spec declares ${contract.method.toUpperCase()}.`,
        expected: contract.method.toUpperCase(),
        actual: exchange.request.method.toUpperCase(),
      });
    }
  }
  return findings;
}

/** The URL the provider was told to call back for this contract, which both URLs start with. */
function withBase(slot: Slot): { base?: string } {
  const base =
    slot.planned.fixedOrigin?.actual ??
    slot.sent.trigger.injections.find((injection) => injection.contract === slot.planned.contract)
      ?.value;
  return base === undefined ? {} : { base };
}

function actualUrl(exchange: Exchange, slot: Slot, input: CorrelationInput): string {
  const fixed = slot.planned.fixedOrigin;
  if (fixed === undefined)
    return `${input.receiverOrigin.replace(/\/+$/, '')}${exchange.request.url}`;
  // Forwarded from --callback-base: show the URL the provider called, not the receiver route.
  const prefix = input.fixedPrefixes?.get(slot.planned.contract) ?? '';
  const url = exchange.request.url;
  const rest = prefix !== '' && url.startsWith(prefix) ? url.slice(prefix.length) : url;
  return `${fixed.actual}${rest.startsWith('/') || rest.startsWith('?') || rest === '' ? rest : `/${rest}`}`;
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function unexpectedFinding(
  exchange: Exchange,
  byToken: Map<string, { sent: SentTrigger; slots: Slot[] }>,
): Finding {
  const token = findTriggerToken(exchange, byToken);
  const owner = token === undefined ? undefined : byToken.get(token);
  const what = `${exchange.request.method.toUpperCase()} ${exchange.request.url}`;
  let message: string;
  if (owner !== undefined) {
    message = `Unexpected callback ${what}: ${exchange.contract ?? 'it'} was not expected after ${owner.sent.trigger.id}.`;
  } else if (exchange.token !== undefined) {
    message = `Unexpected callback ${what}: it carries a trigger token no trigger of this run was given.`;
  } else if (exchange.contract !== undefined) {
    message = `Unexpected callback ${what}: no trigger of this run expected ${exchange.contract}.`;
  } else {
    message = `Unexpected request ${what}: it matches no callback of the spec.`;
  }
  return {
    check: 'callback.unexpected',
    severity: 'error',
    ...(exchange.contract === undefined ? {} : { contract: exchange.contract }),
    where: '/url',
    message,
    actual: what,
  };
}

function describeMissing(sent: SentTrigger): string {
  if (sent.error !== undefined) {
    return `No callback arrived: the trigger request itself failed (${sent.error}).`;
  }
  const within = `No callback arrived within ${seconds(sent.trigger.timeoutMs)} of the trigger response`;
  if (sent.status !== undefined && sent.status >= 400) {
    // A refused trigger explains the silence better than the timeout does.
    return `${within}; the trigger was answered HTTP ${sent.status}, so the provider may have had no reason to call back: check the request (config body and parameters, --header for credentials).`;
  }
  return `${within} (HTTP ${sent.status ?? '—'}).`;
}

function describeAnswer(exchange: Exchange): string {
  if (exchange.answer === undefined) return 'nothing';
  return exchange.answer.dropped === true ? 'a dropped connection' : String(exchange.answer.status);
}

/** Arrival times, parsed once per exchange (sorting and judging read them many times). */
const arrivals = new WeakMap<Exchange, number>();

function arrival(exchange: Exchange): number {
  let at = arrivals.get(exchange);
  if (at === undefined) {
    at = Date.parse(exchange.receivedAt);
    arrivals.set(exchange, at);
  }
  return at;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
