import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Catalogue } from '../spec/contract.ts';
import { createAnswerBook } from './create-answer-book.ts';
import { loadFixtureCatalogue } from './receiver.test-fixture.ts';

const paid = 'createInvoice/invoicePaid/post';
const notify = 'subscribe/notify/post';
const shipped = 'webhook/orderShipped/post';

let catalogue: Catalogue;
before(async () => {
  catalogue = await loadFixtureCatalogue();
});

const declared: Array<{
  contract: string;
  status: number;
  contentType?: string;
  body: string | RegExp;
}> = [
  { contract: paid, status: 200, contentType: 'application/json', body: '{"ok":true}' },
  { contract: notify, status: 204, body: '' },
  {
    contract: shipped,
    status: 202,
    contentType: 'application/json',
    body: /^\{"received":(true|false)\}$/,
  },
];

for (const { contract, status, contentType, body } of declared) {
  test(`without a script ${contract} answers its lowest declared 2xx (${status})`, () => {
    const { answer, delayMs } = createAnswerBook(catalogue).next(contract);
    assert.equal(answer.status, status);
    assert.equal(answer.headers['content-type'], contentType);
    if (typeof body === 'string') assert.equal(answer.body, body);
    else assert.match(answer.body, body);
    assert.equal(delayMs, 0);
    assert.equal(answer.dropped, undefined);
  });
}

test('a status sequence is walked per contract, `*` included, and the last status repeats', () => {
  const book = createAnswerBook(catalogue, {
    '*': { statuses: [503, 200] },
    [paid]: { statuses: [500, 503, 200] },
  });
  const walk = (id: string, n: number): number[] =>
    Array.from({ length: n }, () => book.next(id).answer.status);
  assert.deepEqual(walk(paid, 4), [500, 503, 200, 200]);
  assert.deepEqual(walk(shipped, 3), [503, 200, 200]);
  assert.deepEqual(walk(notify, 2), [503, 200], 'each contract starts its own copy of `*`');
});

test('a scripted status uses the declared response of that status, else an empty body', () => {
  const book = createAnswerBook(catalogue, { [paid]: { statuses: [503, 418] } });
  assert.deepEqual(book.next(paid).answer, { status: 503, headers: {}, body: '' });
  assert.deepEqual(book.next(paid).answer, { status: 418, headers: {}, body: '' });
});

test('set replaces a script and starts it over; drop and delay come through', () => {
  const book = createAnswerBook(catalogue, { [paid]: { statuses: [503, 200] } });
  assert.equal(book.next(paid).answer.status, 503);
  book.set(paid, { statuses: [502, 200], delayMs: 25, drop: true });
  const next = book.next(paid);
  assert.equal(next.answer.status, 502);
  assert.equal(next.answer.dropped, true);
  assert.equal(next.delayMs, 25);
});

test('answers handed out are copies: changing one does not change the next', () => {
  const book = createAnswerBook(catalogue);
  const first = book.next(paid).answer;
  first.headers['content-type'] = 'text/plain';
  first.dropped = true;
  const second = book.next(paid).answer;
  assert.equal(second.headers['content-type'], 'application/json');
  assert.equal(second.dropped, undefined);
});

test('each trigger walks its own copy of the sequence; requests without one share the contract’s', () => {
  const book = createAnswerBook(catalogue, { [paid]: { statuses: [503, 503, 200] } });
  const next = (trigger?: string): number => book.next(paid, trigger).answer.status;
  // Interleaved as concurrent triggers' retries arrive.
  assert.deepEqual(
    [next('t1'), next('t2'), next('t1'), next('t2'), next('t1'), next('t2')],
    [503, 503, 503, 503, 200, 200],
  );
  assert.deepEqual([next(), next(), next(), next()], [503, 503, 200, 200]);
  assert.equal(next('t3'), 503, 'a new trigger starts from the beginning');
  book.set(paid, { statuses: [502, 200] });
  assert.deepEqual([next('t1'), next('t1'), next()], [502, 200, 502], 'set starts every copy over');
});
