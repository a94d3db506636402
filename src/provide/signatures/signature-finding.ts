import type { Finding } from '../../validate/finding.ts';

/** Stable check ids of signature findings. */
export type SignatureCheck =
  | 'signature.missing'
  | 'signature.malformed'
  | 'signature.mismatch'
  | 'signature.stale';

/** Builds one signature finding (always of error severity). */
export function signatureFinding(
  check: SignatureCheck,
  header: string,
  message: string,
  options: { contract?: string; actual?: unknown } = {},
): Finding {
  const finding: Finding = {
    check,
    severity: 'error',
    message,
    where: `/headers/${header.toLowerCase()}`,
  };
  if (options.contract !== undefined) finding.contract = options.contract;
  if (options.actual !== undefined) finding.actual = options.actual;
  return finding;
}
