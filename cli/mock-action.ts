import { startMockProvider } from '../src/provide/mock/index.ts';
import { prepareOutputDir, renderConsole } from '../src/report/index.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { awaitEnd } from './await-end.ts';
import { checkExample } from './check-example.ts';
import { describeMockEnd } from './describe-mock-end.ts';
import { ExitCode } from './exit-code.ts';
import { mockBanner } from './mock-banner.ts';
import { prepareMockDashboard } from './mock-dashboard.ts';
import { mockEventJson } from './mock-event-json.ts';
import { mockEventLine } from './mock-event-line.ts';
import { mockExpectWatch } from './mock-expect-watch.ts';
import { type MockFlags, parseMockFlags } from './mock-options.ts';
import { readCaFlags } from './read-ca-flags.ts';
import { readTlsFlags } from './read-tls-flags.ts';
import { saveReports } from './save-reports.ts';
import { summaryEvent } from './summary-event.ts';
import { useColor } from './use-color.ts';
import { withMockEndFindings } from './with-mock-end-findings.ts';

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `callback-verify mock <spec>`: a mock provider that fires the declared callbacks at the consumer. */
export async function mockAction(spec: string, flags: MockFlags): Promise<number> {
  const settings = parseMockFlags(flags, process.env);
  const ca = await readCaFlags(flags.ca);
  if (ca.length > 0) settings.provider.ca = ca;
  const tls = await readTlsFlags(flags, 'mock provider');
  if (tls !== undefined) settings.provider.tls = tls;
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
    provider.subscribe((event) => write(JSON.stringify(mockEventJson(event))));
  } else {
    for (const line of mockBanner(provider, catalogue, spec, settings, live?.url)) write(line);
    provider.subscribe((event) => write(mockEventLine(event, delayMs)));
  }
  const { ended, dispose } = awaitEnd({
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    watches: settings.expect === undefined ? [] : [mockExpectWatch(provider, settings.expect)],
  });
  const reason = await ended;
  dispose();
  // Stopped, the report is final; open pages get it before their streams end and the port closes.
  await provider.stop();
  const report = withMockEndFindings(provider.report(), settings.expect, reason);
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
    write(summaryEvent(report, { reason: describeMockEnd(reason), reports: written, exitCode }));
  } else {
    write('');
    write(`Mock stopped (${describeMockEnd(reason)}).`);
    write(
      renderConsole(report, { color: useColor(flags.color, process.stdout.isTTY, process.env) }),
    );
    for (const path of written) write(`report: ${path}`);
  }
  if (reportError !== undefined) throw reportError;
  return exitCode;
}
