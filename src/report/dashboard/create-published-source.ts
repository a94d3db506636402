import { createListeners } from '../../receive/create-listeners.ts';
import type { Report } from '../report.ts';
import type { DashboardChange, DashboardSource } from './types.ts';

/** A dashboard source over something live that can be replaced by a final report. */
export interface PublishedSource extends DashboardSource {
  /** Something outside the live feed changed: pages refresh their state. */
  changed(): void;
  /** From now on show this report instead of the live state. */
  publish(report: Report): void;
}

/**
 * The part every dashboard source shares: the live report until one is published, and a change
 * feed that follows the live thing only while a page listens (`follow` returns how to stop).
 * A failing page feed does not stop the others, and nothing live is passed on once published.
 * @example createPublishedSource(() => mock.report(), (on) => mock.subscribe(on), () => ({}))
 */
export function createPublishedSource<Event>(
  live: () => Report,
  follow: (onEvent: (event: Event) => void) => () => void,
  toChange: (event: Event) => DashboardChange,
): PublishedSource {
  const listeners = createListeners<DashboardChange>();
  let published: Report | undefined;
  let stopFollowing: (() => void) | undefined;

  const emit = listeners.notify;

  return {
    snapshot: () => published ?? live(),
    subscribe(listener) {
      const unsubscribe = listeners.subscribe(listener);
      stopFollowing ??= follow((event) => {
        if (published === undefined) emit(toChange(event));
      });
      return () => {
        unsubscribe();
        if (listeners.size() === 0) {
          stopFollowing?.();
          stopFollowing = undefined;
        }
      };
    },
    changed: () => emit({}),
    publish(report) {
      published = report;
      emit({ replaced: true });
    },
  };
}
