import type { MockProvider } from '../../provide/mock/types.ts';
import type { Report } from '../report.ts';
import { createPublishedSource } from './create-published-source.ts';
import type { DashboardSource } from './types.ts';

/** A {@link DashboardSource} over a mock provider, which can also show a final report. */
export interface MockSource extends DashboardSource {
  /** From now on show this report (e.g. the mock's final report) instead of the live state. */
  publish(report: Report): void;
}

/**
 * A mock provider as a dashboard source: its report so far (requests it answered as triggers,
 * deliveries with their verdicts and findings) and a change on every request, delivery or
 * skipped callback; `publish` replaces it with a final report on every open page.
 * @example const dashboard = createDashboard(createMockSource(mock), { token });
 */
export function createMockSource(mock: Pick<MockProvider, 'report' | 'subscribe'>): MockSource {
  return createPublishedSource(
    () => mock.report(),
    (onEvent) => mock.subscribe(onEvent),
    () => ({}),
  );
}
