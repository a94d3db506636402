/**
 * `callback-verify mock` end to end: the CLI runs the mock provider, the example consumer
 * (e2e/consumers/invoice-consumer.ts) calls it and receives the callbacks it fires.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import type { Report } from '../src/report/report.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { createValidator } from '../src/validate/index.ts';
import { spawnProgram } from './providers/spawn-program.ts';

const cli = new URL('../cli/main.ts', import.meta.url).pathname;
const consumerProgram = new URL('./consumers/invoice-consumer.ts', import.meta.url).pathname;
const env = { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1' };
const invoice = { id: 'inv-1001', customer: 'ACME Corporation', total: 1250.5 };

interface RunningMock {
  origin: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `callback-verify mock` and resolves once it prints the URL it listens on. */
async function startMock(args: readonly string[]): Promise<RunningMock> {
  const child = spawn(process.execPath, [cli, 'mock', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock not ready:\n${output}`)), 20_000);
    void exited.then((code) => reject(new Error(`mock exited with ${code}:\n${output}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const found = /listening on (http:\/\/\S+)|"origin":"(http:[^"]+)"/.exec(line);
      const url = found?.[1] ?? found?.[2];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  return { origin, child, output: () => output, exited };
}

async function readReport(dir: string): Promise<Report> {
  const parsed: unknown = JSON.parse(await readFile(join(dir, 'callback-verify.json'), 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null && 'deliveries' in parsed);
  // The JSON reporter writes the Report model; the assertions below read only its fields.
  return parsed as Report;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function runCli(
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, output };
}

describe('callback-verify mock', () => {
  test('the consumer receives the callback at the URL the expression dictates; the delivery passes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cv-mock-'));
    const mock = await startMock([
      'specs/invoices.yaml',
      '--port',
      '0',
      '--delay',
      '20',
      '--reporter',
      'json',
      '--output',
      out,
    ]);
    const consumer = await spawnProgram(consumerProgram, ['--provider', mock.origin, '--quiet']);
    try {
      const [line] = await consumer.waitForLines(1, 10_000);
      const received: unknown = JSON.parse(line ?? '');
      assert.ok(typeof received === 'object' && received !== null);
      assert.ok('path' in received && 'body' in received && 'status' in received);
      // {$request.query.callback_url}/invoices/{$request.body#/id}: the consumer's origin, then the id it sent.
      assert.equal(received.path, '/invoices/inv-1001');
      assert.equal(received.status, 200);
      const document = await loadDocument('specs/invoices.yaml');
      const contract = buildCatalogue(document).contracts[0];
      const schema = contract?.operation.requestBody?.content[0]?.schema;
      assert.ok(schema !== undefined);
      assert.deepEqual(createValidator(document).checkValue(schema, received.body, '/body'), []);
    } finally {
      await consumer.stop();
    }
    mock.child.kill('SIGTERM');
    assert.equal(await mock.exited, 0, mock.output());
    assert.match(mock.output(), /→ POST \/invoices\?callback_url=.* → 200 {2}createInvoice#1/);
    assert.match(
      mock.output(),
      /✓ POST http:\/\/127\.0\.0\.1:\d+\/invoices\/inv-1001 createInvoice\/invoicePaid\/post \[example:paid\] → 200/,
    );
    assert.match(mock.output(), /Mock stopped \(stopped by SIGTERM\)/);
    const report = await readReport(out);
    assert.equal(report.command, 'mock');
    assert.equal(report.deliveries.length, 1);
    assert.equal(report.deliveries[0]?.verdict, 'pass');
    assert.equal(report.summary.conformant, true);
  });

  test('signed callbacks pass a consumer that verifies Standard Webhooks signatures', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const mock = await startMock([
      'specs/invoices.yaml',
      '--port',
      '0',
      '--delay',
      '0',
      '--sign',
      'standard-webhooks',
      '--secret',
      secret,
      '--expect',
      '1',
    ]);
    const consumer = await spawnProgram(consumerProgram, [
      '--provider',
      mock.origin,
      '--require-signature',
      'standard-webhooks',
      '--secret',
      secret,
      '--quiet',
    ]);
    try {
      assert.equal(await mock.exited, 0, mock.output());
      const [line] = await consumer.waitForLines(1);
      assert.match(line ?? '', /"status":200/);
    } finally {
      await consumer.stop();
    }
  });

  test('a non-loopback host is refused and an unreachable consumer is a finding: exit 1', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cv-mock-'));
    const mock = await startMock([
      'specs/invoices.yaml',
      '--json',
      '--port',
      '0',
      '--delay',
      '0',
      '--expect',
      '2',
      '--reporter',
      'json',
      '--output',
      out,
    ]);
    const create = (callbackUrl: string) =>
      fetch(`${mock.origin}/invoices?callback_url=${encodeURIComponent(callbackUrl)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(invoice),
      });
    assert.equal((await create('https://consumer.example.com/hooks')).status, 200);
    assert.equal((await create(`http://127.0.0.1:${await closedPort()}/hooks`)).status, 200);
    assert.equal(await mock.exited, 1, mock.output());
    assert.match(
      mock.output(),
      /Refusing to deliver to consumer\.example\.com: only loopback hosts are allowed by default\. Pass --allow-host consumer\.example\.com/,
    );
    const events = mock
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line): unknown => JSON.parse(line));
    const kinds = events.map((event) =>
      typeof event === 'object' && event !== null && 'event' in event ? event.event : undefined,
    );
    assert.deepEqual(kinds.filter((kind) => kind !== 'delivery').slice(0, 1), ['ready']);
    assert.equal(kinds.filter((kind) => kind === 'request').length, 2);
    assert.equal(kinds.filter((kind) => kind === 'delivery').length, 2);
    assert.equal(kinds.at(-1), 'summary');
    assert.match(JSON.stringify(events.at(-1)), /"conformant":false.*"exitCode":1/);
    const report = await readReport(out);
    const checks = report.deliveries.map((delivery) => delivery.findings[0]?.check).sort();
    assert.deepEqual(checks, ['delivery.host-not-allowed', 'delivery.unreachable']);
    assert.equal(report.summary.conformant, false);
  });

  test('usage and spec errors exit 2', async () => {
    const bad = await runCli(['mock', 'specs/invoices.yaml', '--order', 'sideways']);
    assert.equal(bad.code, 2);
    assert.match(bad.output, /--order must be declared or reverse/);
    const missing = await runCli(['mock', 'specs/no-such-spec.yaml', '--port', '0']);
    assert.equal(missing.code, 2);
    assert.match(missing.output, /CV_SPEC_NOT_FOUND/);
    const unsigned = await runCli(['mock', 'specs/invoices.yaml', '--sign', 'github'], {
      CALLBACK_VERIFY_SECRET: '',
    });
    assert.equal(unsigned.code, 2);
    assert.match(unsigned.output, /CV_SIGNATURE_CONFIG: Signing with github needs a secret/);
    const example = await runCli(['mock', 'specs/invoices.yaml', '--example', 'nope']);
    assert.equal(example.code, 2);
    assert.match(example.output, /Available: paid, unpaid/);
    const host = await runCli([
      'mock',
      'specs/invoices.yaml',
      '--allow-host',
      'https://hooks.test/x',
    ]);
    assert.equal(host.code, 2);
    assert.match(host.output, /CV_USAGE: --allow-host "https:\/\/hooks\.test\/x" is not a host/);
    assert.match(host.output, /here: --allow-host hooks\.test\)/);
  });
});
