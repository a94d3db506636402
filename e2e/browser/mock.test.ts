/**
 * The dashboard of `callback-verify mock` (the built CLI) in Chromium: deliveries the mock fires
 * at the example consumer, and one it refuses, appear on the open page without a reload.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from './launch-chromium.ts';

const skip = browserSkipReason();

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const artifacts = join(root, 'test-results/browser');
const env = { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' };

let browser: Browser;

before(async () => {
  if (skip !== undefined) return;
  assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

describe('mock dashboard in Chromium', { skip }, () => {
  test('a delivery fired by the mock appears on the open page without a reload', async (t) => {
    const child = spawn(process.execPath, [cli, 'mock', 'specs/invoices.yaml', '--port', '0'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no dashboard URL: ${lines}`)), 20_000);
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          if (line.startsWith('dashboard: ')) {
            clearTimeout(timer);
            resolve(line.slice('dashboard: '.length));
          }
        });
      });
      const origin = new URL(url).origin;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        await page.goto(url);
        await page.locator('#cv-live[data-state="live"]').waitFor({ timeout: 5000 });
        assert.match((await page.locator('h1').textContent()) ?? '', /callback-verify mock/);
        await page.evaluate(() => {
          Object.assign(window, { cvMarker: 7 });
        });
        // One row per delivery (a delivery's findings follow in a row of their own).
        const deliveries = page.locator(
          'h2:text-is("Deliveries") + .cv-scroll tbody tr:has(td[data-label="Payload"])',
        );
        assert.equal(await deliveries.count(), 0);

        // The example consumer creates an invoice; the mock calls it back 100 ms later.
        const consumer = await new Promise<number>((resolve) => {
          execFile(
            process.execPath,
            [
              'e2e/consumers/invoice-consumer.ts',
              '--provider',
              origin,
              '--exit-after',
              '1',
              '--quiet',
            ],
            { cwd: root, env, timeout: 15_000 },
            (error) => resolve(error === null ? 0 : Number(error.code ?? -1)),
          );
        });
        assert.equal(consumer, 0);
        const received = Date.now();
        const passed = deliveries.filter({ hasText: '/invoices/inv-1001' });
        await passed.waitFor({ timeout: 1000 });
        const shownAfter = Date.now() - received;
        t.diagnostic(`delivery shown ${shownAfter} ms after the consumer received it`);
        assert.match((await passed.textContent()) ?? '', /pass[\s\S]*example:paid[\s\S]*200/);

        // A callback URL off loopback: the mock refuses it, and the page shows why.
        const refused = await fetch(
          `${origin}/invoices?callback_url=${encodeURIComponent('https://consumer.example.com/hooks')}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ id: 'inv-2', customer: 'ACME Corporation', total: 99 }),
          },
        );
        assert.equal(refused.status, 200);
        await refused.text();
        const failed = deliveries.filter({ hasText: 'consumer.example.com' });
        await failed.waitFor({ timeout: 1000 });
        assert.match((await failed.textContent()) ?? '', /fail/);
        await page
          .getByText('only loopback hosts are allowed by default', { exact: false })
          .first()
          .waitFor({ timeout: 1000 });
        assert.equal(await page.locator('h2:text-is("Triggers")').count(), 1);

        // The same document all along: the marker set before the deliveries is still there.
        assert.equal(
          await page.evaluate(() => ('cvMarker' in window ? window.cvMarker : undefined)),
          7,
        );
        assert.deepEqual(errors, []);
        await page.screenshot({ path: join(artifacts, 'dashboard-mock.png'), fullPage: true });

        // Stopping the mock ends the page's session with its final report.
        child.kill('SIGTERM');
        await page.locator('#cv-live[data-state="ended"]').waitFor({ timeout: 5000 });
        assert.equal(await deliveries.count(), 2);
        await page.screenshot({
          path: join(artifacts, 'dashboard-mock-ended.png'),
          fullPage: true,
        });
        assert.ok(
          shownAfter < 1000,
          `the delivery was shown ${shownAfter} ms after the consumer got it`,
        );
      } finally {
        await context.close();
      }
      // The refused delivery fails the session.
      assert.equal(await exited, 1);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
