/** Certificate checks a TLS client makes; a failure of one means the server is not trusted. */
const untrusted = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Says what went wrong when an HTTPS request failed in TLS (an untrusted, expired or misnamed
 * certificate, or a server that does not speak TLS), with what to do; undefined for any other
 * failure. `kind` tells an untrusted certificate from a failed handshake.
 * @example describeTlsFailure(error)?.message // 'the server certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); …'
 */
export function describeTlsFailure(
  error: unknown,
): { kind: 'certificate' | 'handshake'; code: string; message: string } | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  const text = error instanceof Error ? error.message : String(error);
  // OpenSSL's own text names its source file; its reason (`wrong version number`) is what helps.
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(text)?.[1];
  // Node appends advice about --use-system-ca; the advice given here is --ca.
  const detail = reason ?? text.replace(/;\s*if the root CA is installed locally.*$/s, '');
  if (untrusted.has(code)) {
    const what =
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'the server certificate does not name this host'
        : code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
          ? 'the server certificate is not valid now'
          : 'the server certificate is not trusted';
    const todo =
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'use a host name the certificate lists'
        : code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
          ? 'renew the certificate'
          : 'trust the certificate authority that signed it with --ca <file> (PEM)';
    return { kind: 'certificate', code, message: `${what} (${code}: ${detail}); ${todo}` };
  }
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') {
    return {
      kind: 'handshake',
      code,
      message: `the TLS handshake failed (${code}: ${detail}); check that the server speaks HTTPS on that port, or use an http:// URL`,
    };
  }
  return undefined;
}
