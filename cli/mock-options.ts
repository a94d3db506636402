import { SignatureConfigError, UsageError } from '../src/errors.ts';
import type { MockProviderOptions } from '../src/provide/mock/index.ts';
import { signatureSchemes } from '../src/provide/signatures/index.ts';
import type { ReporterName } from '../src/report/index.ts';
import type { DeliveryFlags } from './delivery-options.ts';
import { parseSeconds } from './parse-seconds.ts';
import { parseSignatureFlags } from './parse-signature-flags.ts';
import { parseWholeNumber } from './parse-whole-number.ts';
import type { TlsFlags } from './read-tls-flags.ts';
import { parseReporters, type ReportFlags } from './report-options.ts';
import { version } from './version.ts';

/** Flags of `mock` as commander hands them over. */
export interface MockFlags extends DeliveryFlags, ReportFlags, TlsFlags {
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
  /** False with `--no-color`. */
  color?: boolean;
}

/** `mock` settings once every flag is checked. */
export interface MockSettings {
  provider: MockProviderOptions;
  timeoutMs?: number;
  expect?: number;
  json: boolean;
  reporters: ReporterName[];
  output?: string;
}

/**
 * Checks `mock`'s flags and turns them into settings; every problem is a UsageError or
 * SignatureConfigError (exit 2).
 * @example parseMockFlags({ host: '127.0.0.1', port: '0', delay: '100', order: 'declared', deliveryTimeout: '10' }, {}).provider.port // 0
 */
export function parseMockFlags(flags: MockFlags, env: NodeJS.ProcessEnv): MockSettings {
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
