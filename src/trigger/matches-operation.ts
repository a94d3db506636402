import type { TriggerOperation } from '../spec/contract.ts';

/**
 * Whether an `--operation` name names this operation: its operationId, or `METHOD /path`
 * (method in any case).
 * @example matchesOperation(operation, 'POST /invoices') // true for post /invoices
 */
export function matchesOperation(operation: TriggerOperation, name: string): boolean {
  if (operation.operationId === name) return true;
  const [method, ...rest] = name.trim().split(/\s+/);
  return (
    method?.toLowerCase() === operation.method.toLowerCase() &&
    rest.join(' ') === operation.path &&
    rest.length > 0
  );
}
