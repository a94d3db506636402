import { ContractNotFoundError, UsageError } from '../errors.ts';
import type { Catalogue, Contract } from '../spec/contract.ts';

/**
 * The contracts a delivery command addresses: every webhook (`all`), or the one contract a name
 * picks out — its id (`webhook/orderPaid/post`), its callback or webhook name, or its operationId.
 * Throws `ContractNotFoundError` (listing the ids there are) or `UsageError` when a name is ambiguous.
 *
 * @example
 * resolveContracts(catalogue, { contract: 'orderPaid' }) // [the webhook/orderPaid/post contract]
 */
export function resolveContracts(
  catalogue: Catalogue,
  selection: { contract?: string; all?: boolean },
): Contract[] {
  const { contracts } = catalogue;
  if (selection.all === true) {
    if (selection.contract !== undefined) {
      throw new UsageError('Name one contract or pass --all, not both.');
    }
    const webhooks = contracts.filter((contract) => contract.kind === 'webhook');
    if (webhooks.length === 0) {
      throw new ContractNotFoundError(`${catalogue.document.source} declares no webhooks.`, {
        hint: `Name a callback contract instead: ${listIds(contracts)}.`,
      });
    }
    return webhooks;
  }
  const wanted = selection.contract;
  if (wanted === undefined || wanted === '') {
    throw new UsageError('Name the contract to deliver, or pass --all for every webhook.', {
      hint: `Contracts in ${catalogue.document.source}: ${listIds(contracts)}.`,
    });
  }
  const exact = contracts.find((contract) => contract.id === wanted);
  if (exact !== undefined) return [exact];
  const named = contracts.filter(
    (contract) => contract.name === wanted || contract.operation.operationId === wanted,
  );
  if (named.length === 1) return named;
  if (named.length > 1) {
    throw new UsageError(`"${wanted}" names ${named.length} contracts.`, {
      hint: `Use one of their ids: ${listIds(named)}.`,
    });
  }
  throw new ContractNotFoundError(`${catalogue.document.source} has no contract "${wanted}".`, {
    hint: `Contracts there: ${listIds(contracts)}.`,
  });
}

function listIds(contracts: readonly Contract[]): string {
  return contracts.length === 0 ? '(none)' : contracts.map((contract) => contract.id).join(', ');
}
