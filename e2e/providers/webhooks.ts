/**
 * Example provider of specs/webhooks.yaml (an order service). POST /orders answers 201 and sends
 * the `order.created` event to `{subscriber.url}/orders/{id}` (the `orderStatus` callback) and to
 * every webhook subscriber; POST /orders/{id}/shipment sends `order.shipped` to the webhook
 * subscribers. Every delivery carries Standard Webhooks headers and, with `--sign`, a signature.
 */
import { randomBytes } from 'node:crypto';
import {
  commonFlags,
  createLogger,
  createSigner,
  deliver,
  deliveryFlags,
  type IncomingCall,
  isRecord,
  newMessageId,
  parseFlags,
  parseJson,
  type Reply,
  readChoice,
  readInteger,
  readSigner,
  retryFlags,
  serve,
} from './lib.ts';

const faults = [
  'none',
  'wrong-type',
  'missing-header',
  'bad-signature',
  'stale-timestamp',
  'no-callback',
  'retry',
] as const;

const usage = `usage: node e2e/providers/webhooks.ts [--port 0] [--webhook-base <url>] [--fault <name>] [options]

Serves POST /orders and POST /orders/{id}/shipment (specs/webhooks.yaml).
POST /orders with subscriber.url: 201, then POST {subscriber.url}/orders/{id} (order.created).
Webhook subscribers receive order.created and order.shipped.

  --port <n>               port to listen on (default 0: any free port)
  --host <addr>            interface (default 127.0.0.1)
  --webhook-base <url>     send each webhook to <url>/<webhook name> (orderCreated, orderShipped);
                           repeatable; matches the receiver layout of callback-verify listen
  --webhook-url <url>      send every webhook to exactly <url>; repeatable
  --auto-ship-ms <n>       ship every new order by itself after <n> ms (default: only on request)
  --fault <name>           ${faults.join(' | ')} (default none)
  --delay-ms <n>           wait before each delivery (default 50)
  --attempts <n>           attempts of --fault retry (default 5)
  --retry-backoff-ms <n>   pause between attempts (default 200)
  --sign standard-webhooks --secret whsec_...   sign every delivery
  --quiet                  no stderr log`;

const flags = parseFlags(
  {
    ...commonFlags,
    ...deliveryFlags,
    ...retryFlags,
    'webhook-base': { type: 'string', multiple: true, default: [] },
    'webhook-url': { type: 'string', multiple: true, default: [] },
    'auto-ship-ms': { type: 'string' },
  },
  usage,
);
const fault = readChoice('fault', flags.fault, faults);
const delayMs = readInteger('delay-ms', flags['delay-ms'], 50);
const attempts = fault === 'retry' ? readInteger('attempts', flags.attempts, 5) : 1;
const backoffMs = readInteger('retry-backoff-ms', flags['retry-backoff-ms'], 200);
const autoShipMs =
  flags['auto-ship-ms'] === undefined
    ? undefined
    : readInteger('auto-ship-ms', flags['auto-ship-ms'], 0);
const signer = readSigner(flags.sign, flags.secret);
// A well-formed signature made with a secret nobody else knows.
const impostor = createSigner(`whsec_${randomBytes(24).toString('base64')}`);
const log = createLogger('webhooks', flags.quiet);

type WebhookName = 'orderCreated' | 'orderShipped';

interface Item {
  sku: string;
  quantity: number;
  unitPrice: number;
}

interface Order {
  id: string;
  status: 'created' | 'shipped';
  customer: { name: string; email: string };
  currency: string;
  items: Item[];
  total: number;
  createdAt: string;
}

const orders = new Map<string, Order>();

const problem = (status: number, title: string, detail: string): Reply => ({
  status,
  json: { title, detail },
});

/** Why a NewOrder body is not valid, or the order it describes. */
function readNewOrder(body: unknown): {
  order?: Omit<Order, 'id' | 'status' | 'createdAt' | 'total'>;
  subscriber?: string;
  error?: string;
} {
  if (!isRecord(body)) return { error: 'the body must be a JSON object' };
  const { customer, currency, items, subscriber } = body;
  if (!isRecord(customer) || typeof customer.name !== 'string' || customer.name === '') {
    return { error: 'customer.name is required' };
  }
  if (typeof customer.email !== 'string' || !customer.email.includes('@')) {
    return { error: 'customer.email must be an email address' };
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return { error: 'currency must be a three-letter ISO 4217 code' };
  }
  if (!Array.isArray(items) || items.length === 0)
    return { error: 'items must contain at least one item' };
  const parsed: Item[] = [];
  for (const [index, item] of items.entries()) {
    if (
      !isRecord(item) ||
      typeof item.sku !== 'string' ||
      !Number.isInteger(item.quantity) ||
      typeof item.quantity !== 'number' ||
      item.quantity < 1 ||
      typeof item.unitPrice !== 'number' ||
      item.unitPrice < 0
    ) {
      return { error: `items[${index}] needs sku, quantity >= 1 and unitPrice >= 0` };
    }
    parsed.push({ sku: item.sku, quantity: item.quantity, unitPrice: item.unitPrice });
  }
  let url: string | undefined;
  if (subscriber !== undefined) {
    if (
      !isRecord(subscriber) ||
      typeof subscriber.url !== 'string' ||
      !/^https?:\/\/[^/]/.test(subscriber.url)
    ) {
      return { error: 'subscriber.url must be an http(s) URL' };
    }
    url = subscriber.url;
  }
  return {
    order: { customer: { name: customer.name, email: customer.email }, currency, items: parsed },
    subscriber: url,
  };
}

/** The event payload as the fault makes it. */
function createdEvent(order: Order): unknown {
  const data = fault === 'wrong-type' ? { ...order, total: order.total.toFixed(2) } : order;
  return { type: 'order.created', timestamp: new Date().toISOString(), data };
}

function shippedEvent(order: Order, carrier: string, trackingNumber: string): unknown {
  const tracking =
    fault === 'wrong-type'
      ? Number.parseInt(trackingNumber.replace(/\D/g, '') || '0', 10)
      : trackingNumber;
  return {
    type: 'order.shipped',
    timestamp: new Date().toISOString(),
    data: {
      orderId: order.id,
      carrier,
      trackingNumber: tracking,
      shippedAt: new Date().toISOString(),
    },
  };
}

/** Standard Webhooks headers of one attempt; the id stays, the timestamp is fresh per attempt. */
function headersFor(id: string, body: string): Record<string, string> {
  const at = fault === 'stale-timestamp' ? new Date(Date.now() - 10 * 60_000) : new Date();
  const headers =
    fault === 'bad-signature'
      ? impostor.headers(id, body, at)
      : (signer?.headers(id, body, at) ?? {
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        });
  if (fault === 'missing-header') delete headers['webhook-id'];
  return headers;
}

function send(kind: 'callback' | 'webhook', url: string, event: unknown): void {
  const id = newMessageId();
  server.later(delayMs, () =>
    deliver({
      kind,
      method: 'POST',
      url,
      body: event,
      attempts,
      backoffMs,
      log,
      headers: (_attempt, body) => headersFor(id, body),
    }),
  );
}

function sendWebhooks(name: WebhookName, event: unknown): void {
  for (const base of flags['webhook-base'])
    send('webhook', `${base.replace(/\/$/, '')}/${name}`, event);
  for (const url of flags['webhook-url']) send('webhook', url, event);
}

function ship(order: Order, carrier: string, trackingNumber: string): void {
  order.status = 'shipped';
  sendWebhooks('orderShipped', shippedEvent(order, carrier, trackingNumber));
}

function createOrder(call: IncomingCall): Reply {
  const { order: fields, subscriber, error } = readNewOrder(parseJson(call.body));
  if (fields === undefined) {
    log(`POST /orders -> 422 (${error})`);
    return problem(422, 'The order is not valid', error ?? 'invalid order');
  }
  const total =
    Math.round(fields.items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0) * 100) / 100;
  const order: Order = {
    id: `ord_${randomBytes(6).toString('hex')}`,
    status: 'created',
    ...fields,
    total,
    createdAt: new Date().toISOString(),
  };
  orders.set(order.id, order);
  const snapshot = structuredClone(order);
  const callback =
    subscriber === undefined
      ? 'no subscriber: no callback'
      : fault === 'no-callback'
        ? 'fault no-callback: no callback'
        : 'callback to subscriber';
  log(`POST /orders -> 201 ${order.id}; ${callback}`);
  return {
    status: 201,
    headers: { location: `/orders/${order.id}` },
    json: snapshot,
    after: () => {
      const event = createdEvent(snapshot);
      if (subscriber !== undefined && fault !== 'no-callback') {
        send('callback', `${subscriber}/orders/${order.id}`, event);
      }
      sendWebhooks('orderCreated', event);
      if (autoShipMs !== undefined) {
        server.later(autoShipMs, () =>
          ship(order, 'DHL', `JD${randomBytes(9).toString('hex').toUpperCase()}`),
        );
      }
    },
  };
}

function shipOrder(call: IncomingCall, id: string): Reply {
  const order = orders.get(id);
  if (order === undefined) return problem(404, 'Order not found', `No order has the id ${id}`);
  const body = parseJson(call.body);
  if (
    !isRecord(body) ||
    typeof body.carrier !== 'string' ||
    typeof body.trackingNumber !== 'string' ||
    body.carrier === '' ||
    body.trackingNumber === ''
  ) {
    return problem(422, 'The shipment is not valid', 'carrier and trackingNumber are required');
  }
  const { carrier, trackingNumber } = body;
  log(`POST /orders/${id}/shipment -> 202`);
  order.status = 'shipped';
  return {
    status: 202,
    json: structuredClone(order),
    after: () => ship(order, carrier, trackingNumber),
  };
}

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    const path = call.url.pathname.replace(/\/$/, '');
    const shipment = /^\/orders\/([^/]+)\/shipment$/.exec(path);
    if (path !== '/orders' && shipment === null)
      return problem(404, 'Not found', `No route ${path}`);
    if (call.method !== 'POST') return problem(405, 'Method not allowed', 'Use POST');
    return shipment?.[1] === undefined
      ? createOrder(call)
      : shipOrder(call, decodeURIComponent(shipment[1]));
  },
});
