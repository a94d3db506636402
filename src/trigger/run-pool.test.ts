import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runPool } from './run-pool.ts';

test('runPool keeps order and never exceeds the concurrency', async () => {
  let inFlight = 0;
  let peak = 0;
  const results = await runPool([5, 1, 3, 2, 4, 0], 3, async (n) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, n * 3));
    inFlight -= 1;
    return n * 10;
  });
  assert.deepEqual(results, [50, 10, 30, 20, 40, 0]);
  assert.equal(peak, 3);
});

test('runPool with no items resolves to an empty list', async () => {
  assert.deepEqual(await runPool([], 4, async () => 1), []);
});
