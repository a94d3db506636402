import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ContractNotFoundError, ListenError, SignatureConfigError } from '../errors.ts';
import { signRequest } from '../provide/signatures/index.ts';
import type { Catalogue } from '../spec/contract.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import { createReceiver } from './create-receiver.ts';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';
import { loadFixtureCatalogue, rawExchange } from './receiver.test-fixture.ts';
import type { Receiver } from './types.ts';

const paid = 'createInvoice/invoicePaid/post';
const refunded = 'createInvoice/invoiceRefunded/post';
const notify = 'subscribe/notify/post';
const shipped = 'webhook/orderShipped/post';

let catalogue: Catalogue;
before(async () => {
  catalogue = await loadFixtureCatalogue();
});

function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function withReceiver(
  options: Parameters<typeof createReceiver>[1],
  run: (receiver: Receiver) => Promise<void>,
): Promise<void> {
  const receiver = await createReceiver(catalogue, { closeGraceMs: 200, ...options });
  try {
    await run(receiver);
  } finally {
    await receiver.close();
  }
}

describe('receiver URLs', () => {
  test('every URL carries a random token of at least 16 bytes, distinct per receiver', async () => {
    const [a, b] = await Promise.all([createReceiver(catalogue), createReceiver(catalogue)]);
    try {
      assert.match(a.token, /^[A-Za-z0-9_-]{22,}$/);
      assert.notEqual(a.token, b.token);
      assert.match(a.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(a.urlFor(paid), `${a.origin}/${a.token}/cb/createInvoice`);
      assert.equal(a.urlFor(notify), `${a.origin}/${a.token}/fixed/subscribe`);
      assert.equal(a.urlFor(shipped), `${a.origin}/${a.token}/webhooks/orderShipped`);
      assert.equal(a.urlFor(paid, 'createInvoice#1'), `${a.urlFor(paid)}/createInvoice%231`);
      assert.deepEqual(
        a.routes().map((r) => [r.contract, r.base, r.pattern]),
        [
          [paid, 'expression', '/invoices/{$request.body#/id}'],
          [refunded, 'expression', '/invoices/{$request.body#/id}'],
          [notify, 'fixed', '?transactionId={$request.body#/id}&email={$request.body#/email}'],
          [shipped, 'webhook', ''],
        ],
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('urlFor an unknown contract throws ContractNotFoundError', async () => {
    await withReceiver({}, async (receiver) => {
      assert.throws(() => receiver.urlFor('nope/nope/post'), ContractNotFoundError);
    });
  });

  test('the webhook prefix is configurable', async () => {
    await withReceiver({ webhookPrefix: 'hooks/in/' }, async (receiver) => {
      assert.equal(
        receiver.urlFor(shipped),
        `${receiver.origin}/${receiver.token}/hooks/in/orderShipped`,
      );
      const response = await postJson(
        receiver.urlFor(shipped),
        { order: 'o1' },
        { 'x-signature': 's' },
      );
      assert.equal(response.status, 202);
    });
  });
});

describe('receiving and answering', () => {
  test('a conforming callback is matched, validated and answered with the declared example', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await postJson(`${receiver.urlFor(paid)}/invoices/inv-1`, {
        id: 'inv-1',
        paid: true,
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      assert.deepEqual(await response.json(), { ok: true });
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.contract, paid);
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
      assert.equal(exchange?.request.method, 'POST');
      assert.equal(exchange?.request.url, `/${receiver.token}/cb/createInvoice/invoices/inv-1`);
      assert.equal(new TextDecoder().decode(exchange?.request.body), '{"id":"inv-1","paid":true}');
      assert.deepEqual(exchange?.answer?.status, 200);
    });
  });

  test('a body that breaks the schema is answered as declared but fails with findings', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await postJson(`${receiver.urlFor(paid)}/invoices/inv-1`, {
        id: 'inv-1',
        paid: 'yes',
      });
      assert.equal(response.status, 200);
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.verdict, 'fail');
      assert.ok(exchange?.findings.some((f) => f.where === '/body/paid' && f.contract === paid));
    });
  });

  test('two callbacks declared with the same URL and method are told apart by their bodies; one that fits both names the other', async () => {
    await withReceiver({}, async (receiver) => {
      assert.equal(receiver.urlFor(paid), receiver.urlFor(refunded));
      const url = `${receiver.urlFor(paid)}/invoices/inv-1`;
      await (await postJson(url, { id: 'inv-1', refunded: true })).arrayBuffer();
      await (await postJson(url, { id: 'inv-1', paid: true })).arrayBuffer();
      await (await postJson(url, { id: 'inv-1' })).arrayBuffer();
      await (await postJson(url, { id: 'inv-1', paid: true, refunded: true })).arrayBuffer();
      assert.deepEqual(
        receiver.exchanges().map((e) => [e.contract, e.verdict, e.alsoConformsTo]),
        [
          [refunded, 'pass', undefined],
          [paid, 'pass', undefined],
          [paid, 'fail', undefined],
          // Fits both: the first declared, and the other named for a run to count it there.
          [paid, 'pass', [refunded]],
        ],
      );
    });
  });

  test('a trigger segment handed out by urlFor is reported as the exchange token', async () => {
    await withReceiver({}, async (receiver) => {
      const base = receiver.urlFor(paid, 'trigger-7');
      const response = await postJson(`${base}/invoices/inv-9`, { id: 'inv-9', paid: false });
      assert.equal(response.status, 200);
      assert.equal(receiver.exchanges()[0]?.token, 'trigger-7');
      assert.equal(receiver.exchanges()[0]?.contract, paid);
    });
  });

  test('a fixed-host callback is served under /fixed/ with its query template, 204 without body', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await fetch(
        `${receiver.urlFor(notify)}?transactionId=t1&email=a%40b.example`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'hello',
        },
      );
      assert.equal(response.status, 204);
      assert.equal(await response.text(), '');
      assert.equal(receiver.exchanges()[0]?.contract, notify);
    });
  });

  test('a webhook is answered with its lowest declared 2xx and a body generated from the schema', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await postJson(
        receiver.urlFor(shipped),
        { order: 'o1' },
        { 'x-signature': 'sig' },
      );
      assert.equal(response.status, 202);
      const body: unknown = await response.json();
      assert.equal(typeof (body as { received?: unknown }).received, 'boolean');
      assert.equal(
        receiver.exchanges()[0]?.verdict,
        'pass',
        JSON.stringify(receiver.exchanges()[0]?.findings),
      );
    });
  });

  test('a webhook without its required header fails', async () => {
    await withReceiver({}, async (receiver) => {
      await postJson(receiver.urlFor(shipped), { order: 'o1' });
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.verdict, 'fail');
      assert.ok(exchange?.findings.some((f) => f.where === '/headers/x-signature'));
    });
  });
});

describe('requests that match no contract', () => {
  test('an unknown path is an unexpected callback naming the nearest contract, answered 404', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await postJson(`${receiver.urlFor(paid)}/invoicez/x/y`, {});
      assert.equal(response.status, 404);
      const [exchange] = receiver.exchanges();
      const finding = exchange?.findings.find((f) => f.check === 'callback.unexpected');
      assert.ok(finding, JSON.stringify(exchange?.findings));
      assert.equal(finding.severity, 'error');
      assert.deepEqual((finding.expected as string[])[0], paid);
      assert.match(finding.message, /Nearest contracts: createInvoice\/invoicePaid\/post/);
      // The message names the path as `actual` and the nearest contracts do: token included.
      assert.ok(
        finding.message.startsWith(
          `Unexpected callback: ${String(finding.actual)} matches no contract.`,
        ),
        finding.message,
      );
      const token = new URL(receiver.urlFor(paid)).pathname.split('/')[1] ?? '';
      assert.ok(token.length > 0 && finding.message.includes(`(POST /${token}/`), finding.message);
      assert.equal(exchange?.contract, undefined);
      assert.equal(receiver.stats().unexpected, 1);
    });
  });

  test('a URL without the token is unexpected; the unmatched status is configurable', async () => {
    await withReceiver({ unmatchedStatus: 410 }, async (receiver) => {
      const response = await postJson(`${receiver.origin}/webhooks/orderShipped`, { order: 'o1' });
      assert.equal(response.status, 410);
      const finding = receiver.exchanges()[0]?.findings[0];
      assert.equal(finding?.check, 'callback.unexpected');
      assert.match(finding?.message ?? '', /token/);
      assert.ok(Array.isArray(finding?.expected) && finding.expected.includes(shipped));
    });
  });

  test('a wrong method on a known URL is method.mismatch, answered 405 with Allow', async () => {
    await withReceiver({}, async (receiver) => {
      const response = await fetch(`${receiver.urlFor(paid)}/invoices/inv-1`, {
        method: 'PUT',
        body: '{}',
      });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.findings[0]?.check, 'method.mismatch');
      assert.equal(exchange?.contract, paid);
      assert.equal(exchange?.verdict, 'fail');
    });
  });
});

describe('scripted behaviour', () => {
  test('a status sequence answers in turn and repeats its last status', async () => {
    await withReceiver(
      { behaviours: { [paid]: { statuses: [503, 503, 200] } } },
      async (receiver) => {
        const url = `${receiver.urlFor(paid)}/invoices/i`;
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const response = await postJson(url, { id: 'i', paid: true });
          await response.arrayBuffer();
          statuses.push(response.status);
        }
        assert.deepEqual(statuses, [503, 503, 200, 200]);
      },
    );
  });

  test('`*` applies to every contract and setBehaviour changes it while running', async () => {
    await withReceiver({ behaviours: { '*': { statuses: [500] } } }, async (receiver) => {
      const first = await postJson(
        receiver.urlFor(shipped),
        { order: 'o' },
        { 'x-signature': 's' },
      );
      assert.equal(first.status, 500);
      receiver.setBehaviour(shipped, { statuses: [201] });
      const second = await postJson(
        receiver.urlFor(shipped),
        { order: 'o' },
        { 'x-signature': 's' },
      );
      assert.equal(second.status, 201);
      assert.throws(() => receiver.setBehaviour('no/such/post', {}), ContractNotFoundError);
    });
  });

  test('a delay holds the answer back', async () => {
    await withReceiver({ behaviours: { [shipped]: { delayMs: 150 } } }, async (receiver) => {
      const started = performance.now();
      const response = await postJson(
        receiver.urlFor(shipped),
        { order: 'o' },
        { 'x-signature': 's' },
      );
      assert.equal(response.status, 202);
      assert.ok(performance.now() - started >= 140);
    });
  });

  test('a dropped connection gives the client a network error and is recorded as dropped', async () => {
    await withReceiver({ behaviours: { [shipped]: { drop: true } } }, async (receiver) => {
      // fetch reports a connection closed before any answer as a TypeError whose cause is the
      // socket error: undici's "other side closed", or a reset if the close races the write.
      await assert.rejects(
        postJson(receiver.urlFor(shipped), { order: 'o' }, { 'x-signature': 's' }),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          const cause: unknown = error.cause;
          const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
          assert.ok(
            code === 'UND_ERR_SOCKET' || code === 'ECONNRESET',
            `expected a closed or reset socket, got ${String(code)}`,
          );
          return true;
        },
      );
      assert.equal(receiver.exchanges()[0]?.answer?.dropped, true);
    });
  });
});

describe('journal, memory and events', () => {
  test('each request is in the journal before its answer reaches the client', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-journal-'));
    const journalPath = join(dir, 'nested', 'exchanges.jsonl');
    await withReceiver({ journalPath }, async (receiver) => {
      for (let i = 1; i <= 3; i++) {
        const response = await postJson(`${receiver.urlFor(paid)}/invoices/n${i}`, {
          id: `n${i}`,
          paid: true,
        });
        // Read the file the moment the answer arrives: the line must already be there.
        const lines = (await readFile(journalPath, 'utf8')).split('\n').filter(Boolean);
        assert.equal(lines.length, i);
        assert.equal(response.status, 200);
        const exchange = parseJournalLine(lines[i - 1] ?? '');
        assert.equal(exchange?.contract, paid);
        assert.equal(
          new TextDecoder().decode(exchange?.request.body),
          `{"id":"n${i}","paid":true}`,
        );
        assert.equal(exchange?.answer?.status, 200);
      }
    });
  });

  test('memory keeps the last maxExchanges; the journal and the counts keep all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-journal-'));
    const journalPath = join(dir, 'all.jsonl');
    await withReceiver({ journalPath, maxExchanges: 5 }, async (receiver) => {
      for (let i = 0; i < 12; i++) {
        await (
          await postJson(`${receiver.urlFor(paid)}/invoices/${i}`, { id: String(i), paid: true })
        ).arrayBuffer();
      }
      assert.equal(receiver.exchanges().length, 5);
      assert.equal(receiver.exchanges()[0]?.id, 'ex-000008');
      assert.equal(receiver.stats().exchanges, 12);
      assert.equal(receiver.stats().passed, 12);
    });
    const lines = (await readFile(journalPath, 'utf8')).split('\n').filter(Boolean);
    assert.equal(lines.length, 12);
  });

  test('subscribers get every exchange until they unsubscribe; onExchange too', async () => {
    const fromOption: Exchange[] = [];
    await withReceiver({ onExchange: (e) => fromOption.push(e) }, async (receiver) => {
      const seen: Exchange[] = [];
      const stop = receiver.subscribe((e) => seen.push(e));
      receiver.subscribe(() => {
        throw new Error('a broken listener must not break the receiver');
      });
      await (
        await postJson(receiver.urlFor(shipped), { order: 'a' }, { 'x-signature': 's' })
      ).arrayBuffer();
      stop();
      await (
        await postJson(receiver.urlFor(shipped), { order: 'b' }, { 'x-signature': 's' })
      ).arrayBuffer();
      assert.equal(seen.length, 1);
      assert.equal(fromOption.length, 2);
    });
  });

  test('extra routes are served under /__callback-verify/ and are not journaled', async () => {
    await withReceiver(
      {
        extraRoutes: {
          dashboard: (_request, response) => {
            response.writeHead(200, { 'content-type': 'text/plain' }).end('dash');
          },
        },
      },
      async (receiver) => {
        const response = await fetch(`${receiver.origin}/__callback-verify/dashboard/events`);
        assert.equal(await response.text(), 'dash');
        const missing = await fetch(`${receiver.origin}/__callback-verify/other`);
        assert.equal(missing.status, 404);
        assert.equal(receiver.stats().exchanges, 0);
      },
    );
  });
});

describe('lifecycle', () => {
  test('a port in use is a ListenError CV_PORT_IN_USE that says what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await assert.rejects(createReceiver(catalogue, { port }), (error: unknown) => {
        assert.ok(error instanceof ListenError);
        assert.equal(error.code, 'CV_PORT_IN_USE');
        assert.match(error.message, new RegExp(`Port ${port}`));
        assert.match(error.hint ?? '', /--port 0/);
        return true;
      });
    } finally {
      blocker.close();
    }
  });

  test('close() ends idle keep-alive connections and resolves promptly', async () => {
    const receiver = await createReceiver(catalogue, { closeGraceMs: 300 });
    const port = Number(new URL(receiver.origin).port);
    const request =
      `POST /${receiver.token}/webhooks/orderShipped HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `X-Signature: s\r\nConnection: keep-alive\r\nContent-Length: 13\r\n\r\n{"order":"o"}`;
    const answered = rawExchange(port, [request]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await receiver.close();
    assert.ok(performance.now() - started < 1000);
    assert.match(await answered, /^HTTP\/1\.1 202/);
  });
});

describe('validator warm-up', () => {
  test('warms the validator up once, after start-up; a failing warm-up changes nothing', async () => {
    for (const fails of [false, true]) {
      const real = createValidator(catalogue.document);
      let warmed = 0;
      const validator: Validator = {
        ...real,
        warmUp() {
          warmed += 1;
          if (fails) throw new Error('set-up failed');
        },
      };
      await withReceiver({ validator }, async (receiver) => {
        assert.equal(warmed, 0, 'not on the way to listening');
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(warmed, 1, 'right after start-up');
        const response = await postJson(`${receiver.urlFor(paid)}/invoices/inv-1`, {
          id: 'inv-1',
          paid: true,
        });
        assert.equal(response.status, 200);
        assert.equal(receiver.exchanges()[0]?.verdict, 'pass');
        assert.equal(warmed, 1);
      });
    }
  });
});

describe('signature verification', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = JSON.stringify({ order: 'o1' });
  const bytes = new TextEncoder().encode(body);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const cases: Array<{
    name: string;
    verify: NonNullable<Parameters<typeof createReceiver>[1]>['verifySignature'];
    headers: () => Promise<Record<string, string>>;
    want: string[];
  }> = [
    {
      name: 'valid',
      verify: { scheme: 'hmac-sha256', secret },
      headers: () => signRequest('hmac-sha256', secret, { body: bytes }),
      want: [],
    },
    {
      name: 'missing',
      verify: { scheme: 'standard-webhooks', secret },
      headers: async () => ({ 'x-signature': 's' }),
      want: ['signature.missing'],
    },
    {
      name: 'mismatch',
      verify: { scheme: 'hmac-sha256', secret },
      headers: () => signRequest('hmac-sha256', secret, { body: new TextEncoder().encode('{}') }),
      want: ['signature.mismatch'],
    },
    {
      name: 'stale',
      verify: { scheme: 'standard-webhooks', secret },
      headers: async () => ({
        'x-signature': 's',
        ...(await signRequest('standard-webhooks', secret, { body: bytes, timestamp: hourAgo })),
      }),
      want: ['signature.stale'],
    },
    {
      name: 'old but within a wider tolerance',
      verify: { scheme: 'standard-webhooks', secret, toleranceSeconds: 7_200 },
      headers: async () => ({
        'x-signature': 's',
        ...(await signRequest('standard-webhooks', secret, { body: bytes, timestamp: hourAgo })),
      }),
      want: [],
    },
  ];
  for (const { name, verify, headers, want } of cases) {
    test(`${name}: signature findings ${JSON.stringify(want)}, in the exchange and its journal line`, async () => {
      const journalPath = join(await mkdtemp(join(tmpdir(), 'cv-sig-')), 'journal.jsonl');
      const seen: Exchange[] = [];
      await withReceiver(
        { verifySignature: verify, journalPath, onExchange: (e) => seen.push(e) },
        async (receiver) => {
          const response = await fetch(receiver.urlFor(shipped), {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(await headers()) },
            body,
          });
          assert.equal(response.status, 202, "the answer stays the contract's");
        },
      );
      const [exchange] = seen;
      const checks = (exchange?.findings ?? [])
        .map((f) => f.check)
        .filter((c) => c.startsWith('signature.'));
      assert.deepEqual(checks, want);
      assert.equal(exchange?.verdict, want.length === 0 ? 'pass' : 'fail');
      if (want.length > 0) {
        assert.equal(exchange?.findings.find((f) => f.check === want[0])?.contract, shipped);
      }
      const [line] = (await readFile(journalPath, 'utf8')).trim().split('\n');
      const journaled = parseJournalLine(line ?? '');
      assert.deepEqual(
        journaled?.findings.map((f) => f.check).filter((c) => c.startsWith('signature.')),
        want,
      );
    });
  }

  test('an unexpected request is not signature-checked; an unusable secret stops start-up', async () => {
    await withReceiver({ verifySignature: { scheme: 'hmac-sha256', secret } }, async (receiver) => {
      await postJson(`${receiver.origin}/${receiver.token}/nowhere`, {});
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.contract, undefined);
      assert.ok(!exchange?.findings.some((f) => f.check.startsWith('signature.')));
    });
    await assert.rejects(
      createReceiver(catalogue, { verifySignature: { scheme: 'github', secret: '' } }),
      SignatureConfigError,
    );
  });
});
