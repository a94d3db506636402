/**
 * End-to-end: `mock` from the built CLI serves the live dashboard on the mock's own port, with
 * the deliveries it fires at the example consumer (e2e/consumers/invoice-consumer.ts); `--json`
 * names it in the ready event and `--no-dashboard` leaves it out.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningCli, startCli } from './start-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' };

/** Starts `mock specs/invoices.yaml` and resolves once it printed a line matching `ready`. */
function startMock(args: string[], ready: RegExp): Promise<RunningCli> {
  return startCli(['mock', 'specs/invoices.yaml', ...args], ready);
}

/** Runs the example consumer against the mock until it received one callback. */
function runConsumer(provider: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['e2e/consumers/invoice-consumer.ts', '--provider', provider, '--exit-after', '1', '--quiet'],
      { cwd: root, env, timeout: 15_000 },
      (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code ?? -1), stdout }),
    );
  });
}

interface Snapshot {
  command: string;
  triggers: Array<{ url: string; status?: number }>;
  deliveries: Array<{ url: string; verdict: string; findings: unknown[] }>;
}

describe('mock serves the dashboard', () => {
  test('prints its URL on the mock port; the page and snapshot.json show the delivery to the consumer', async () => {
    const mocking = await startMock(['--port', '0'], /^dashboard: /);
    try {
      const origin = /listening on (\S+)/.exec(mocking.lines[0] ?? '')?.[1];
      const url = mocking.lines.find((line) => line.startsWith('dashboard: '))?.slice(11) ?? '';
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/__callback-verify\/dashboard\/[\w-]{16,}\/$/);
      assert.equal(new URL(url).origin, origin, 'served on the mock port');
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.match(await page.text(), /<script src="dashboard\.js"><\/script>/);
      for (const file of ['report.js', 'report.css', 'dashboard.js', 'dashboard.css']) {
        const asset = await fetch(`${url}${file}`);
        assert.equal(asset.status, 200, file);
        await asset.text();
      }
      const token = new URL(url).pathname.split('/')[3] ?? '';
      const wrong = await fetch(`${origin}/__callback-verify/dashboard/${token.slice(1)}x/`);
      assert.equal(wrong.status, 404);
      await wrong.text();

      const consumer = await runConsumer(origin ?? '');
      assert.equal(consumer.code, 0, consumer.stdout);
      let snapshot: Snapshot | undefined;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        snapshot = (await (await fetch(`${url}snapshot.json`)).json()) as Snapshot;
        if (snapshot.deliveries.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(snapshot);
      assert.equal(snapshot.command, 'mock');
      assert.deepEqual(
        snapshot.deliveries.map((delivery) => [new URL(delivery.url).pathname, delivery.verdict]),
        [['/invoices/inv-1001', 'pass']],
      );
      assert.deepEqual(
        snapshot.triggers.map((trigger) => [new URL(trigger.url).pathname, trigger.status]),
        [['/invoices', 200]],
        'the dashboard requests are not counted as the consumer’s',
      );

      // An open event stream gets the final report, then `end`, and does not hold up the exit.
      const stream = await fetch(`${url}events`);
      assert.ok(stream.body);
      const reading = new Response(stream.body).text();
      const started = Date.now();
      mocking.child.kill('SIGTERM');
      assert.equal(await mocking.exited, 0);
      assert.ok(Date.now() - started < 2000, `mock took ${Date.now() - started} ms to stop`);
      const events = await reading;
      const names = [...events.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
      assert.deepEqual(names, ['snapshot', 'snapshot', 'end']);
      assert.match(mocking.lines.join('\n'), /Mock stopped \(stopped by SIGTERM\)/);
    } finally {
      mocking.child.kill('SIGKILL');
    }
  });

  test('--json names the dashboard in its ready event', async () => {
    const mocking = await startMock(['--port', '0', '--json'], /"event":"ready"/);
    try {
      const ready = JSON.parse(mocking.lines[0] ?? '{}') as { origin?: string; dashboard?: string };
      assert.ok(
        ready.dashboard?.startsWith(`${ready.origin}/__callback-verify/dashboard/`),
        JSON.stringify(ready),
      );
      assert.equal((await fetch(ready.dashboard ?? '')).status, 200);
      mocking.child.kill('SIGTERM');
      assert.equal(await mocking.exited, 0);
    } finally {
      mocking.child.kill('SIGKILL');
    }
  });

  test('--no-dashboard prints no URL, and the prefix still never reaches the mocked API', async () => {
    const mocking = await startMock(['--port', '0', '--json', '--no-dashboard'], /"event":"ready"/);
    try {
      const ready = JSON.parse(mocking.lines[0] ?? '{}') as { origin?: string; dashboard?: string };
      assert.equal(ready.dashboard, undefined);
      const page = await fetch(`${ready.origin}/__callback-verify/dashboard/anything/`);
      assert.equal(page.status, 404);
      assert.equal(await page.text(), '');
      mocking.child.kill('SIGTERM');
      assert.equal(await mocking.exited, 0);
      const events = mocking.lines.map((line) => (JSON.parse(line) as { event: string }).event);
      assert.deepEqual(events, ['ready', 'summary'], 'no request event for the prefix');
    } finally {
      mocking.child.kill('SIGKILL');
    }
  });
});
