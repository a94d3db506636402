import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange, ReceiverAnswer } from '../receive/exchange.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';

const cases: Array<{ answer: ReceiverAnswer | undefined; want: boolean }> = [
  { answer: { status: 200, headers: {}, body: '' }, want: false },
  { answer: { status: 204, headers: {}, body: '' }, want: false },
  { answer: { status: 400, headers: {}, body: '' }, want: false },
  { answer: { status: 405, headers: {}, body: '' }, want: false },
  { answer: { status: 408, headers: {}, body: '' }, want: true },
  { answer: { status: 429, headers: {}, body: '' }, want: true },
  { answer: { status: 500, headers: {}, body: '' }, want: true },
  { answer: { status: 503, headers: {}, body: '' }, want: true },
  { answer: { status: 200, headers: {}, body: '', dropped: true }, want: true },
  { answer: undefined, want: true },
];

for (const { answer, want } of cases) {
  test(`isRetryableAnswer: ${answer === undefined ? 'no answer' : `${answer.status}${answer.dropped ? ' dropped' : ''}`} → ${want}`, () => {
    const exchange: Exchange = {
      id: 'ex-1',
      receivedAt: new Date(0).toISOString(),
      request: { method: 'POST', url: '/', headers: {}, body: new Uint8Array() },
      findings: [],
      verdict: 'pass',
      ...(answer === undefined ? {} : { answer }),
    };
    assert.equal(isRetryableAnswer(exchange), want);
  });
}
