/**
 * End-to-end over TLS: the built CLI runs `run` against an https provider (both its trigger and
 * its callback travel over HTTPS) with the receiver serving HTTPS from --tls-cert/--tls-key and
 * the provider's certificate trusted through --ca.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, runCli } from './start-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = await mkdtemp(join(tmpdir(), 'cv-run-tls-'));
after(() => rm(work, { recursive: true, force: true }));
const cert = 'src/receive/fixtures/tls/cert.pem';
const key = 'src/receive/fixtures/tls/key.pem';
const provider = `node e2e/providers/trivial-https.ts --tls-cert ${cert} --tls-key ${key} --ca ${cert} --quiet`;

interface JsonReport {
  summary: { conformant: boolean };
}

describe('run over HTTPS', () => {
  it('triggers an https provider and judges its callback on an https receiver (exit 0)', async () => {
    const port = await freePort();
    const output = join(work, 'ok');
    const { code, stdout, stderr } = await runCli([
      'run',
      'specs/trivial.yaml',
      '--provider-cmd',
      `${provider} --port ${port}`,
      '--provider',
      `https://127.0.0.1:${port}`,
      '--ready-url',
      `https://127.0.0.1:${port}/health`,
      '--tls-cert',
      cert,
      '--tls-key',
      key,
      '--ca',
      cert,
      '--reporter',
      'console,json',
      '--output',
      output,
    ]);
    assert.equal(code, 0, stdout + stderr);
    // Progress goes to stderr, the report to stdout.
    assert.match(stderr, /dashboard: https:\/\/127\.0\.0\.1:\d+\//);
    assert.match(stderr, /provider ready at https:\/\/127\.0\.0\.1/);
    assert.match(
      stdout,
      /POST https:\/\/127\.0\.0\.1:\d+\/hook\?callback_url=https%3A%2F%2F127\.0\.0\.1/,
    );
    const report = JSON.parse(
      await readFile(join(output, 'callback-verify.json'), 'utf8'),
    ) as JsonReport;
    assert.equal(report.summary.conformant, true);
    assert.match(stdout, /✓ CONFORMANT {2}1 expected callback: 1 passed/);
  });

  it('without --ca the https provider is never ready: CV_PROVIDER_START names the certificate problem', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli([
      'run',
      'specs/trivial.yaml',
      '--provider-cmd',
      `${provider} --port ${port}`,
      '--provider',
      `https://127.0.0.1:${port}`,
      '--ready-url',
      `https://127.0.0.1:${port}/health`,
      '--ready-timeout',
      '1.5',
      '--tls-cert',
      cert,
      '--tls-key',
      key,
      '--no-dashboard',
    ]);
    assert.equal(code, 2, stderr);
    assert.match(
      stderr,
      /error CV_PROVIDER_START: .*did not answer at https:\/\/127\.0\.0\.1:\d+\/health within 1\.5 s \(the server certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT/,
    );
  });

  describe('against a provider already running', () => {
    let child: ChildProcess | undefined;
    after(() => child?.kill('SIGTERM'));

    it('without --ca the trigger gets no response: a finding that says to pass --ca (exit 1)', async () => {
      child = spawn(process.execPath, [...provider.split(' ').slice(1)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const origin = await new Promise<string>((resolve, reject) => {
        child?.stdout?.on('data', (chunk: Buffer) => {
          const found = /listening on (https:\/\/\S+)/.exec(chunk.toString())?.[1];
          if (found !== undefined) resolve(found);
        });
        child?.once('exit', (exitCode) => reject(new Error(`provider exited with ${exitCode}`)));
      });
      const { code, stdout } = await runCli([
        'run',
        'specs/trivial.yaml',
        '--provider',
        origin,
        '--tls-cert',
        cert,
        '--tls-key',
        key,
        '--timeout',
        '1',
        '--no-dashboard',
      ]);
      assert.equal(code, 1, stdout);
      assert.match(
        stdout,
        /got no response: the server certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\); trust the certificate authority that signed it with --ca <file>/,
      );
    });
  });
});
