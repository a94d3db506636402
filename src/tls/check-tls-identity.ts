import { createSecureContext } from 'node:tls';
import { TlsConfigError } from '../errors.ts';

/** A server's certificate (chain) and private key, PEM. */
export interface TlsIdentity {
  cert: string | Buffer;
  key: string | Buffer;
}

function describeProblem(error: unknown): { problem: string; hint: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (/key values mismatch/i.test(message)) {
    return {
      problem: 'the private key does not belong to the certificate',
      hint: 'Pass the key file that was generated together with this certificate.',
    };
  }
  if (/no start line|bad base64|PEM/i.test(message) && /key|private/i.test(message)) {
    return {
      problem: `the private key is not a PEM private key (${message})`,
      hint: 'Pass the key as a PEM file that starts with "-----BEGIN PRIVATE KEY-----" (or an RSA/EC variant), unencrypted.',
    };
  }
  return {
    problem: `they cannot be used (${message})`,
    hint: 'Pass a PEM certificate ("-----BEGIN CERTIFICATE-----") and its unencrypted PEM private key.',
  };
}

/**
 * Throws a `TlsConfigError` (CV_TLS_CONFIG) unless the certificate and key make a usable TLS
 * server identity; `names` says where each came from in the message (default: the option names).
 * @example checkTlsIdentity({ cert, key }) // throws when the key belongs to another certificate
 */
export function checkTlsIdentity(
  identity: TlsIdentity,
  names: { cert: string; key: string } = { cert: 'tls.cert', key: 'tls.key' },
): void {
  const certText =
    typeof identity.cert === 'string' ? identity.cert : identity.cert.toString('latin1');
  if (!certText.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TlsConfigError(`${names.cert} is not a PEM certificate.`, {
      hint: 'Pass the certificate as a PEM file that starts with "-----BEGIN CERTIFICATE-----" (the server certificate first, then any intermediates).',
    });
  }
  try {
    createSecureContext({ cert: identity.cert, key: identity.key });
  } catch (error) {
    const { problem, hint } = describeProblem(error);
    throw new TlsConfigError(
      `The TLS certificate ${names.cert} and key ${names.key}: ${problem}.`,
      {
        hint,
        cause: error,
      },
    );
  }
}
