import { UsageError } from '../src/errors.ts';
import type { SendOptions } from '../src/provide/index.ts';
import type { DeliveryFlags } from './delivery-options.ts';
import { parseSeconds } from './parse-seconds.ts';
import { parseSignatureFlags } from './parse-signature-flags.ts';
import type { ReportFlags } from './report-options.ts';

/** Flags of `send` as commander hands them over. */
export interface SendFlags extends DeliveryFlags, ReportFlags {
  to: string;
  example?: string;
  body?: string;
  all?: boolean;
  invalid?: boolean;
  timeout: string;
  header?: string[];
}

/**
 * Checks `send`'s flags and turns them into `sendDeliveries` options; every problem is a
 * UsageError (exit 2). The signing secret may come from `CALLBACK_VERIFY_SECRET`.
 * @example parseSendFlags('orderShipped', { to: 'http://127.0.0.1:4000/hooks', timeout: '10' }, {}).timeoutMs // 10000
 */
export function parseSendFlags(
  contract: string | undefined,
  flags: SendFlags,
  env: NodeJS.ProcessEnv,
): SendOptions {
  if (flags.example !== undefined && flags.body !== undefined) {
    throw new UsageError('--example and --body both choose the payload; pass one of them.');
  }
  const seconds = parseSeconds('--timeout', flags.timeout);
  const signature = parseSignatureFlags(flags.sign, flags.secret, env);
  const headers: Record<string, string> = {};
  for (const text of flags.header ?? []) {
    const colon = text.indexOf(':');
    const name = text.slice(0, colon).trim().toLowerCase();
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      throw new UsageError(`--header takes "Name: value", got "${text}".`);
    }
    headers[name] = text.slice(colon + 1).trim();
  }
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
  if (signature !== undefined) options.sign = signature.scheme;
  const secret = signature?.secret ?? flags.secret;
  if (secret !== undefined) options.secret = secret;
  return options;
}
