import type { TriggerOperation } from '../spec/contract.ts';
import { wireMethod } from '../spec/wire-method.ts';

/**
 * The name a trigger operation goes by in reports: its operationId, else `METHOD /path`.
 * @example operationKey({ method: 'post', path: '/invoices', … }) // 'POST /invoices'
 */
export function operationKey(operation: TriggerOperation): string {
  return operation.operationId ?? `${wireMethod(operation.method)} ${operation.path}`;
}
