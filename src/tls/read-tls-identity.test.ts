import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TlsConfigError } from '../errors.ts';
import { readTlsIdentity } from './read-tls-identity.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../receive/fixtures/tls/${name}`, import.meta.url));

describe('readTlsIdentity', () => {
  it('reads a certificate and the key that belongs to it', async () => {
    const identity = await readTlsIdentity(fixture('cert.pem'), fixture('key.pem'));
    assert.match(identity.cert.toString(), /BEGIN CERTIFICATE/);
    assert.match(identity.key.toString(), /PRIVATE KEY/);
  });

  const refusals: Array<[string, string, string, RegExp]> = [
    [
      'both missing: the certificate is named, every time',
      'nope.pem',
      'nope-key.pem',
      /--tls-cert \S*nope\.pem cannot be read \(ENOENT\)/,
    ],
    [
      'only the key missing',
      fixture('cert.pem'),
      'nope-key.pem',
      /--tls-key \S*nope-key\.pem cannot be read \(ENOENT\)/,
    ],
    [
      'a key of another certificate',
      fixture('cert.pem'),
      fixture('other-key.pem'),
      /CV_TLS_CONFIG|key/i,
    ],
  ];
  for (const [name, cert, key, message] of refusals) {
    it(name, async () => {
      // Repeated: with both reads in flight at once, the one reported must not depend on timing.
      for (let round = 0; round < 20; round++) {
        await assert.rejects(
          readTlsIdentity(cert, key),
          (error: unknown) =>
            error instanceof TlsConfigError &&
            error.code === 'CV_TLS_CONFIG' &&
            message.test(`${error.code} ${error.message}`),
        );
      }
    });
  }
});
