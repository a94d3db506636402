import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { MockEvent } from '../../provide/mock/types.ts';
import { createReceiver } from '../../receive/index.ts';
import type { Receiver } from '../../receive/types.ts';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import type { Report } from '../report.ts';
import { sendReport } from '../sample-reports.test-fixture.ts';
import { createDashboard } from './create-dashboard.ts';
import { createDashboardRoute } from './create-dashboard-route.ts';
import { createMockSource } from './create-mock-source.ts';
import { createReceiverSource, type ReceiverSource } from './create-receiver-source.ts';
import type { Dashboard, DashboardOptions } from './types.ts';

const spec = fileURLToPath(new URL('../../../specs/invoices.yaml', import.meta.url));
const paid = 'createInvoice/invoicePaid/post';

interface Setup {
  receiver: Receiver;
  source: ReceiverSource;
  dashboard: Dashboard;
  url: string;
  close(): Promise<void>;
}

async function start(options: Partial<DashboardOptions> = {}): Promise<Setup> {
  const catalogue = buildCatalogue(await loadDocument(spec));
  const route = createDashboardRoute();
  const receiver = await createReceiver(catalogue, {
    extraRoutes: route.extraRoutes,
    closeGraceMs: 100,
  });
  const source = createReceiverSource(receiver, { command: 'listen', toolVersion: '0.0.0-test' });
  const dashboard = route.attach(
    createDashboard(source, { token: receiver.token, coalesceMs: 10, ...options }),
  );
  return {
    receiver,
    source,
    dashboard,
    url: dashboard.urlFor(receiver.origin),
    async close() {
      dashboard.close();
      await receiver.close();
    },
  };
}

function postInvoice(receiver: Receiver, id: string, paidValue: unknown): Promise<Response> {
  return fetch(`${receiver.urlFor(paid)}/invoices/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ description: `Invoice ${id} paid`, paid: paidValue }),
  });
}

/** Reads an event stream until `done(text)` holds; resolves with everything read so far. */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  done: (text: string) => boolean,
  ms = 2000,
): Promise<{ text: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!done(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`stream did not match within ${ms} ms; got: ${text}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), left)),
    ]);
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  reader.releaseLock();
  return { text, reader };
}

function events(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split('\n\n')
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return event === undefined || data === undefined
        ? undefined
        : { event, data: JSON.parse(data) as unknown };
    })
    .filter((item) => item !== undefined);
}

describe('dashboard routes', () => {
  let setup: Setup;
  before(async () => {
    setup = await start();
  });
  after(() => setup.close());

  test('the page URL carries the receiver token under the reserved prefix', () => {
    assert.equal(
      setup.url,
      `${setup.receiver.origin}/__callback-verify/dashboard/${setup.receiver.token}/`,
    );
  });

  test('the page is HTML with a strict policy, its files are served from the package', async () => {
    const page = await fetch(setup.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    const html = await page.text();
    for (const file of ['report.css', 'dashboard.css', 'report.js', 'dashboard.js']) {
      assert.ok(html.includes(`"${file}"`), file);
      const asset = await fetch(new URL(file, setup.url));
      assert.equal(asset.status, 200, file);
      assert.match(
        asset.headers.get('content-type') ?? '',
        file.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      );
      assert.ok((await asset.text()).length > 500, file);
    }
    assert.doesNotMatch(html, /https?:\/\//, 'nothing loaded from elsewhere');
  });

  const wrong = [
    ['a wrong token', (s: Setup) => s.url.replace(s.receiver.token, 'x'.repeat(22))],
    [
      'a token one character short',
      (s: Setup) => s.url.replace(`${s.receiver.token}/`, `${s.receiver.token.slice(0, -1)}/`),
    ],
    ['no token', (s: Setup) => `${s.receiver.origin}/__callback-verify/dashboard/`],
    [
      'a wrong token for the events',
      (s: Setup) => `${s.receiver.origin}/__callback-verify/dashboard/nope/events`,
    ],
    ['an unknown file', (s: Setup) => `${s.url}secret.txt`],
  ] as const;
  for (const [name, urlOf] of wrong) {
    test(`${name} gets 404`, async () => {
      const response = await fetch(urlOf(setup));
      assert.equal(response.status, 404);
      assert.doesNotMatch(await response.text(), /callback-verify/);
    });
  }

  test('the page path without its slash redirects; other methods get 405', async () => {
    const bare = await fetch(setup.url.slice(0, -1), { redirect: 'manual' });
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.get('location'), new URL(setup.url).pathname);
    const post = await fetch(setup.url, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('snapshot.json is the report of the receiver so far', async () => {
    await postInvoice(setup.receiver, 'inv-snap', true);
    const response = await fetch(`${setup.url}snapshot.json`);
    const data = (await response.json()) as {
      command: string;
      contracts: Array<{ id: string; receiverUrl: string; verdict: string }>;
      exchanges: unknown[];
    };
    assert.equal(data.command, 'listen');
    assert.deepEqual(
      data.contracts.map((c) => [c.id, c.receiverUrl, c.verdict]),
      [[paid, setup.receiver.urlFor(paid), 'pass']],
    );
    assert.equal(data.exchanges.length, 1);
  });
});

describe('dashboard event stream', () => {
  test('sends retry and a snapshot on connect, then each exchange and the new counts', async () => {
    const setup = await start({ heartbeatMs: 50 });
    try {
      const controller = new AbortController();
      const response = await fetch(`${setup.url}events`, { signal: controller.signal });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.ok(response.body);
      const first = await readUntil(response.body, (t) => t.includes('event: snapshot'));
      assert.match(first.text, /^retry: 2000\n\n/);
      assert.equal(setup.dashboard.clients(), 1);

      await postInvoice(setup.receiver, 'inv-1', 'yes');
      const next = await readUntil(
        response.body,
        (t) => t.includes('event: state') && t.includes(': heartbeat'),
      );
      const received = events(next.text);
      const exchange = received.find((e) => e.event === 'exchange')?.data as {
        verdict: string;
        findings: Array<{ where: string }>;
        request: { body: { text: string } };
      };
      assert.equal(exchange.verdict, 'fail');
      assert.ok(exchange.findings.some((f) => f.where === '/body/paid'));
      assert.match(exchange.request.body.text, /"paid":"yes"/);
      const state = received.find((e) => e.event === 'state')?.data as {
        summary: { failed: number; exchanges: number };
        exchanges?: unknown;
      };
      assert.equal(state.summary.failed, 1);
      assert.equal(state.summary.exchanges, 1);
      assert.equal(state.exchanges, undefined, 'state leaves the exchanges to exchange events');
      controller.abort();
    } finally {
      await setup.close();
    }
  });

  test('a snapshot holds only the newest exchanges', async () => {
    const setup = await start({ maxExchanges: 2 });
    try {
      for (const id of ['a1', 'a2', 'a3']) await postInvoice(setup.receiver, id, true);
      const data = (await (await fetch(`${setup.url}snapshot.json`)).json()) as {
        exchanges: Array<{ request: { url: string } }>;
        summary: { exchanges: number };
      };
      assert.deepEqual(
        data.exchanges.map((e) => e.request.url.split('/').pop()),
        ['a2', 'a3'],
      );
    } finally {
      await setup.close();
    }
  });

  test('publishing a final report sends it as a new snapshot; close ends every stream', async () => {
    const setup = await start();
    try {
      const response = await fetch(`${setup.url}events`);
      assert.ok(response.body);
      await readUntil(response.body, (t) => t.includes('event: snapshot'));
      setup.source.publish({ ...setup.source.snapshot(), command: 'run' });
      const published = await readUntil(response.body, (t) => t.includes('"command":"run"'));
      assert.equal(events(published.text).at(-1)?.event, 'snapshot');
      setup.dashboard.close();
      const ended = await readUntil(response.body, (t) => t.includes('event: end'));
      assert.match(ended.text, /event: end/);
      assert.equal(setup.dashboard.clients(), 0);
      const late = await fetch(`${setup.url}events`);
      assert.equal(late.status, 503);
    } finally {
      await setup.close();
    }
  });

  test('a large body is cut for the page and does not drop the page', async () => {
    const setup = await start({ maxBufferedBytes: 64 * 1024, maxBodyChars: 1000 });
    try {
      const response = await fetch(`${setup.url}events`);
      assert.ok(response.body);
      await readUntil(response.body, (t) => t.includes('event: snapshot'));
      const description = 'y'.repeat(2 * 1024 * 1024);
      await fetch(`${setup.receiver.urlFor(paid)}/invoices/huge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description, paid: 'no' }),
      });
      const next = await readUntil(response.body, (t) => t.includes('event: state'));
      const exchange = events(next.text).find((e) => e.event === 'exchange')?.data as {
        request: { body: { bytes: number; text: string; base64?: string } };
        parsedBody?: unknown;
        verdict: string;
      };
      assert.equal(exchange.verdict, 'fail');
      assert.ok(exchange.request.body.bytes > 2 * 1024 * 1024);
      assert.ok(exchange.request.body.text.length < 1200);
      assert.match(exchange.request.body.text, /more characters not shown here/);
      assert.equal(exchange.request.body.base64, undefined);
      assert.equal(exchange.parsedBody, undefined);
      assert.equal(setup.dashboard.clients(), 1, 'the page is still connected');
      const snapshot = await (await fetch(`${setup.url}snapshot.json`)).text();
      assert.ok(snapshot.length < 20_000, `snapshot is ${snapshot.length} characters`);
    } finally {
      await setup.close();
    }
  });

  test('a report published just before close still reaches the pages, then end', async () => {
    const setup = await start({ coalesceMs: 10_000 });
    try {
      const response = await fetch(`${setup.url}events`);
      assert.ok(response.body);
      await readUntil(response.body, (t) => t.includes('event: snapshot'));
      setup.source.publish({ ...setup.source.snapshot(), command: 'run' });
      setup.dashboard.close();
      const ended = await readUntil(response.body, (t) => t.includes('event: end'));
      assert.deepEqual(
        events(ended.text).map((e) => e.event),
        ['snapshot', 'end'],
      );
      assert.match(ended.text, /"command":"run"/);
    } finally {
      await setup.close();
    }
  });

  test('clients past the limit get 503; a client that stops reading is dropped', async () => {
    const setup = await start({
      maxClients: 1,
      maxBufferedBytes: 64 * 1024,
      maxBodyChars: 1024 * 1024,
    });
    try {
      // A raw client that never reads: the kernel buffers fill, then the dashboard's.
      const path = new URL(`${setup.url}events`).pathname;
      const port = Number(new URL(setup.receiver.origin).port);
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      });
      socket.pause();
      socket.on('error', () => {});
      while (setup.dashboard.clients() === 0) await new Promise((r) => setTimeout(r, 5));

      const second = await fetch(`${setup.url}events`);
      assert.equal(second.status, 503);
      await second.body?.cancel();

      const big = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 200 && setup.dashboard.clients() > 0; i += 1) {
        await fetch(`${setup.receiver.urlFor(paid)}/invoices/big-${i}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ description: big, paid: true }),
        });
      }
      assert.equal(setup.dashboard.clients(), 0, 'the stalled client was dropped');
      socket.destroy();
    } finally {
      await setup.close();
    }
  });
});

describe('dashboard of a mock provider', () => {
  test('serves the mock report and streams its deliveries as state changes', async () => {
    let report: Report = { ...sendReport, command: 'mock', deliveries: [] };
    const listeners = new Set<(event: MockEvent) => void>();
    const mock = {
      report: () => report,
      subscribe(listener: (event: MockEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const token = 'mock-token-0123456789';
    const dashboard = createDashboard(createMockSource(mock), { token, coalesceMs: 5 });
    const server = createServer((request, response) => dashboard.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    try {
      const response = await fetch(`${dashboard.urlFor(origin)}events`);
      assert.ok(response.body);
      await readUntil(response.body, (t) => t.includes('event: snapshot'));
      report = sendReport;
      const delivery = sendReport.deliveries[0];
      assert.ok(delivery);
      for (const listener of listeners) listener({ type: 'delivery', delivery });
      const next = await readUntil(response.body, (t) => t.includes('event: state'));
      const state = events(next.text).find((e) => e.event === 'state')?.data as {
        deliveries: Array<{ id: string; verdict: string }>;
      };
      assert.deepEqual(
        state.deliveries.map((d) => [d.id, d.verdict]),
        [['delivery-1', 'fail']],
      );
    } finally {
      dashboard.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
