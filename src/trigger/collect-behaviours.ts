import type { ReceiverBehaviour } from '../receive/types.ts';
import type { PlannedTrigger, RunOptions } from './types.ts';

/**
 * The receiver behaviours of a run: the global ones first, then each operation's (they name
 * contracts, so they do not clash).
 * @example collectBehaviours({ behaviours: { '*': { statuses: [503, 200] } } }, triggers)
 */
export function collectBehaviours(
  options: Pick<RunOptions, 'behaviours'>,
  triggers: readonly PlannedTrigger[],
): Record<string, ReceiverBehaviour> {
  const behaviours: Record<string, ReceiverBehaviour> = { ...options.behaviours };
  for (const trigger of triggers) Object.assign(behaviours, trigger.behaviours);
  return behaviours;
}
