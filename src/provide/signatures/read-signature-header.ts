import type { Finding } from '../../validate/finding.ts';
import { readHeader } from './read-header.ts';
import { signatureFinding } from './signature-finding.ts';
import type { SignedRequest } from './signature-types.ts';

/**
 * The value of a scheme's one signature header, or the `signature.missing` finding when it is
 * absent or empty; `label` is the header as the scheme's documentation writes it.
 */
export function readSignatureHeader(
  request: SignedRequest,
  header: string,
  label: string,
  contract: string | undefined,
): string | Finding {
  const value = readHeader(request.headers, header);
  if (value !== undefined && value !== '') return value;
  return signatureFinding('signature.missing', header, `${label} is missing.`, { contract });
}
