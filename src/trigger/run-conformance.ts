import { createToken } from '../receive/create-token.ts';
import type { Exchange } from '../receive/exchange.ts';
import { createReceiver } from '../receive/index.ts';
import type { Receiver, ReceiverBehaviour } from '../receive/types.ts';
import type { ContractResult, Expectation, Report, TriggerResult } from '../report/report.ts';
import { summarise } from '../report/summarise.ts';
import type { Catalogue, Contract } from '../spec/contract.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';
import { checkFilters } from './check-filters.ts';
import { correlateCallbacks } from './correlate-callbacks.ts';
import { createTriggerAgents } from './create-trigger-agents.ts';
import { planTriggers } from './plan-triggers.ts';
import { runPool } from './run-pool.ts';
import { runReceiverOptions } from './run-receiver-options.ts';
import { type SentTrigger, sendTrigger } from './send-trigger.ts';
import { type CallbackForwarder, startCallbackForwarder } from './start-callback-forwarder.ts';
import { trackDeliveries } from './track-deliveries.ts';
import type { PlannedTrigger, RunOptions } from './types.ts';

/**
 * The provider conformance run: starts a receiver (unless one is given), sends every trigger,
 * checks each immediate response, waits for the callbacks (until all arrived plus a grace
 * window for duplicates, or the timeout plus a window to spot late ones), and returns the report.
 * Conformance problems are findings in the report; only the tool's own failures throw.
 *
 * @example
 * const report = await runConformance(catalogue, resolveRunOptions({ provider: 'http://127.0.0.1:8000' }, {}));
 * report.summary.conformant // true
 */
export async function runConformance(catalogue: Catalogue, options: RunOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  // A typo in a filter is refused before a receiver is bound.
  checkFilters(catalogue, options.filters);
  const receiver =
    options.receiver ?? (await createReceiver(catalogue, runReceiverOptions(options)));
  const exchanges: Exchange[] = [];
  let forwarder: CallbackForwarder | undefined;
  const agents = createTriggerAgents();
  try {
    const plan = planTriggers(catalogue, {
      provider: options.provider,
      filters: options.filters,
      headers: options.headers,
      timeoutMs: options.timeoutMs,
      operations: options.operations,
      ...(options.repeat === undefined ? {} : { repeat: options.repeat }),
      ...(options.callbackBase === undefined ? {} : { callbackBase: options.callbackBase }),
      urlFor: (contract, token) => receiver.urlFor(contract, token),
      createToken,
    });
    for (const [contract, behaviour] of Object.entries(collectBehaviours(options, plan.triggers))) {
      receiver.setBehaviour(contract, behaviour);
    }
    const fixedContracts = catalogue.contracts.filter((contract) =>
      plan.triggers.some((trigger) =>
        trigger.expectations.some(
          (expectation) =>
            expectation.contract === contract.id && expectation.fixedOrigin !== undefined,
        ),
      ),
    );
    if (fixedContracts.length > 0 && options.callbackBase !== undefined) {
      forwarder = await startCallbackForwarder(options.callbackBase, receiver, fixedContracts);
    }
    const fixedPrefixes = new Map(
      fixedContracts.map((contract) => [
        contract.id,
        new URL(receiver.urlFor(contract.id)).pathname,
      ]),
    );
    options.onProgress?.({ type: 'receiver-ready', origin: receiver.origin });
    const tracker = trackDeliveries(plan.triggers);
    const byToken = new Map(plan.triggers.map((trigger) => [trigger.token, trigger.id]));
    let wake: (() => void) | undefined;
    const unsubscribe = receiver.subscribe((exchange) => {
      exchanges.push(exchange);
      tracker.record(exchange);
      options.onProgress?.({
        type: 'callback-received',
        ...(exchange.token === undefined ? {} : { trigger: byToken.get(exchange.token) }),
        ...(exchange.contract === undefined ? {} : { contract: exchange.contract }),
        exchange: exchange.id,
      });
      wake?.();
    });
    let sent: SentTrigger[];
    try {
      sent = await runPool(plan.triggers, options.concurrency, async (trigger) => {
        const result = await sendTrigger(trigger, {
          timeoutMs: Math.max(trigger.timeoutMs, 5000),
          agents,
        });
        options.onProgress?.({
          type: 'trigger-sent',
          trigger: trigger.id,
          method: trigger.method,
          url: trigger.url,
          ...(result.status === undefined ? {} : { status: result.status }),
          expects: trigger.expectations.filter((e) => e.count > 0).map((e) => e.contract),
        });
        return result;
      });
      await waitForCallbacks(sent, tracker.outstanding, options, (resolve) => {
        wake = resolve;
      });
    } finally {
      unsubscribe();
    }
    const correlation = correlateCallbacks({
      sent,
      exchanges,
      receiverOrigin: receiver.origin,
      fixedPrefixes,
      contracts: new Map(catalogue.contracts.map((contract) => [contract.id, contract])),
    });
    const reported = exchanges.filter((exchange) => !correlation.ignored.has(exchange.id));
    // The receiver's validator: its compiled schemas serve the trigger responses too.
    const triggers = sent.map((result) => describeTrigger(result, receiver.validator));
    const planningFindings = plan.triggers.flatMap((trigger) =>
      trigger.expectations
        .filter((expectation) => !expectation.checkable)
        .flatMap((e) => e.findings),
    );
    const draft: Omit<Report, 'summary'> = {
      tool: { name: 'callback-verify', version: options.toolVersion ?? '0.0.0' },
      command: 'run',
      spec: {
        source: catalogue.document.source,
        openapi: catalogue.document.openapi,
        title: catalogue.document.title,
      },
      startedAt,
      finishedAt: new Date().toISOString(),
      contracts: describeContracts(
        catalogue.contracts,
        correlation.expectations,
        reported,
        planningFindings,
        receiver,
      ),
      triggers,
      expectations: correlation.expectations,
      deliveries: [],
      exchanges: reported,
      findings: [
        ...plan.findings,
        ...correlation.findings,
        ...(options.signal?.aborted === true
          ? [
              {
                check: 'run.interrupted',
                severity: 'warning' as const,
                message:
                  'The run was interrupted before every timeout had passed; callbacks still on their way are reported as missing.',
              },
            ]
          : []),
      ],
      provider: {
        ...(options.providerCommand === undefined ? {} : { command: options.providerCommand }),
        url: options.provider,
        output: options.providerOutput?.() ?? '',
      },
    };
    options.onProgress?.({ type: 'done' });
    return { ...draft, summary: summarise(draft) };
  } finally {
    agents.destroy();
    await forwarder?.close();
    if (options.receiver === undefined) await receiver.close();
  }
}

/** Global behaviours first, then each operation's (they name contracts, so they do not clash). */
function collectBehaviours(
  options: RunOptions,
  triggers: readonly PlannedTrigger[],
): Record<string, ReceiverBehaviour> {
  const behaviours: Record<string, ReceiverBehaviour> = { ...options.behaviours };
  for (const trigger of triggers) Object.assign(behaviours, trigger.behaviours);
  return behaviours;
}

/**
 * Waits until every expected callback arrived (then a grace window for duplicates) or the last
 * deadline passed (then a window to tell late callbacks from missing ones).
 */
async function waitForCallbacks(
  sent: readonly SentTrigger[],
  outstanding: () => number,
  options: RunOptions,
  onWake: (resolve: () => void) => void,
): Promise<void> {
  if (sent.length === 0) return;
  const deadline = Math.max(...sent.map((result) => result.respondedAt + result.trigger.timeoutMs));
  const waitUntil = async (until: number): Promise<void> => {
    let lastProgress = 0;
    while (outstanding() > 0 && Date.now() < until && options.signal?.aborted !== true) {
      if (Date.now() - lastProgress >= 1000) {
        lastProgress = Date.now();
        options.onProgress?.({
          type: 'waiting',
          outstanding: outstanding(),
          remainingMs: Math.max(0, deadline - Date.now()),
        });
      }
      await sleep(Math.min(until - Date.now(), 1000), options.signal, onWake);
    }
  };
  const aborted = (): boolean => options.signal?.aborted === true;
  await waitUntil(deadline);
  if (aborted()) return;
  if (outstanding() > 0) await waitUntil(deadline + options.lateWindowMs);
  if (outstanding() === 0 && !aborted()) {
    await sleep(options.graceMs, options.signal, () => {});
  }
}

function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  onWake: (resolve: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    onWake(done);
  });
}

function describeTrigger(sent: SentTrigger, validator: Validator): TriggerResult {
  const { trigger } = sent;
  const findings: Finding[] = [];
  if (sent.error !== undefined || sent.status === undefined) {
    findings.push({
      check: 'trigger.failed',
      severity: 'error',
      message: `The trigger request ${trigger.method} ${trigger.url} got no response: ${sent.error ?? 'unknown error'}.`,
      where: '/url',
      spec: trigger.operation.pointer,
    });
  } else {
    findings.push(
      ...validator.checkResponse(trigger.operation, {
        status: sent.status,
        headers: sent.headers,
        body: sent.body,
      }),
    );
  }
  return {
    id: trigger.id,
    ...(trigger.operation.operationId === undefined
      ? {}
      : { operationId: trigger.operation.operationId }),
    method: trigger.method,
    url: trigger.url,
    ...(trigger.body === undefined ? {} : { requestBody: trigger.body }),
    ...(sent.status === undefined ? {} : { status: sent.status }),
    ...(sent.parsedBody === undefined ? {} : { responseBody: sent.parsedBody }),
    durationMs: Math.round((sent.respondedAt - sent.sentAt) * 100) / 100,
    findings,
  };
}

function describeContracts(
  contracts: readonly Contract[],
  expectations: readonly Expectation[],
  exchanges: readonly Exchange[],
  planningFindings: readonly Finding[],
  receiver: Receiver,
): ContractResult[] {
  return contracts.map((contract) => {
    const own = expectations.filter((expectation) => expectation.contract === contract.id);
    const received = exchanges.filter((exchange) => exchange.contract === contract.id);
    const findings = planningFindings.filter((finding) => finding.contract === contract.id);
    let verdict: ContractResult['verdict'] = 'pass';
    if (own.length === 0 && received.length === 0) verdict = 'not-exercised';
    else if (own.some((expectation) => expectation.status === 'missing')) verdict = 'missing';
    else if (
      own.some((expectation) => expectation.status !== 'received') ||
      received.some((exchange) => exchange.verdict === 'fail') ||
      own.length === 0 ||
      hasErrors(findings)
    ) {
      verdict = 'fail';
    }
    return {
      id: contract.id,
      kind: contract.kind,
      method: contract.method.toUpperCase(),
      expression: contract.expression?.raw ?? contract.name,
      ...(receiverUrl(receiver, contract.id) === undefined
        ? {}
        : { receiverUrl: receiverUrl(receiver, contract.id) }),
      verdict,
      exchanges: received.map((exchange) => exchange.id),
      findings,
    };
  });
}

function receiverUrl(receiver: Receiver, contract: string): string | undefined {
  try {
    return receiver.urlFor(contract);
  } catch {
    return undefined;
  }
}
