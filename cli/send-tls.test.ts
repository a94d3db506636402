import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = 'specs/webhooks.yaml';
const tls = (name: string): string => `src/receive/fixtures/tls/${name}`;

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['cli/main.ts', ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function listen(server: Server, scheme: string): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

describe('send to an https consumer', () => {
  let secure: Server;
  let plain: Server;
  let httpsOrigin: string;
  let httpOrigin: string;
  const received: string[] = [];
  before(async () => {
    const answer: Parameters<typeof createHttpServer>[1] = (request, response) => {
      received.push(request.url ?? '');
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    };
    secure = createHttpsServer(
      {
        cert: await readFile(`${root}${tls('cert.pem')}`),
        key: await readFile(`${root}${tls('key.pem')}`),
      },
      answer,
    );
    plain = createHttpServer(answer);
    httpsOrigin = await listen(secure, 'https');
    httpOrigin = await listen(plain, 'http');
  });
  after(() => {
    secure.close();
    plain.close();
  });

  it('--ca trusts the consumer certificate: the delivery passes', async () => {
    const { code, stdout } = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `${httpsOrigin}/webhooks/orderShipped`,
      '--ca',
      tls('cert.pem'),
    ]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /✓ POST webhook\/orderShipped\/post \[example:shipped\] → 204/);
    assert.ok(received.includes('/webhooks/orderShipped'));
  });

  const untrusted: Array<{ name: string; extra: string[] }> = [
    { name: 'without --ca', extra: [] },
    { name: 'with the wrong --ca', extra: ['--ca', tls('other-cert.pem')] },
  ];
  for (const { name, extra } of untrusted) {
    it(`${name}, an untrusted certificate is a delivery.tls finding (exit 1)`, async () => {
      const output = await mkdtemp(join(tmpdir(), 'cv-send-tls-'));
      const { code, stdout, stderr } = await runCli([
        'send',
        spec,
        'orderShipped',
        '--to',
        `${httpsOrigin}/webhooks/orderShipped`,
        '--reporter',
        'json',
        '--output',
        output,
        ...extra,
      ]);
      assert.equal(code, 1, stdout + stderr);
      assert.match(stdout, /✗ POST webhook\/orderShipped\/post \[example:shipped\] → no reply/);
      const report = JSON.parse(await readFile(join(output, 'callback-verify.json'), 'utf8')) as {
        deliveries: Array<{ findings: Array<{ check: string }> }>;
      };
      assert.deepEqual(
        report.deliveries[0]?.findings.map((f) => f.check),
        ['delivery.tls'],
      );
      assert.match(
        stdout,
        /failed in TLS: the server certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\); trust the certificate authority that signed it with --ca <file>/,
      );
      assert.doesNotMatch(stdout, /use-system-ca/);
    });
  }

  it('https to a consumer that speaks plain HTTP is a delivery.tls handshake finding', async () => {
    const { code, stdout } = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `${httpOrigin.replace('http:', 'https:')}/webhooks/orderShipped`,
    ]);
    assert.equal(code, 1, stdout);
    assert.match(
      stdout,
      /failed in TLS: the TLS handshake failed \(EPROTO: wrong version number\); check that the server speaks HTTPS on that port, or use an http:\/\/ URL\./,
    );
  });

  it('an unreadable or non-PEM --ca is CV_TLS_CONFIG (exit 2) before anything is sent', async () => {
    const before = received.length;
    const missing = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `${httpsOrigin}/webhooks/orderShipped`,
      '--ca',
      tls('missing.pem'),
    ]);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /error CV_TLS_CONFIG: --ca .*missing\.pem cannot be read \(ENOENT\)/,
    );
    const key = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `${httpsOrigin}/webhooks/orderShipped`,
      '--ca',
      tls('key.pem'),
    ]);
    assert.equal(key.code, 2);
    assert.match(key.stderr, /error CV_TLS_CONFIG: --ca .*key\.pem holds no PEM certificate/);
    assert.equal(received.length, before);
  });
});
