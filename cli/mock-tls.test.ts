import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { httpsCall, runWithJsonEvents } from './json-events.test-fixture.ts';

const spec = fileURLToPath(new URL('../specs/invoices.yaml', import.meta.url));
const tlsFile = (name: string): string =>
  fileURLToPath(new URL(`../src/receive/fixtures/tls/${name}`, import.meta.url));

/** Runs `mock … --json` through {@link runWithJsonEvents}. */
const mock = (
  args: string[],
  act?: (ready: Record<string, unknown>) => Promise<void>,
): ReturnType<typeof runWithJsonEvents> =>
  runWithJsonEvents(['mock', spec, '--port', '0', ...args], act);

describe('mock --tls-cert --tls-key', () => {
  test('serves HTTPS: an https origin, the dashboard over TLS, plain HTTP refused, a callback delivered', async () => {
    const ca = await readFile(tlsFile('cert.pem'));
    const consumer = createServer((request, response) => {
      request.resume();
      request.on('end', () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
      );
    });
    await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
    const hooks = `http://127.0.0.1:${(consumer.address() as AddressInfo).port}/hooks`;
    try {
      const run = await mock(
        [
          '--tls-cert',
          tlsFile('cert.pem'),
          '--tls-key',
          tlsFile('key.pem'),
          '--delay',
          '0',
          '--expect',
          '1',
          '--timeout',
          '20',
        ],
        async (ready) => {
          const origin = String(ready.origin);
          assert.match(origin, /^https:\/\/127\.0\.0\.1:\d+$/);
          assert.match(String(ready.dashboard), /^https:\/\//);
          const page = await httpsCall(String(ready.dashboard), ca);
          assert.equal(page.status, 200);
          assert.match(page.body, /<html/i);
          const plain = await fetch(`${origin.replace('https:', 'http:')}/invoices`);
          assert.equal(plain.status, 400);
          assert.match(await plain.text(), /speaks HTTPS only: use https:\/\//);
          const answer = await httpsCall(
            `${origin}/invoices?callback_url=${encodeURIComponent(hooks)}`,
            ca,
            {
              method: 'POST',
              body: JSON.stringify({ id: 'inv-1', customer: 'ACME', total: 1 }),
            },
          );
          assert.equal(answer.status, 200);
        },
      );
      assert.equal(run.code, 0, run.stderr);
      const delivery = run.events.find((event) => event.event === 'delivery');
      assert.equal(delivery?.verdict, 'pass', JSON.stringify(delivery));
    } finally {
      consumer.close();
    }
  });

  const refusals: Array<{ name: string; args: string[]; stderr: RegExp }> = [
    {
      name: 'a certificate without its key is CV_USAGE',
      args: ['--tls-cert', tlsFile('cert.pem')],
      stderr: /error CV_USAGE: --tls-cert needs --tls-key too: the mock provider serves HTTPS/,
    },
    {
      name: 'a key of another certificate is CV_TLS_CONFIG',
      args: ['--tls-cert', tlsFile('cert.pem'), '--tls-key', tlsFile('other-key.pem')],
      stderr: /error CV_TLS_CONFIG: .*the private key does not belong to the certificate/,
    },
  ];
  for (const { name, args, stderr } of refusals) {
    test(`${name}, exit 2`, async () => {
      const run = await mock(args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, stderr);
      assert.equal(run.events.length, 0);
    });
  }
});
