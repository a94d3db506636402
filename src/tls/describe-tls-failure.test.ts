import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeTlsFailure } from './describe-tls-failure.ts';

const failure = (code: string, message: string): Error =>
  Object.assign(new Error(message), { code });

describe('describeTlsFailure', () => {
  const cases: Array<{ given: unknown; kind?: string; message?: RegExp }> = [
    {
      given: failure(
        'DEPTH_ZERO_SELF_SIGNED_CERT',
        'self-signed certificate; if the root CA is installed locally, try running Node.js with --use-system-ca',
      ),
      kind: 'certificate',
      message:
        /^the server certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\); trust .* --ca <file> \(PEM\)$/,
    },
    {
      given: failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
      kind: 'certificate',
      message: /not trusted .*--ca/,
    },
    {
      given: failure('CERT_HAS_EXPIRED', 'certificate has expired'),
      kind: 'certificate',
      message: /^the server certificate is not valid now .*renew the certificate$/,
    },
    {
      given: failure(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
      ),
      kind: 'certificate',
      message: /does not name this host .*use a host name the certificate lists$/,
    },
    {
      given: failure(
        'EPROTO',
        'write EPROTO 40DD:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:../deps/openssl/x.c:77:',
      ),
      kind: 'handshake',
      message:
        /^the TLS handshake failed \(EPROTO: wrong version number\); check that the server speaks HTTPS/,
    },
    { given: failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1') },
    { given: new Error('no code') },
    { given: 'a string' },
  ];
  for (const { given, kind, message } of cases) {
    test(`${given instanceof Error ? ((given as { code?: string }).code ?? given.message) : String(given)} → ${kind ?? 'not TLS'}`, () => {
      const described = describeTlsFailure(given);
      if (kind === undefined) {
        assert.equal(described, undefined);
        return;
      }
      assert.equal(described?.kind, kind);
      assert.match(described?.message ?? '', message ?? /./);
      assert.doesNotMatch(described?.message ?? '', /use-system-ca/);
    });
  }
});
