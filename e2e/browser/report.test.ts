/**
 * The HTML report of a failing `run`, made by the built CLI (`dist/cli/main.js`, as `npm test`
 * builds it) against the invoice provider sending `"paid": "yes"`, opened from disk in Chromium.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from './launch-chromium.ts';

const skip = browserSkipReason();

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const artifacts = join(root, 'test-results/browser');
const paid = 'createInvoice/invoicePaid/post';

interface JsonReport {
  summary: Record<string, number | boolean>;
  expectations: Array<{ contract: string; status: string }>;
  exchanges: Array<{ id: string; verdict: string }>;
}

let browser: Browser;
let work: string;
let run: { code: number; stdout: string; stderr: string };
let json: JsonReport;

before(async () => {
  if (skip !== undefined) return;
  assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
  await mkdir(artifacts, { recursive: true });
  work = await mkdtemp(join(tmpdir(), 'cv-report-browser-'));
  const launching = launchChromium();
  run = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        cli,
        'run',
        'specs/invoices.yaml',
        '--provider-cmd',
        `"${process.execPath}" e2e/providers/invoices.ts --port 0 --fault wrong-type`,
        '--timeout',
        '5',
        '--reporter',
        'html',
        '--reporter',
        'json',
        '--output',
        work,
      ],
      { cwd: root, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
  const text = await readFile(join(work, 'callback-verify.json'), 'utf8').catch(() => {
    throw new Error(`run wrote no JSON report (exit ${run.code}):\n${run.stderr}`);
  });
  json = JSON.parse(text) as JsonReport;
  browser = await launching;
});

after(async () => {
  await browser?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

async function openReport(options: {
  viewport?: { width: number; height: number };
  dark?: boolean;
}): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.dark === true ? 'dark' : 'light',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(work, 'report.html')).href);
  await page.locator('.cv-filters').waitFor({ timeout: 5000 });
  return { page, requests, errors };
}

/** The number shown on a summary tile, by the tile's label. */
async function tile(page: Page, label: string): Promise<number> {
  const text = await page
    .locator('.cv-counts li')
    .filter({ has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) })
    .locator('b')
    .textContent();
  return Number(text);
}

describe('HTML report of a failing run, opened from disk', { skip }, () => {
  test('the run failed and served its dashboard while it ran', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /^dashboard: http:\/\/127\.0\.0\.1:\d+\/__callback-verify\/dashboard\/[A-Za-z0-9_-]{16,}\/$/m,
    );
    assert.equal(json.summary.conformant, false);
    assert.equal(json.summary.failed, 1);
  });

  test('shows the counts of the JSON report, the failing expectation and its finding', async () => {
    const { page, requests, errors } = await openReport({});
    assert.match((await page.locator('.cv-verdict').textContent()) ?? '', /Not conformant/);
    for (const [label, key] of [
      ['callbacks passed', 'passed'],
      ['callbacks failed', 'failed'],
      ['missing', 'missing'],
      ['unexpected', 'unexpected'],
      ['errors', 'errors'],
      ['warnings', 'warnings'],
      ['contracts', 'contracts'],
      ['exchanges', 'exchanges'],
    ] as const) {
      assert.equal(await tile(page, label), json.summary[key], label);
    }
    assert.deepEqual([json.summary.passed, json.summary.failed, json.summary.exchanges], [0, 1, 1]);

    const expected = page
      .locator('h2', { hasText: 'Expected callbacks' })
      .locator('xpath=following-sibling::div[1]');
    const row = expected.locator('tbody tr').first();
    assert.match((await row.locator('.cv-badge').textContent()) ?? '', /^fail(ed)?$/);
    assert.match((await row.textContent()) ?? '', new RegExp(paid));

    // The exchange opens to its findings and the body with /body/paid highlighted and the
    // expected type beside it.
    const exchange = page.locator(`details[data-exchange="${json.exchanges[0]?.id}"]`);
    await exchange.locator('summary').click();
    const finding = exchange.locator('.cv-finding', { hasText: 'body.paid must be boolean' });
    assert.match((await finding.textContent()) ?? '', /expected boolean/);
    assert.match((await finding.textContent()) ?? '', /at \/body\/paid/);
    const field = exchange.locator('[data-where="/body/paid"]');
    assert.match((await field.getAttribute('class')) ?? '', /\bcv-hit\b/);
    assert.match((await field.locator('.cv-note').textContent()) ?? '', /expected boolean/);

    assert.ok(
      requests.every((url) => url.startsWith('file:')),
      `the report fetched ${requests.filter((url) => !url.startsWith('file:')).join(', ')}`,
    );
    assert.deepEqual(errors, [], 'no script or policy errors');
    await page.screenshot({ path: join(artifacts, 'report-failing-run.png'), fullPage: true });

    // Failing-only hides nothing here; passing-only hides the failing exchange.
    await page.selectOption('#cv-filter-outcome', 'pass');
    assert.equal(await page.locator('details[data-exchange]').count(), 0);
    await page.close();
  });

  test('reads on a phone in dark mode', async () => {
    const { page, errors } = await openReport({
      viewport: { width: 390, height: 844 },
      dark: true,
    });
    await page.locator('details[data-exchange] summary').first().click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      'rgb(13, 17, 23)',
    );
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(artifacts, 'report-phone-dark.png'), fullPage: true });
    await page.close();
  });
});
