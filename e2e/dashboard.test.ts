/**
 * End-to-end: `listen` from the built CLI serves the live dashboard on its receiver's port,
 * prints its URL, and leaves it out with --no-dashboard.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningCli, startCli } from './start-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');

/** Starts `listen specs/invoices.yaml` and resolves once it printed a line matching `ready`. */
function startListen(args: string[], ready: RegExp): Promise<RunningCli> {
  return startCli(['listen', 'specs/invoices.yaml', ...args], ready, 10_000);
}

describe('listen serves the dashboard', () => {
  test('prints its URL; the page, its event stream and snapshot answer on the receiver port', async () => {
    const listening = await startListen(['--port', '0'], /^dashboard: /);
    try {
      const url = listening.lines.find((line) => line.startsWith('dashboard: '))?.slice(11) ?? '';
      const origin = /^Listening on (\S+)/.exec(listening.lines[0] ?? '')?.[1];
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/__callback-verify\/dashboard\/[\w-]{16,}\/$/);
      assert.equal(new URL(url).origin, origin);
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script src="dashboard\.js"><\/script>/);
      // From dist/, the files come from the package's src/report/assets/.
      for (const file of ['report.js', 'report.css', 'dashboard.js', 'dashboard.css']) {
        assert.equal((await fetch(`${url}${file}`)).status, 200, file);
      }

      const receiverUrl = listening.lines
        .find((line) => line.trim().startsWith('http'))
        ?.trim()
        .split(/\s+/)[0];
      assert.ok(receiverUrl);
      const callback = await fetch(`${receiverUrl}/invoices/inv-1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'Invoice inv-1 paid', paid: true }),
      });
      assert.equal(callback.status, 200);
      const snapshot = (await (await fetch(`${url}snapshot.json`)).json()) as {
        summary: { passed: number; exchanges: number; unexpected: number };
      };
      assert.deepEqual(
        [snapshot.summary.passed, snapshot.summary.exchanges, snapshot.summary.unexpected],
        [1, 1, 0],
        'looking at the dashboard adds no exchange of its own',
      );

      // An open event stream does not hold up the end of the session.
      const stream = await fetch(`${url}events`);
      assert.equal(stream.status, 200);
      const started = Date.now();
      listening.child.kill('SIGTERM');
      assert.equal(await listening.exited, 0);
      assert.ok(Date.now() - started < 2000, `listen took ${Date.now() - started} ms to stop`);
      await stream.body?.cancel().catch(() => {});
    } finally {
      listening.child.kill('SIGKILL');
    }
  });

  test('an open page gets the final report, with the --expect shortfall, before the stream ends', async () => {
    const listening = await startListen(
      ['--port', '0', '--expect', '2', '--timeout', '2'],
      /^dashboard: /,
    );
    try {
      const url = listening.lines.find((line) => line.startsWith('dashboard: '))?.slice(11) ?? '';
      const stream = await fetch(`${url}events`);
      assert.equal(stream.status, 200);
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of stream.body ?? []) {
        text += decoder.decode(chunk, { stream: true });
        if (/^event: end$/m.test(text)) break;
      }
      const events = text
        .split('\n\n')
        .map((block) => ({
          event: /^event: (.+)$/m.exec(block)?.[1],
          data: /^data: (.+)$/m.exec(block)?.[1],
        }))
        .filter((event) => event.event !== undefined);
      assert.equal(events.at(-1)?.event, 'end');
      const last = events.at(-2);
      assert.equal(last?.event, 'snapshot', 'the final report comes right before the end');
      const report = JSON.parse(last?.data ?? '{}') as {
        findings: Array<{ check: string }>;
        summary: { conformant: boolean };
      };
      assert.deepEqual(
        report.findings.map((finding) => finding.check),
        ['listen.expect'],
      );
      assert.equal(report.summary.conformant, false);
      assert.equal(await listening.exited, 1);
    } finally {
      listening.child.kill('SIGKILL');
    }
  });

  test('--json names the dashboard in its ready event', async () => {
    const listening = await startListen(['--port', '0', '--json'], /"event":"ready"/);
    try {
      const ready = JSON.parse(listening.lines[0] ?? '{}') as { dashboard?: string; base?: string };
      assert.ok(
        ready.dashboard?.startsWith(
          `${new URL(ready.base ?? '').origin}/__callback-verify/dashboard/`,
        ),
      );
      listening.child.kill('SIGTERM');
      await listening.exited;
    } finally {
      listening.child.kill('SIGKILL');
    }
  });

  test('--no-dashboard serves no page and prints no URL', async () => {
    const listening = await startListen(['--port', '0', '--no-dashboard'], /^\s+http/);
    try {
      assert.ok(!listening.lines.some((line) => line.startsWith('dashboard:')));
      const receiverUrl = new URL(
        listening.lines
          .find((line) => line.trim().startsWith('http'))
          ?.trim()
          .split(/\s+/)[0] ?? '',
      );
      const token = receiverUrl.pathname.split('/')[1];
      const page = await fetch(`${receiverUrl.origin}/__callback-verify/dashboard/${token}/`);
      assert.equal(page.status, 404);
      listening.child.kill('SIGTERM');
      await listening.exited;
    } finally {
      listening.child.kill('SIGKILL');
    }
  });
});

describe('run serves the dashboard', () => {
  const runInvoices = (...flags: string[]): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [
          cli,
          'run',
          'specs/invoices.yaml',
          '--provider-cmd',
          `"${process.execPath}" e2e/providers/invoices.ts --port 0`,
          ...flags,
        ],
        { cwd: root, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
        (error, _stdout, stderr) => {
          resolve({ code: error === null ? 0 : Number(error.code ?? -1), stderr });
        },
      );
    });

  test('prints the dashboard URL with its progress, and not with --no-dashboard', async () => {
    const [served, without] = await Promise.all([runInvoices(), runInvoices('--no-dashboard')]);
    assert.equal(served.code, 0, served.stderr);
    assert.equal(without.code, 0, without.stderr);
    const url = /^dashboard: (\S+)$/m.exec(served.stderr)?.[1] ?? '';
    const receiver = /^receiver listening at (\S+)$/m.exec(served.stderr)?.[1];
    assert.equal(new URL(url).origin, receiver, 'served on the receiver port');
    assert.doesNotMatch(without.stderr, /dashboard:/);
  });
});
