/**
 * Example provider of specs/invoices.yaml and specs/invoices-fastapi.json (the same API: POST
 * /invoices and /invoices/ are both served). After answering a trigger it sends the payment
 * notification to `{callback_url}/invoices/{id}`, or, with `--fault`, a specific mistake.
 */
import { randomUUID } from 'node:crypto';
import {
  commonFlags,
  createLogger,
  deliver,
  deliveryFlags,
  type IncomingCall,
  isRecord,
  parseFlags,
  parseJson,
  type Reply,
  readChoice,
  readInteger,
  readSigner,
  retryFlags,
  type Signer,
  serve,
} from './lib.ts';

const faults = [
  'none',
  'wrong-type',
  'missing-field',
  'wrong-path',
  'wrong-id',
  'wrong-method',
  'no-callback',
  'late',
  'duplicate',
  'retry',
  'retry-new-key',
  'bad-response',
] as const;
type Fault = (typeof faults)[number];

const usage = `usage: node e2e/providers/invoices.ts [--port 0] [--fault <name>] [options]

Serves POST /invoices and POST /invoices/ (specs/invoices.yaml, specs/invoices-fastapi.json).
After answering, sends POST {callback_url}/invoices/{id} with {"description", "paid": true}.

  --port <n>               port to listen on (default 0: any free port)
  --host <addr>            interface (default 127.0.0.1)
  --fault <name>           ${faults.join(' | ')} (default none)
  --delay-ms <n>           wait before the callback (default 50)
  --late-ms <n>            wait of --fault late (default 15000)
  --attempts <n>           attempts of --fault retry / retry-new-key (default 5)
  --retry-backoff-ms <n>   pause between attempts (default 200)
  --sign standard-webhooks --secret whsec_...   also sign the callback
  --quiet                  no stderr log`;

const flags = parseFlags(
  {
    ...commonFlags,
    ...deliveryFlags,
    ...retryFlags,
    'late-ms': { type: 'string' },
  },
  usage,
);
const fault: Fault = readChoice('fault', flags.fault, faults);
const delayMs = readInteger('delay-ms', flags['delay-ms'], 50);
const lateMs = readInteger('late-ms', flags['late-ms'], 15_000);
const attempts = readInteger('attempts', flags.attempts, 5);
const backoffMs = readInteger('retry-backoff-ms', flags['retry-backoff-ms'], 200);
const signer: Signer | undefined = readSigner(flags.sign, flags.secret);
const log = createLogger('invoices', flags.quiet);

interface Invoice {
  id: string;
  customer: string;
  total: number;
  title?: string | null;
}

interface ValidationError {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** FastAPI-shaped validation of the Invoice body and the callback_url query parameter. */
function validate(call: IncomingCall): { invoice?: Invoice; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const callbackUrl = call.url.searchParams.get('callback_url');
  if (callbackUrl !== null && !/^https?:\/\/[^/]/.test(callbackUrl)) {
    errors.push({
      loc: ['query', 'callback_url'],
      msg: 'Input should be a valid URL',
      type: 'url_parsing',
    });
  }
  const body = parseJson(call.body);
  if (!isRecord(body)) {
    errors.push({ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' });
    return { errors };
  }
  const fields: Array<[string, 'string' | 'number']> = [
    ['id', 'string'],
    ['customer', 'string'],
    ['total', 'number'],
  ];
  for (const [name, type] of fields) {
    if (body[name] === undefined)
      errors.push({ loc: ['body', name], msg: 'Field required', type: 'missing' });
    else if (typeof body[name] !== type) {
      errors.push({
        loc: ['body', name],
        msg: `Input should be a valid ${type}`,
        type: `${type}_type`,
      });
    }
  }
  if (body.title !== undefined && body.title !== null && typeof body.title !== 'string') {
    errors.push({
      loc: ['body', 'title'],
      msg: 'Input should be a valid string',
      type: 'string_type',
    });
  }
  if (errors.length > 0) return { errors };
  return {
    invoice: {
      id: String(body.id),
      customer: String(body.customer),
      total: Number(body.total),
      title: typeof body.title === 'string' ? body.title : null,
    },
    errors,
  };
}

/** The notification as the fault makes it: URL, method and body. */
function buildCallback(
  base: string,
  invoice: Invoice,
): { method: string; url: string; body: unknown } {
  const description = `Invoice ${invoice.id} paid in full by ${invoice.customer}`;
  const path =
    fault === 'wrong-path'
      ? `/invoice/${invoice.id}`
      : fault === 'wrong-id'
        ? `/invoices/other-${invoice.id}`
        : `/invoices/${invoice.id}`;
  const body =
    fault === 'wrong-type'
      ? { description, paid: 'yes' }
      : fault === 'missing-field'
        ? { description }
        : { description, paid: true };
  return { method: fault === 'wrong-method' ? 'PUT' : 'POST', url: `${base}${path}`, body };
}

async function notify(base: string, invoice: Invoice): Promise<void> {
  const callback = buildCallback(base, invoice);
  const key = randomUUID();
  const retrying = fault === 'retry' || fault === 'retry-new-key';
  const send = (): Promise<number> =>
    deliver({
      ...callback,
      attempts: retrying ? attempts : 1,
      backoffMs,
      log,
      headers: (attempt, body) => {
        const id = fault === 'retry-new-key' && attempt > 1 ? randomUUID() : key;
        return { 'idempotency-key': id, ...signer?.headers(id, body) };
      },
    });
  await send();
  if (fault === 'duplicate') await send();
}

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    if (call.url.pathname !== '/invoices' && call.url.pathname !== '/invoices/') {
      return { status: 404, json: { detail: 'Not Found' } };
    }
    if (call.method !== 'POST') return { status: 405, json: { detail: 'Method Not Allowed' } };
    const { invoice, errors } = validate(call);
    if (invoice === undefined) {
      log(`POST ${call.url.pathname} -> 422 (${errors.map((e) => e.loc.join('.')).join(', ')})`);
      return { status: 422, json: { detail: errors } };
    }
    const base = call.url.searchParams.get('callback_url');
    const wait = fault === 'late' ? lateMs : delayMs;
    const plan =
      base === null
        ? 'no callback_url: no callback'
        : fault === 'no-callback'
          ? 'fault no-callback: no callback'
          : `callback in ${wait} ms`;
    log(`POST ${call.url.pathname} id=${invoice.id} -> 200; ${plan}`);
    return {
      status: 200,
      json: fault === 'bad-response' ? { msg: 42 } : { msg: 'Invoice received' },
      after: () => {
        if (base !== null && fault !== 'no-callback')
          server.later(wait, () => notify(base, invoice));
      },
    };
  },
});
