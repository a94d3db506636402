import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../spec/contract.ts';
import { readTlsIdentity } from '../tls/read-tls-identity.ts';
import { createReceiver } from './create-receiver.ts';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';
import { loadFixtureCatalogue, rawExchange } from './receiver.test-fixture.ts';
import type { Receiver, ReceiverOptions } from './types.ts';

const paid = 'createInvoice/invoicePaid/post';
const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/tls/${name}`, import.meta.url));

let catalogue: Catalogue;
let identity: { cert: Buffer; key: Buffer };
let otherCert: Buffer;
before(async () => {
  catalogue = await loadFixtureCatalogue();
  identity = await readTlsIdentity(fixture('cert.pem'), fixture('key.pem'));
  otherCert = await readFile(fixture('other-cert.pem'));
});

interface Harness {
  receiver: Receiver;
  port: number;
  path: (id: string) => string;
  journal: () => Promise<Exchange[]>;
}

async function withTlsReceiver(
  options: ReceiverOptions,
  run: (h: Harness) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-tls-'));
  const journalPath = join(dir, 'journal.jsonl');
  const receiver = await createReceiver(catalogue, {
    closeGraceMs: 200,
    journalPath,
    tls: identity,
    ...options,
  });
  try {
    await run({
      receiver,
      port: Number(new URL(receiver.origin).port),
      path: (id) => `${new URL(receiver.urlFor(paid)).pathname}/invoices/${id}`,
      journal: async () =>
        (await readFile(journalPath, 'utf8'))
          .split('\n')
          .map(parseJournalLine)
          .filter((e) => e !== undefined),
    });
  } finally {
    await receiver.close();
  }
}

interface Reply {
  status: number;
  body: string;
}

/** One HTTPS request trusting `ca` (the fixture certificate unless told otherwise). */
function send(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; ca?: Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      {
        method: options.method ?? 'POST',
        headers: options.headers ?? { 'content-type': 'application/json' },
        ca: options.ca ?? identity.cert,
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Writes raw bytes inside a trusted TLS connection; resolves with all the server wrote before it closed. */
function tlsExchange(port: number, pieces: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca: identity.cert });
    const chunks: Buffer[] = [];
    socket.on('secureConnect', () => {
      for (const piece of pieces) socket.write(piece);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer is expected when the server cuts an upload short.
      if (chunks.length === 0) reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

async function stillServes(h: Harness): Promise<void> {
  const reply = await send(`${h.receiver.origin}${h.path('ok')}`, {
    body: '{"id":"ok","paid":true}',
  });
  assert.equal(reply.status, 200);
}

describe('a receiver over TLS judges callbacks as over HTTP', () => {
  test('its origin and every URL it hands out are https', async () => {
    await withTlsReceiver({}, async (h) => {
      assert.match(h.receiver.origin, /^https:\/\/127\.0\.0\.1:\d+$/);
      for (const route of h.receiver.routes()) assert.match(route.url, /^https:\/\//);
      assert.match(h.receiver.urlFor(paid, 't1'), /^https:\/\/.*\/t1$/);
    });
  });

  test('a conformant callback passes, a failing one fails, an unexpected one is unexpected', async () => {
    await withTlsReceiver({}, async (h) => {
      const good = await send(`${h.receiver.origin}${h.path('i1')}`, {
        body: '{"id":"i1","paid":true}',
      });
      assert.equal(good.status, 200);
      assert.deepEqual(JSON.parse(good.body), { ok: true });
      const bad = await send(`${h.receiver.origin}${h.path('i2')}`, {
        body: '{"id":"i2","paid":"yes"}',
      });
      assert.equal(bad.status, 200, 'answered as declared; the finding is in the journal');
      const stray = await send(`${h.receiver.origin}/nowhere`, { body: '{}' });
      assert.equal(stray.status, 404);
      const [first, second, third] = await h.journal();
      assert.equal(first?.verdict, 'pass');
      assert.equal(first?.contract, paid);
      assert.equal(second?.verdict, 'fail');
      assert.ok(
        second?.findings.some((f) => f.where === '/body/paid'),
        JSON.stringify(second),
      );
      assert.equal(third?.contract, undefined);
      assert.equal(h.receiver.stats().unexpected, 1);
      assert.deepEqual(h.receiver.stats().byContract[paid], { passed: 1, failed: 1 });
    });
  });

  test('a handler under the reserved prefix (the dashboard) is served over TLS', async () => {
    await withTlsReceiver(
      {
        extraRoutes: {
          page: (_request, response) => response.writeHead(200).end('dashboard'),
        },
      },
      async (h) => {
        const reply = await send(`${h.receiver.origin}/__callback-verify/page`, { method: 'GET' });
        assert.deepEqual(reply, { status: 200, body: 'dashboard' });
      },
    );
  });
});

describe('bad input on the TLS port never crashes the receiver', () => {
  test('plain HTTP gets a plain 400 and is journaled as request.not-tls for its contract', async () => {
    await withTlsReceiver({}, async (h) => {
      const body = '{"id":"i1","paid":true}';
      const answer = await rawExchange(h.port, [
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body}`,
      ]);
      assert.match(answer, /^HTTP\/1\.1 400 Bad Request/);
      assert.match(answer, new RegExp(`speaks HTTPS only: use ${h.receiver.origin}`));
      const [exchange] = await h.journal();
      assert.deepEqual(
        exchange?.findings.map((f) => f.check),
        ['request.not-tls'],
      );
      assert.match(exchange?.findings[0]?.message ?? '', /must call https:\/\/127\.0\.0\.1/);
      assert.equal(exchange?.contract, paid);
      assert.equal(exchange?.request.method, 'POST');
      assert.equal(exchange?.request.headers['content-type'], 'application/json');
      assert.equal(new TextDecoder().decode(exchange?.request.body), body);
      assert.equal(exchange?.verdict, 'fail');
      await stillServes(h);
    });
  });

  test('plain HTTP whose head arrives in pieces is journaled once it is whole', async () => {
    await withTlsReceiver({}, async (h) => {
      const answer = await rawExchange(
        h.port,
        [`GET ${h.path('i1')} HTTP/1.1\r\n`, 'Host: x\r\n', '\r\n'],
        { gapMs: 30 },
      );
      assert.match(answer, /^HTTP\/1\.1 400/);
      const [exchange] = await h.journal();
      assert.equal(exchange?.request.url, h.path('i1'));
      assert.equal(exchange?.findings[0]?.check, 'request.not-tls');
    });
  });

  test('bytes that are neither TLS nor HTTP are journaled as request.not-tls', async () => {
    await withTlsReceiver({}, async (h) => {
      const answer = await rawExchange(h.port, ['HELLO THERE\r\n\r\n']);
      assert.match(answer, /^HTTP\/1\.1 400/);
      const [exchange] = await h.journal();
      assert.match(exchange?.findings[0]?.message ?? '', /neither TLS nor HTTP/);
      assert.equal(exchange?.contract, undefined);
      await stillServes(h);
    });
  });

  test('a client that does not trust the certificate fails its handshake; nothing to journal', async () => {
    await withTlsReceiver({}, async (h) => {
      await assert.rejects(
        send(`${h.receiver.origin}${h.path('i1')}`, { body: '{}', ca: otherCert }),
        (error: NodeJS.ErrnoException) => error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT',
      );
      await stillServes(h);
      assert.equal((await h.journal()).length, 1, 'only the request that got through');
    });
  });

  test('bytes that are not HTTP inside TLS get 400 and a request.malformed entry', async () => {
    await withTlsReceiver({}, async (h) => {
      const answer = await tlsExchange(h.port, ['HELLO THERE\r\n\r\n']);
      assert.match(answer, /^HTTP\/1\.1 400/);
      const [exchange] = await h.journal();
      assert.deepEqual(
        exchange?.findings.map((f) => f.check),
        ['request.malformed'],
      );
      await stillServes(h);
    });
  });

  test('a client that stalls in its headers inside TLS gets 408 and a request.timeout entry', async () => {
    await withTlsReceiver({ headersTimeoutMs: 300, requestTimeoutMs: 600 }, async (h) => {
      const answer = await tlsExchange(h.port, [`POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\n`]);
      assert.match(answer, /^HTTP\/1\.1 408/);
      const [exchange] = await h.journal();
      assert.deepEqual(
        exchange?.findings.map((f) => f.check),
        ['request.timeout'],
      );
      await stillServes(h);
    });
  });

  test('a Content-Length over the limit inside TLS is answered 413 for its contract', async () => {
    await withTlsReceiver({ maxBodyBytes: 64 }, async (h) => {
      const answer = await tlsExchange(h.port, [
        `POST ${h.path('i1')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
          'Content-Length: 100000\r\n\r\n',
        'x'.repeat(100),
      ]);
      assert.match(answer, /^HTTP\/1\.1 413/);
      const [exchange] = await h.journal();
      assert.deepEqual(
        exchange?.findings.map((f) => f.check),
        ['body.too-large'],
      );
      assert.equal(exchange?.contract, paid);
      await stillServes(h);
    });
  });

  test('a connection that never says anything is closed when the receiver closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-tls-'));
    const receiver = await createReceiver(catalogue, {
      closeGraceMs: 100,
      tls: identity,
      journalPath: join(dir, 'j.jsonl'),
    });
    const silent = rawExchange(Number(new URL(receiver.origin).port), [], { giveUpMs: 3000 });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await receiver.close();
    assert.equal(await silent, '');
    assert.ok(performance.now() - started < 1500, 'close does not wait for the idle connection');
  });
});

describe('closing a TLS receiver', () => {
  test('a client stalled in its TLS handshake does not hold up close()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-tls-'));
    const receiver = await createReceiver(catalogue, {
      closeGraceMs: 100,
      tls: identity,
      journalPath: join(dir, 'j.jsonl'),
    });
    // A handshake record header and nothing more: TLS waits for the rest.
    const stalled = rawExchange(
      Number(new URL(receiver.origin).port),
      [new Uint8Array([0x16, 0x03, 0x01, 0x00, 0x40])],
      { giveUpMs: 5000 },
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await receiver.close();
    await stalled;
    assert.ok(performance.now() - started < 1500, `close took ${performance.now() - started} ms`);
  });
});

describe('an unusable certificate or key is CV_TLS_CONFIG', () => {
  const cases: Array<{ name: string; cert: string; key: string; message: RegExp }> = [
    {
      name: 'a key of another certificate',
      cert: 'cert.pem',
      key: 'other-key.pem',
      message: /does not belong to the certificate/,
    },
    {
      name: 'the key given as the certificate',
      cert: 'key.pem',
      key: 'key.pem',
      message: /is not a PEM certificate/,
    },
    {
      name: 'the certificate given as the key',
      cert: 'cert.pem',
      key: 'cert.pem',
      message: /cert\.pem and key .*cert\.pem/,
    },
    {
      name: 'a missing file',
      cert: 'cert.pem',
      key: 'missing.pem',
      message: /--tls-key .*missing\.pem cannot be read \(ENOENT\)/,
    },
  ];
  for (const { name, cert, key, message } of cases) {
    test(name, async () => {
      await assert.rejects(readTlsIdentity(fixture(cert), fixture(key)), (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.equal((error as { code?: string }).code, 'CV_TLS_CONFIG');
        assert.match(error.message, message);
        return true;
      });
    });
  }

  test('createReceiver refuses a mismatched pair before it binds', async () => {
    const other = await readFile(fixture('other-key.pem'));
    await assert.rejects(
      createReceiver(catalogue, { tls: { cert: identity.cert, key: other } }),
      /CV_TLS_CONFIG|does not belong/,
    );
  });
});
