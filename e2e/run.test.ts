/**
 * End-to-end: the built CLI (`dist/cli/main.js`, as `npm test` builds it) runs `run` against the
 * example providers, started with --provider-cmd, and every verdict, exit code and finding is checked.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { type CliResult, runCli } from './start-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const node = process.execPath;
const work = await mkdtemp(join(tmpdir(), 'cv-run-e2e-'));
after(() => rm(work, { recursive: true, force: true }));

/** `--provider-cmd` for an example provider on a free port (the tool reads the URL it prints). */
function provider(name: string, ...flags: string[]): string {
  return `"${node}" e2e/providers/${name}.ts --port 0 ${flags.join(' ')}`.trim();
}

interface JsonFinding {
  check: string;
  severity: string;
  where?: string;
  contract?: string;
  expected?: unknown;
  actual?: unknown;
  message: string;
}
interface JsonReport {
  command: string;
  triggers: Array<{
    id: string;
    status?: number;
    method: string;
    url: string;
    findings: JsonFinding[];
  }>;
  expectations: Array<{
    trigger: string;
    contract: string;
    status: string;
    expectedUrl?: string;
    attempts?: number;
    retryIntervalsMs?: number[];
    latencyMs?: number;
    findings: JsonFinding[];
    exchanges: string[];
  }>;
  exchanges: Array<{
    id: string;
    contract?: string;
    findings: JsonFinding[];
    verdict: string;
    request: { method: string; url: string };
  }>;
  findings: JsonFinding[];
  provider?: { command?: string; url?: string; output: string };
  summary: {
    conformant: boolean;
    passed: number;
    failed: number;
    missing: number;
    unexpected: number;
  };
}

async function runJson(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ result: CliResult; report: JsonReport }> {
  const result = await runCli([...args, '--reporter', 'json', '--quiet'], { env });
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    assert.fail(
      `no JSON report on stdout (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { result, report };
}

/** Every finding of the report, wherever it was recorded. */
function allFindings(report: JsonReport): JsonFinding[] {
  return [
    ...report.findings,
    ...report.triggers.flatMap((trigger) => trigger.findings),
    ...report.expectations.flatMap((expectation) => expectation.findings),
    ...report.exchanges.flatMap((exchange) => exchange.findings),
  ];
}

const errorChecks = (report: JsonReport): string[] =>
  [
    ...new Set(
      allFindings(report)
        .filter((f) => f.severity === 'error')
        .map((f) => f.check),
    ),
  ].sort();

const invoice = 'createInvoice/invoicePaid/post';

describe('callback-verify run (built CLI, example providers)', { concurrency: 4 }, () => {
  it('the build exists (npm test builds first)', () => {
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build`);
  });

  it('invoices, conformant provider: exit 0, one received callback at the exact URL', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices'),
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(report.summary.conformant, true);
    assert.deepEqual(errorChecks(report), []);
    const [expectation] = report.expectations;
    assert.equal(expectation?.status, 'received');
    assert.equal(expectation?.contract, invoice);
    assert.match(
      expectation?.expectedUrl ?? '',
      /^http:\/\/127\.0\.0\.1:\d+\/.+\/invoices\/inv-1001$/,
    );
    assert.equal(report.triggers[0]?.status, 200);
    assert.match(report.provider?.output ?? '', /listening on http:\/\/127\.0\.0\.1:/);
  });

  const faults: Array<{
    fault: string;
    flags?: string[];
    cliFlags?: string[];
    timeout?: string;
    status: string;
    checks: string[];
    assertMore?: (report: JsonReport) => void;
  }> = [
    {
      fault: 'wrong-type',
      status: 'failed',
      checks: ['body.schema'],
      assertMore: (report) => {
        const finding = allFindings(report).find((f) => f.where === '/body/paid');
        assert.ok(finding, 'a finding at /body/paid');
        assert.equal(finding.actual, 'yes');
      },
    },
    {
      fault: 'missing-field',
      status: 'failed',
      checks: ['body.schema'],
      assertMore: (report) => {
        const finding = allFindings(report).find(
          (f) => f.severity === 'error' && f.check.startsWith('body'),
        );
        assert.match(`${finding?.where} ${finding?.message}`, /paid/);
      },
    },
    {
      fault: 'wrong-path',
      status: 'failed',
      checks: ['callback.unexpected', 'url.mismatch'],
      assertMore: (report) => {
        const finding = allFindings(report).find((f) => f.check === 'url.mismatch');
        assert.match(String(finding?.expected), /\/invoices\/inv-1001$/);
        assert.match(String(finding?.actual), /\/invoice\/inv-1001$/);
        assert.equal(finding?.where, '/url');
      },
    },
    {
      fault: 'wrong-id',
      status: 'failed',
      checks: ['url.mismatch'],
      assertMore: (report) => {
        const finding = allFindings(report).find((f) => f.check === 'url.mismatch');
        assert.match(String(finding?.expected), /\/invoices\/inv-1001$/);
        assert.match(String(finding?.actual), /\/invoices\/other-inv-1001$/);
      },
    },
    {
      fault: 'wrong-method',
      status: 'failed',
      checks: ['method.mismatch'],
      assertMore: (report) => {
        const finding = allFindings(report).find((f) => f.check === 'method.mismatch');
        assert.equal(finding?.where, '/method');
        assert.equal(finding?.actual, 'PUT');
      },
    },
    { fault: 'no-callback', timeout: '1', status: 'missing', checks: ['callback.missing'] },
    {
      fault: 'late',
      flags: ['--late-ms', '900'],
      timeout: '0.5',
      status: 'late',
      checks: ['callback.late'],
    },
    { fault: 'duplicate', status: 'duplicate', checks: ['callback.duplicate'] },
    {
      fault: 'retry-new-key',
      flags: ['--retry-backoff-ms', '100'],
      cliFlags: ['--respond', '*=503,200'],
      status: 'failed',
      checks: ['retry.idempotency-key-changed'],
    },
    {
      fault: 'bad-response',
      status: 'received',
      checks: ['response.body.schema'],
      assertMore: (report) => {
        const finding = report.triggers[0]?.findings.find((f) => f.severity === 'error');
        assert.equal(finding?.where, '/response/body/msg');
        assert.equal(finding?.actual, 42);
      },
    },
  ];

  for (const {
    fault,
    flags = [],
    cliFlags = [],
    timeout = '3',
    status,
    checks,
    assertMore,
  } of faults) {
    it(`invoices --fault ${fault}: exit 1, ${status}, ${checks.join(' + ')}`, async () => {
      const { result, report } = await runJson([
        'run',
        'specs/invoices.yaml',
        '--provider-cmd',
        provider('invoices', '--fault', fault, ...flags),
        '--timeout',
        timeout,
        ...cliFlags,
      ]);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(report.summary.conformant, false);
      assert.equal(report.expectations[0]?.status, status);
      assert.deepEqual(errorChecks(report), checks);
      assertMore?.(report);
    });
  }

  it('invoices --fault retry with --respond 503,503,200: delivered on the third attempt, same key', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices', '--fault', 'retry', '--retry-backoff-ms', '100'),
      '--respond',
      `${invoice}=503,503,200`,
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const [expectation] = report.expectations;
    assert.equal(expectation?.status, 'received');
    assert.equal(expectation?.attempts, 3);
    assert.equal(expectation?.retryIntervalsMs?.length, 2);
    for (const interval of expectation?.retryIntervalsMs ?? [])
      assert.ok(interval >= 80, `interval ${interval}`);
  });

  it('invoices --fault retry, 4 triggers at concurrency 4: each trigger walks its own 503,503,200', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices', '--fault', 'retry', '--retry-backoff-ms', '100'),
      '--respond',
      `${invoice}=503,503,200`,
      '--concurrency',
      '4',
      '--repeat',
      '4',
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(report.summary.conformant, true);
    assert.equal(report.expectations.length, 4);
    for (const expectation of report.expectations) {
      assert.equal(expectation.status, 'received', expectation.trigger);
      assert.equal(expectation.attempts, 3, expectation.trigger);
      assert.equal(expectation.retryIntervalsMs?.length, 2, expectation.trigger);
    }
  });

  it('invoices, provider that does not retry after 503: retry.none', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices'),
      '--respond',
      '*=503',
      '--timeout',
      '1',
    ]);
    assert.equal(result.code, 1);
    assert.deepEqual(errorChecks(report), ['retry.none']);
  });

  it('FastAPI dialect spec ({$callback_url}): conformant, URL injected as the query parameter', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices-fastapi.json',
      '--provider-cmd',
      provider('invoices'),
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(report.expectations[0]?.status, 'received');
    assert.match(report.triggers[0]?.url ?? '', /\/invoices\/\?callback_url=http/);
  });

  it('FastAPI dialect spec, wrong id: url.mismatch', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/invoices-fastapi.json',
      '--provider-cmd',
      provider('invoices', '--fault', 'wrong-id'),
      '--timeout',
      '3',
    ]);
    assert.equal(result.code, 1);
    assert.deepEqual(errorChecks(report), ['url.mismatch']);
  });

  it('tic-tac-toe: progressUrl header injection, 202, conformant', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/tictactoe.yaml',
      '--provider-cmd',
      provider('tictactoe'),
      '--timeout',
      '5',
    ]);
    assert.equal(
      result.code,
      0,
      `${result.stderr}\n${JSON.stringify(allFindings(report), null, 1)}`,
    );
    assert.equal(report.triggers[0]?.status, 202);
    assert.equal(report.triggers[0]?.method, 'PUT');
    assert.equal(report.expectations[0]?.status, 'received');
  });

  it('tic-tac-toe --fault wrong-type: exit 1 with a body finding', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/tictactoe.yaml',
      '--provider-cmd',
      provider('tictactoe', '--fault', 'wrong-type'),
      '--timeout',
      '3',
    ]);
    assert.equal(result.code, 1);
    assert.ok(
      errorChecks(report).some((check) => check.startsWith('body')),
      errorChecks(report).join(),
    );
  });

  it('webhooks spec: subscriber.url body injection, URL with the id from the response', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/webhooks.yaml',
      '--provider-cmd',
      provider('webhooks'),
      '--timeout',
      '5',
    ]);
    assert.equal(
      result.code,
      0,
      `${result.stderr}\n${JSON.stringify(allFindings(report), null, 1)}`,
    );
    assert.equal(report.triggers[0]?.status, 201);
    assert.equal(report.expectations[0]?.status, 'received');
    assert.match(report.expectations[0]?.expectedUrl ?? '', /\/orders\/[^/]+$/);
  });

  const secret = 'whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
  for (const { fault, code, checks } of [
    { fault: 'none', code: 0, checks: [] },
    { fault: 'bad-signature', code: 1, checks: ['signature.mismatch'] },
  ]) {
    it(`webhooks signed with Standard Webhooks, --fault ${fault}: --verify-signature gives exit ${code}`, async () => {
      const { result, report } = await runJson([
        'run',
        'specs/webhooks.yaml',
        '--provider-cmd',
        provider('webhooks', '--sign', 'standard-webhooks', '--secret', secret, '--fault', fault),
        '--verify-signature',
        'standard-webhooks',
        '--secret',
        secret,
        '--timeout',
        '3',
      ]);
      assert.equal(result.code, code, result.stderr);
      assert.deepEqual(errorChecks(report), checks);
      assert.equal(report.expectations[0]?.status, code === 0 ? 'received' : 'failed');
    });
  }

  it('--verify-signature reads the secret from CALLBACK_VERIFY_SECRET when --secret is absent', async () => {
    const { result, report } = await runJson(
      [
        'run',
        'specs/webhooks.yaml',
        '--provider-cmd',
        provider(
          'webhooks',
          '--sign',
          'standard-webhooks',
          '--secret',
          secret,
          '--fault',
          'bad-signature',
        ),
        '--verify-signature',
        'standard-webhooks',
        '--timeout',
        '3',
      ],
      { CALLBACK_VERIFY_SECRET: secret },
    );
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(errorChecks(report), ['signature.mismatch']);
  });

  it('a config file overrides the body and adds headers; the expected URL follows the sent id', async () => {
    const config = join(work, 'run-config.yaml');
    await writeFile(
      config,
      [
        'headers:',
        '  Authorization: Bearer e2e',
        'operations:',
        '  POST /invoices:',
        '    body: { id: inv-cfg-9, customer: Config Ltd, total: 9 }',
        '    timeout: 3',
        '',
      ].join('\n'),
    );
    const { result, report } = await runJson([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices'),
      '--config',
      config,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(report.expectations[0]?.expectedUrl ?? '', /\/invoices\/inv-cfg-9$/);
    assert.equal(report.exchanges[0]?.request.url.endsWith('/invoices/inv-cfg-9'), true);
  });

  it('a config file with an unknown key: exit 2 naming the key', async () => {
    const config = join(work, 'bad-config.json');
    await writeFile(config, JSON.stringify({ operations: { createInvoice: { bodyy: {} } } }));
    const result = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider',
      'http://127.0.0.1:9',
      '--config',
      config,
    ]);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /CV_CONFIG_INVALID.*unknown key "operations\.createInvoice\.bodyy"/,
    );
  });

  it('trivial provider, 30 triggers at concurrency 10: every callback matched to its own trigger', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/trivial.yaml',
      '--provider-cmd',
      provider('trivial', '--quiet'),
      '--repeat',
      '30',
      '--concurrency',
      '10',
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(report.expectations.length, 30);
    assert.ok(report.expectations.every((expectation) => expectation.status === 'received'));
    const ids = new Set(report.expectations.flatMap((expectation) => expectation.exchanges));
    assert.equal(ids.size, 30, 'each exchange answers exactly one trigger');
    const tokens = new Set(
      report.triggers.map((trigger) => new URL(trigger.url).searchParams.get('callback_url')),
    );
    assert.equal(tokens.size, 30, 'each trigger carried its own receiver URL');
  });

  const otherFaults: Array<{
    spec: string;
    name: string;
    flags: string[];
    cli: string[];
    checks: string[];
  }> = [
    {
      spec: 'tictactoe.yaml',
      name: 'tictactoe',
      flags: ['--fault', 'no-callback'],
      cli: [],
      checks: ['callback.missing'],
    },
    {
      spec: 'webhooks.yaml',
      name: 'webhooks',
      flags: ['--fault', 'wrong-type'],
      cli: [],
      checks: ['body.schema'],
    },
    {
      spec: 'webhooks.yaml',
      name: 'webhooks',
      flags: ['--fault', 'no-callback'],
      cli: [],
      checks: ['callback.missing'],
    },
    {
      spec: 'webhooks.yaml',
      name: 'webhooks',
      flags: ['--sign', 'standard-webhooks', '--secret', secret, '--fault', 'missing-header'],
      cli: ['--verify-signature', 'standard-webhooks', '--secret', secret],
      checks: ['header.required', 'signature.missing'],
    },
    {
      spec: 'webhooks.yaml',
      name: 'webhooks',
      flags: ['--sign', 'standard-webhooks', '--secret', secret, '--fault', 'stale-timestamp'],
      cli: ['--verify-signature', 'standard-webhooks', '--secret', secret],
      checks: ['signature.stale'],
    },
  ];
  for (const { spec, name, flags, cli: cliFlags, checks } of otherFaults) {
    it(`${name} ${flags.at(-1)}: exit 1 with ${checks.join(' + ')}`, async () => {
      const { result, report } = await runJson([
        'run',
        `specs/${spec}`,
        '--provider-cmd',
        provider(name, ...flags),
        '--timeout',
        '1.5',
        ...cliFlags,
      ]);
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(errorChecks(report), checks);
    });
  }

  it('webhooks --fault retry with --respond 503,500,204: delivered on the third attempt, same webhook-id', async () => {
    const { result, report } = await runJson([
      'run',
      'specs/webhooks.yaml',
      '--provider-cmd',
      provider('webhooks', '--fault', 'retry', '--retry-backoff-ms', '100'),
      '--respond',
      '*=503,500,204',
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(report.expectations[0]?.attempts, 3);
  });

  it('webhooks set up out of band: the provider gets CALLBACK_VERIFY_WEBHOOK_BASE, the config expects them', async () => {
    const config = join(work, 'webhooks-config.yaml');
    await writeFile(
      config,
      [
        'operations:',
        '  createOrder:',
        '    expect:',
        '      contracts: [createOrder/orderStatus/post, webhook/orderCreated/post, webhook/orderShipped/post]',
        '',
      ].join('\n'),
    );
    const command = `${provider('webhooks', '--auto-ship-ms', '100')} --webhook-base "$CALLBACK_VERIFY_WEBHOOK_BASE"`;
    const { result, report } = await runJson([
      'run',
      'specs/webhooks.yaml',
      '--provider-cmd',
      command,
      '--config',
      config,
      '--timeout',
      '5',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      report.expectations.map((expectation) => [expectation.contract, expectation.status]),
      [
        ['createOrder/orderStatus/post', 'received'],
        ['webhook/orderCreated/post', 'received'],
        ['webhook/orderShipped/post', 'received'],
      ],
    );
    assert.match(report.expectations[1]?.expectedUrl ?? '', /\/webhooks\/orderCreated$/);

    // Without the expectation, a webhook nobody asked for is unexpected.
    const unexpected = await runJson([
      'run',
      'specs/webhooks.yaml',
      '--provider-cmd',
      command,
      '--timeout',
      '2',
    ]);
    assert.equal(unexpected.result.code, 1);
    assert.deepEqual(errorChecks(unexpected.report), ['callback.unexpected']);
  });

  it('JUnit, JSON, Markdown and HTML into --output: JUnit has the shape CI viewers read', async () => {
    const output = join(work, 'reports');
    const result = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices', '--fault', 'wrong-type'),
      '--timeout',
      '3',
      '--reporter',
      'junit',
      '--reporter',
      'json',
      '--reporter',
      'markdown',
      '--reporter',
      'html',
      '--output',
      output,
      '--quiet',
    ]);
    assert.equal(result.code, 1, result.stderr);
    const files = await readdir(output);
    const junitFile = files.find((file) => file.endsWith('.xml'));
    assert.ok(junitFile, `a .xml file in ${files.join(', ')}`);
    assert.ok(files.some((file) => file.endsWith('.json')));
    assert.ok(files.some((file) => file.endsWith('.md')));
    assert.ok(files.some((file) => file.endsWith('.html')));
    const xml = await readFile(join(output, junitFile), 'utf8');
    const parsed: unknown = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
    }).parse(xml);
    const suites = (
      parsed as { testsuites?: { tests?: string; failures?: string; testsuite?: unknown } }
    ).testsuites;
    assert.ok(suites, 'root <testsuites>');
    const suiteList = [suites.testsuite].flat() as Array<{
      name?: string;
      tests?: string;
      failures?: string;
      testcase?: unknown;
    }>;
    assert.ok(suiteList.length >= 1);
    const cases = suiteList.flatMap((suite) => [suite.testcase].flat()) as Array<{
      name?: string;
      classname?: string;
      failure?: { message?: string; '#text'?: string } | string;
    }>;
    assert.ok(cases.length >= 1);
    for (const testcase of cases) {
      assert.equal(typeof testcase.name, 'string');
      assert.equal(typeof testcase.classname, 'string');
    }
    const failed = cases.filter((testcase) => testcase.failure !== undefined);
    assert.equal(failed.length, 1, 'the one expected callback fails');
    assert.match(JSON.stringify(failed[0]?.failure), /paid/);
    assert.equal(Number(suiteList[0]?.tests), [suiteList[0]?.testcase].flat().length);
    for (const testcase of cases as Array<{ time?: string }>) {
      if (testcase.time !== undefined)
        assert.ok(Number.isFinite(Number(testcase.time)), 'time is seconds');
    }
    assert.ok(Number(suiteList[0]?.failures) >= 1);
    // The attributes JUnit readers (Jenkins, GitLab, GitHub test-report actions) rely on.
    const totals = suites as { tests?: string; failures?: string; errors?: string };
    let tests = 0;
    let failures = 0;
    for (const suite of suiteList as Array<Record<string, unknown>>) {
      assert.equal(typeof suite.name, 'string');
      for (const attribute of ['tests', 'failures', 'errors', 'skipped', 'time']) {
        assert.ok(Number.isFinite(Number(suite[attribute])), `testsuite ${attribute} is a number`);
      }
      tests += Number(suite.tests);
      failures += Number(suite.failures);
    }
    assert.equal(Number(totals.tests), tests, 'testsuites tests is the sum of its suites');
    assert.equal(Number(totals.failures), failures);
    const failure = failed[0]?.failure;
    assert.ok(
      typeof failure === 'object' && typeof failure.message === 'string',
      'failure message attribute',
    );
    assert.equal((failure as { type?: string }).type, 'body.schema');
  });

  it('console report: summary table with the finding next to what was expected', async () => {
    const result = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices', '--fault', 'wrong-id'),
      '--timeout',
      '3',
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /createInvoice#1/);
    assert.match(result.stdout, /NOT CONFORMANT/);
    const line = result.stdout.split('\n').find((text) => text.includes('Callback sent to'));
    assert.match(
      line ?? result.stdout,
      /✗ Callback sent to …\/invoices\/other-inv-1001, expected …\/invoices\/inv-1001 \(\{\$request\.body#\/id\} = "inv-1001"\)\. {2}at \/url/,
    );
    assert.doesNotMatch(
      line ?? '',
      /http:|— expected/,
      'the URLs are said once, after the receiver URL',
    );
    assert.match(result.stderr, /provider ready at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('a provider command that exits at once: exit 2, CV_PROVIDER_START with its output', async () => {
    const result = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      `"${node}" -e "console.error('boom: no config'); process.exit(3)"`,
      '--quiet',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /CV_PROVIDER_START/);
    assert.match(result.stderr, /boom: no config/);
  });

  it('a provider URL nothing listens on: exit 2, CV_PROVIDER_UNREACHABLE', async () => {
    const result = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider',
      'http://127.0.0.1:9',
      '--quiet',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /CV_PROVIDER_UNREACHABLE/);
  });

  it('usage errors exit 2: unknown reporter, unknown operation', async () => {
    const reporter = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider',
      'http://127.0.0.1:9',
      '--reporter',
      'pdf',
    ]);
    assert.equal(reporter.code, 2);
    assert.match(reporter.stderr, /Unknown reporter "pdf"/);
    const operation = await runCli([
      'run',
      'specs/invoices.yaml',
      '--provider-cmd',
      provider('invoices'),
      '--operation',
      'nope',
      '--quiet',
    ]);
    assert.equal(operation.code, 2);
    assert.match(operation.stderr, /CV_CONTRACT_NOT_FOUND/);
  });
});
