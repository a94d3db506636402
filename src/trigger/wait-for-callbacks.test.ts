import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentTrigger } from './sent-trigger.test-fixture.ts';
import type { RunProgressEvent } from './types.ts';
import { waitForCallbacks } from './wait-for-callbacks.ts';

const windows = { graceMs: 20, lateWindowMs: 60 };

test('waitForCallbacks: nothing sent, nothing to wait for', async () => {
  const started = performance.now();
  await waitForCallbacks(
    [],
    () => 1,
    windows,
    () => {},
  );
  assert.ok(performance.now() - started < 20);
});

test('waitForCallbacks: with callbacks outstanding, waits past the deadline for the late window', async () => {
  const events: RunProgressEvent[] = [];
  const sent = [sentTrigger('a', { respondedAt: Date.now() }, { timeoutMs: 40 })];
  const started = Date.now();
  await waitForCallbacks(
    sent,
    () => 1,
    { ...windows, onProgress: (e) => events.push(e) },
    () => {},
  );
  assert.ok(Date.now() - started >= 95, 'deadline plus the late window');
  assert.equal(events[0]?.type, 'waiting');
});

test('waitForCallbacks: the last callback wakes it, then only the grace window passes', async () => {
  let outstanding = 1;
  let wake: (() => void) | undefined;
  const sent = [sentTrigger('a', { respondedAt: Date.now() }, { timeoutMs: 5_000 })];
  const started = Date.now();
  setTimeout(() => {
    outstanding = 0;
    wake?.();
  }, 30);
  await waitForCallbacks(
    sent,
    () => outstanding,
    windows,
    (resolve) => {
      wake = resolve;
    },
  );
  const took = Date.now() - started;
  assert.ok(took >= 45 && took < 1_000, `took ${took} ms`);
});

test('waitForCallbacks: an abort ends the wait at once', async () => {
  const controller = new AbortController();
  const sent = [sentTrigger('a', { respondedAt: Date.now() }, { timeoutMs: 5_000 })];
  const started = Date.now();
  setTimeout(() => controller.abort(), 20);
  await waitForCallbacks(
    sent,
    () => 1,
    { ...windows, signal: controller.signal },
    () => {},
  );
  assert.ok(Date.now() - started < 1_000);
});
