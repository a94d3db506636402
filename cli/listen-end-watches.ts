import type { ChildProcess } from 'node:child_process';
import type { Receiver } from '../src/receive/index.ts';
import type { EndWatch } from './await-end.ts';
import { countMatched } from './count-matched.ts';
import type { ListenEnd } from './describe-listen-end.ts';
import type { ListenSettings } from './listen-options.ts';

/**
 * What ends `listen` besides a signal or `--timeout`: `--expect` reached, the command exiting.
 * @example awaitEnd<ListenEnd>({ watches: listenEndWatches(settings, receiver, child) })
 */
export function listenEndWatches(
  settings: ListenSettings,
  receiver: Receiver,
  child: ChildProcess | undefined,
): Array<EndWatch<ListenEnd>> {
  const watches: Array<EndWatch<ListenEnd>> = [];
  const wanted = settings.expect;
  if (wanted !== undefined) {
    watches.push((end) =>
      receiver.subscribe(() => {
        if (countMatched(receiver) >= wanted) end({ kind: 'expect' });
      }),
    );
  }
  if (child !== undefined) {
    watches.push((end) => {
      child.once('exit', (code, signal) => end({ kind: 'command', code, signal }));
      child.once('error', (error) => end({ kind: 'command-failed', message: error.message }));
      // Kept after the end: a child's late 'error' must still have a listener.
      return () => {};
    });
  }
  return watches;
}
