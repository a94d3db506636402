import type { HeaderMap, InboundRequest } from './exchange.ts';
import type { PlannedExchange } from './plan-exchange.ts';

/** The exchange to record for plain HTTP sent to an HTTPS receiver, and the raw answer to write. */
export interface PlainHttpPlan {
  request: InboundRequest;
  planned: PlannedExchange;
  /** A complete HTTP/1.1 response, written unencrypted since the client speaks plain HTTP. */
  answer: string;
}

const headEnd = Buffer.from('\r\n\r\n');

/** True once `bytes` hold a whole request head (or more than any head may be). */
export function plainHeadComplete(bytes: Uint8Array, limit: number): boolean {
  return bytes.length >= limit || Buffer.from(bytes).includes(headEnd);
}

function parseHead(bytes: Uint8Array): InboundRequest {
  const buffer = Buffer.from(bytes);
  const end = buffer.indexOf(headEnd);
  const head = buffer.subarray(0, end === -1 ? buffer.length : end).toString('latin1');
  const [requestLine = '', ...lines] = head.split('\r\n');
  const parts = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/\d\.\d$/.exec(requestLine);
  if (parts === null) return { method: '', url: '', headers: {}, body: new Uint8Array(buffer) };
  const headers: HeaderMap = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const before = headers[name];
    headers[name] =
      before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return {
    method: parts[1] ?? '',
    url: parts[2] ?? '',
    headers,
    body: end === -1 ? new Uint8Array(0) : new Uint8Array(buffer.subarray(end + 4)),
  };
}

/**
 * Plain HTTP arrived at a receiver that speaks HTTPS: the request head as far as it arrived
 * (its body is not waited for), a `request.not-tls` finding naming the URL the client should
 * have called, and a 400 answer in plain HTTP that says the same. `server` names what answers
 * (the mock provider serves HTTPS the same way).
 * @example planPlainHttp(bytes, 'https://127.0.0.1:8443').planned.findings[0].check // 'request.not-tls'
 */
export function planPlainHttp(
  bytes: Uint8Array,
  origin: string,
  server = 'receiver',
): PlainHttpPlan {
  const request = parseHead(bytes);
  const should = request.url.startsWith('/') ? `${origin}${request.url}` : origin;
  const message =
    request.method === ''
      ? `Bytes that are neither TLS nor HTTP arrived at this HTTPS ${server}; the connection was closed.`
      : `${request.method} ${request.url} came as plain HTTP, but this ${server} speaks HTTPS only: the client must call ${should}.`;
  const text = `This ${server} speaks HTTPS only: use ${origin}.\n`;
  return {
    request,
    planned: {
      findings: [
        {
          check: 'request.not-tls',
          severity: 'error',
          message,
          where: '/url',
          expected: 'https',
          actual: 'http',
        },
      ],
      answer: {
        status: 400,
        headers: { connection: 'close', 'content-type': 'text/plain; charset=utf-8' },
        body: text,
      },
      delayMs: 0,
    },
    answer:
      'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  };
}
