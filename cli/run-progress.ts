import { sanitiseText } from '../src/report/index.ts';
import type { RunProgressEvent } from '../src/trigger/index.ts';

/** Where `run` reports its progress: free lines, and the run's own events. */
export interface RunProgress {
  line(text: string): void;
  event(event: RunProgressEvent): void;
}

/**
 * Progress lines on stderr, so stdout stays the report; past 20 triggers or callbacks, large runs
 * print a count every 100 instead of a line each.
 * @example const progress = createRunProgress(); progress.line('starting provider: npm start');
 */
export function createRunProgress(): RunProgress {
  const detailed = 20;
  let sent = 0;
  let received = 0;
  const line = (text: string): void => {
    // Contract ids, URLs and the provider command come from outside: no raw control characters.
    process.stderr.write(`${sanitiseText(text)}\n`);
  };
  return {
    line,
    event(event) {
      switch (event.type) {
        case 'receiver-ready':
          line(`receiver listening at ${event.origin}`);
          break;
        case 'trigger-sent':
          sent += 1;
          if (sent <= detailed) {
            line(
              `→ ${event.trigger}: ${event.method} ${event.url} → ${event.status ?? 'no response'}`,
            );
          } else if (sent % 100 === 0) line(`→ ${sent} triggers sent`);
          break;
        case 'callback-received':
          received += 1;
          if (received <= detailed) {
            const trigger = event.trigger === undefined ? '' : ` (${event.trigger})`;
            line(`← ${event.contract ?? 'unmatched request'}${trigger}`);
          } else if (received % 100 === 0) line(`← ${received} callbacks received`);
          break;
        case 'waiting':
          line(
            `… waiting for ${event.outstanding} callback(s), ${Math.ceil(event.remainingMs / 1000)} s left`,
          );
          break;
        default:
          break;
      }
    },
  };
}
