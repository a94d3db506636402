import type { TriggerOperation } from '../spec/contract.ts';

/**
 * The name a trigger operation goes by in reports: its operationId, else `METHOD /path`.
 * @example operationKey({ method: 'post', path: '/invoices', … }) // 'POST /invoices'
 */
export function operationKey(operation: TriggerOperation): string {
  return operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
}
