import type { OperationConfig } from '../config/types.ts';
import type { TriggerOperation } from '../spec/contract.ts';

/**
 * The config entry of an operation, by operationId or `METHOD /path` (method in any case).
 *
 * @example
 * findOperationConfig({ 'POST /invoices': { timeout: 3 } }, operation) // { timeout: 3 }
 */
export function findOperationConfig(
  operations: Record<string, OperationConfig>,
  operation: TriggerOperation,
): OperationConfig | undefined {
  for (const [key, config] of Object.entries(operations)) {
    if (key === operation.operationId) return config;
    const [method, ...path] = key.trim().split(/\s+/);
    if (
      method?.toLowerCase() === operation.method.toLowerCase() &&
      path.join(' ') === operation.path
    ) {
      return config;
    }
  }
  return undefined;
}
