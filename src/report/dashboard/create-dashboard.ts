import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UsageError } from '../../errors.ts';
import type { Report } from '../report.ts';
import { toReportJson } from '../to-report-json.ts';
import { createEventHub, formatEvent } from './create-event-hub.ts';
import { readDashboardAssets } from './read-dashboard-assets.ts';
import { dashboardPolicy, renderDashboardPage } from './render-dashboard-page.ts';
import { trimExchange } from './trim-exchange.ts';
import type { Dashboard, DashboardChange, DashboardOptions, DashboardSource } from './types.ts';

const commonHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function sameSecret(given: string, wanted: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, {
    ...commonHeaders,
    'content-type': type,
    'content-length': String(bytes.length),
    ...extra,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/** A report with only its newest `limit` exchanges, so a snapshot stays a bounded size. */
function newest(report: Report, limit: number): Report {
  return report.exchanges.length <= limit
    ? report
    : { ...report, exchanges: report.exchanges.slice(-limit) };
}

/**
 * A live dashboard over a source of state: a Node request handler serving an HTML page (the
 * HTML report's own view, fed live), its stylesheet and scripts, `snapshot.json`, and an
 * `events` stream of server-sent events — `snapshot` on connect, then `exchange` as each
 * arrives and `state` (the report without its exchanges) as counts and verdicts change. Every
 * path carries `token`; anything else under the mount path is answered 404.
 * @example
 * const dashboard = createDashboard(createReceiverSource(receiver, { command: 'listen', toolVersion }), { token: receiver.token });
 * // createReceiver(catalogue, { extraRoutes: { dashboard: dashboard.handle } })
 * console.log(`dashboard: ${dashboard.urlFor(receiver.origin)}`);
 */
export function createDashboard(source: DashboardSource, options: DashboardOptions): Dashboard {
  if (!/^[A-Za-z0-9_-]{8,}$/.test(options.token)) {
    throw new UsageError('The dashboard token must be at least 8 URL-safe characters.', {
      hint: "Pass the receiver's token (receiver.token).",
    });
  }
  const mountPath = (options.mountPath ?? '/__callback-verify/dashboard').replace(/\/+$/, '');
  const base = `${mountPath}/${options.token}`;
  const maxExchanges = options.maxExchanges ?? 200;
  const coalesceMs = options.coalesceMs ?? 100;
  const retryMs = options.retryMs ?? 2_000;
  const maxClients = options.maxClients ?? 32;
  const hub = createEventHub({
    maxClients,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  });
  let sequence = 0;
  let pending: { timer: NodeJS.Timeout; full: boolean } | undefined;
  let closed = false;

  const maxBodyChars = options.maxBodyChars ?? 32 * 1024;

  function snapshotJson(): string {
    const report = newest(source.snapshot(), maxExchanges);
    const json = toReportJson({ ...report, exchanges: [] });
    json.exchanges = report.exchanges.map((exchange) => trimExchange(exchange, maxBodyChars));
    return JSON.stringify(json);
  }

  function flush(): void {
    const full = pending?.full === true;
    pending = undefined;
    if (closed || hub.size() === 0) return;
    if (full) {
      sequence += 1;
      hub.broadcast(formatEvent(sequence, 'snapshot', snapshotJson()));
      return;
    }
    const state = toReportJson({ ...source.snapshot(), exchanges: [] });
    delete state.exchanges;
    sequence += 1;
    hub.broadcast(formatEvent(sequence, 'state', JSON.stringify(state)));
  }

  function onChange(change: DashboardChange): void {
    if (closed || hub.size() === 0) return;
    if (change.exchange !== undefined && change.replaced !== true) {
      sequence += 1;
      hub.broadcast(
        formatEvent(
          sequence,
          'exchange',
          JSON.stringify(trimExchange(change.exchange, maxBodyChars)),
        ),
      );
    }
    if (pending === undefined) {
      const timer = setTimeout(flush, coalesceMs);
      timer.unref();
      pending = { timer, full: false };
    }
    if (change.replaced === true) pending.full = true;
  }
  const unsubscribe = source.subscribe(onChange);

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    if (closed) {
      send(request, response, 503, 'text/plain; charset=utf-8', 'The dashboard has stopped.\n');
      return;
    }
    if (hub.size() >= maxClients) {
      // A non-200 answer makes EventSource give up instead of reconnecting in a loop.
      send(request, response, 503, 'text/plain; charset=utf-8', 'Too many dashboards open.\n', {
        'retry-after': '10',
      });
      return;
    }
    if (request.method === 'HEAD') {
      send(request, response, 200, 'text/event-stream', '');
      return;
    }
    response.writeHead(200, {
      ...commonHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.flushHeaders();
    request.socket.setNoDelay(true);
    // The stream lives as long as the page; the server's request timeouts must not end it.
    request.socket.setTimeout(0);
    sequence += 1;
    const first = `retry: ${retryMs}\n\n${formatEvent(sequence, 'snapshot', snapshotJson())}`;
    hub.add(response, first);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(`${mountPath}/`)) {
      send(request, response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      return;
    }
    const [given = '', ...rest] = path.slice(mountPath.length + 1).split('/');
    if (!sameSecret(given, options.token)) {
      // 404 rather than 403, so a guess learns nothing.
      send(request, response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(request, response, 405, 'text/plain; charset=utf-8', 'Only GET.\n', {
        allow: 'GET, HEAD',
      });
      return;
    }
    if (rest.length === 0) {
      send(request, response, 308, 'text/plain; charset=utf-8', '', { location: `${base}/` });
      return;
    }
    const name = rest.join('/');
    if (name === '') {
      send(
        request,
        response,
        200,
        'text/html; charset=utf-8',
        renderDashboardPage(source.snapshot(), maxExchanges),
        { 'content-security-policy': dashboardPolicy },
      );
      return;
    }
    if (name === 'events') {
      openStream(request, response);
      return;
    }
    if (name === 'snapshot.json') {
      send(request, response, 200, 'application/json; charset=utf-8', snapshotJson());
      return;
    }
    const asset = readDashboardAssets().get(name);
    if (asset === undefined) {
      send(request, response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
      return;
    }
    send(request, response, 200, asset.type, asset.body);
  }

  return {
    path: `${base}/`,
    handle,
    urlFor: (origin) => `${origin.replace(/\/+$/, '')}${base}/`,
    clients: () => hub.size(),
    close() {
      if (closed) return;
      unsubscribe();
      if (pending !== undefined) {
        // Deliver the last change (e.g. a run's final report) before the streams end.
        clearTimeout(pending.timer);
        flush();
      }
      closed = true;
      sequence += 1;
      hub.close(formatEvent(sequence, 'end', '{}'));
    },
  };
}
