import type { Exchange, InboundRequest, ReceiverAnswer } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import type {
  ContractResult,
  DeliveryResult,
  Expectation,
  Report,
  TriggerResult,
} from './report.ts';

/** A value JSON can hold. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A raw body as the JSON report writes it. */
export interface JsonBody {
  bytes: number;
  base64: string;
  /** The body decoded as UTF-8, when it is valid UTF-8. */
  text?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Raw bytes as size, base64 and (when they are valid UTF-8) text. */
function encodeBody(bytes: Uint8Array): JsonBody {
  const body: JsonBody = { bytes: bytes.byteLength, base64: Buffer.from(bytes).toString('base64') };
  try {
    body.text = decoder.decode(bytes);
  } catch {
    // Not UTF-8: base64 alone carries it.
  }
  return body;
}

/** Any value as plain JSON: bytes encoded, bigints as strings, cycles cut, `undefined` dropped. */
function plain(value: unknown, seen: Set<object>): JsonValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (value instanceof Uint8Array) return { ...encodeBody(value) };
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => plain(item, seen) ?? null);
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = plain(item, seen);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** An object with keys in the listed order, leaving out `undefined` values. */
function ordered(entries: Array<[string, unknown]>): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, value] of entries) {
    const converted = plain(value, new Set());
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

function finding(item: Finding): JsonValue {
  return ordered([
    ['check', item.check],
    ['severity', item.severity],
    ['message', item.message],
    ['contract', item.contract],
    ['where', item.where],
    ['spec', item.spec],
    ['expected', item.expected],
    ['actual', item.actual],
  ]);
}

const findings = (items: readonly Finding[]): JsonValue[] => items.map(finding);

function contract(item: ContractResult): JsonValue {
  return ordered([
    ['id', item.id],
    ['kind', item.kind],
    ['method', item.method],
    ['expression', item.expression],
    ['receiverUrl', item.receiverUrl],
    ['verdict', item.verdict],
    ['exchanges', item.exchanges],
    ['findings', findings(item.findings)],
  ]);
}

function trigger(item: TriggerResult): JsonValue {
  return ordered([
    ['id', item.id],
    ['operationId', item.operationId],
    ['method', item.method],
    ['url', item.url],
    ['requestBody', item.requestBody],
    ['status', item.status],
    ['responseBody', item.responseBody],
    ['durationMs', item.durationMs],
    ['findings', findings(item.findings)],
  ]);
}

function expectation(item: Expectation): JsonValue {
  return ordered([
    ['trigger', item.trigger],
    ['contract', item.contract],
    ['expectedUrl', item.expectedUrl],
    ['status', item.status],
    ['exchanges', item.exchanges],
    ['latencyMs', item.latencyMs],
    ['attempts', item.attempts],
    ['retryIntervalsMs', item.retryIntervalsMs],
    ['findings', findings(item.findings)],
  ]);
}

function delivery(item: DeliveryResult): JsonValue {
  return ordered([
    ['id', item.id],
    ['contract', item.contract],
    ['url', item.url],
    ['method', item.method],
    ['payload', item.payload],
    ['status', item.status],
    ['durationMs', item.durationMs],
    ['findings', findings(item.findings)],
    ['verdict', item.verdict],
  ]);
}

function request(item: InboundRequest): JsonValue {
  return ordered([
    ['method', item.method],
    ['url', item.url],
    ['headers', item.headers],
    ['body', encodeBody(item.body)],
  ]);
}

function answer(item: ReceiverAnswer | undefined): JsonValue | undefined {
  if (item === undefined) return undefined;
  return ordered([
    ['status', item.status],
    ['headers', item.headers],
    ['body', item.body],
    ['dropped', item.dropped],
  ]);
}

function exchange(item: Exchange): JsonValue {
  return ordered([
    ['id', item.id],
    ['receivedAt', item.receivedAt],
    ['request', request(item.request)],
    ['contract', item.contract],
    ['token', item.token],
    ['parsedBody', item.parsedBody],
    ['findings', findings(item.findings)],
    ['answer', answer(item.answer)],
    ['verdict', item.verdict],
  ]);
}

/**
 * One exchange as the JSON report writes it (raw body encoded, keys in model order); the
 * dashboard streams exchanges in this shape.
 * @example JSON.stringify(exchangeToJson(exchange))
 */
export function exchangeToJson(item: Exchange): JsonValue {
  return exchange(item);
}

/**
 * A report as plain JSON with keys in the model's order and raw bodies encoded
 * (see {@link JsonBody}). The JSON and HTML reports both embed this value.
 * @example JSON.stringify(toReportJson(report), null, 2)
 */
export function toReportJson(report: Report): { [key: string]: JsonValue } {
  const summary = report.summary;
  return ordered([
    [
      'tool',
      ordered([
        ['name', report.tool.name],
        ['version', report.tool.version],
      ]),
    ],
    ['command', report.command],
    [
      'spec',
      ordered([
        ['source', report.spec.source],
        ['openapi', report.spec.openapi],
        ['title', report.spec.title],
      ]),
    ],
    ['startedAt', report.startedAt],
    ['finishedAt', report.finishedAt],
    ['contracts', report.contracts.map(contract)],
    ['triggers', report.triggers.map(trigger)],
    ['expectations', report.expectations.map(expectation)],
    ['deliveries', report.deliveries.map(delivery)],
    ['exchanges', report.exchanges.map(exchange)],
    ['findings', findings(report.findings)],
    [
      'provider',
      report.provider === undefined
        ? undefined
        : ordered([
            ['command', report.provider.command],
            ['url', report.provider.url],
            ['output', report.provider.output],
          ]),
    ],
    [
      'summary',
      ordered([
        ['contracts', summary.contracts],
        ['exchanges', summary.exchanges],
        ['passed', summary.passed],
        ['failed', summary.failed],
        ['missing', summary.missing],
        ['unexpected', summary.unexpected],
        ['errors', summary.errors],
        ['warnings', summary.warnings],
        ['conformant', summary.conformant],
      ]),
    ],
  ]);
}
