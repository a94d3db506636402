import type { Receiver, ReceiverOptions } from '../src/receive/types.ts';
import {
  buildLiveRunReport,
  createDashboard,
  createDashboardRoute,
  createReceiverSource,
  type ReceiverSource,
} from '../src/report/dashboard/index.ts';
import type { Report, ReportCommand, TriggerResult } from '../src/report/report.ts';
import type { RunProgressEvent } from '../src/trigger/types.ts';

/** Triggers and callback attributions a run's dashboard remembers (the newest). */
const maxRemembered = 1000;

/** A command's dashboard once its receiver runs. */
export interface LiveDashboard {
  /** The page URL to print: `dashboard: <url>`. */
  readonly url: string;
  readonly source: ReceiverSource;
  /** `run`: shows each trigger as it is sent. */
  onProgress(event: RunProgressEvent): void;
  /** Shows the final report on every open page. */
  publish(report: Report): void;
  /** Ends the pages' event streams; call before closing the receiver. */
  close(): void;
}

/** The dashboard of a command: receiver options now, the page once the receiver runs. */
export interface CommandDashboard {
  /** Spread into the receiver's options. */
  readonly receiverOptions: Pick<ReceiverOptions, 'extraRoutes'>;
  start(
    receiver: Receiver,
    options: { command: ReportCommand; toolVersion: string; startedAt?: string },
  ): LiveDashboard;
}

/**
 * The live dashboard for `listen` and `run`, unless `--no-dashboard` (commander's
 * `dashboard: false`) turned it off.
 * @example
 * const dashboard = prepareDashboard(flags.dashboard);
 * const receiver = await createReceiver(catalogue, { ...dashboard?.receiverOptions });
 * const live = dashboard?.start(receiver, { command: 'listen', toolVersion: version });
 */
export function prepareDashboard(enabled: boolean | undefined): CommandDashboard | undefined {
  if (enabled === false) return undefined;
  const route = createDashboardRoute();
  return {
    receiverOptions: { extraRoutes: route.extraRoutes },
    start(receiver, options) {
      const triggers: TriggerResult[] = [];
      const expects = new Map<string, string[]>();
      const triggerOf = new Map<string, string>();
      const source = createReceiverSource(receiver, {
        ...options,
        // A run's page counts expected callbacks, as its final report does, not contracts.
        ...(options.command === 'run'
          ? { decorate: (report) => buildLiveRunReport(report, { triggers, expects, triggerOf }) }
          : {}),
      });
      const dashboard = route.attach(createDashboard(source, { token: receiver.token }));
      return {
        url: dashboard.urlFor(receiver.origin),
        source,
        onProgress(event) {
          if (event.type === 'callback-received') {
            if (event.trigger === undefined) return;
            triggerOf.set(event.exchange, event.trigger);
            // Bounded like the exchanges the receiver keeps in memory.
            for (const id of triggerOf.keys()) {
              if (triggerOf.size <= maxRemembered) break;
              triggerOf.delete(id);
            }
            return;
          }
          if (event.type !== 'trigger-sent') return;
          triggers.push({
            id: event.trigger,
            method: event.method,
            url: event.url,
            ...(event.status === undefined ? {} : { status: event.status }),
            findings: [],
          });
          expects.set(event.trigger, event.expects ?? []);
          // Bounded like the exchanges: a long run keeps only its latest triggers on the page.
          for (const old of triggers.splice(0, Math.max(0, triggers.length - maxRemembered))) {
            expects.delete(old.id);
          }
          source.changed();
        },
        publish: (report) => source.publish(report),
        close: () => dashboard.close(),
      };
    },
  };
}
