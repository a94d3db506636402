import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dashboard } from './types.ts';

/** A receiver route that a dashboard fills once the receiver (its source) exists. */
export interface DashboardRoute {
  /** For the receiver's options: `extraRoutes: route.extraRoutes`. */
  readonly extraRoutes: Record<
    string,
    (request: IncomingMessage, response: ServerResponse) => void
  >;
  /** Serves this dashboard from now on; returns it. */
  attach(dashboard: Dashboard): Dashboard;
}

/**
 * The `dashboard` entry of a receiver's `extraRoutes`, made before the receiver so the
 * dashboard (whose source is the receiver) can be attached after it started. Until then the
 * route answers 503.
 * @example
 * const route = createDashboardRoute();
 * const receiver = await createReceiver(catalogue, { extraRoutes: route.extraRoutes });
 * const dashboard = route.attach(createDashboard(createReceiverSource(receiver, { toolVersion }), { token: receiver.token }));
 */
export function createDashboardRoute(): DashboardRoute {
  let current: Dashboard | undefined;
  return {
    extraRoutes: {
      dashboard(request, response) {
        if (current !== undefined) {
          current.handle(request, response);
          return;
        }
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The dashboard is starting; reload in a moment.\n');
      },
    },
    attach(dashboard) {
      current = dashboard;
      return dashboard;
    },
  };
}
