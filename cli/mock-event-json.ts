import type { MockEvent } from '../src/provide/mock/index.ts';

/**
 * One JSON Lines event of `mock --json`: the event's own data, flat, under its type.
 * @example mockEventJson({ type: 'delivery', delivery }) // { event: 'delivery', ...delivery }
 */
export function mockEventJson(event: MockEvent): Record<string, unknown> {
  switch (event.type) {
    case 'request':
      return { event: 'request', ...event.request, callbacks: event.callbacks };
    case 'delivery':
      return { event: 'delivery', ...event.delivery };
    case 'skipped':
      return { event: 'skipped', contract: event.contract, finding: event.finding };
  }
}
