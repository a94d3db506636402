import { createReceiver } from '../src/receive/index.ts';
import type { Report } from '../src/report/report.ts';
import type { Catalogue } from '../src/spec/contract.ts';
import { runReceiverOptions } from '../src/trigger/index.ts';
import type { RunOptions, RunProgressEvent } from '../src/trigger/types.ts';
import { prepareDashboard } from './dashboard.ts';

/** `run`'s dashboard: the receiver it is served on, handed to `runConformance`. */
export interface RunDashboard {
  readonly url: string;
  /** Spread into `runConformance`'s options: the receiver, and progress for the page too. */
  runOptions(
    onProgress?: (event: RunProgressEvent) => void,
  ): Pick<RunOptions, 'receiver' | 'onProgress'>;
  /** Shows the final report on every open page. */
  publish(report: Report): void;
  /** Ends the pages' streams and closes the receiver. */
  close(): Promise<void>;
}

/**
 * Starts `run`'s receiver with the dashboard on it (`run` otherwise starts its own receiver
 * inside `runConformance`), unless `--no-dashboard`.
 * @example const dashboard = await startRunDashboard(flags.dashboard, catalogue, options, version);
 */
export async function startRunDashboard(
  enabled: boolean | undefined,
  catalogue: Catalogue,
  options: Pick<RunOptions, 'receiverHost' | 'receiverPort' | 'receiverTls' | 'signature'>,
  toolVersion: string,
): Promise<RunDashboard | undefined> {
  const dashboard = prepareDashboard(enabled);
  if (dashboard === undefined) return undefined;
  const receiver = await createReceiver(catalogue, {
    ...dashboard.receiverOptions,
    ...runReceiverOptions(options),
  });
  const live = dashboard.start(receiver, { command: 'run', toolVersion });
  return {
    url: live.url,
    runOptions: (onProgress) => ({
      receiver,
      onProgress(event) {
        onProgress?.(event);
        live.onProgress(event);
      },
    }),
    publish: (report) => live.publish(report),
    async close() {
      live.close();
      await receiver.close();
    },
  };
}
