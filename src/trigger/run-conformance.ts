import { createToken } from '../receive/create-token.ts';
import type { Exchange } from '../receive/exchange.ts';
import { createReceiver } from '../receive/index.ts';
import type { Report } from '../report/report.ts';
import { summarise } from '../report/summarise.ts';
import type { Catalogue } from '../spec/contract.ts';
import { checkFilters } from './check-filters.ts';
import { collectBehaviours } from './collect-behaviours.ts';
import { correlateCallbacks } from './correlate-callbacks.ts';
import { createTriggerAgents } from './create-trigger-agents.ts';
import { describeContracts } from './describe-contracts.ts';
import { describeTrigger } from './describe-trigger.ts';
import { interchangeableContracts } from './interchangeable-contracts.ts';
import { planTriggers } from './plan-triggers.ts';
import { runPool } from './run-pool.ts';
import { runReceiverOptions } from './run-receiver-options.ts';
import { type SentTrigger, sendTrigger } from './send-trigger.ts';
import { type CallbackForwarder, startCallbackForwarder } from './start-callback-forwarder.ts';
import { trackDeliveries } from './track-deliveries.ts';
import type { RunOptions } from './types.ts';
import { waitForCallbacks } from './wait-for-callbacks.ts';

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
  const agents = createTriggerAgents(options.ca);
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
      validator: receiver.validator,
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
      forwarder = await startCallbackForwarder(
        options.callbackBase,
        receiver,
        fixedContracts,
        options.receiverTls,
      );
    }
    const fixedPrefixes = new Map(
      fixedContracts.map((contract) => [
        contract.id,
        new URL(receiver.urlFor(contract.id)).pathname,
      ]),
    );
    options.onProgress?.({ type: 'receiver-ready', origin: receiver.origin });
    const contracts = new Map(catalogue.contracts.map((contract) => [contract.id, contract]));
    const tracker = trackDeliveries(plan.triggers, interchangeableContracts(contracts));
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
      contracts,
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
