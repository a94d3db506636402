import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const spec = fileURLToPath(new URL('../src/receive/fixtures/receiver.yaml', import.meta.url));
const tlsFile = (name: string): string =>
  fileURLToPath(new URL(`../src/receive/fixtures/tls/${name}`, import.meta.url));
const paid = 'createInvoice/invoicePaid/post';

interface Finished {
  code: number | null;
  events: Array<Record<string, unknown>>;
  stderr: string;
}

/** Runs `listen --json`, hands the ready event to `act`, and resolves once the command exits. */
function listen(
  args: string[],
  act: (ready: Record<string, unknown>) => Promise<void> = async () => {},
): Promise<Finished> {
  const child = spawn(process.execPath, [main, 'listen', spec, '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let acted: Promise<void> = Promise.resolve();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    events.push(event);
    if (event.event === 'ready') acted = act(event);
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      acted.then(() => resolve({ code, events, stderr }), reject);
    });
  });
}

function get(
  url: string,
  ca: Buffer,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      {
        method: init.method ?? 'GET',
        ca,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

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
        const page = await get(String(ready.dashboard), ca);
        assert.equal(page.status, 200);
        assert.match(page.body, /<html/i);
        const reply = await get(`${urls[paid]}/invoices/i1`, ca, {
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
