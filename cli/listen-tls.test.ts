import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { httpsCall, runWithJsonEvents } from './json-events.test-fixture.ts';

const spec = fileURLToPath(new URL('../src/receive/fixtures/receiver.yaml', import.meta.url));
const tlsFile = (name: string): string =>
  fileURLToPath(new URL(`../src/receive/fixtures/tls/${name}`, import.meta.url));
const paid = 'createInvoice/invoicePaid/post';

/** Runs `listen … --json` through {@link runWithJsonEvents}. */
const listen = (
  args: string[],
  act?: (ready: Record<string, unknown>) => Promise<void>,
): ReturnType<typeof runWithJsonEvents> => runWithJsonEvents(['listen', spec, ...args], act);

describe('listen --tls-cert --tls-key', () => {
  test('serves HTTPS: https URLs, the dashboard over TLS, a callback judged as over HTTP', async () => {
    const ca = await readFile(tlsFile('cert.pem'));
    const run = await listen(
      ['--tls-cert', tlsFile('cert.pem'), '--tls-key', tlsFile('key.pem'), '--expect', '1'],
      async (ready) => {
        assert.match(String(ready.origin), /^https:\/\/127\.0\.0\.1:\d+$/);
        const urls = ready.urls as Record<string, string>;
        for (const url of Object.values(urls)) assert.match(url, /^https:\/\//);
        assert.match(String(ready.dashboard), /^https:\/\//);
        const page = await httpsCall(String(ready.dashboard), ca);
        assert.equal(page.status, 200);
        assert.match(page.body, /<html/i);
        const reply = await httpsCall(`${urls[paid]}/invoices/i1`, ca, {
          method: 'POST',
          body: '{"id":"i1","paid":true}',
        });
        assert.equal(reply.status, 200);
      },
    );
    assert.equal(run.code, 0, run.stderr);
    const exchange = run.events.find((e) => e.event === 'exchange');
    assert.equal(exchange?.verdict, 'pass');
    assert.equal(exchange?.contract, paid);
  });

  const refusals: Array<{ name: string; args: string[]; stderr: RegExp }> = [
    {
      name: 'a certificate without its key is CV_USAGE',
      args: ['--tls-cert', tlsFile('cert.pem')],
      stderr: /error CV_USAGE: --tls-cert needs --tls-key too/,
    },
    {
      name: 'a key without its certificate is CV_USAGE',
      args: ['--tls-key', tlsFile('key.pem')],
      stderr: /error CV_USAGE: --tls-key needs --tls-cert too/,
    },
    {
      name: 'a key of another certificate is CV_TLS_CONFIG',
      args: ['--tls-cert', tlsFile('cert.pem'), '--tls-key', tlsFile('other-key.pem')],
      stderr:
        /error CV_TLS_CONFIG: .*the private key does not belong to the certificate\.\n\s+Pass the key file/,
    },
    {
      name: 'an unreadable certificate is CV_TLS_CONFIG',
      args: ['--tls-cert', tlsFile('nope.pem'), '--tls-key', tlsFile('key.pem')],
      stderr: /error CV_TLS_CONFIG: --tls-cert .*nope\.pem cannot be read \(ENOENT\)/,
    },
  ];
  for (const { name, args, stderr } of refusals) {
    test(name, async () => {
      const run = await listen([...args, '--timeout', '5']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, stderr);
      assert.equal(run.events.length, 0, 'nothing started');
    });
  }
});
