import type { Contract, TriggerOperation } from '../spec/contract.ts';

/** A trigger operation with the callback contracts it declares. */
export interface TriggerGroup {
  operation: TriggerOperation;
  contracts: Contract[];
}

/**
 * Groups callback contracts by the operation that triggers them (keyed by its pointer), in
 * catalogue order; webhooks, which no operation triggers, are left out.
 * @example groupByTrigger(catalogue.contracts).get('#/paths/~1invoices/post')?.contracts
 */
export function groupByTrigger(contracts: readonly Contract[]): Map<string, TriggerGroup> {
  const groups = new Map<string, TriggerGroup>();
  for (const contract of contracts) {
    if (contract.kind !== 'callback' || contract.trigger === undefined) continue;
    const group = groups.get(contract.trigger.pointer);
    if (group === undefined) {
      groups.set(contract.trigger.pointer, { operation: contract.trigger, contracts: [contract] });
    } else group.contracts.push(contract);
  }
  return groups;
}
