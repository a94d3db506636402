/**
 * Example consumer of specs/invoices.yaml: it creates an invoice at the provider (real or mocked)
 * with its own URL as `callback_url`, then receives the payment notifications on
 * POST /invoices/{id} and prints each one as a JSON line on stdout.
 */
import {
  commonFlags,
  consumerFlags,
  createAtProvider,
  createLogger,
  type IncomingCall,
  isRecord,
  parseFlags,
  parseJson,
  type Reply,
  readConsumerSettings,
  readInteger,
  serve,
  verifyStandardWebhooks,
} from '../providers/lib.ts';

const usage = `usage: node e2e/consumers/invoice-consumer.ts [--port 0] [--provider <url>] [options]

Receives POST /invoices/{id} and answers {"ok": true}; prints one JSON line per request received.
With --provider, creates an invoice there first: POST <provider><path>?callback_url=<own origin>.

  --port <n>             port to listen on (default 0: any free port)
  --host <addr>          interface (default 127.0.0.1)
  --provider <url>       base URL of the provider (or of callback-verify mock) to create the invoice at
  --path <path>          path of the create operation (default /invoices; /invoices/ for the FastAPI spec)
  --invoice-id <id>      id of the invoice created (default inv-1001)
  --lenient              answer 200 {"ok": true} to anything
  --require-signature standard-webhooks --secret whsec_...   reject unsigned or badly signed requests (401)
  --exit-after <n>       exit 0 once <n> requests were received
  --quiet                no stderr log`;

const flags = parseFlags(
  {
    ...commonFlags,
    ...consumerFlags,
    path: { type: 'string', default: '/invoices' },
    'invoice-id': { type: 'string', default: 'inv-1001' },
  },
  usage,
);
const log = createLogger('invoice-consumer', flags.quiet);
const { secret, exitAfter } = readConsumerSettings(flags);

const seenKeys = new Set<string>();
let received = 0;

/** The strict checks, in the order a careful receiver makes them; undefined when all pass. */
function reject(call: IncomingCall): Reply | undefined {
  if (secret !== undefined) {
    const problem = verifyStandardWebhooks(secret, call.headers, call.body);
    if (problem !== undefined) return { status: 401, json: { detail: `signature: ${problem}` } };
  }
  if (flags.lenient) return undefined;
  if (!/^\/invoices\/[^/]+$/.test(call.url.pathname))
    return { status: 404, json: { detail: 'Not Found' } };
  if (call.method !== 'POST') return { status: 405, json: { detail: 'Method Not Allowed' } };
  const type = call.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return {
      status: 415,
      json: { detail: `content-type must be application/json, got "${type}"` },
    };
  }
  const body = parseJson(call.body);
  const detail: Array<{ loc: string[]; msg: string; type: string }> = [];
  if (!isRecord(body)) {
    detail.push({ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' });
  } else {
    if (typeof body.description !== 'string') {
      detail.push({
        loc: ['body', 'description'],
        msg: 'Input should be a valid string',
        type: 'string_type',
      });
    }
    if (typeof body.paid !== 'boolean') {
      detail.push({
        loc: ['body', 'paid'],
        msg: 'Input should be a valid boolean',
        type: 'bool_type',
      });
    }
  }
  return detail.length > 0 ? { status: 422, json: { detail } } : undefined;
}

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    received += 1;
    const key = call.headers['idempotency-key'] ?? call.headers['webhook-id'];
    const duplicate = typeof key === 'string' && seenKeys.has(key);
    if (typeof key === 'string') seenKeys.add(key);
    const reply = reject(call) ?? { status: 200, json: { ok: true } };
    const text = call.body.toString('utf8');
    const line = {
      method: call.method,
      path: call.url.pathname,
      status: reply.status,
      accepted: reply.status < 300,
      duplicate,
      ...(reply.status < 300 ? {} : { reason: reply.json }),
      body: parseJson(call.body) ?? text,
      query: call.url.search,
      headers: call.headers,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    log(`${call.method} ${call.url.pathname} -> ${reply.status}`);
    return {
      ...reply,
      after: () => {
        if (exitAfter !== undefined && received >= exitAfter) process.exit(0);
      },
    };
  },
});

if (flags.provider !== undefined) {
  const url = `${flags.provider.replace(/\/$/, '')}${flags.path}?callback_url=${encodeURIComponent(server.origin)}`;
  const invoice = {
    id: flags['invoice-id'],
    title: 'Website redesign, phase 1',
    customer: 'ACME Corporation',
    total: 1250.5,
  };
  await createAtProvider({ url, body: invoice, what: `invoice ${invoice.id}`, log });
}
