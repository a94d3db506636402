/**
 * Shared pieces of the example providers and consumers: flag parsing, a tiny HTTP server with a
 * readiness line and clean shutdown, outgoing JSON deliveries with retries, and Standard Webhooks
 * signing. Plain Node on purpose: the examples must read like code a provider team would write.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';

/** Flags every example program accepts. */
export const commonFlags = {
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsOptionsConfig;

/** Flags of the example providers that send callbacks: the fault to make, when, and signing. */
export const deliveryFlags = {
  fault: { type: 'string', default: 'none' },
  'delay-ms': { type: 'string' },
  sign: { type: 'string' },
  secret: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Flags of the example providers that retry a delivery. */
export const retryFlags = {
  attempts: { type: 'string' },
  'retry-backoff-ms': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Flags both example consumers accept besides {@link commonFlags}. */
export const consumerFlags = {
  provider: { type: 'string' },
  lenient: { type: 'boolean', default: false },
  'require-signature': { type: 'string' },
  secret: { type: 'string' },
  'exit-after': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

/** Parsed flag values for an option table `T`. */
export type FlagValues<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>
>['values'];

/** Parses `process.argv`; on `--help` prints `usage` and exits 0, on a bad flag exits 2. */
export function parseFlags<T extends ParseArgsOptionsConfig>(
  options: T,
  usage: string,
): FlagValues<T> {
  if (process.argv.slice(2).includes('--help')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  let values: FlagValues<T>;
  try {
    values = parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  return values;
}

/** Prints `message` to stderr and exits 2 (usage error). */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Reads a non-negative integer flag, failing with a clear message otherwise. */
export function readInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    fail(`--${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

/** Checks that `value` is one of `allowed`, failing with the list otherwise. */
export function readChoice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T {
  const found = allowed.find((choice) => choice === (value ?? allowed[0]));
  if (found === undefined) fail(`--${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  return found;
}

/** What a consumer's `--require-signature`, `--secret` and `--exit-after` ask for. */
export interface ConsumerSettings {
  /** The Standard Webhooks secret every request must be signed with; none without the flag. */
  secret?: string;
  /** Exit 0 once this many requests were received. */
  exitAfter?: number;
}

/** Reads a consumer's signature and exit flags, failing (exit 2) on a bad combination. */
export function readConsumerSettings(flags: {
  'require-signature'?: string;
  secret?: string;
  'exit-after'?: string;
}): ConsumerSettings {
  const settings: ConsumerSettings = {};
  if (flags['exit-after'] !== undefined) {
    settings.exitAfter = readInteger('exit-after', flags['exit-after'], 1);
  }
  if (flags['require-signature'] !== undefined) {
    readChoice('require-signature', flags['require-signature'], ['standard-webhooks']);
    if (flags.secret === undefined) fail('--require-signature needs --secret whsec_…');
    settings.secret = flags.secret;
  }
  return settings;
}

/**
 * A consumer's first step with `--provider`: POSTs `body` as JSON to `url` and exits 1 when the
 * provider refuses it or cannot be reached. `what` names the thing created in messages.
 */
export async function createAtProvider(options: {
  url: string;
  body: unknown;
  what: string;
  log: (message: string) => void;
}): Promise<void> {
  const { url, what, log } = options;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = await response.text();
    log(`created ${what}: POST ${url} -> ${response.status} ${answer}`);
    if (!response.ok) {
      process.stderr.write(`the provider refused ${what} (${response.status}): ${answer}\n`);
      process.exit(1);
    }
  } catch (error) {
    process.stderr.write(`cannot reach the provider at ${url}: ${String(error)}\n`);
    process.exit(1);
  }
}

/** A logger writing `[name] message` lines to stderr; silent when `quiet`. */
export function createLogger(name: string, quiet: boolean): (message: string) => void {
  return (message) => {
    if (!quiet) process.stderr.write(`[${name}] ${message}\n`);
  };
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON bytes; `undefined` when they are not JSON. */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** One request as the server hands it to a handler. */
export interface IncomingCall {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers; `after` runs once the answer has been written. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as is, with the `content-type` given in `headers` (default `text/plain`). */
  text?: string;
  after?: () => void;
}

/** A running example server. */
export interface RunningServer {
  server: Server;
  origin: string;
  /** Runs `task` after `ms`; pending tasks are dropped on shutdown. */
  later(ms: number, task: () => unknown): void;
}

/**
 * Starts an HTTP server, prints `listening on <origin>` to stdout once it accepts connections,
 * and exits 0 on SIGTERM / SIGINT.
 */
export async function serve(options: {
  host: string;
  port: number;
  log: (message: string) => void;
  handle: (call: IncomingCall) => Promise<Reply> | Reply;
}): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const call: IncomingCall = {
      method: request.method ?? 'GET',
      url: new URL(request.url ?? '/', 'http://localhost'),
      headers: request.headers,
      body: Buffer.concat(chunks),
    };
    let reply: Reply;
    try {
      reply = await options.handle(call);
    } catch (error) {
      options.log(`handler failed: ${error instanceof Error ? error.stack : String(error)}`);
      reply = { status: 500, json: { title: 'Internal error' } };
    }
    const headers: Record<string, string> = { ...reply.headers };
    let payload = '';
    if (reply.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(reply.json);
    } else if (reply.text !== undefined) {
      headers['content-type'] ??= 'text/plain; charset=utf-8';
      payload = reply.text;
    }
    response.writeHead(reply.status, headers);
    response.end(payload, () => reply.after?.());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') fail('server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  const stop = (signal: string): void => {
    options.log(`${signal}: shutting down`);
    for (const timer of timers) clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.stdout.write(`listening on ${origin}\n`);
  return {
    server,
    origin,
    later(ms, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        Promise.resolve()
          .then(task)
          .catch((error: unknown) => options.log(`task failed: ${String(error)}`));
      }, ms);
      timers.add(timer);
    },
  };
}

/** One outgoing JSON request (a callback or a webhook), retried as asked. */
export interface Delivery {
  method: string;
  url: string;
  /** Serialised as JSON exactly once, so every attempt carries the same bytes. */
  body: unknown;
  /** Headers of attempt `n` (1-based); lets a provider keep or change its idempotency key. */
  headers: (attempt: number, body: string) => Record<string, string>;
  /** Total attempts (1 = no retry); retried after a 5xx answer or a network error. */
  attempts: number;
  /** Pause between attempts. */
  backoffMs: number;
  log: (message: string) => void;
  /** Word the log lines start with; default `callback`. */
  kind?: 'callback' | 'webhook';
}

/** Sends a delivery, logging one stderr line per attempt; resolves with the last status (0 = network error). */
export async function deliver(delivery: Delivery): Promise<number> {
  const body = JSON.stringify(delivery.body);
  let status = 0;
  for (let attempt = 1; attempt <= delivery.attempts; attempt += 1) {
    const started = performance.now();
    const label = `${delivery.kind ?? 'callback'} attempt ${attempt}/${delivery.attempts} ${delivery.method} ${delivery.url}`;
    try {
      const response = await fetch(delivery.url, {
        method: delivery.method,
        headers: { 'content-type': 'application/json', ...delivery.headers(attempt, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      status = response.status;
      delivery.log(`${label} -> ${status} in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      status = 0;
      const cause = error instanceof Error && isRecord(error.cause) ? error.cause.code : undefined;
      delivery.log(`${label} -> error ${String(cause ?? error)}`);
    }
    if (status >= 200 && status < 500) return status;
    if (attempt < delivery.attempts) await sleep(delivery.backoffMs);
  }
  return status;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh Standard Webhooks message id, e.g. `msg_9f2c…`. */
export function newMessageId(): string {
  return `msg_${randomBytes(12).toString('hex')}`;
}

/** Signs Standard Webhooks style; `secret` is `whsec_<base64>`. */
export interface Signer {
  headers(id: string, body: string, at?: Date): Record<string, string>;
}

/** The signer asked for by `--sign standard-webhooks --secret whsec_…`, or undefined without `--sign`. */
export function readSigner(
  sign: string | undefined,
  secret: string | undefined,
): Signer | undefined {
  if (sign === undefined) return undefined;
  readChoice('sign', sign, ['standard-webhooks']);
  return createSigner(secret);
}

/** Builds a Standard Webhooks signer, failing (exit 2) on a malformed secret. */
export function createSigner(secret: string | undefined): Signer {
  if (secret === undefined || secret === '')
    fail('--sign standard-webhooks needs --secret whsec_…');
  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch (error) {
    fail(`--secret is not a valid Standard Webhooks secret: ${String(error)}`);
  }
  return {
    headers(id, body, at = new Date()) {
      return {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': webhook.sign(id, at, body),
      };
    },
  };
}

/**
 * Verifies a Standard Webhooks signature over the raw body; returns why it failed, or undefined.
 * The library checks the timestamp tolerance (5 minutes) and compares in constant time.
 */
export function verifyStandardWebhooks(
  secret: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): string | undefined {
  const wanted = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;
  const picked: Record<string, string> = {};
  for (const name of wanted) {
    const value = headers[name];
    if (typeof value !== 'string') return `missing ${name} header`;
    picked[name] = value;
  }
  try {
    new Webhook(secret).verify(body.toString('utf8'), picked);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
