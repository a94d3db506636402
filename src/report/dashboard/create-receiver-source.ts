import { buildListenReport } from '../../receive/build-listen-report.ts';
import type { Exchange } from '../../receive/exchange.ts';
import type { Receiver } from '../../receive/types.ts';
import type { Report, ReportCommand } from '../report.ts';
import { createPublishedSource } from './create-published-source.ts';
import type { DashboardSource } from './types.ts';

/** Options of {@link createReceiverSource}. */
export interface ReceiverSourceOptions {
  /** The command the page names; default `listen`. */
  command?: ReportCommand;
  toolVersion: string;
  /** ISO time the session started; default now. */
  startedAt?: string;
  /** Adds what only the caller knows (e.g. the triggers a run sent so far) to each snapshot. */
  decorate?: (report: Report) => Report;
}

/** A {@link DashboardSource} over a receiver, which a caller can also update by hand. */
export interface ReceiverSource extends DashboardSource {
  /** Something outside the receiver changed (a trigger was sent): pages refresh their state. */
  changed(): void;
  /** From now on show this report (e.g. the final report of a run) instead of the live state. */
  publish(report: Report): void;
}

/**
 * The live state of a receiver as a dashboard source: one row per contract with its receiver
 * URL and verdict so far (pass, fail, not exercised), the receiver's counts, and the
 * exchanges still in memory; every exchange the receiver answers is a change.
 * @example const source = createReceiverSource(receiver, { command: 'listen', toolVersion: '0.1.0' });
 */
export function createReceiverSource(
  receiver: Receiver,
  options: ReceiverSourceOptions,
): ReceiverSource {
  const startedAt = options.startedAt ?? new Date().toISOString();

  function live(): Report {
    const report = buildListenReport(receiver, {
      toolVersion: options.toolVersion,
      startedAt,
      finishedAt: new Date().toISOString(),
    });
    const named = { ...report, command: options.command ?? 'listen' };
    return options.decorate === undefined ? named : options.decorate(named);
  }

  return createPublishedSource<Exchange>(
    live,
    (onEvent) => receiver.subscribe(onEvent),
    (exchange) => ({ exchange }),
  );
}
