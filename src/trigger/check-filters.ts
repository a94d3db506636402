import { ContractNotFoundError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { groupByTrigger } from './group-by-trigger.ts';
import { matchesOperation } from './matches-operation.ts';
import { operationKey } from './operation-key.ts';
import type { RunFilters } from './types.ts';

/**
 * Refuses a filter that names nothing in the catalogue (a typo would otherwise run nothing), with
 * a ContractNotFoundError listing what it could have named. Pure, so a run checks its filters
 * before it starts a receiver or a provider.
 *
 * @example
 * checkFilters(catalogue, { operations: ['createInvoice'], tags: [], contracts: [] }); // passes
 */
export function checkFilters(catalogue: Catalogue, filters: RunFilters): void {
  const operations = [...groupByTrigger(catalogue.contracts).values()].map(
    (group) => group.operation,
  );
  const known = operations.map(operationKey);
  for (const name of filters.operations) {
    if (!operations.some((operation) => matchesOperation(operation, name))) {
      throw new ContractNotFoundError(`No operation with callbacks matches --operation ${name}.`, {
        hint: `Operations with callbacks: ${known.join(', ') || '(none)'}.`,
      });
    }
  }
  for (const tag of filters.tags) {
    if (!operations.some((operation) => operation.tags.includes(tag))) {
      throw new ContractNotFoundError(`No operation with callbacks is tagged ${tag}.`, {
        hint: `Tags in use: ${[...new Set(operations.flatMap((operation) => operation.tags))].join(', ') || '(none)'}.`,
      });
    }
  }
  for (const id of filters.contracts) {
    const contract = catalogue.contracts.find((candidate) => candidate.id === id);
    if (contract === undefined || contract.kind !== 'callback') {
      throw new ContractNotFoundError(`No callback contract ${id} in the spec.`, {
        hint: `Callback contracts: ${catalogue.contracts
          .filter((candidate) => candidate.kind === 'callback')
          .map((candidate) => candidate.id)
          .join(', ')}.`,
      });
    }
  }
}
