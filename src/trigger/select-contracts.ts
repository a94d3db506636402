import type { OperationConfig } from '../config/types.ts';
import { ContractNotFoundError } from '../errors.ts';
import type { Contract, TriggerOperation } from '../spec/contract.ts';
import { operationKey } from './operation-key.ts';
import type { RunFilters } from './types.ts';

/**
 * Contracts expected after this trigger, with how many callbacks each: the operation's own, or
 * those its config names (callbacks or webhooks), narrowed by `--contract`.
 * @example selectContracts(operation, contracts, [], undefined, noFilters) // Map { 'createInvoice/invoicePaid/post' => 1 }
 */
export function selectContracts(
  operation: TriggerOperation,
  contracts: Contract[],
  webhooks: Contract[],
  config: OperationConfig | undefined,
  filters: RunFilters,
): Map<string, number> {
  const count = config?.expect?.count ?? 1;
  const ids = config?.expect?.contracts ?? contracts.map((contract) => contract.id);
  const selected = new Map<string, number>();
  for (const id of ids) {
    if (filters.contracts.length > 0 && !filters.contracts.includes(id)) continue;
    selected.set(id, count);
  }
  if (config?.expect?.contracts !== undefined) {
    const known = [...contracts, ...webhooks].map((contract) => contract.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      throw new ContractNotFoundError(
        `The config expects ${unknown.join(', ')} after ${operationKey(operation)}, but the operation declares no such callback and the spec no such webhook.`,
        { hint: `Contracts it can expect: ${known.join(', ')}.` },
      );
    }
  }
  return selected;
}
