import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createReceiver } from '../../src/receive/index.ts';
import type { Receiver } from '../../src/receive/types.ts';
import {
  createDashboard,
  createDashboardRoute,
  createReceiverSource,
  type Dashboard,
} from '../../src/report/dashboard/index.ts';
import type { Catalogue } from '../../src/spec/contract.ts';
import { buildCatalogue, loadDocument } from '../../src/spec/index.ts';
import { browserSkipReason, launchChromium } from './launch-chromium.ts';

const skip = browserSkipReason();

const root = fileURLToPath(new URL('../../', import.meta.url));
const tlsCert = readFileSync(`${root}src/receive/fixtures/tls/cert.pem`);
const tlsKey = readFileSync(`${root}src/receive/fixtures/tls/key.pem`);
const artifacts = `${root}test-results/browser`;
const paid = 'createInvoice/invoicePaid/post';

let browser: Browser;
let catalogue: Catalogue;
const open: Array<{ context: BrowserContext; dashboard: Dashboard; receiver: Receiver }> = [];

before(async () => {
  if (skip !== undefined) return;
  await mkdir(artifacts, { recursive: true });
  catalogue = buildCatalogue(await loadDocument(`${root}specs/invoices.yaml`));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const item of open.splice(0)) {
    await item.context.close();
    item.dashboard.close();
    await item.receiver.close();
  }
});

interface Opened {
  page: Page;
  receiver: Receiver;
  url: string;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is one). */
  errors: string[];
}

/** A receiver for specs/invoices.yaml with its dashboard open in a fresh page. */
async function openDashboard(
  options: { viewport?: { width: number; height: number }; dark?: boolean; tls?: boolean } = {},
): Promise<Opened> {
  const route = createDashboardRoute();
  const receiver = await createReceiver(catalogue, {
    extraRoutes: route.extraRoutes,
    closeGraceMs: 100,
    ...(options.tls === true ? { tls: { cert: tlsCert, key: tlsKey } } : {}),
  });
  const dashboard = route.attach(
    createDashboard(createReceiverSource(receiver, { command: 'listen', toolVersion: 'test' }), {
      token: receiver.token,
      coalesceMs: 20,
    }),
  );
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.dark === true ? 'dark' : 'light',
    // The receiver's test certificate is self-signed: the page is told to accept it.
    ...(options.tls === true ? { ignoreHTTPSErrors: true } : {}),
    ...(options.viewport !== undefined && options.viewport.width < 600
      ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : {}),
  });
  open.push({ context, dashboard, receiver });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const url = dashboard.urlFor(receiver.origin);
  await page.goto(url);
  await page.locator('#cv-live[data-state="live"]').waitFor({ timeout: 5000 });
  return { page, receiver, url, requests, errors };
}

function postInvoice(receiver: Receiver, id: string, paidValue: unknown): Promise<Response> {
  return fetch(`${receiver.urlFor(paid)}/invoices/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ description: `Invoice ${id} paid in full`, paid: paidValue }),
  });
}

const rows = (page: Page) => page.locator('details.cv-exchange[data-exchange]');

describe('live dashboard in Chromium', { skip }, () => {
  test('over HTTPS, shows a callback as it arrives, without a reload', async () => {
    const { page, receiver, url, errors } = await openDashboard({ tls: true });
    assert.match(url, /^https:\/\//);
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpsRequest(
        `${receiver.urlFor(paid)}/invoices/inv-tls`,
        { method: 'POST', ca: tlsCert, headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify({ description: 'Invoice inv-tls paid in full', paid: true }));
    });
    assert.equal(status, 200);
    await rows(page).filter({ hasText: '/invoices/inv-tls' }).waitFor({ timeout: 2000 });
    const contract = page.locator(`tr[data-contract="${paid}"]`);
    await contract.locator('.cv-badge', { hasText: 'pass' }).waitFor({ timeout: 2000 });
    assert.match((await contract.locator('.cv-receiver-url').textContent()) ?? '', /^https:\/\//);
    assert.deepEqual(errors, []);
  });

  test('shows a callback within a second of it arriving, without a reload', async () => {
    const { page, receiver, url, requests, errors } = await openDashboard();
    await page.evaluate(() => {
      Object.assign(window, { cvMarker: 42 });
    });
    assert.equal(await rows(page).count(), 0);

    const sent = Date.now();
    const answer = await postInvoice(receiver, 'inv-live', true);
    assert.equal(answer.status, 200);
    await rows(page).filter({ hasText: '/invoices/inv-live' }).waitFor({ timeout: 1000 });
    const shownAfter = Date.now() - sent;
    assert.ok(shownAfter < 1000, `shown after ${shownAfter} ms`);

    // Same document: the marker set before the callback is still there.
    assert.equal(
      await page.evaluate(() => ('cvMarker' in window ? window.cvMarker : undefined)),
      42,
    );
    // The counts are redrawn with the next summary, which may trail the row under load.
    const exchangeCount = page
      .locator('.cv-counts li')
      .filter({ hasText: 'exchanges' })
      .locator('b');
    await exchangeCount.filter({ hasText: /^1$/ }).waitFor({ timeout: 2000 });
    assert.equal(await exchangeCount.textContent(), '1');
    const contract = page.locator(`tr[data-contract="${paid}"]`);
    await contract.locator('.cv-badge', { hasText: 'pass' }).waitFor({ timeout: 1000 });
    assert.equal(await contract.locator('.cv-receiver-url').textContent(), receiver.urlFor(paid));

    const origin = new URL(url).origin;
    assert.deepEqual(
      requests.filter((request) => !request.startsWith(origin)),
      [],
      'the page loads nothing from anywhere else',
    );
    assert.deepEqual(errors, []);
    await page.screenshot({ path: `${artifacts}/dashboard-live.png`, fullPage: true });
  });

  test('a failing exchange highlights /body/paid with the expected value beside it', async () => {
    const { page, receiver } = await openDashboard();
    await postInvoice(receiver, 'inv-bad', 'yes');
    const row = rows(page).filter({ hasText: '/invoices/inv-bad' });
    await row.waitFor({ timeout: 1000 });
    assert.equal(await row.locator('summary .cv-badge').textContent(), 'fail');

    // Keyboard: focus the exchange's summary and open it with Enter.
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    const field = row.locator('[data-where="/body/paid"]');
    await field.waitFor({ timeout: 1000 });
    assert.match((await field.getAttribute('class')) ?? '', /\bcv-hit\b/);
    assert.match((await field.locator('.cv-note').textContent()) ?? '', /expected boolean/);
    assert.match((await field.textContent()) ?? '', /"paid": "yes"/);
    // Only the failing field is highlighted.
    assert.equal(await row.locator('.cv-json .cv-hit').count(), 1);
    assert.equal(
      await row
        .locator('[data-where="/body/description"]')
        .evaluate((node) => node.classList.contains('cv-hit')),
      false,
    );
    await page.screenshot({ path: `${artifacts}/dashboard-failing.png`, fullPage: true });

    // A live update redraws the list; the open exchange stays open and keeps the focus.
    await postInvoice(receiver, 'inv-later', true);
    await rows(page).filter({ hasText: '/invoices/inv-later' }).waitFor({ timeout: 1000 });
    assert.equal(await row.evaluate((node) => (node as HTMLDetailsElement).open), true);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-key')),
      await row.locator('summary').getAttribute('data-key'),
    );
  });

  test('filters by contract and by pass/fail change the visible rows', async () => {
    const { page, receiver } = await openDashboard();
    await postInvoice(receiver, 'inv-ok', true);
    await postInvoice(receiver, 'inv-wrong', 'yes');
    await fetch(`${receiver.origin}/${receiver.token}/nowhere`, { method: 'POST', body: '{}' });
    await page.waitForFunction(
      () => document.querySelectorAll('details[data-exchange]').length === 3,
      undefined,
      { timeout: 1000 },
    );

    const visible = async (): Promise<string[]> =>
      (await rows(page).locator('summary .cv-url').allTextContents()).map(
        (url) => url.split('/').pop() ?? '',
      );
    // Newest first.
    assert.deepEqual(await visible(), ['nowhere', 'inv-wrong', 'inv-ok']);

    await page.selectOption('#cv-filter-outcome', 'fail');
    assert.deepEqual(await visible(), ['nowhere', 'inv-wrong']);
    await page.selectOption('#cv-filter-outcome', 'pass');
    assert.deepEqual(await visible(), ['inv-ok']);
    await page.selectOption('#cv-filter-outcome', 'all');

    await page.selectOption('#cv-filter-contract', paid);
    assert.deepEqual(await visible(), ['inv-wrong', 'inv-ok']);
    await page.selectOption('#cv-filter-contract', '(unmatched)');
    assert.deepEqual(await visible(), ['nowhere']);

    // Keyboard: Esc clears, f toggles failing only, / focuses the search.
    await page.locator('body').press('Escape');
    assert.equal(await rows(page).count(), 3);
    await page.locator('body').press('f');
    assert.deepEqual(await visible(), ['nowhere', 'inv-wrong']);
    await page.locator('body').press('f');
    await page.locator('body').press('/');
    await page.keyboard.type('inv-ok');
    assert.deepEqual(await visible(), ['inv-ok']);

    // A filter stays applied while callbacks keep arriving.
    await page.keyboard.press('Escape');
    await page.selectOption('#cv-filter-outcome', 'fail');
    await postInvoice(receiver, 'inv-new-ok', true);
    await postInvoice(receiver, 'inv-new-bad', 42);
    await rows(page).filter({ hasText: 'inv-new-bad' }).waitFor({ timeout: 1000 });
    assert.deepEqual(await visible(), ['inv-new-bad', 'nowhere', 'inv-wrong']);
    assert.equal(await page.locator('#cv-filter-outcome').inputValue(), 'fail');
  });

  test('Pause holds new callbacks back until Resume', async () => {
    const { page, receiver } = await openDashboard();
    await postInvoice(receiver, 'inv-before', true);
    await rows(page).filter({ hasText: 'inv-before' }).waitFor({ timeout: 1000 });
    await page.locator('#cv-pause').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#cv-pause').getAttribute('aria-pressed'), 'true');
    await postInvoice(receiver, 'inv-held', 'yes');
    await page
      .locator('#cv-live-text', { hasText: '1 new callback waiting' })
      .waitFor({ timeout: 1000 });
    assert.equal(await rows(page).count(), 1);
    await page.keyboard.press('Enter');
    await rows(page).filter({ hasText: 'inv-held' }).waitFor({ timeout: 1000 });
    assert.match((await page.locator('#cv-live-text').textContent()) ?? '', /^Live/);
  });

  test('the Copy button puts the receiver URL on the clipboard', async () => {
    const { page, receiver } = await openDashboard();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: receiver.origin,
    });
    const button = page.locator(`tr[data-contract="${paid}"] button.cv-copy`);
    await button.click();
    await page
      .locator(`tr[data-contract="${paid}"] button.cv-copy`, { hasText: 'Copied' })
      .waitFor({ timeout: 1000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), receiver.urlFor(paid));
  });

  test('reads on a phone and in dark mode', async () => {
    const phone = await openDashboard({ viewport: { width: 390, height: 844 }, dark: true });
    await postInvoice(phone.receiver, 'inv-phone', 'yes');
    const row = rows(phone.page).filter({ hasText: 'inv-phone' });
    await row.waitFor({ timeout: 1000 });
    await row.locator('summary').click();
    await row.locator('[data-where="/body/paid"]').waitFor({ timeout: 1000 });
    // Nothing wider than the screen: the page does not scroll sideways.
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    const wide =
      overflow <= 0
        ? []
        : await phone.page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((node) => node.getBoundingClientRect().right > innerWidth)
              .slice(0, 5)
              .map((node) => `${node.tagName.toLowerCase()}.${node.className}`),
          );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone: ${wide.join(', ')}`);
    const background = await phone.page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    assert.equal(background, 'rgb(13, 17, 23)', 'dark background');
    assert.deepEqual(phone.errors, []);
    await phone.page.screenshot({ path: `${artifacts}/dashboard-phone-dark.png`, fullPage: true });

    const desktop = await openDashboard({ dark: true });
    await postInvoice(desktop.receiver, 'inv-dark', 'yes');
    const dark = rows(desktop.page).filter({ hasText: 'inv-dark' });
    await dark.waitFor({ timeout: 1000 });
    await dark.locator('summary').click();
    await desktop.page.screenshot({ path: `${artifacts}/dashboard-dark.png`, fullPage: true });
  });

  test('run: the page follows the run live, then shows its final report', async () => {
    const cli = `${root}dist/cli/main.js`;
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
    // The callback comes 1.5 s after the trigger: time to watch the run wait for it.
    const child = spawn(
      process.execPath,
      [
        cli,
        'run',
        'specs/invoices.yaml',
        '--provider-cmd',
        `"${process.execPath}" e2e/providers/invoices.ts --port 0 --fault late --late-ms 1500`,
        '--timeout',
        '5',
      ],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('run printed no dashboard URL')), 10_000);
        createInterface({ input: child.stderr! }).on('line', (line) => {
          if (line.startsWith('dashboard: ')) {
            clearTimeout(timer);
            resolve(line.slice('dashboard: '.length));
          }
        });
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(url);
        // While the run waits: the trigger it sent, no exchange yet.
        await page.locator('h2', { hasText: 'Triggers' }).waitFor({ timeout: 3000 });
        assert.match((await page.locator('h1').textContent()) ?? '', /callback-verify run/);
        assert.equal(await rows(page).count(), 0);
        assert.equal(await page.locator('.cv-verdict').textContent(), '✓ Conformant so far');
        await page.screenshot({ path: `${artifacts}/dashboard-run-waiting.png`, fullPage: true });
        // The late callback arrives, then the run ends and the page keeps its final report.
        await rows(page).first().waitFor({ timeout: 3000 });
        await page.locator('#cv-live[data-state="ended"]').waitFor({ timeout: 8000 });
        await page.locator('h2', { hasText: 'Expected callbacks' }).waitFor({ timeout: 1000 });
        assert.equal(await page.locator('.cv-verdict').textContent(), '✓ Conformant');
        assert.equal(await page.locator('#cv-pause').isVisible(), false);
        // Nothing in the final report is wider than the page.
        assert.equal(
          await page.evaluate(() =>
            [...document.querySelectorAll('.cv-scroll')].some(
              (node) => node.scrollWidth > node.clientWidth,
            ),
          ),
          false,
        );
        await page.screenshot({ path: `${artifacts}/dashboard-run-ended.png`, fullPage: true });
      } finally {
        await context.close();
      }
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
