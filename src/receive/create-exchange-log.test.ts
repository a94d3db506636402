import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExchangeLog } from './create-exchange-log.ts';
import type { Journal } from './create-journal.ts';
import type { Exchange } from './exchange.ts';
import { createExchangeRing } from './exchange-ring.ts';
import type { PlannedExchange } from './plan-exchange.ts';

const request = { method: 'POST', url: '/', headers: {}, body: new Uint8Array(0) };
const ok: PlannedExchange = {
  contract: 'a',
  findings: [],
  answer: { status: 200, headers: {}, body: '' },
  delayMs: 0,
};
const bad: PlannedExchange = {
  findings: [{ check: 'x', severity: 'error', message: 'm' }],
  answer: { status: 404, headers: {}, body: '' },
  delayMs: 0,
};

test('createExchangeLog: numbers exchanges, judges them by their findings and counts them', () => {
  const ring = createExchangeRing(10);
  const log = createExchangeLog(ring);
  const first = log.make('t', request, ok);
  const second = log.make('t', request, bad);
  assert.deepEqual([first.id, first.verdict, first.contract], ['ex-000001', 'pass', 'a']);
  assert.deepEqual([second.id, second.verdict, second.contract], ['ex-000002', 'fail', undefined]);
  assert.equal(log.record(first), undefined, 'nothing to wait for without a journal');
  log.record(second);
  assert.deepEqual(log.stats(), {
    exchanges: 2,
    passed: 1,
    failed: 1,
    unexpected: 1,
    byContract: { a: { passed: 1, failed: 0 } },
  });
  assert.deepEqual(
    ring.list().map((exchange) => exchange.id),
    ['ex-000001', 'ex-000002'],
  );
});

test('createExchangeLog: a failed journal write is a warning finding; a throwing listener stops no one', async () => {
  const journal: Journal = {
    append: () => Promise.reject(new Error('disk full')),
    close: () => Promise.resolve(),
  };
  const log = createExchangeLog(createExchangeRing(10), journal);
  const exchange = log.make('t', request, ok);
  await log.record(exchange);
  assert.equal(exchange.findings[0]?.check, 'journal.write');
  assert.match(exchange.findings[0]?.message ?? '', /disk full/);
  const seen: Exchange[] = [];
  log.subscribe(() => {
    throw new Error('listener bug');
  });
  const unsubscribe = log.subscribe((one) => seen.push(one));
  log.notify(exchange);
  unsubscribe();
  log.notify(exchange);
  assert.equal(seen.length, 1);
});
