import type { EndReason } from './await-end.ts';

/** Why a listening session ended. */
export type ListenEnd =
  | EndReason
  | { kind: 'command'; code: number | null; signal: string | null }
  | { kind: 'command-failed'; message: string }
  /** The tool itself failed while listening; the error is rethrown once the report is written. */
  | { kind: 'failed' };

/**
 * Why `listen` ended, as its findings and summary event say it.
 * @example describeListenEnd({ kind: 'command', code: 1, signal: null }) // 'command exited with 1'
 */
export function describeListenEnd(reason: ListenEnd): string {
  switch (reason.kind) {
    case 'signal':
      return `stopped by ${reason.signal}`;
    case 'timeout':
      return 'timeout';
    case 'expect':
      return 'expected number received';
    case 'command':
      return `command exited${reason.code === null ? ` by ${reason.signal}` : ` with ${reason.code}`}`;
    case 'command-failed':
      return 'command could not start';
    case 'failed':
      return 'internal error';
  }
}
