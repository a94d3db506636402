import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = 'specs/webhooks.yaml';

/** Runs the CLI to completion and returns its exit code and output. */
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

/** Starts the example webhook consumer and resolves with its origin once it listens. */
function startConsumer(flags: string[]): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(
    process.execPath,
    ['e2e/consumers/webhook-consumer.ts', '--quiet', ...flags],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const origin = /listening on (http:\/\/\S+)/.exec(buffered)?.[1];
      if (origin !== undefined) resolve({ child, origin });
    });
    child.once('exit', (code) => reject(new Error(`the consumer exited early with ${code}`)));
  });
}

describe('callback-verify send', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  it('--invalid catches a lenient consumer (exit 1, consumer.lenient)', async () => {
    const consumer = await startConsumer(['--lenient']);
    children.push(consumer.child);
    const { code, stdout } = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `${consumer.origin}/webhooks/orderShipped`,
      '--invalid',
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /✓ POST webhook\/orderShipped\/post \[example:shipped\] → 204/);
    assert.match(
      stdout,
      /✗ POST webhook\/orderShipped\/post \[invalid:missing-required:\/type\] → 204/,
    );
    assert.match(stdout, /accepted \(204\) a payload with required field \/type missing/);
    assert.match(stdout, /invalid:wrong-content-type\] → 204/);
  });

  it('--invalid passes a strict consumer that refuses every broken payload (exit 0)', async () => {
    const consumer = await startConsumer([]);
    children.push(consumer.child);
    const { code, stdout } = await runCli([
      'send',
      spec,
      'webhook/orderShipped/post',
      '--to',
      `${consumer.origin}/webhooks/orderShipped`,
      '--invalid',
    ]);
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /✗/);
    assert.match(stdout, /\[invalid:wrong-type:\/timestamp\] → 400/);
    assert.match(stdout, /\[invalid:wrong-content-type\] → 415/);
  });

  it('--sign standard-webhooks: a consumer that checks signatures accepts the delivery and refuses a forged one', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const consumer = await startConsumer([
      '--require-signature',
      'standard-webhooks',
      '--secret',
      secret,
    ]);
    children.push(consumer.child);
    const { code, stdout } = await runCli([
      'send',
      spec,
      '--all',
      '--to',
      `${consumer.origin}/webhooks`,
      '--sign',
      'standard-webhooks',
      '--secret',
      secret,
      '--invalid',
    ]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /✓ POST webhook\/orderCreated\/post \[example:created\] → 204/);
    assert.match(stdout, /✓ POST webhook\/orderShipped\/post \[invalid:bad-signature\] → 401/);
  });

  it('an unreachable consumer is a failed delivery, not a crash (exit 1)', async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    const { code, stdout } = await runCli([
      'send',
      spec,
      'orderShipped',
      '--to',
      `http://127.0.0.1:${port}/`,
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /no reply .*Could not connect/);
  });

  const refusals: Array<{ name: string; args: string[]; message: RegExp }> = [
    {
      name: 'a host that is not allowed',
      args: ['send', spec, 'orderShipped', '--to', 'https://hooks.example.com/x'],
      message: /CV_HOST_NOT_ALLOWED.*\n.*--allow-host hooks\.example\.com/,
    },
    {
      name: 'an unknown contract',
      args: ['send', spec, 'orderRefunded', '--to', 'http://127.0.0.1:9/'],
      message: /CV_CONTRACT_NOT_FOUND/,
    },
    {
      name: 'an unknown example',
      args: ['send', spec, 'orderShipped', '--example', 'nope', '--to', 'http://127.0.0.1:9/'],
      message: /available: shipped/,
    },
    {
      name: 'an unknown signature scheme',
      args: [
        'send',
        spec,
        'orderShipped',
        '--sign',
        'md5',
        '--secret',
        'x',
        '--to',
        'http://127.0.0.1:9/',
      ],
      message: /Unknown signature scheme "md5"/,
    },
    {
      name: '--sign without a secret',
      args: ['send', spec, 'orderShipped', '--sign', 'github', '--to', 'http://127.0.0.1:9/'],
      message: /CV_SIGNATURE_CONFIG/,
    },
    {
      name: 'a missing --to',
      args: ['send', spec, 'orderShipped'],
      message: /--to/,
    },
  ];
  // Each refusal is a separate process that sends nothing: run them side by side.
  describe('refusals (exit 2, nothing sent)', { concurrency: true }, () => {
    for (const { name, args, message } of refusals) {
      it(`refuses ${name}`, async () => {
        const { code, stderr } = await runCli(args);
        assert.equal(code, 2, stderr);
        assert.match(stderr, message);
      });
    }
  });
});
