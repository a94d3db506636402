import type { Command } from 'commander';
import { UsageError } from '../src/errors.ts';
import {
  buildSendReport,
  isSignatureScheme,
  type SendOptions,
  sendDeliveries,
  signatureSchemes,
} from '../src/provide/index.ts';
import { renderConsole, writeReports } from '../src/report/index.ts';
import type { DeliveryResult, Report } from '../src/report/report.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { ExitCode } from './exit-code.ts';
import { version } from './version.ts';

/** Flags of `send` as commander hands them over. */
interface SendFlags {
  to: string;
  example?: string;
  body?: string;
  all?: boolean;
  invalid?: boolean;
  sign?: string;
  secret?: string;
  allowHost?: string[];
  allowAnyHost?: boolean;
  timeout: string;
  header?: string[];
  reporter?: string[];
  output?: string;
}

const reporterNames = ['console', 'json', 'junit', 'markdown', 'html'] as const;
type ReporterName = (typeof reporterNames)[number];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One readable line per delivery, printed as it completes. */
function deliveryLine(delivery: DeliveryResult): string {
  const mark = delivery.verdict === 'pass' ? '✓' : '✗';
  const status = delivery.status === undefined ? 'no reply' : String(delivery.status);
  const took = delivery.durationMs === undefined ? '' : ` (${Math.round(delivery.durationMs)} ms)`;
  const problems = delivery.findings.filter((finding) => finding.severity !== 'info');
  const first = problems
    .slice(0, 2)
    .map((finding) => finding.message)
    .join('; ');
  const more = problems.length > 2 ? ` (+${problems.length - 2} more)` : '';
  return `${mark} ${delivery.method} ${delivery.contract} [${delivery.payload}] → ${status}${took}${first === '' ? '' : ` — ${first}${more}`}`;
}

/** Turns the flags into library options; every problem is a UsageError (exit 2). */
function parseSendFlags(
  contract: string | undefined,
  flags: SendFlags,
  env: NodeJS.ProcessEnv,
): SendOptions {
  if (flags.example !== undefined && flags.body !== undefined) {
    throw new UsageError('--example and --body both choose the payload; pass one of them.');
  }
  const seconds = Number(flags.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got "${flags.timeout}".`);
  }
  if (flags.sign !== undefined && !isSignatureScheme(flags.sign)) {
    throw new UsageError(`Unknown signature scheme "${flags.sign}".`, {
      hint: `Use one of: ${signatureSchemes.join(', ')}.`,
    });
  }
  const headers: Record<string, string> = {};
  for (const text of flags.header ?? []) {
    const colon = text.indexOf(':');
    const name = text.slice(0, colon).trim().toLowerCase();
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      throw new UsageError(`--header takes "Name: value", got "${text}".`);
    }
    headers[name] = text.slice(colon + 1).trim();
  }
  // The secret may come from the environment so it stays out of shell history and process lists.
  const secret =
    flags.secret ?? (flags.sign === undefined ? undefined : env.CALLBACK_VERIFY_SECRET);
  const options: SendOptions = {
    to: flags.to,
    all: flags.all === true,
    invalid: flags.invalid === true,
    headers,
    allowHosts: flags.allowHost ?? [],
    allowAnyHost: flags.allowAnyHost === true,
    timeoutMs: Math.round(seconds * 1000),
  };
  if (contract !== undefined) options.contract = contract;
  if (flags.example !== undefined) options.example = flags.example;
  if (flags.body !== undefined) options.bodyFile = flags.body;
  if (flags.sign !== undefined && isSignatureScheme(flags.sign)) options.sign = flags.sign;
  if (secret !== undefined) options.secret = secret;
  return options;
}

function parseReporters(flags: SendFlags): ReporterName[] {
  const reporters: ReporterName[] = [];
  for (const name of flags.reporter ?? []) {
    const known = reporterNames.find((reporter) => reporter === name);
    if (known === undefined) {
      throw new UsageError(`Unknown reporter "${name}".`, {
        hint: `Use one of: ${reporterNames.join(', ')}.`,
      });
    }
    reporters.push(known);
  }
  return reporters;
}

async function saveReports(
  report: Report,
  reporters: ReporterName[],
  output: string | undefined,
): Promise<string[]> {
  if (reporters.length === 0 && output === undefined) return [];
  return writeReports(report, {
    reporters: reporters.length === 0 ? ['json'] : reporters,
    outputDir: output ?? 'callback-verify-report',
  });
}

/** `callback-verify send <spec> [contract] --to <url>`: deliver to a consumer and check its replies. */
async function send(spec: string, contract: string | undefined, flags: SendFlags): Promise<number> {
  const options = parseSendFlags(contract, flags, process.env);
  const reporters = parseReporters(flags);
  const catalogue = buildCatalogue(await loadDocument(spec));
  const startedAt = new Date().toISOString();
  const result = await sendDeliveries(catalogue, {
    ...options,
    onDelivery: (delivery) => write(deliveryLine(delivery)),
  });
  const report = buildSendReport(catalogue, result, { toolVersion: version, startedAt });
  const written = await saveReports(report, reporters, flags.output);
  write('');
  write(renderConsole(report));
  for (const path of written) write(`report: ${path}`);
  return report.summary.conformant ? ExitCode.conformant : ExitCode.nonConformant;
}

/** Registers `send` on the program. */
export function registerSendCommand(program: Command): void {
  program
    .command('send')
    .description('Deliver a callback or webhook payload to a consumer and check its reply.')
    .argument('<spec>', 'OpenAPI document (file path or http(s) URL)')
    .argument(
      '[contract]',
      'contract id, callback or webhook name, or operationId (omit with --all)',
    )
    .requiredOption('--to <url>', "the consumer's URL; every delivery goes to exactly this URL")
    .option(
      '--example <name>',
      'send this named example (default: the first example, else generated)',
    )
    .option('--body <file>', "send this file's bytes as the body")
    .option('--all', 'deliver every webhook of the spec')
    .option(
      '--invalid',
      'also send payloads that break the schema; a consumer accepting one is lenient',
    )
    .option('--sign <scheme>', `sign deliveries: ${signatureSchemes.join(', ')}`)
    .option('--secret <secret>', 'signing secret (or set CALLBACK_VERIFY_SECRET)')
    .option(
      '--allow-host <host>',
      'also deliver to this host: name, *.domain or host:port (repeatable)',
      collect,
    )
    .option('--allow-any-host', 'deliver to any host (default: loopback only)')
    .option('--timeout <seconds>', 'time allowed for each delivery', '10')
    .option('--header <"Name: value">', 'extra request header (repeatable)', collect)
    .option(
      '--reporter <name>',
      'write a report: console, json, junit, markdown, html (repeatable)',
      collect,
    )
    .option('--output <dir>', 'folder for the reports (default: callback-verify-report)')
    .action(async (spec: string, contract: string | undefined, flags: SendFlags) => {
      process.exitCode = await send(spec, contract, flags);
    });
}
