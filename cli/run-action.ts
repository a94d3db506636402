import { loadConfig, resolveRunOptions } from '../src/config/index.ts';
import { createReceiver } from '../src/receive/index.ts';
import type { Receiver } from '../src/receive/types.ts';
import { prepareOutputDir } from '../src/report/index.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import {
  checkFilters,
  checkProviderReachable,
  type ProviderProcess,
  receiverEnvironment,
  runConformance,
  runReceiverOptions,
  startProvider,
} from '../src/trigger/index.ts';
import { emitRunReports } from './emit-run-reports.ts';
import { ExitCode } from './exit-code.ts';
import { parseSeconds } from './parse-seconds.ts';
import type { TlsFlags } from './read-tls-flags.ts';
import { readTlsSettings } from './read-tls-settings.ts';
import { parseReporters } from './report-options.ts';
import { type RunDashboard, startRunDashboard } from './run-dashboard.ts';
import { createRunProgress } from './run-progress.ts';
import { version } from './version.ts';

/** Flags of `run` as commander hands them over. */
export interface RunCommandFlags extends TlsFlags {
  provider?: string;
  providerCmd?: string;
  readyUrl?: string;
  readyTimeout?: string;
  config?: string;
  operation: string[];
  tag: string[];
  contract: string[];
  header: string[];
  timeout?: string;
  concurrency?: string;
  repeat?: string;
  respond: string[];
  callbackBase?: string;
  /** `--ca` files, repeatable. */
  ca?: string[];
  host?: string;
  port?: string;
  verifySignature?: string;
  secret?: string;
  reporter: string[];
  output?: string;
  quiet?: boolean;
  color?: boolean;
  /** False with `--no-dashboard`. */
  dashboard?: boolean;
}

/** `callback-verify run <spec>`: the provider conformance run; returns the exit code. */
export async function runAction(spec: string, flags: RunCommandFlags): Promise<number> {
  // run alone also takes a comma list (--reporter console,junit) and prints the console report by default.
  // Checked before anything starts, like every other flag.
  const readyTimeoutMs = parseSeconds('--ready-timeout', flags.readyTimeout ?? '15') * 1000;
  const reporters = parseReporters(
    flags.reporter.length === 0 ? ['console'] : flags.reporter.flatMap((name) => name.split(',')),
  );
  const loaded = await loadConfig({
    cwd: process.cwd(),
    ...(flags.config === undefined ? {} : { path: flags.config }),
  });
  const { config } = loaded;
  // Flags win over the config file's `tls` and `ca`.
  const { tls, ca } = await readTlsSettings(flags, loaded);
  const document = await loadDocument(spec);
  const catalogue = buildCatalogue(document);
  // Checked before the provider starts, so an unusable --output does not cost a whole run.
  if (flags.output !== undefined && reporters.some((name) => name !== 'console')) {
    await prepareOutputDir(flags.output);
  }

  const controller = new AbortController();
  let provider: ProviderProcess | undefined;
  let dashboard: RunDashboard | undefined;
  let receiver: Receiver | undefined;
  let closeReceiver = async (): Promise<void> => {};
  let interrupted = false;
  // Until the triggers go out there is nothing to report: an interruption then ends with no report.
  let triggering = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) {
      // Second Ctrl-C: stop waiting for anything but the provider's shutdown.
      void provider?.stop().finally(() => process.exit(ExitCode.interrupted));
      return;
    }
    interrupted = true;
    process.stderr.write(
      triggering
        ? `\n${signal}: stopping; the report covers what arrived so far.\n`
        : `\n${signal}: stopping before any trigger was sent; there is nothing to report.\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = flags.quiet === true ? undefined : createRunProgress();
  try {
    const configured = flags.provider ?? config.provider;
    // Flags are checked before anything starts; a provider started without --provider tells
    // its URL by printing it, so that one is filled in once it is up.
    const options = resolveRunOptions(
      {
        ...(configured === undefined
          ? flags.providerCmd === undefined
            ? {}
            : { provider: 'http://127.0.0.1' }
          : { provider: configured }),
        operation: flags.operation,
        tag: flags.tag,
        contract: flags.contract,
        header: flags.header,
        respond: flags.respond,
        ...pick(flags, [
          'timeout',
          'concurrency',
          'repeat',
          'callbackBase',
          'host',
          'port',
          'verifySignature',
        ]),
        // Like listen and send: the secret may come from the environment, out of shell history.
        secret: flags.secret ?? process.env.CALLBACK_VERIFY_SECRET,
      },
      config,
    );
    if (tls !== undefined) options.receiverTls = tls;
    if (ca.length > 0) options.ca = ca;
    // A filter naming nothing in the spec is refused before the dashboard, receiver or provider starts.
    checkFilters(catalogue, options.filters);
    // The receiver starts first, so a provider started here can be told where it is
    // (webhooks that are configured once, not per trigger).
    dashboard = await startRunDashboard(flags.dashboard, catalogue, options, version);
    if (dashboard !== undefined) progress?.line(`dashboard: ${dashboard.url}`);
    receiver =
      dashboard?.runOptions().receiver ??
      (await createReceiver(catalogue, runReceiverOptions(options)));
    const ownReceiver = dashboard === undefined ? receiver : undefined;
    closeReceiver = async () => {
      await dashboard?.close();
      await ownReceiver?.close();
    };
    if (flags.providerCmd !== undefined) {
      progress?.line(`starting provider: ${flags.providerCmd}`);
      provider = await startProvider({
        command: flags.providerCmd,
        ...(configured === undefined ? {} : { url: configured }),
        ...(flags.readyUrl === undefined ? {} : { readyUrl: flags.readyUrl }),
        readyTimeoutMs,
        signal: controller.signal,
        baseEnv: process.env,
        env: receiverEnvironment(receiver),
        ...(ca.length === 0 ? {} : { ca }),
      });
      options.provider = provider.url;
      progress?.line(`provider ready at ${provider.url}`);
    }
    if (provider === undefined) await checkProviderReachable(options.provider);
    const running = provider;
    triggering = true;
    const report = await runConformance(catalogue, {
      ...options,
      toolVersion: version,
      signal: controller.signal,
      ...(running === undefined
        ? {}
        : { providerCommand: running.command, providerOutput: () => running.output() }),
      ...(progress === undefined ? {} : { onProgress: progress.event }),
      receiver,
      ...dashboard?.runOptions(progress?.event),
    });
    dashboard?.publish(report);
    await emitRunReports(report, reporters, flags);
    if (interrupted) return ExitCode.interrupted;
    return report.summary.conformant ? ExitCode.conformant : ExitCode.nonConformant;
  } catch (error) {
    // Ctrl-C while the provider was starting surfaces as its start failing: it is an interruption.
    if (interrupted && !triggering) return ExitCode.interrupted;
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await provider?.stop();
    await closeReceiver();
  }
}

function pick<K extends keyof RunCommandFlags>(
  flags: RunCommandFlags,
  keys: K[],
): Partial<Pick<RunCommandFlags, K>> {
  const picked: Partial<Pick<RunCommandFlags, K>> = {};
  for (const key of keys) if (flags[key] !== undefined) picked[key] = flags[key];
  return picked;
}
