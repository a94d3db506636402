/**
 * The README's "Library API" example, run as written against the package's own entry point
 * (`callback-verify`, resolved through package.json `exports` to the built `dist/`), so the
 * manual cannot drift from the code.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildCatalogue,
  createReceiver,
  createValidator,
  loadDocument,
  renderConsole,
  resolveRunOptions,
  runConformance,
  writeReports,
} from 'callback-verify';
import { type RunningProgram, spawnProgram } from './providers/spawn-program.ts';

let provider: RunningProgram;
let outputDir: string;

before(async () => {
  provider = await spawnProgram('e2e/providers/invoices.ts');
  outputDir = await mkdtemp(join(tmpdir(), 'cv-library-'));
});

after(async () => {
  await provider.stop();
  await rm(outputDir, { recursive: true, force: true });
});

test('provider conformance, as `run` does it', async () => {
  const catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
  const report = await runConformance(
    catalogue,
    resolveRunOptions({ provider: provider.origin, timeout: 5 }, {}),
  );
  assert.equal(report.summary.conformant, true, renderConsole(report));
  assert.deepEqual(
    report.expectations.map((expectation) => [expectation.contract, expectation.status]),
    [['createInvoice/invoicePaid/post', 'received']],
  );
  assert.match(renderConsole(report), /CONFORMANT/);

  const written = await writeReports(report, { reporters: ['json', 'junit'], outputDir });
  assert.deepEqual(written.map((file) => file.slice(outputDir.length + 1)).sort(), [
    'callback-verify.json',
    'junit.xml',
  ]);
  const json: unknown = JSON.parse(await readFile(join(outputDir, 'callback-verify.json'), 'utf8'));
  assert.ok(typeof json === 'object' && json !== null && 'summary' in json);
});

test('receivers, as `listen` does it', async () => {
  const catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
  const receiver = await createReceiver(catalogue, { port: 0 });
  try {
    const verdicts: string[] = [];
    receiver.subscribe((exchange) => verdicts.push(exchange.verdict));
    const base = receiver.urlFor('createInvoice/invoicePaid/post');
    const response = await fetch(`${base}/invoices/inv-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Invoice paid', paid: 'yes' }),
    });
    await response.arrayBuffer();
    assert.deepEqual(verdicts, ['fail']);
    const [exchange] = receiver.exchanges();
    assert.equal(exchange?.contract, 'createInvoice/invoicePaid/post');
    assert.ok(exchange?.findings.some((finding) => finding.where === '/body/paid'));
  } finally {
    await receiver.close();
  }
});

test('one request, checked against one contract', async () => {
  const catalogue = buildCatalogue(await loadDocument('specs/invoices.yaml'));
  const validator = createValidator(catalogue.document);
  const contract = catalogue.contracts[0];
  assert.ok(contract);
  const { findings } = validator.checkRequest(contract, {
    method: 'POST',
    url: '/invoices/inv-1',
    headers: { 'content-type': 'application/json' },
    body: new TextEncoder().encode('{"description":"paid","paid":"yes"}'),
  });
  assert.deepEqual(
    findings.map((finding) => [finding.check, finding.where, finding.message]),
    [['body.schema', '/body/paid', 'body.paid must be boolean, got string "yes"']],
  );
});
