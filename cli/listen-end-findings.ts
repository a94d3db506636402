import type { Finding } from '../src/validate/finding.ts';
import { describeListenEnd, type ListenEnd } from './describe-listen-end.ts';

/**
 * The findings only the end of `listen` can tell: `--expect` not reached (`listen.expect`), the
 * command after `--` failing or not starting (`listen.command`).
 * @example listenEndFindings({ kind: 'timeout' }, 2, 1) // [{ check: 'listen.expect', … }]
 */
export function listenEndFindings(
  reason: ListenEnd,
  expect: number | undefined,
  received: number,
): Finding[] {
  const findings: Finding[] = [];
  if (expect !== undefined && received < expect) {
    findings.push({
      check: 'listen.expect',
      severity: 'error',
      message: `Expected ${expect} callback(s) but ${received} arrived before listen ended (${describeListenEnd(reason)}).`,
      expected: expect,
      actual: received,
    });
  }
  if (reason.kind === 'command' && reason.code !== 0) {
    findings.push({
      check: 'listen.command',
      severity: 'error',
      message:
        reason.code === null
          ? `The command after -- was killed by ${reason.signal ?? 'a signal'}.`
          : `The command after -- exited with code ${reason.code}.`,
      actual: reason.code ?? reason.signal,
    });
  }
  if (reason.kind === 'command-failed') {
    findings.push({
      check: 'listen.command',
      severity: 'error',
      message: `The command after -- could not be started: ${reason.message}.`,
    });
  }
  return findings;
}
