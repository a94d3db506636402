import type { MockProvider } from '../../provide/mock/types.ts';
import type { DashboardSource } from './types.ts';

/**
 * A mock provider as a dashboard source: its report so far (requests it answered as triggers,
 * deliveries with their verdicts and findings) and a change on every request, delivery or
 * skipped callback.
 * @example const dashboard = createDashboard(createMockSource(mock), { token });
 */
export function createMockSource(
  mock: Pick<MockProvider, 'report' | 'subscribe'>,
): DashboardSource {
  return {
    snapshot: () => mock.report(),
    subscribe: (listener) => mock.subscribe(() => listener({})),
  };
}
