import { SignatureConfigError, UsageError } from '../src/errors.ts';
import { signatureSchemes } from '../src/provide/signatures/index.ts';
import type { ReceiverBehaviour, SignatureVerification } from '../src/receive/index.ts';
import type { ReporterName } from '../src/report/index.ts';
import { parseSeconds } from './parse-seconds.ts';
import { parseSignatureFlags } from './parse-signature-flags.ts';
import { parseWholeNumber } from './parse-whole-number.ts';
import type { TlsFlags } from './read-tls-flags.ts';
import { parseReporters, type ReportFlags } from './report-options.ts';

/** Flags of `listen` as commander hands them over. */
export interface ListenFlags extends ReportFlags, TlsFlags {
  host?: string;
  port?: string;
  webhookPrefix?: string;
  record?: string;
  maxBody?: string;
  unmatchedStatus?: string;
  respond?: string[];
  delay?: string[];
  drop?: string[];
  timeout?: string;
  expect?: string;
  json?: boolean;
  /** False with `--no-dashboard`. */
  dashboard?: boolean;
  /** False with `--no-color`. */
  color?: boolean;
  verifySignature?: string;
  secret?: string;
  signatureTolerance?: string;
}

/** `listen` settings after checking every flag. */
export interface ListenSettings {
  host: string;
  port: number;
  webhookPrefix: string;
  record?: string;
  maxBodyBytes?: number;
  unmatchedStatus?: number;
  behaviours: Record<string, ReceiverBehaviour>;
  timeoutMs?: number;
  expect?: number;
  json: boolean;
  reporters: ReporterName[];
  output?: string;
  signature?: SignatureVerification;
}

function splitPair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) {
    throw new UsageError(`${flag} takes <contract>=<value>, got "${text}".`, {
      hint: `Example: ${flag} 'createInvoice/invoicePaid/post=${flag === '--delay' ? '500' : '503,503,200'}' (or * for every contract).`,
    });
  }
  return [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Checks `listen`'s flags and turns them into settings; every problem is a UsageError (exit 2).
 * @example parseListenFlags({ port: '0', respond: ['*=503,200'] }).behaviours['*'] // { statuses: [503, 200] }
 */
export function parseListenFlags(flags: ListenFlags, env: NodeJS.ProcessEnv = {}): ListenSettings {
  const behaviours: Record<string, ReceiverBehaviour> = {};
  const behaviourOf = (contract: string): ReceiverBehaviour => {
    behaviours[contract] ??= {};
    return behaviours[contract];
  };
  for (const text of flags.respond ?? []) {
    const [contract, list] = splitPair('--respond', text);
    behaviourOf(contract).statuses = list
      .split(',')
      .map((status) => parseWholeNumber('--respond statuses', status, 100, 599));
  }
  for (const text of flags.delay ?? []) {
    const [contract, ms] = splitPair('--delay', text);
    behaviourOf(contract).delayMs = parseWholeNumber('--delay', ms, 0, 600_000);
  }
  for (const contract of flags.drop ?? []) behaviourOf(contract).drop = true;

  const reporters = parseReporters(flags.reporter);
  const timeoutMs =
    flags.timeout === undefined
      ? undefined
      : Math.round(parseSeconds('--timeout', flags.timeout) * 1000);

  const settings: ListenSettings = {
    host: flags.host ?? '127.0.0.1',
    port: flags.port === undefined ? 0 : parseWholeNumber('--port', flags.port, 0, 65_535),
    webhookPrefix: flags.webhookPrefix ?? '/webhooks',
    behaviours,
    json: flags.json === true,
    reporters,
  };
  if (flags.record !== undefined) settings.record = flags.record;
  if (flags.maxBody !== undefined)
    settings.maxBodyBytes = parseWholeNumber('--max-body', flags.maxBody, 1);
  if (flags.unmatchedStatus !== undefined) {
    settings.unmatchedStatus = parseWholeNumber(
      '--unmatched-status',
      flags.unmatchedStatus,
      200,
      599,
    );
  }
  if (timeoutMs !== undefined) settings.timeoutMs = timeoutMs;
  if (flags.expect !== undefined) settings.expect = parseWholeNumber('--expect', flags.expect, 1);
  if (flags.output !== undefined) settings.output = flags.output;
  const signature = readVerification(flags, env);
  if (signature !== undefined) settings.signature = signature;
  return settings;
}

function readVerification(
  flags: ListenFlags,
  env: NodeJS.ProcessEnv,
): SignatureVerification | undefined {
  const read = parseSignatureFlags(flags.verifySignature, flags.secret, env);
  if (read === undefined) {
    if (flags.secret !== undefined || flags.signatureTolerance !== undefined) {
      throw new UsageError(
        `${flags.secret === undefined ? '--signature-tolerance' : '--secret'} is only used with --verify-signature <scheme>.`,
        { hint: `Add --verify-signature ${signatureSchemes.join('|')}, or drop it.` },
      );
    }
    return undefined;
  }
  const { scheme, secret } = read;
  if (secret === undefined || secret === '') {
    throw new SignatureConfigError(`Verifying ${scheme} signatures needs a secret.`, {
      hint: 'Pass it with --secret <secret> or set CALLBACK_VERIFY_SECRET.',
    });
  }
  return {
    scheme,
    secret,
    ...(flags.signatureTolerance === undefined
      ? {}
      : {
          toleranceSeconds: parseWholeNumber('--signature-tolerance', flags.signatureTolerance, 0),
        }),
  };
}
