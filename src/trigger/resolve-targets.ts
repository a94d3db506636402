import type { TriggerOperation } from '../spec/contract.ts';
import type { InjectionPoint } from '../spec/runtime-expression/types.ts';

/** Where in the trigger request a receiver URL goes. */
export type InjectionTarget =
  | { in: 'body'; pointer: string }
  | { in: 'path' | 'query' | 'header'; name: string };

/**
 * The places in the trigger request an injection point names: each body pointer, or the
 * parameter; FastAPI's `{$callback_url}` names a parameter, so it goes wherever the operation
 * declares it (a query parameter when it does not).
 * @example resolveTargets({ in: 'parameter', name: 'callback_url' }, operation) // [{ in: 'query', name: 'callback_url' }]
 */
export function resolveTargets(
  point: InjectionPoint,
  operation: TriggerOperation,
): InjectionTarget[] {
  if (point.in === 'body') {
    return [point.pointer ?? '', ...(point.alternatives ?? [])].map((pointer) => ({
      in: 'body',
      pointer,
    }));
  }
  const name = point.name ?? '';
  if (point.in === 'parameter') {
    const declared = operation.parameters.find((parameter) => parameter.name === name);
    if (declared !== undefined && declared.in !== 'cookie' && declared.in !== 'querystring') {
      return [{ in: declared.in, name }];
    }
    return [{ in: 'query', name }];
  }
  return [{ in: point.in, name }];
}
