/**
 * Example consumer of specs/webhooks.yaml: receives `order.created` and `order.shipped` events as
 * webhooks (POST /webhooks or /webhooks/{name}) and as the `orderStatus` callback
 * (POST /orders/{id}), answers 204, ignores copies by `webhook-id`, and prints one JSON line per
 * request received. With --provider it first creates an order naming itself as the subscriber.
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

const usage = `usage: node e2e/consumers/webhook-consumer.ts [--port 0] [--provider <url>] [options]

Receives POST /webhooks, /webhooks/orderCreated, /webhooks/orderShipped and /orders/{id};
answers 204 and prints one JSON line per request received.

  --port <n>             port to listen on (default 0: any free port)
  --host <addr>          interface (default 127.0.0.1)
  --provider <url>       create an order there first (POST <url>/orders, subscriber.url = own origin)
  --lenient              answer 204 to anything
  --require-signature standard-webhooks --secret whsec_...   reject unsigned or badly signed requests (401)
  --exit-after <n>       exit 0 once <n> requests were received
  --quiet                no stderr log`;

const flags = parseFlags(
  {
    ...commonFlags,
    ...consumerFlags,
  },
  usage,
);
const log = createLogger('webhook-consumer', flags.quiet);
const { secret, exitAfter } = readConsumerSettings(flags);

const eventTypes: Record<string, string> = {
  orderCreated: 'order.created',
  orderShipped: 'order.shipped',
};
const seenIds = new Set<string>();
let received = 0;

const refuse = (status: number, detail: string): Reply => ({ status, json: { title: detail } });

/** Which event type a path accepts: any known one, one by webhook name, or order.created. */
function acceptedTypes(path: string): string[] | undefined {
  if (path === '/webhooks') return Object.values(eventTypes);
  const byName = /^\/webhooks\/([^/]+)$/.exec(path)?.[1];
  if (byName !== undefined)
    return eventTypes[byName] === undefined ? undefined : [eventTypes[byName]];
  return /^\/orders\/[^/]+$/.test(path) ? ['order.created'] : undefined;
}

/** Why the event's data is not what its type promises; undefined when it is. */
function checkData(type: string, data: unknown, path: string): string | undefined {
  if (!isRecord(data)) return 'data must be an object';
  if (type === 'order.created') {
    if (typeof data.id !== 'string') return 'data.id must be a string';
    if (typeof data.total !== 'number') return 'data.total must be a number';
    if (!Array.isArray(data.items)) return 'data.items must be an array';
    if (path.startsWith('/orders/') && path !== `/orders/${data.id}`) {
      return `the URL names order ${path.slice(8)} but the event is about ${data.id}`;
    }
    return undefined;
  }
  if (typeof data.orderId !== 'string') return 'data.orderId must be a string';
  if (typeof data.carrier !== 'string') return 'data.carrier must be a string';
  if (typeof data.trackingNumber !== 'string') return 'data.trackingNumber must be a string';
  return undefined;
}

/** The strict checks, in the order a careful receiver makes them; undefined when all pass. */
function reject(call: IncomingCall): Reply | undefined {
  if (secret !== undefined) {
    const problem = verifyStandardWebhooks(secret, call.headers, call.body);
    if (problem !== undefined) return refuse(401, `signature: ${problem}`);
  }
  if (flags.lenient) return undefined;
  const types = acceptedTypes(call.url.pathname);
  if (types === undefined) return refuse(404, `nothing is received at ${call.url.pathname}`);
  if (call.method !== 'POST') return refuse(405, 'use POST');
  if (typeof call.headers['webhook-id'] !== 'string')
    return refuse(400, 'the webhook-id header is missing');
  const type = call.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    return refuse(415, `content-type must be application/json, got "${type}"`);
  const event = parseJson(call.body);
  if (!isRecord(event)) return refuse(400, 'the body must be a JSON object');
  if (typeof event.type !== 'string' || !types.includes(event.type)) {
    return refuse(
      400,
      `event type must be ${types.join(' or ')}, got ${JSON.stringify(event.type)}`,
    );
  }
  if (typeof event.timestamp !== 'string') return refuse(400, 'timestamp must be a string');
  const problem = checkData(event.type, event.data, call.url.pathname);
  return problem === undefined ? undefined : refuse(400, problem);
}

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    received += 1;
    const id = call.headers['webhook-id'];
    const duplicate = typeof id === 'string' && seenIds.has(id);
    const reply = reject(call) ?? { status: 204 };
    if (typeof id === 'string' && reply.status < 300) seenIds.add(id);
    const event = parseJson(call.body);
    const line = {
      method: call.method,
      path: call.url.pathname,
      status: reply.status,
      accepted: reply.status < 300,
      duplicate,
      ...(reply.status < 300 ? {} : { reason: reply.json }),
      type: isRecord(event) ? event.type : undefined,
      body: event ?? call.body.toString('utf8'),
      headers: call.headers,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    log(
      `${call.method} ${call.url.pathname} -> ${reply.status}${duplicate ? ' (copy ignored)' : ''}`,
    );
    return {
      ...reply,
      after: () => {
        if (exitAfter !== undefined && received >= exitAfter) process.exit(0);
      },
    };
  },
});

if (flags.provider !== undefined) {
  const url = `${flags.provider.replace(/\/$/, '')}/orders`;
  const order = {
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    currency: 'EUR',
    items: [{ sku: 'BOOK-0042', quantity: 1, unitPrice: 39.9 }],
    subscriber: { url: server.origin },
  };
  await createAtProvider({ url, body: order, what: 'an order', log });
}
