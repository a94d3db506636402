export { buildLiveRunReport, type LiveRunProgress } from './build-live-run-report.ts';
export { createDashboard } from './create-dashboard.ts';
export { createDashboardRoute, type DashboardRoute } from './create-dashboard-route.ts';
export {
  createEventHub,
  type EventHub,
  type EventHubOptions,
  formatEvent,
} from './create-event-hub.ts';
export { createMockSource, type MockSource } from './create-mock-source.ts';
export {
  createReceiverSource,
  type ReceiverSource,
  type ReceiverSourceOptions,
} from './create-receiver-source.ts';
export { type DashboardAsset, readDashboardAssets } from './read-dashboard-assets.ts';
export { dashboardPolicy, renderDashboardPage } from './render-dashboard-page.ts';
export type * from './types.ts';
