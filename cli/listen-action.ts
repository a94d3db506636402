import type { ChildProcess } from 'node:child_process';
import { ContractNotFoundError, UsageError } from '../src/errors.ts';
import { buildListenReport, createReceiver } from '../src/receive/index.ts';
import { prepareOutputDir, renderConsole } from '../src/report/index.ts';
import type { Report } from '../src/report/report.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { awaitEnd } from './await-end.ts';
import { countMatched } from './count-matched.ts';
import { type LiveDashboard, prepareDashboard } from './dashboard.ts';
import { describeListenEnd, type ListenEnd } from './describe-listen-end.ts';
import { exchangeEvent } from './exchange-event.ts';
import { exchangeLine } from './exchange-line.ts';
import { ExitCode } from './exit-code.ts';
import { listenEndFindings } from './listen-end-findings.ts';
import { listenEndWatches } from './listen-end-watches.ts';
import { type ListenFlags, parseListenFlags } from './listen-options.ts';
import { readTlsFlags } from './read-tls-flags.ts';
import { receiverAnnouncement } from './receiver-announcement.ts';
import { saveReports } from './save-reports.ts';
import { startListenCommand } from './start-listen-command.ts';
import { summaryEvent } from './summary-event.ts';
import { useColor } from './use-color.ts';
import { version } from './version.ts';

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** `callback-verify listen <spec> [-- <command…>]`: receivers for every contract, validated live. */
export async function listenAction(
  spec: string,
  command: string[],
  flags: ListenFlags,
): Promise<number> {
  const settings = parseListenFlags(flags, process.env);
  const tls = await readTlsFlags(flags);
  const catalogue = buildCatalogue(await loadDocument(spec));
  if (settings.output !== undefined) await prepareOutputDir(settings.output);
  const known = new Set(catalogue.contracts.map((contract) => contract.id));
  for (const id of Object.keys(settings.behaviours)) {
    if (id !== '*' && !known.has(id)) {
      throw new ContractNotFoundError(
        `--respond/--delay/--drop name "${id}", which ${spec} does not declare.`,
        {
          hint: `Run \`callback-verify inspect ${spec}\` for the contract ids, or use * for every contract.`,
        },
      );
    }
  }
  if (catalogue.contracts.length === 0) {
    throw new UsageError(
      `${spec} declares no callbacks or webhooks, so there is nothing to listen for.`,
    );
  }
  const startedAt = new Date().toISOString();
  const dashboard = prepareDashboard(flags.dashboard);
  const receiver = await createReceiver(catalogue, {
    ...dashboard?.receiverOptions,
    host: settings.host,
    port: settings.port,
    webhookPrefix: settings.webhookPrefix,
    behaviours: settings.behaviours,
    ...(settings.record === undefined ? {} : { journalPath: settings.record }),
    ...(settings.maxBodyBytes === undefined ? {} : { maxBodyBytes: settings.maxBodyBytes }),
    ...(settings.unmatchedStatus === undefined
      ? {}
      : { unmatchedStatus: settings.unmatchedStatus }),
    ...(settings.signature === undefined ? {} : { verifySignature: settings.signature }),
    ...(tls === undefined ? {} : { tls }),
  });
  // From here on the report is written whatever happens: signal, timeout, command exit or a failure.
  let child: ChildProcess | undefined;
  let live: LiveDashboard | undefined;
  let dispose = (): void => {};
  let reason: ListenEnd = { kind: 'failed' };
  let failure: unknown;
  // A closed stdout (`listen --json | head -1`) must not end the run before its report is written.
  const onStdoutError = (): void => {};
  process.stdout.on('error', onStdoutError);
  try {
    live = dashboard?.start(receiver, { command: 'listen', toolVersion: version, startedAt });
    for (const line of receiverAnnouncement(receiver, settings.json, live?.url)) write(line);
    receiver.subscribe((exchange) => {
      write(settings.json ? JSON.stringify(exchangeEvent(exchange)) : exchangeLine(exchange));
    });
    child = command.length > 0 ? startListenCommand(command, receiver, settings.json) : undefined;
    const end = awaitEnd<ListenEnd>({
      ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      watches: listenEndWatches(settings, receiver, child),
    });
    dispose = end.dispose;
    reason = await end.ended;
  } catch (error) {
    failure = error;
  }
  dispose();
  if (child !== undefined && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
  }
  const finish = (): Report =>
    buildListenReport(receiver, {
      toolVersion: version,
      startedAt,
      finishedAt: new Date().toISOString(),
      findings: listenEndFindings(reason, settings.expect, countMatched(receiver)),
    });
  // The dashboard lives on the receiver's port: it gets the final report (with what only the end
  // adds, such as an unmet --expect) before the receiver closes.
  let report = finish();
  live?.publish(report);
  live?.close();
  const answered = receiver.stats().exchanges;
  await receiver.close();
  // Requests still in flight were answered while the receiver closed: nothing is left out of the
  // report that is printed and written.
  if (receiver.stats().exchanges !== answered) report = finish();
  let written: string[] = [];
  let reportError: unknown;
  try {
    // Console output is printed below, never written as a file here.
    const files = settings.reporters.filter((name) => name !== 'console');
    written = await saveReports(report, files, settings.output);
  } catch (error) {
    reportError = error;
  }
  const exitCode =
    reason.kind === 'command-failed'
      ? ExitCode.usage
      : report.summary.conformant
        ? ExitCode.conformant
        : ExitCode.nonConformant;
  if (settings.json) {
    write(summaryEvent(report, { reason: describeListenEnd(reason), reports: written, exitCode }));
    // stdout carries events only; a console report asked for goes to stderr.
    if (settings.reporters.includes('console')) process.stderr.write(`${renderConsole(report)}\n`);
  } else {
    write('');
    write(
      renderConsole(report, { color: useColor(flags.color, process.stdout.isTTY, process.env) }),
    );
    for (const path of written) write(`report: ${path}`);
  }
  if (failure !== undefined) throw failure;
  if (reportError !== undefined) throw reportError;
  if (reason.kind === 'command-failed') {
    // Exit 2 like any environment error, with the same `error CV_…` line after the report.
    throw new UsageError(`The command after -- could not be started: ${reason.message}.`, {
      hint: 'Check the command name and that it is on PATH; it is run directly, not through a shell.',
    });
  }
  return exitCode;
}
