import { isJsonObject } from '../spec/is-json-object.ts';
import type { Finding } from '../validate/finding.ts';
import type { Exchange, HeaderMap, ReceiverAnswer } from './exchange.ts';

function readHeaders(value: unknown): HeaderMap {
  const headers: HeaderMap = {};
  if (!isJsonObject(value)) return headers;
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string') headers[name] = v;
    else if (Array.isArray(v)) headers[name] = v.filter((x): x is string => typeof x === 'string');
  }
  return headers;
}

function readFindings(value: unknown): Finding[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is Finding =>
      isJsonObject(f) &&
      typeof f.check === 'string' &&
      typeof f.message === 'string' &&
      (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info'),
  );
}

function readAnswer(value: unknown): ReceiverAnswer | undefined {
  if (!isJsonObject(value) || typeof value.status !== 'number') return undefined;
  const headers: Record<string, string> = {};
  if (isJsonObject(value.headers)) {
    for (const [k, v] of Object.entries(value.headers)) if (typeof v === 'string') headers[k] = v;
  }
  const answer: ReceiverAnswer = {
    status: value.status,
    headers,
    body: typeof value.body === 'string' ? value.body : '',
  };
  if (value.dropped === true) answer.dropped = true;
  return answer;
}

/**
 * Reads one journal line (see {@link serialiseExchange}) back into an exchange; `undefined` for a
 * line that is not a journal record (blank, truncated by a crash, or foreign).
 * @example parseJournalLine('{"id":"ex-000001",…}')?.request.body // Uint8Array of the raw bytes
 */
export function parseJournalLine(line: string): Exchange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value) || typeof value.id !== 'string' || !isJsonObject(value.request)) {
    return undefined;
  }
  const request = value.request;
  const exchange: Exchange = {
    id: value.id,
    receivedAt: typeof value.receivedAt === 'string' ? value.receivedAt : '',
    request: {
      method: typeof request.method === 'string' ? request.method : '',
      url: typeof request.url === 'string' ? request.url : '',
      headers: readHeaders(request.headers),
      body: new Uint8Array(
        Buffer.from(typeof request.bodyBase64 === 'string' ? request.bodyBase64 : '', 'base64'),
      ),
    },
    findings: readFindings(value.findings),
    verdict: value.verdict === 'pass' ? 'pass' : 'fail',
  };
  if (typeof value.contract === 'string') exchange.contract = value.contract;
  if (typeof value.token === 'string') exchange.token = value.token;
  const answer = readAnswer(value.answer);
  if (answer !== undefined) exchange.answer = answer;
  return exchange;
}
