import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RecordedRequest, startRecordingReceiver } from './recording-receiver.ts';
import { spawnProgram } from './spawn-program.ts';

const program = new URL('./invoices.ts', import.meta.url).pathname;
const invoice = { id: 'inv-1001', title: null, customer: 'ACME Corporation', total: 1250.5 };

interface Row {
  fault: string;
  args?: string[];
  statuses?: number[];
  /** Requests the receiver must get (0: wait 400 ms and assert none came). */
  count: number;
  check: (requests: RecordedRequest[], triggeredAt: number) => void;
  response?: unknown;
}

const paid = { description: 'Invoice inv-1001 paid in full by ACME Corporation', paid: true };
const body = (request: RecordedRequest | undefined): unknown => JSON.parse(request?.body ?? '');
const key = (request: RecordedRequest | undefined): unknown => request?.headers['idempotency-key'];

const rows: Row[] = [
  {
    fault: 'none',
    count: 1,
    check: ([request]) => {
      assert.equal(request?.method, 'POST');
      assert.equal(request?.url, '/cb/invoices/inv-1001');
      assert.deepEqual(body(request), paid);
      assert.equal(request?.headers['content-type'], 'application/json');
      assert.match(String(key(request)), /^[0-9a-f-]{36}$/);
    },
  },
  {
    fault: 'wrong-type',
    count: 1,
    check: ([request]) => assert.deepEqual(body(request), { ...paid, paid: 'yes' }),
  },
  {
    fault: 'missing-field',
    count: 1,
    check: ([request]) => assert.deepEqual(body(request), { description: paid.description }),
  },
  {
    fault: 'wrong-path',
    count: 1,
    check: ([request]) => assert.equal(request?.url, '/cb/invoice/inv-1001'),
  },
  {
    fault: 'wrong-id',
    count: 1,
    check: ([request]) => assert.equal(request?.url, '/cb/invoices/other-inv-1001'),
  },
  {
    fault: 'wrong-method',
    count: 1,
    check: ([request]) => {
      assert.equal(request?.method, 'PUT');
      assert.equal(request?.url, '/cb/invoices/inv-1001');
    },
  },
  { fault: 'no-callback', count: 0, check: () => {} },
  {
    fault: 'late',
    args: ['--late-ms', '600'],
    count: 1,
    check: ([request], triggeredAt) => assert.ok((request?.at ?? 0) - triggeredAt >= 550),
  },
  {
    fault: 'duplicate',
    count: 2,
    check: ([first, second]) => {
      assert.deepEqual(body(first), body(second));
      assert.equal(key(first), key(second));
    },
  },
  {
    fault: 'retry',
    statuses: [503, 503, 200],
    count: 3,
    check: (requests) => {
      assert.equal(new Set(requests.map(key)).size, 1);
      assert.deepEqual(
        requests.map((r) => r.status),
        [503, 503, 200],
      );
      const gap = (requests[2]?.at ?? 0) - (requests[1]?.at ?? 0);
      assert.ok(gap >= 180 && gap < 1000, `gap ${gap} ms`);
    },
  },
  {
    fault: 'retry',
    args: ['--attempts', '3', '--retry-backoff-ms', '20'],
    statuses: [503],
    count: 3,
    check: (requests) => assert.equal(requests.length, 3),
  },
  {
    fault: 'retry-new-key',
    args: ['--retry-backoff-ms', '20'],
    statuses: [503, 503, 200],
    count: 3,
    check: (requests) => assert.equal(new Set(requests.map(key)).size, 3),
  },
  {
    fault: 'bad-response',
    count: 1,
    response: { msg: 42 },
    check: ([request]) => assert.deepEqual(body(request), paid),
  },
];

describe('invoices.ts sends what each fault promises', { concurrency: 4 }, () => {
  for (const row of rows) {
    const name = [row.fault, ...(row.args ?? []), ...(row.statuses ?? [])].join(' ');
    test(name, async () => {
      const receiver = await startRecordingReceiver(row.statuses);
      const provider = await spawnProgram(program, ['--fault', row.fault, ...(row.args ?? [])]);
      try {
        const triggeredAt = performance.now();
        const response = await fetch(
          `${provider.origin}/invoices/?callback_url=${encodeURIComponent(`${receiver.origin}/cb`)}`,
          {
            method: 'POST',
            body: JSON.stringify(invoice),
            headers: { 'content-type': 'application/json' },
          },
        );
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), row.response ?? { msg: 'Invoice received' });
        if (row.count === 0) await new Promise((resolve) => setTimeout(resolve, 400));
        const requests = await receiver.waitFor(row.count);
        // Give a stray extra delivery the chance to show up.
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(receiver.requests.length, row.count, provider.stderr());
        row.check(requests, triggeredAt);
        // The provider logs a delivery once it is answered; the log line may trail the request.
        const logged = row.count === 0 ? /no callback/ : /callback attempt 1\//;
        for (let wait = 0; wait < 100 && !logged.test(provider.stderr()); wait++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.match(provider.stderr(), logged);
      } finally {
        assert.equal(await provider.stop(), 0);
        await receiver.close();
      }
    });
  }
});

describe('invoices.ts trigger handling', () => {
  test('answers 422 in FastAPI shape for an invalid invoice, 404 and 405 elsewhere', async () => {
    const provider = await spawnProgram(program, ['--quiet']);
    try {
      const invalid = await fetch(`${provider.origin}/invoices?callback_url=ftp:x`, {
        method: 'POST',
        body: JSON.stringify({ id: 7, customer: 'ACME' }),
      });
      assert.equal(invalid.status, 422);
      const { detail } = (await invalid.json()) as { detail: Array<{ loc: unknown[] }> };
      assert.deepEqual(
        detail.map((d) => d.loc.join('.')),
        ['query.callback_url', 'body.id', 'body.total'],
      );
      assert.equal((await fetch(`${provider.origin}/invoices`)).status, 405);
      assert.equal((await fetch(`${provider.origin}/nope`, { method: 'POST' })).status, 404);
    } finally {
      await provider.stop();
    }
  });
});
