import { isCallbackVerifyError } from '../src/errors.ts';
import { sanitiseText } from '../src/report/sanitise-text.ts';

/** Process exit codes: the contract with CI. */
export const ExitCode = {
  conformant: 0,
  nonConformant: 1,
  usage: 2,
  internal: 70,
  /** `run` stopped by a signal before it finished; its partial report is still written. */
  interrupted: 130,
} as const;

/**
 * Exit code for an error that escaped a command: 2 for the tool's own errors, 70 for bugs,
 * including the tool's own `CV_INTERNAL` (a package missing its files).
 */
export function exitCodeFor(error: unknown): number {
  return isCallbackVerifyError(error) && error.code !== 'CV_INTERNAL'
    ? ExitCode.usage
    : ExitCode.internal;
}

/** The message printed for an error that escaped a command, with its code and what to do. */
export function describeError(error: unknown): string {
  if (isCallbackVerifyError(error)) {
    const hint = error.hint === undefined ? '' : `\n  ${error.hint}`;
    // Messages quote the spec, its $refs and a provider's output: no raw control characters.
    return sanitiseText(`error ${error.code}: ${error.message}${hint}`, { multiline: true });
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error (a bug in callback-verify; please report it with this output):\n${detail}`;
}
