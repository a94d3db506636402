import type { SentTrigger } from './send-trigger.ts';
import type { RunOptions } from './types.ts';

/**
 * Waits until every expected callback arrived (then a grace window for duplicates) or the last
 * deadline passed (then a window to tell late callbacks from missing ones). `onWake` is handed
 * the current sleep's resolver, so a callback's arrival ends the sleep at once.
 * @example await waitForCallbacks(sent, tracker.outstanding, options, (wake) => { resume = wake; });
 */
export async function waitForCallbacks(
  sent: readonly SentTrigger[],
  outstanding: () => number,
  options: Pick<RunOptions, 'signal' | 'onProgress' | 'graceMs' | 'lateWindowMs'>,
  onWake: (resolve: () => void) => void,
): Promise<void> {
  if (sent.length === 0) return;
  const deadline = Math.max(...sent.map((result) => result.respondedAt + result.trigger.timeoutMs));
  const waitUntil = async (until: number): Promise<void> => {
    let lastProgress = 0;
    while (outstanding() > 0 && Date.now() < until && options.signal?.aborted !== true) {
      if (Date.now() - lastProgress >= 1000) {
        lastProgress = Date.now();
        options.onProgress?.({
          type: 'waiting',
          outstanding: outstanding(),
          remainingMs: Math.max(0, deadline - Date.now()),
        });
      }
      await sleep(Math.min(until - Date.now(), 1000), options.signal, onWake);
    }
  };
  const aborted = (): boolean => options.signal?.aborted === true;
  await waitUntil(deadline);
  if (aborted()) return;
  if (outstanding() > 0) await waitUntil(deadline + options.lateWindowMs);
  if (outstanding() === 0 && !aborted()) {
    await sleep(options.graceMs, options.signal, () => {});
  }
}

function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  onWake: (resolve: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    onWake(done);
  });
}
