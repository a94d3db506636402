import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Catalogue } from '../spec/contract.ts';
import { createReceiver } from './create-receiver.ts';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';
import { loadFixtureCatalogue, rawExchange } from './receiver.test-fixture.ts';
import type { Receiver, ReceiverOptions } from './types.ts';

const paid = 'createInvoice/invoicePaid/post';

let catalogue: Catalogue;
before(async () => {
  catalogue = await loadFixtureCatalogue();
});

interface Harness {
  receiver: Receiver;
  port: number;
  /** Path (with token) of the invoice callback for invoice `id`. */
  path: (id: string) => string;
  journal: () => Promise<Exchange[]>;
}

async function withReceiver(
  options: ReceiverOptions,
  run: (h: Harness) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-bad-'));
  const journalPath = join(dir, 'journal.jsonl');
  const receiver = await createReceiver(catalogue, { closeGraceMs: 200, journalPath, ...options });
  const harness: Harness = {
    receiver,
    port: Number(new URL(receiver.origin).port),
    path: (id) => `${new URL(receiver.urlFor(paid)).pathname}/invoices/${id}`,
    journal: async () =>
      (await readFile(journalPath, 'utf8'))
        .split('\n')
        .map(parseJournalLine)
        .filter((e) => e !== undefined),
  };
  try {
    await run(harness);
  } finally {
    await receiver.close();
  }
}

function post(h: Harness, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${h.receiver.origin}${h.path('i1')}`, { method: 'POST', headers, body });
}

/** Proves the receiver still serves after a bad request. */
async function stillServes(h: Harness): Promise<void> {
  const response = await post(h, '{"id":"i1","paid":true}', { 'content-type': 'application/json' });
  assert.equal(response.status, 200);
  await response.arrayBuffer();
}

function checks(exchange: Exchange | undefined): string[] {
  return exchange?.findings.map((f) => f.check) ?? [];
}

describe('bad input never crashes the receiver, is journaled and gets a finding', () => {
  test('malformed JSON is answered 400 at once with body.json', async () => {
    await withReceiver({}, async (h) => {
      const response = await post(h, '{"id": "i1", "paid": tru', {
        'content-type': 'application/json',
      });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /not valid JSON/);
      const [exchange] = await h.journal();
      assert.deepEqual(
        checks(exchange).filter((c) => c === 'body.json'),
        ['body.json'],
      );
      assert.equal(exchange?.answer?.status, 400);
      assert.equal(exchange?.verdict, 'fail');
      await stillServes(h);
    });
  });

  test('a wrong content type is a finding; the request is still answered as declared', async () => {
    await withReceiver({}, async (h) => {
      const response = await post(h, '{"id":"i1","paid":true}', { 'content-type': 'text/plain' });
      assert.equal(response.status, 200);
      const [exchange] = await h.journal();
      assert.equal(exchange?.verdict, 'fail');
      assert.ok(
        exchange?.findings.some((f) => f.where === '/headers/content-type'),
        JSON.stringify(exchange?.findings),
      );
    });
  });

  test('a missing content type is a finding', async () => {
    await withReceiver({}, async (h) => {
      const response = await fetch(`${h.receiver.origin}${h.path('i1')}`, {
        method: 'POST',
        body: new Uint8Array(new TextEncoder().encode('{"id":"i1","paid":true}')),
      });
      assert.equal(response.status, 200);
      const [exchange] = await h.journal();
      assert.equal(exchange?.request.headers['content-type'], undefined);
      assert.equal(exchange?.verdict, 'fail');
      assert.ok(
        exchange?.findings.some((f) => f.where === '/headers/content-type'),
        JSON.stringify(exchange?.findings),
      );
    });
  });

  test('an empty body where one is required is a finding; answered as declared', async () => {
    await withReceiver({}, async (h) => {
      const response = await post(h, '', { 'content-type': 'application/json' });
      assert.equal(response.status, 200);
      const [exchange] = await h.journal();
      assert.equal(exchange?.request.body.length, 0);
      assert.equal(exchange?.verdict, 'fail');
      assert.ok(
        exchange?.findings.some((f) => f.where === '/body'),
        JSON.stringify(exchange?.findings),
      );
    });
  });

  test('invalid UTF-8 in a JSON body (raw socket) is body.encoding, 400, raw bytes journaled', async () => {
    await withReceiver({}, async (h) => {
      const body = Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      const head =
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
      const answer = await rawExchange(h.port, [head, body]);
      assert.match(answer, /^HTTP\/1\.1 400/);
      const [exchange] = await h.journal();
      assert.ok(checks(exchange).includes('body.encoding'));
      assert.deepEqual(Buffer.from(exchange?.request.body ?? []), body);
      await stillServes(h);
    });
  });

  test('a Content-Length over the limit is answered 413 without reading the body', async () => {
    await withReceiver({ maxBodyBytes: 64 }, async (h) => {
      const head =
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        'Content-Length: 100000\r\n\r\n';
      const answer = await rawExchange(h.port, [head, 'x'.repeat(100)]);
      assert.match(answer, /^HTTP\/1\.1 413/);
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['body.too-large']);
      assert.equal(exchange?.findings[0]?.actual, 100000);
      assert.equal(exchange?.contract, paid, 'still counted for the contract its URL names');
      await stillServes(h);
    });
  });

  test('a chunked body that grows past the limit is cut off with 413', async () => {
    await withReceiver({ maxBodyBytes: 64 }, async (h) => {
      const head =
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        'Transfer-Encoding: chunked\r\n\r\n';
      const chunk = `28\r\n${'y'.repeat(40)}\r\n`;
      const answer = await rawExchange(h.port, [head, chunk, chunk, chunk, chunk], { gapMs: 20 });
      assert.match(answer, /^HTTP\/1\.1 413/);
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['body.too-large']);
      assert.equal(exchange?.request.body.length, 0, 'an oversized body is not kept');
      await stillServes(h);
    });
  });

  test('a client that stalls in its headers gets 408 and a request.timeout entry', async () => {
    await withReceiver({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (h) => {
      const started = performance.now();
      const answer = await rawExchange(h.port, [`POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\n`]);
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(performance.now() - started < 2500);
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['request.timeout']);
      await stillServes(h);
    });
  });

  test('a client that stalls in its body gets 408; what arrived is journaled', async () => {
    await withReceiver({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (h) => {
      const head =
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        'Content-Length: 100\r\n\r\n';
      const answer = await rawExchange(h.port, [head, '{"id":"i1"']);
      assert.match(answer, /^HTTP\/1\.1 408/);
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['request.timeout']);
      assert.equal(exchange?.contract, paid);
      assert.equal(new TextDecoder().decode(exchange?.request.body), '{"id":"i1"');
      assert.equal(exchange?.request.url, h.path('i1'));
      await stillServes(h);
    });
  });

  test('bytes that are not HTTP get 400 and a request.malformed entry', async () => {
    await withReceiver({}, async (h) => {
      const answer = await rawExchange(h.port, ['HELLO THERE\r\n\r\n']);
      assert.match(answer, /^HTTP\/1\.1 400/);
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['request.malformed']);
      await stillServes(h);
    });
  });

  test('a client that hangs up mid-body is journaled as request.aborted', async () => {
    await withReceiver({}, async (h) => {
      await new Promise<void>((resolve) => {
        const request = httpRequest(`${h.receiver.origin}${h.path('i1')}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '100' },
        });
        request.on('error', () => resolve());
        request.write('{"id":', () => setTimeout(() => request.destroy(), 50));
      });
      // Counted when recorded, in the journal once its write is done: wait for the file.
      let [exchange] = await h.journal();
      for (let i = 0; i < 100 && exchange === undefined; i++) {
        await new Promise((r) => setTimeout(r, 20));
        [exchange] = await h.journal();
      }
      assert.deepEqual(checks(exchange), ['request.aborted']);
      assert.match(exchange?.findings[0]?.message ?? '', /^The client closed the connection/);
      assert.equal(exchange?.contract, paid);
      assert.equal(h.receiver.stats().unexpected, 0);
      assert.equal(new TextDecoder().decode(exchange?.request.body), '{"id":');
      await stillServes(h);
    });
  });

  test('an upload the receiver cuts short as it closes says the receiver closed it', async () => {
    await withReceiver({ closeGraceMs: 100 }, async (h) => {
      const request = httpRequest(`${h.receiver.origin}${h.path('i1')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '100' },
      });
      request.on('error', () => {});
      await new Promise<void>((resolve) => request.write('{"id":', () => resolve()));
      for (let i = 0; i < 50 && !request.socket?.writable; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, 50));
      await h.receiver.close();
      const [exchange] = await h.journal();
      assert.deepEqual(checks(exchange), ['request.aborted']);
      assert.match(
        exchange?.findings[0]?.message ?? '',
        /^The receiver closed the connection as it shut down after 6 body bytes/,
      );
      assert.equal(exchange?.contract, paid);
    });
  });

  test('200 concurrent callbacks are all answered and all journaled', async () => {
    await withReceiver({}, async (h) => {
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          fetch(`${h.receiver.origin}${h.path(`c${i}`)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ id: `c${i}`, paid: i % 2 === 0 }),
          }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
      assert.deepEqual(new Set(responses), new Set([200]));
      assert.equal(h.receiver.stats().exchanges, 200);
      assert.equal((await h.journal()).length, 200);
      const ids = new Set((await h.journal()).map((e) => e.id));
      assert.equal(ids.size, 200);
    });
  });
});
