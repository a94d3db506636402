import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { signRequest } from '../src/provide/signatures/index.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const spec = fileURLToPath(new URL('../src/receive/fixtures/receiver.yaml', import.meta.url));
const paid = 'createInvoice/invoicePaid/post';
const shipped = 'webhook/orderShipped/post';

type Event = Record<string, unknown> & { event: string };

interface Run {
  /** Resolves with the next event of this kind. */
  next(kind: string): Promise<Event>;
  events: Event[];
  stderr: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function listen(args: string[]): Run {
  const child = spawn(process.execPath, [main, 'listen', spec, '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Event[] = [];
  const waiters: Array<{ kind: string; resolve: (event: Event) => void }> = [];
  let seen = 0;
  const deliver = (): void => {
    for (const waiter of [...waiters]) {
      const index = events.findIndex((e, i) => i >= seen && e.event === waiter.kind);
      if (index !== -1) {
        seen = index + 1;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(events[index] as Event);
      }
    }
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(JSON.parse(line) as Event);
    deliver();
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return {
    events,
    next: (kind) =>
      new Promise((resolve) => {
        waiters.push({ kind, resolve });
        deliver();
      }),
    stderr: () => stderr,
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

function urls(ready: Event): Record<string, string> {
  return ready.urls as Record<string, string>;
}

function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('callback-verify listen', { concurrency: 4 }, () => {
  test('--expect 2: two conforming callbacks end the run with exit 0 and a summary', async () => {
    const run = listen(['--expect', '2']);
    const ready = await run.next('ready');
    assert.deepEqual(
      Object.keys(urls(ready)).sort(),
      [paid, 'createInvoice/invoiceRefunded/post', 'subscribe/notify/post', shipped].sort(),
    );
    const first = await postJson(`${urls(ready)[paid]}/invoices/a`, { id: 'a', paid: true });
    assert.equal(first.status, 200);
    const second = await postJson(
      urls(ready)[shipped] ?? '',
      { order: 'o' },
      { 'x-signature': 's' },
    );
    assert.equal(second.status, 202);
    const exchange = await run.next('exchange');
    assert.equal(exchange.contract, paid);
    assert.equal(exchange.verdict, 'pass');
    const summary = await run.next('summary');
    assert.equal(summary.conformant, true);
    assert.equal(summary.exitCode, 0);
    assert.equal(await run.exited, 0);
    assert.equal(run.events.filter((e) => e.event === 'exchange').length, 2);
  });

  test('a non-conforming callback fails the run with exit 1 and says why', async () => {
    const run = listen(['--expect', '1']);
    const ready = await run.next('ready');
    await postJson(`${urls(ready)[paid]}/invoices/a`, { id: 'a', paid: 'yes' });
    const exchange = await run.next('exchange');
    assert.equal(exchange.verdict, 'fail');
    assert.ok(Array.isArray(exchange.findings) && exchange.findings.length > 0);
    assert.equal((await run.next('summary')).conformant, false);
    assert.equal(await run.exited, 1);
  });

  test('--timeout with --expect unmet ends with exit 1 and a listen.expect finding', async () => {
    const run = listen(['--timeout', '0.4', '--expect', '1']);
    await run.next('ready');
    const summary = await run.next('summary');
    assert.match(String(summary.reason), /timeout/);
    const findings = summary.findings as Array<{ check: string }>;
    assert.deepEqual(
      findings.map((f) => f.check),
      ['listen.expect'],
    );
    assert.equal(await run.exited, 1);
  });

  test('--unmatched-status answers requests that match no contract, still an unexpected callback', async () => {
    const run = listen(['--expect', '1', '--unmatched-status', '410']);
    const ready = await run.next('ready');
    const base = new URL(urls(ready)[paid] ?? '');
    const stranger = await postJson(`${base.origin}${base.pathname}/nothing/here`, { id: 'x' });
    assert.equal(stranger.status, 410);
    const exchange = await run.next('exchange');
    const findings = exchange.findings as Array<{ check: string }>;
    assert.deepEqual(
      findings.map((f) => f.check),
      ['callback.unexpected'],
    );
    run.kill('SIGTERM');
    assert.equal(await run.exited, 1);
  });

  test('--timeout alone with nothing received ends with exit 0', async () => {
    const run = listen(['--timeout', '0.3']);
    await run.next('ready');
    assert.equal((await run.next('summary')).conformant, true);
    assert.equal(await run.exited, 0);
  });

  test('--respond scripts statuses and --record journals every request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-listen-'));
    const journal = join(dir, 'journal.jsonl');
    const run = listen(['--respond', '*=503,200', '--record', journal, '--expect', '2']);
    const ready = await run.next('ready');
    const url = `${urls(ready)[paid]}/invoices/a`;
    assert.equal((await postJson(url, { id: 'a', paid: true })).status, 503);
    assert.equal((await postJson(url, { id: 'a', paid: true })).status, 200);
    assert.equal(await run.exited, 0);
    const lines = (await readFile(journal, 'utf8')).split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
  });

  test('-- <command> runs with the URLs in its environment; its exit ends listen', async () => {
    const script = `
      const url = process.env.CALLBACK_VERIFY_URL_WEBHOOK_ORDERSHIPPED_POST;
      if (!process.env.CALLBACK_VERIFY_URL) process.exit(9);
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 's' }, body: '{"order":"o"}' });
      process.exit(r.status === 202 ? 0 : 8);`;
    const run = listen(['--', process.execPath, '--input-type=module', '-e', script]);
    const summary = await run.next('summary');
    assert.match(String(summary.reason), /command exited with 0/);
    assert.equal(summary.passed, 1);
    assert.equal(await run.exited, 0, run.stderr());
  });

  test('a failing command fails listen', async () => {
    const run = listen(['--', process.execPath, '-e', 'process.exit(3)']);
    const summary = await run.next('summary');
    const findings = summary.findings as Array<{ check: string }>;
    assert.ok(findings.some((f) => f.check === 'listen.command'));
    assert.equal(await run.exited, 1);
  });

  test('a command that cannot start: the report, then exit 2 with CV_USAGE saying why', async () => {
    const run = listen(['--', 'callback-verify-no-such-command']);
    const summary = await run.next('summary');
    assert.equal(summary.exitCode, 2);
    assert.equal(await run.exited, 2);
    assert.match(
      run.stderr(),
      /error CV_USAGE: The command after -- could not be started: spawn callback-verify-no-such-command ENOENT\.\n {2}Check the command name/,
    );
  });

  test('SIGTERM ends the run and still writes the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-listen-'));
    const run = listen(['--reporter', 'json', '--reporter', 'junit', '--output', dir]);
    const ready = await run.next('ready');
    await postJson(`${urls(ready)[paid]}/invoices/a`, { id: 'a', paid: true });
    await run.next('exchange');
    run.kill('SIGTERM');
    const summary = await run.next('summary');
    assert.match(String(summary.reason), /SIGTERM/);
    assert.equal(await run.exited, 0);
    const files = await readdir(dir);
    assert.ok(
      files.some((f) => f.endsWith('.json')),
      files.join(', '),
    );
    assert.ok(
      files.some((f) => f.endsWith('.xml')),
      files.join(', '),
    );
  });

  test('a port in use exits 2 with CV_PORT_IN_USE', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = listen(['--port', String(port)]);
      assert.equal(await run.exited, 2);
      assert.match(run.stderr(), /CV_PORT_IN_USE/);
      assert.match(run.stderr(), /--port 0/);
    } finally {
      blocker.close();
    }
  });

  test('an --output that is a file exits 2 with CV_REPORT_WRITE before any receiver starts', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'cv-listen-output-'));
    const file = join(directory, 'not-a-directory');
    await writeFile(file, 'kept');
    const run = listen(['--output', file, '--timeout', '30']);
    assert.equal(await run.exited, 2);
    assert.match(
      run.stderr(),
      /error CV_REPORT_WRITE: .*not-a-directory: it is a file, not a directory/,
    );
    assert.equal(
      run.events.some((event) => event.event === 'ready'),
      false,
      'no receiver started',
    );
    assert.equal(await readFile(file, 'utf8'), 'kept');
  });

  test('without --json: URLs first, a live line per request, the console report last', async () => {
    const child = spawn(
      process.execPath,
      [main, 'listen', spec, '--expect', '1', '--no-dashboard'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        const found = /(http:\/\/\S+\/cb\/createInvoice)\b/.exec(out);
        if (found?.[1] !== undefined) resolve(found[1]);
      });
    });
    await postJson(`${url}/invoices/a`, { id: 'a', paid: 'yes' });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.match(out, /Listening on http:\/\/127\.0\.0\.1:\d+ for 4 contract\(s\)/);
    assert.match(out, /webhooks\/orderShipped/);
    assert.match(
      out,
      /✗ [\d:.]+ createInvoice\/invoicePaid\/post → 200 — body\.paid must be boolean/,
    );
    assert.match(out, /NOT CONFORMANT/);
  });

  test('--verify-signature: a signed delivery passes, a tampered one fails with signature.mismatch', async () => {
    const secret = 'listen-test-secret';
    const run = listen(['--expect', '2', '--verify-signature', 'hmac-sha256', '--secret', secret]);
    const ready = await run.next('ready');
    const body = JSON.stringify({ order: 'o' });
    const headers = await signRequest('hmac-sha256', secret, {
      body: new TextEncoder().encode(body),
    });
    const deliver = (text: string): Promise<Response> =>
      fetch(urls(ready)[shipped] ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: text,
      });
    assert.equal((await deliver(body)).status, 202);
    const signed = await run.next('exchange');
    assert.equal(signed.verdict, 'pass', JSON.stringify(signed.findings));
    await deliver(JSON.stringify({ order: 'tampered' }));
    const tampered = await run.next('exchange');
    assert.equal(tampered.verdict, 'fail');
    assert.deepEqual(
      (tampered.findings as Array<{ check: string }>).map((f) => f.check),
      ['signature.mismatch'],
    );
    const summary = await run.next('summary');
    assert.equal(summary.conformant, false);
    assert.equal(await run.exited, 1);
  });

  test('bad flags and unknown contracts exit 2', async () => {
    const bad = listen(['--respond', 'nonsense']);
    assert.equal(await bad.exited, 2);
    assert.match(bad.stderr(), /CV_USAGE/);
    const unknown = listen(['--drop', 'no/such/post']);
    assert.equal(await unknown.exited, 2);
    assert.match(
      unknown.stderr(),
      /CV_CONTRACT_NOT_FOUND: --respond\/--delay\/--drop name "no\/such\/post"/,
    );
    const noSecret = listen(['--verify-signature', 'github']);
    assert.equal(await noSecret.exited, 2);
    assert.match(noSecret.stderr(), /CV_SIGNATURE_CONFIG/);
  });
});
