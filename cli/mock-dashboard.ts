import type { MockProvider, MockProviderOptions } from '../src/provide/mock/index.ts';
import { createToken } from '../src/receive/create-token.ts';
import {
  createDashboard,
  createDashboardRoute,
  createMockSource,
} from '../src/report/dashboard/index.ts';
import type { Report } from '../src/report/report.ts';

/** `mock`'s dashboard once the mock provider runs. */
export interface LiveMockDashboard {
  /** The page URL to print: `dashboard: <url>`. */
  readonly url: string;
  /** Shows the final report on every open page. */
  publish(report: Report): void;
  /** Ends the pages' event streams; call before closing the mock provider. */
  close(): void;
}

/** The dashboard of `mock`: provider options now, the page once the provider runs. */
export interface MockDashboard {
  /** Spread into the mock provider's options. */
  readonly providerOptions: Pick<MockProviderOptions, 'extraRoutes'>;
  start(mock: MockProvider): LiveMockDashboard;
}

/**
 * The live dashboard for `mock`, on the mock's own port and guarded by a fresh unguessable
 * token (the mock has no receiver token of its own), unless `--no-dashboard` (commander's
 * `dashboard: false`) turned it off.
 * @example
 * const dashboard = prepareMockDashboard(flags.dashboard);
 * const mock = await startMockProvider(catalogue, { ...options, ...dashboard?.providerOptions });
 * const live = dashboard?.start(mock);
 */
export function prepareMockDashboard(enabled: boolean | undefined): MockDashboard | undefined {
  if (enabled === false) return undefined;
  const route = createDashboardRoute();
  const token = createToken();
  return {
    providerOptions: { extraRoutes: route.extraRoutes },
    start(mock) {
      const source = createMockSource(mock);
      const dashboard = route.attach(createDashboard(source, { token }));
      return {
        url: dashboard.urlFor(mock.origin),
        publish: (report) => source.publish(report),
        close: () => dashboard.close(),
      };
    },
  };
}
