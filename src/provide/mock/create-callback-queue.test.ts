import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReceivedTrigger } from './build-trigger-context.ts';
import { createCallbackQueue, type QueuedCallbacks } from './create-callback-queue.ts';

const received: ReceivedTrigger = {
  url: 'http://127.0.0.1/x',
  method: 'post',
  headers: {},
  query: {},
  path: {},
  body: undefined,
  status: 200,
  responseHeaders: {},
  responseBody: undefined,
};
const entry = (trigger: string): QueuedCallbacks => ({ contracts: [], trigger, received });

test('createCallbackQueue fires each entry after the delay; idle waits for all of them', async () => {
  const fired: string[] = [];
  const queue = createCallbackQueue(20, async (item) => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    fired.push(item.trigger);
  });
  const started = performance.now();
  queue.schedule(entry('a#1'));
  queue.schedule(entry('b#1'));
  assert.deepEqual(fired, [], 'nothing fires before the delay');
  await queue.idle();
  assert.deepEqual(fired, ['a#1', 'b#1']);
  assert.ok(performance.now() - started >= 25, 'delay, then the firing itself');
});

test('cancelWaiting takes back what waits; it never fires, and settled waits for what fires', async () => {
  const fired: string[] = [];
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const queue = createCallbackQueue(0, async (item) => {
    if (item.trigger === 'slow#1') await gate;
    fired.push(item.trigger);
  });
  queue.schedule(entry('slow#1'));
  await new Promise((resolve) => setTimeout(resolve, 10));
  const late = createCallbackQueue(60_000, async (item) => {
    fired.push(item.trigger);
  });
  late.schedule(entry('late#1'));
  assert.deepEqual(
    late.cancelWaiting().map((item) => item.trigger),
    ['late#1'],
  );
  assert.deepEqual(late.cancelWaiting(), [], 'taken back once');
  await late.idle();
  const settled = queue.settled();
  release();
  await settled;
  assert.deepEqual(fired, ['slow#1']);
});
