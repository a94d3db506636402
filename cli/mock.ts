import type { Command } from 'commander';
import { SignatureConfigError, UsageError } from '../src/errors.ts';
import {
  type MockEvent,
  type MockProvider,
  type MockProviderOptions,
  startMockProvider,
} from '../src/provide/mock/index.ts';
import { signatureSchemes } from '../src/provide/signatures/index.ts';
import {
  prepareOutputDir,
  type ReporterName,
  renderConsole,
  summarise,
} from '../src/report/index.ts';
import type { DeliveryResult, Report, TriggerResult } from '../src/report/report.ts';
import type { Catalogue } from '../src/spec/contract.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import type { Finding } from '../src/validate/finding.ts';
import { awaitEnd, type EndReason, type EndWatch } from './await-end.ts';
import { addDeliveryOptions, type DeliveryFlags } from './delivery-options.ts';
import { describeProblems } from './describe-problems.ts';
import { ExitCode } from './exit-code.ts';
import { prepareMockDashboard } from './mock-dashboard.ts';
import { parseSeconds } from './parse-seconds.ts';
import { parseSignatureFlags } from './parse-signature-flags.ts';
import { parseWholeNumber } from './parse-whole-number.ts';
import { addReportOptions, parseReporters, type ReportFlags } from './report-options.ts';
import { saveReports } from './save-reports.ts';
import { summaryEvent } from './summary-event.ts';
import { version } from './version.ts';

/** Flags of `mock` as commander hands them over. */
interface MockFlags extends DeliveryFlags, ReportFlags {
  host: string;
  port: string;
  example?: string;
  delay: string;
  order: string;
  dynamic?: boolean;
  deliveryTimeout: string;
  timeout?: string;
  expect?: string;
  json?: boolean;
  /** False with `--no-dashboard`. */
  dashboard?: boolean;
}

/** `mock` settings once every flag is checked. */
interface MockSettings {
  provider: MockProviderOptions;
  timeoutMs?: number;
  expect?: number;
  json: boolean;
  reporters: ReporterName[];
  output?: string;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Turns the flags into settings; every problem is a UsageError (exit 2). */
function parseMockFlags(flags: MockFlags, env: NodeJS.ProcessEnv): MockSettings {
  if (flags.order !== 'declared' && flags.order !== 'reverse') {
    throw new UsageError(`--order must be declared or reverse, got "${flags.order}".`);
  }
  const provider: MockProviderOptions = {
    host: flags.host,
    port: parseWholeNumber('--port', flags.port, 0, 65_535),
    delayMs: parseWholeNumber('--delay', flags.delay, 0, 600_000),
    order: flags.order,
    dynamic: flags.dynamic === true,
    allowHosts: flags.allowHost ?? [],
    allowAnyHost: flags.allowAnyHost === true,
    deliveryTimeoutMs: Math.round(parseSeconds('--delivery-timeout', flags.deliveryTimeout) * 1000),
    toolVersion: version,
  };
  if (flags.example !== undefined) provider.example = flags.example;
  const signature = parseSignatureFlags(flags.sign, flags.secret, env);
  if (signature !== undefined) {
    const { scheme, secret } = signature;
    if (secret === undefined || secret === '') {
      throw new SignatureConfigError(`Signing with ${scheme} needs a secret.`, {
        hint: 'Pass it with --secret <secret> or set CALLBACK_VERIFY_SECRET.',
      });
    }
    provider.sign = { scheme, secret };
  } else if (flags.secret !== undefined) {
    throw new UsageError('--secret is only used with --sign <scheme>.', {
      hint: `Add --sign ${signatureSchemes.join('|')}, or drop --secret.`,
    });
  }
  const reporters = parseReporters(flags.reporter);
  const settings: MockSettings = { provider, json: flags.json === true, reporters };
  if (flags.timeout !== undefined) {
    settings.timeoutMs = Math.round(parseSeconds('--timeout', flags.timeout) * 1000);
  }
  if (flags.expect !== undefined)
    settings.expect = parseWholeNumber('--expect', flags.expect, 1, 1_000_000);
  if (flags.output !== undefined) settings.output = flags.output;
  return settings;
}

/** Checks that a named example exists somewhere before the mock starts, instead of never using it. */
function checkExample(catalogue: Catalogue, example: string | undefined): void {
  if (example === undefined) return;
  const names = new Set<string>();
  for (const contract of catalogue.contracts) {
    if (contract.kind !== 'callback') continue;
    for (const media of contract.operation.requestBody?.content ?? []) {
      for (const item of media.examples) names.add(item.name);
    }
  }
  if (names.has(example)) return;
  throw new UsageError(
    `No callback of ${catalogue.document.source} declares an example named "${example}".`,
    {
      hint:
        names.size === 0
          ? 'The callbacks declare no named examples; leave --example out.'
          : `Available: ${[...names].join(', ')}.`,
    },
  );
}

function requestLine(
  request: TriggerResult,
  callbacks: readonly string[],
  delayMs: number,
): string {
  const path = new URL(request.url).pathname + new URL(request.url).search;
  const fires = callbacks.length === 0 ? '' : ` · ${callbacks.length} callback(s) in ${delayMs} ms`;
  return `→ ${request.method} ${path} → ${request.status ?? '—'}  ${request.id}${fires}${describeProblems(request.findings)}`;
}

function deliveryLine(delivery: DeliveryResult): string {
  const mark = delivery.verdict === 'pass' ? '✓' : '✗';
  const refused = delivery.findings.some(
    (finding) => finding.check === 'delivery.host-not-allowed',
  );
  const status =
    delivery.status !== undefined ? String(delivery.status) : refused ? 'not sent' : 'no reply';
  const took = delivery.durationMs === undefined ? '' : ` (${Math.round(delivery.durationMs)} ms)`;
  return `  ${mark} ${delivery.method} ${delivery.url} ${delivery.contract} [${delivery.payload}] → ${status}${took}${describeProblems(delivery.findings)}`;
}

function eventLine(event: MockEvent, delayMs: number): string {
  switch (event.type) {
    case 'request':
      return requestLine(event.request, event.callbacks, delayMs);
    case 'delivery':
      return deliveryLine(event.delivery);
    case 'skipped':
      return `  ${event.finding.severity === 'error' ? '✗' : '!'} ${event.contract} not sent — ${event.finding.message}`;
  }
}

/** One JSON Lines event of `--json`: the event's own data, flat, under its type. */
function eventJson(event: MockEvent): Record<string, unknown> {
  switch (event.type) {
    case 'request':
      return { event: 'request', ...event.request, callbacks: event.callbacks };
    case 'delivery':
      return { event: 'delivery', ...event.delivery };
    case 'skipped':
      return { event: 'skipped', contract: event.contract, finding: event.finding };
  }
}

function printBanner(
  mock: MockProvider,
  catalogue: Catalogue,
  spec: string,
  settings: MockSettings,
  dashboardUrl: string | undefined,
): void {
  const options = settings.provider;
  write(`Mock provider listening on ${mock.origin} (${catalogue.document.title}, ${spec})`);
  const hosts = options.allowAnyHost
    ? 'any host'
    : ['loopback', ...(options.allowHosts ?? [])].join(', ');
  write(
    `  answers: ${options.dynamic ? 'generated from schemas' : 'declared examples'}; callbacks ${options.delayMs} ms after a 2xx, ${options.order} order${options.sign === undefined ? '' : `, signed (${options.sign.scheme})`}; deliveries to ${hosts}`,
  );
  const callbacks = catalogue.contracts.filter((contract) => contract.kind === 'callback');
  if (callbacks.length === 0) write('  no operation declares callbacks: the mock only answers');
  for (const contract of callbacks) {
    const trigger = contract.trigger;
    const where = trigger === undefined ? '' : `${trigger.method.toUpperCase()} ${trigger.path}`;
    write(`  ${where} fires ${contract.id}  ${contract.expression?.raw ?? ''}`);
  }
  if (dashboardUrl !== undefined) write(`dashboard: ${dashboardUrl}`);
}

/** `--expect n`: ends once n callbacks were delivered or refused. */
function expectWatch(mock: MockProvider, wanted: number): EndWatch<EndReason> {
  return (end) => {
    let done = 0;
    return mock.subscribe((event) => {
      if (event.type === 'request') return;
      done += 1;
      if (done >= wanted) end({ kind: 'expect' });
    });
  };
}

function describeEnd(reason: EndReason): string {
  switch (reason.kind) {
    case 'signal':
      return `stopped by ${reason.signal}`;
    case 'timeout':
      return 'timeout';
    case 'expect':
      return 'expected number of callbacks handled';
  }
}

/** `--expect n` that was not reached is a failure of the session, not only a shorter one. */
function withEndFindings(report: Report, settings: MockSettings, reason: EndReason): Report {
  const handled =
    report.deliveries.length + report.findings.filter((f) => f.contract !== undefined).length;
  if (settings.expect === undefined || handled >= settings.expect) return report;
  const finding: Finding = {
    check: 'mock.expect',
    severity: 'error',
    message: `Expected ${settings.expect} callback(s) but ${handled} were handled before the mock ended (${describeEnd(reason)}).`,
    expected: settings.expect,
    actual: handled,
  };
  const { summary: _summary, ...draft } = report;
  const next = { ...draft, findings: [...report.findings, finding] };
  return { ...next, summary: summarise(next) };
}

/** `callback-verify mock <spec>`: a mock provider that fires the declared callbacks at the consumer. */
async function mock(spec: string, flags: MockFlags): Promise<number> {
  const settings = parseMockFlags(flags, process.env);
  // Prism's dependencies include an install-time analytics package; keep it quiet at run time too.
  process.env.SCARF_ANALYTICS = 'false';
  const catalogue = buildCatalogue(await loadDocument(spec));
  checkExample(catalogue, settings.provider.example);
  if (settings.output !== undefined) await prepareOutputDir(settings.output);
  const dashboard = prepareMockDashboard(flags.dashboard);
  const provider = await startMockProvider(catalogue, {
    ...settings.provider,
    ...dashboard?.providerOptions,
  });
  const live = dashboard?.start(provider);
  const delayMs = settings.provider.delayMs ?? 0;
  if (settings.json) {
    const callbacks = catalogue.contracts.filter((contract) => contract.kind === 'callback');
    write(
      JSON.stringify({
        event: 'ready',
        origin: provider.origin,
        ...(live === undefined ? {} : { dashboard: live.url }),
        callbacks: callbacks.map((contract) => contract.id),
      }),
    );
    provider.subscribe((event) => write(JSON.stringify(eventJson(event))));
  } else {
    printBanner(provider, catalogue, spec, settings, live?.url);
    provider.subscribe((event) => write(eventLine(event, delayMs)));
  }
  const { ended, dispose } = awaitEnd({
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    watches: settings.expect === undefined ? [] : [expectWatch(provider, settings.expect)],
  });
  const reason = await ended;
  dispose();
  // Stopped, the report is final; open pages get it before their streams end and the port closes.
  await provider.stop();
  const report = withEndFindings(provider.report(), settings, reason);
  live?.publish(report);
  live?.close();
  await provider.close();
  let written: string[] = [];
  let reportError: unknown;
  try {
    written = await saveReports(report, settings.reporters, settings.output);
  } catch (error) {
    reportError = error;
  }
  const exitCode = report.summary.conformant ? ExitCode.conformant : ExitCode.nonConformant;
  if (settings.json) {
    write(summaryEvent(report, { reason: describeEnd(reason), reports: written, exitCode }));
  } else {
    write('');
    write(`Mock stopped (${describeEnd(reason)}).`);
    write(renderConsole(report, { color: process.stdout.isTTY === true }));
    for (const path of written) write(`report: ${path}`);
  }
  if (reportError !== undefined) throw reportError;
  return exitCode;
}

/** Registers `mock` on the program. */
export function registerMockCommand(program: Command): void {
  const command = program
    .command('mock')
    .description(
      "Run a mock of the spec's API that fires the declared callbacks at the URL the consumer supplies, and check the consumer's replies.",
    )
    .argument('<spec>', 'OpenAPI document (file path or http(s) URL)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind (0 = any free port)', '4010')
    .option('--dynamic', 'answer with values generated from the schemas instead of the examples')
    .option('--example <name>', 'send this named example as the callback payload where declared')
    .option('--delay <ms>', 'wait this long after answering before firing callbacks', '100')
    .option(
      '--order <order>',
      "order of an operation's callbacks: declared or reverse",
      'declared',
    );
  addDeliveryOptions(command, 'callbacks')
    .option('--delivery-timeout <seconds>', 'time allowed for each callback delivery', '10')
    .option('--timeout <seconds>', 'stop after this many seconds')
    .option('--expect <n>', 'stop once n callbacks were delivered or refused; fewer fails the run')
    .option(
      '--json',
      'write JSON Lines events to stdout (ready, request, delivery, skipped, summary)',
    );
  addReportOptions(command)
    .option('--no-dashboard', 'do not serve the live dashboard')
    .action(async (spec: string, flags: MockFlags) => {
      process.exitCode = await mock(spec, flags);
    });
}
