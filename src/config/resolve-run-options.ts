import { UsageError } from '../errors.ts';
import { isSignatureScheme, signatureSchemes } from '../provide/signatures/index.ts';
import type { ReceiverBehaviour } from '../receive/types.ts';
import type { RunOptions } from '../trigger/types.ts';
import type { CallbackVerifyConfig } from './types.ts';

/** `run` flags as the command line gives them: strings and lists, not yet checked. */
export interface RunFlags {
  provider?: string;
  operation?: string[];
  tag?: string[];
  contract?: string[];
  /** `Name: value` pairs. */
  header?: string[];
  /** Seconds. */
  timeout?: string | number;
  concurrency?: string | number;
  /** Triggers per operation. */
  repeat?: string | number;
  /** `<contract>=503,503,200` (or `*=…`). */
  respond?: string[];
  callbackBase?: string;
  host?: string;
  port?: string | number;
  verifySignature?: string;
  secret?: string;
}

/** Defaults of a run, in one place. */
const runDefaults = {
  timeoutSeconds: 10,
  concurrency: 1,
  receiverHost: '127.0.0.1',
  receiverPort: 0,
} as const;

/**
 * Resolves `run` options: flags win over the config file, the config file over defaults.
 * Throws UsageError naming the flag when a value cannot be used.
 *
 * @example
 * resolveRunOptions({ provider: 'http://127.0.0.1:8000', timeout: '3' }, {}).timeoutMs // 3000
 */
export function resolveRunOptions(flags: RunFlags, config: CallbackVerifyConfig): RunOptions {
  const provider = flags.provider ?? config.provider;
  if (provider === undefined) {
    throw new UsageError(
      'No provider URL: pass --provider <url> (or --provider-cmd with --provider).',
      {
        hint: 'e.g. callback-verify run spec.yaml --provider http://127.0.0.1:8000',
      },
    );
  }
  if (!URL.canParse(provider) || !/^https?:/i.test(provider)) {
    throw new UsageError(`--provider must be an http(s) URL, got "${provider}".`);
  }
  const timeoutSeconds =
    flags.timeout === undefined
      ? (config.timeout ?? runDefaults.timeoutSeconds)
      : readNumber(flags.timeout, '--timeout', 0.001);
  const timeoutMs = Math.round(timeoutSeconds * 1000);
  const callbackBase = flags.callbackBase ?? config.callbackBase;
  if (callbackBase !== undefined && !URL.canParse(callbackBase)) {
    throw new UsageError(`--callback-base must be a URL, got "${callbackBase}".`);
  }
  const headers = { ...config.headers };
  for (const header of flags.header ?? []) {
    const [name, value] = splitHeader(header);
    headers[name] = value;
  }
  const behaviours: Record<string, ReceiverBehaviour> = { ...config.respond };
  for (const entry of flags.respond ?? []) {
    const [contract, behaviour] = parseRespond(entry);
    behaviours[contract] = behaviour;
  }
  const options: RunOptions = {
    provider,
    filters: {
      operations: flags.operation ?? [],
      tags: flags.tag ?? [],
      contracts: flags.contract ?? [],
    },
    headers,
    timeoutMs,
    // Long enough to catch a provider that sends twice in a row, short enough not to drag.
    graceMs: Math.min(1000, Math.max(200, Math.round(timeoutMs / 10))),
    lateWindowMs: Math.min(5000, Math.max(1000, Math.round(timeoutMs / 2))),
    concurrency:
      flags.concurrency === undefined
        ? (config.concurrency ?? runDefaults.concurrency)
        : readInteger(flags.concurrency, '--concurrency', 1),
    operations: config.operations ?? {},
    behaviours,
    receiverHost: flags.host ?? runDefaults.receiverHost,
    receiverPort:
      flags.port === undefined ? runDefaults.receiverPort : readInteger(flags.port, '--port', 0),
  };
  if (callbackBase !== undefined) options.callbackBase = callbackBase;
  if (flags.repeat !== undefined) options.repeat = readInteger(flags.repeat, '--repeat', 1);
  if (flags.verifySignature !== undefined) {
    if (!isSignatureScheme(flags.verifySignature)) {
      throw new UsageError(`Unknown signature scheme "${flags.verifySignature}".`, {
        hint: `Use one of: ${signatureSchemes.join(', ')}.`,
      });
    }
    if (flags.secret === undefined || flags.secret === '') {
      throw new UsageError('--verify-signature needs --secret <secret>.');
    }
    options.signature = { scheme: flags.verifySignature, secret: flags.secret };
  }
  return options;
}

/**
 * Reads `--respond <contract>=503,503,200` (`*` for every contract; `drop` drops the connection,
 * `+500ms` delays the answers).
 *
 * @example
 * parseRespond('createInvoice/invoicePaid/post=503,200') // ['createInvoice/invoicePaid/post', { statuses: [503, 200] }]
 */
export function parseRespond(entry: string): [string, ReceiverBehaviour] {
  const equals = entry.lastIndexOf('=');
  const contract = equals === -1 ? '*' : entry.slice(0, equals).trim();
  const script = equals === -1 ? entry : entry.slice(equals + 1);
  const behaviour: ReceiverBehaviour = {};
  const statuses: number[] = [];
  for (const item of script.split(',').map((part) => part.trim())) {
    if (item === '') continue;
    if (item === 'drop') behaviour.drop = true;
    else if (/^\+\d+ms$/.test(item)) behaviour.delayMs = Number(item.slice(1, -2));
    else if (/^\d{3}$/.test(item) && Number(item) >= 100 && Number(item) <= 599) {
      statuses.push(Number(item));
    } else {
      throw new UsageError(
        `--respond ${entry}: "${item}" is not an HTTP status, "drop" or "+<n>ms".`,
        {
          hint: 'e.g. --respond createInvoice/invoicePaid/post=503,503,200',
        },
      );
    }
  }
  if (statuses.length > 0) behaviour.statuses = statuses;
  if (contract === '')
    throw new UsageError(`--respond ${entry}: the contract id before "=" is empty.`);
  return [contract, behaviour];
}

function splitHeader(header: string): [string, string] {
  const colon = header.indexOf(':');
  const name = colon === -1 ? '' : header.slice(0, colon).trim();
  if (name === '' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`--header "${header}" is not "Name: value".`, {
      hint: 'e.g. --header "Authorization: Bearer abc"',
    });
  }
  return [name, header.slice(colon + 1).trim()];
}

function readNumber(value: string | number, flag: string, min: number): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (
    !Number.isFinite(number) ||
    number < min ||
    (typeof value === 'string' && value.trim() === '')
  ) {
    throw new UsageError(`${flag} must be a number of at least ${min}, got "${value}".`);
  }
  return number;
}

function readInteger(value: string | number, flag: string, min: number): number {
  const number = readNumber(value, flag, min);
  if (!Number.isInteger(number))
    throw new UsageError(`${flag} must be a whole number, got "${value}".`);
  return number;
}
