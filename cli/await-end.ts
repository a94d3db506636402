/** Why a session that runs until told to stop (`listen`, `mock`) ended. */
export type EndReason =
  | { kind: 'signal'; signal: string }
  | { kind: 'timeout' }
  | { kind: 'expect' };

/** One more way a session can end: starts watching, returns how to stop watching. */
export type EndWatch<Reason> = (end: (reason: Reason) => void) => () => void;

/** A session's end, and the clean-up of everything that was watching for it. */
export interface AwaitedEnd<Reason> {
  ended: Promise<Reason>;
  dispose(): void;
}

/**
 * Resolves with the first reason to stop: SIGINT or SIGTERM, `timeoutMs` passing, or one of the
 * command's own `watches` (an `--expect` count reached, a child process exiting…). Call
 * `dispose()` once it resolved, so the signals reach their default handlers again.
 * @example
 * const { ended, dispose } = awaitEnd({ timeoutMs: 5_000 });
 * const reason = await ended; // { kind: 'timeout' } unless Ctrl-C came first
 * dispose();
 */
export function awaitEnd<Extra = never>(options: {
  timeoutMs?: number;
  watches?: ReadonlyArray<EndWatch<EndReason | Extra>>;
}): AwaitedEnd<EndReason | Extra> {
  const cleanups: Array<() => void> = [];
  const ended = new Promise<EndReason | Extra>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const onSignal = (): void => resolve({ kind: 'signal', signal });
      process.once(signal, onSignal);
      cleanups.push(() => process.off(signal, onSignal));
    }
    if (options.timeoutMs !== undefined) {
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), options.timeoutMs);
      cleanups.push(() => clearTimeout(timer));
    }
    for (const watch of options.watches ?? []) cleanups.push(watch(resolve));
  });
  return {
    ended,
    dispose: () => {
      for (const cleanup of cleanups) cleanup();
    },
  };
}
