import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from './exchange.ts';
import { createExchangeRing } from './exchange-ring.ts';

function exchange(n: number, size = 0): Exchange {
  return {
    id: `ex-${n}`,
    receivedAt: '',
    request: { method: 'POST', url: '/', headers: {}, body: new Uint8Array(size) },
    findings: [],
    verdict: 'pass',
  };
}

const cases: Array<{ capacity: number; pushed: number; want: string[] }> = [
  { capacity: 3, pushed: 0, want: [] },
  { capacity: 3, pushed: 2, want: ['ex-1', 'ex-2'] },
  { capacity: 3, pushed: 3, want: ['ex-1', 'ex-2', 'ex-3'] },
  { capacity: 3, pushed: 7, want: ['ex-5', 'ex-6', 'ex-7'] },
  { capacity: 0, pushed: 4, want: [] },
];

for (const { capacity, pushed, want } of cases) {
  test(`a ring of ${capacity} after ${pushed} pushes keeps ${want.length}, oldest first`, () => {
    const ring = createExchangeRing(capacity);
    for (let n = 1; n <= pushed; n++) ring.push(exchange(n));
    assert.deepEqual(
      ring.list().map((e) => e.id),
      want,
    );
  });
}

test('past the body budget the oldest exchanges go, but the newest always stays', () => {
  const ring = createExchangeRing(100, 250);
  for (let n = 1; n <= 5; n++) ring.push(exchange(n, 100));
  assert.deepEqual(
    ring.list().map((e) => e.id),
    ['ex-4', 'ex-5'],
  );
  ring.push(exchange(6, 1000));
  assert.deepEqual(
    ring.list().map((e) => e.id),
    ['ex-6'],
  );
});

test('a long run keeps exactly the last ones after compaction', () => {
  const ring = createExchangeRing(3);
  for (let n = 1; n <= 5000; n++) ring.push(exchange(n));
  assert.deepEqual(
    ring.list().map((e) => e.id),
    ['ex-4998', 'ex-4999', 'ex-5000'],
  );
});
