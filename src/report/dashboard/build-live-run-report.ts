import type { Expectation, Report, TriggerResult } from '../report.ts';
import { summarise } from '../summarise.ts';

/** What a run has told its dashboard so far: the triggers it sent and who caused each callback. */
export interface LiveRunProgress {
  /** Triggers sent so far, in the order they were sent. */
  triggers: TriggerResult[];
  /** Contracts each sent trigger expects callbacks from, by trigger id. */
  expects: ReadonlyMap<string, readonly string[]>;
  /** The trigger of each callback that carried a trigger token, by exchange id. */
  triggerOf: ReadonlyMap<string, string>;
}

/**
 * A run's state while it is still waiting, counted as its final report counts: one unit per
 * expected callback (trigger × contract) that has arrived so far, not one per contract. A callback
 * with a trigger token belongs to that trigger; one without (webhooks, fixed-host callbacks) to
 * the first trigger sent that expects its contract and has none yet, as the run matches them.
 * Nothing is missing yet: that is only known once the run's wait is over.
 * @example const live = buildLiveRunReport(receiverReport, { triggers, expects, triggerOf });
 */
export function buildLiveRunReport(report: Report, progress: LiveRunProgress): Report {
  const expectations = new Map<string, Expectation>();
  const keyOf = (trigger: string, contract: string): string => `${trigger}\u0000${contract}`;
  for (const exchange of report.exchanges) {
    const contract = exchange.contract;
    if (contract === undefined) continue;
    let trigger = progress.triggerOf.get(exchange.id);
    if (trigger === undefined && exchange.token === undefined) {
      const expecting = progress.triggers
        .map((sent) => sent.id)
        .filter((id) => progress.expects.get(id)?.includes(contract) === true);
      trigger = expecting.find((id) => !expectations.has(keyOf(id, contract))) ?? expecting.at(-1);
    }
    // Not attributed (yet): counted as unexpected, as the final report would.
    if (trigger === undefined) continue;
    const key = keyOf(trigger, contract);
    let expectation = expectations.get(key);
    if (expectation === undefined) {
      expectation = { trigger, contract, status: 'received', exchanges: [], findings: [] };
      expectations.set(key, expectation);
    }
    expectation.exchanges.push(exchange.id);
    expectation.attempts = expectation.exchanges.length;
  }
  const { summary: _counted, ...rest } = report;
  const draft: Omit<Report, 'summary'> = {
    ...rest,
    command: 'run',
    triggers: progress.triggers,
    expectations: [...expectations.values()],
  };
  return { ...draft, summary: summarise(draft) };
}
