import type { Exchange } from '../../receive/exchange.ts';
import { exchangeToJson, type JsonValue } from '../to-report-json.ts';

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An exchange as the dashboard sends it: the JSON report's shape without the base64 copy of
 * the body (the page shows the text), and with a body over `maxBodyChars` cut to that length
 * (its parsed value left out), so one large callback cannot swamp every open page.
 * @example trimExchange(exchange, 32 * 1024)
 */
export function trimExchange(exchange: Exchange, maxBodyChars: number): JsonValue {
  const json = exchangeToJson(exchange);
  if (!isObject(json)) return json;
  const request = json.request;
  const body = isObject(request) ? request.body : undefined;
  if (!isObject(request) || !isObject(body)) return json;
  const { base64: _base64, ...rest } = body;
  const text = rest.text;
  const trimmed: JsonObject = { ...json, request: { ...request, body: rest } };
  if (typeof text === 'string' && text.length > maxBodyChars) {
    const more = text.length - maxBodyChars;
    rest.text = `${text.slice(0, maxBodyChars)}\n… ${more} more characters not shown here; the JSON report and the journal keep the whole body.`;
    delete trimmed.parsedBody;
  } else if (
    typeof text !== 'string' &&
    typeof rest.bytes === 'number' &&
    rest.bytes > maxBodyChars
  ) {
    delete trimmed.parsedBody;
  }
  return trimmed;
}
