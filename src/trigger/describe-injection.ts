import type { TriggerOperation } from '../spec/contract.ts';
import type { InjectionPoint } from '../spec/runtime-expression/types.ts';
import { resolveTargets } from './resolve-targets.ts';

/**
 * Where an injected receiver URL sits in the trigger request, as a pointer into it.
 * @example describeInjection({ in: 'header', name: 'ProgressUrl' }, operation) // '/headers/progressurl'
 */
export function describeInjection(point: InjectionPoint, operation: TriggerOperation): string {
  const [target] = resolveTargets(point, operation);
  if (target === undefined) return '/body';
  if (target.in === 'body') return `/body${target.pointer}`;
  const group = target.in === 'header' ? 'headers' : target.in;
  return `/${group}/${target.in === 'header' ? target.name.toLowerCase() : target.name}`;
}
