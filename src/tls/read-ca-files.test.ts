import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { getCACertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { readCaFiles } from './read-ca-files.ts';
import { trustedCas } from './trusted-cas.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../receive/fixtures/tls/${name}`, import.meta.url));

describe('readCaFiles', () => {
  test('reads each PEM file, in order', async () => {
    const files = [fixture('cert.pem'), fixture('other-cert.pem')];
    const read = await readCaFiles(files);
    assert.deepEqual(read, await Promise.all(files.map((file) => readFile(file, 'utf8'))));
  });

  const refusals: Array<{ file: string; message: RegExp }> = [
    { file: 'missing.pem', message: /^--ca .*missing\.pem cannot be read \(ENOENT\)\.$/ },
    { file: 'key.pem', message: /^--ca .*key\.pem holds no PEM certificate\.$/ },
  ];
  for (const { file, message } of refusals) {
    test(`${file} is CV_TLS_CONFIG`, async () => {
      await assert.rejects(readCaFiles([fixture(file)]), (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'CV_TLS_CONFIG');
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }
});

describe('trustedCas', () => {
  test("none given: undefined, so Node's own default applies", () => {
    assert.equal(trustedCas(undefined), undefined);
    assert.equal(trustedCas([]), undefined);
  });

  test("extra ones come after Node's default set, which is kept", () => {
    const defaults = getCACertificates('default');
    const trusted = trustedCas(['EXTRA']);
    assert.equal(trusted?.length, defaults.length + 1);
    assert.equal(trusted?.at(-1), 'EXTRA');
    assert.ok(defaults.length > 50, 'the bundled roots are part of the default set');
  });
});
