import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conformantRun, failingRun } from '../sample-reports.test-fixture.ts';
import { createPublishedSource } from './create-published-source.ts';
import type { DashboardChange } from './types.ts';

/** A live thing that counts its followers and can fire events at them. */
function upstream(): {
  follow: (on: (n: number) => void) => () => void;
  fire: (n: number) => void;
  followers: () => number;
} {
  const followers = new Set<(n: number) => void>();
  return {
    follow(on) {
      followers.add(on);
      return () => followers.delete(on);
    },
    fire: (n) => {
      for (const on of followers) on(n);
    },
    followers: () => followers.size,
  };
}

test('createPublishedSource follows the live thing only while a page listens', () => {
  const live = upstream();
  const source = createPublishedSource(
    () => failingRun,
    live.follow,
    () => ({}),
  );
  assert.equal(live.followers(), 0);
  const stopA = source.subscribe(() => {});
  const stopB = source.subscribe(() => {});
  assert.equal(live.followers(), 1);
  stopA();
  assert.equal(live.followers(), 1);
  stopB();
  assert.equal(live.followers(), 0);
});

test('createPublishedSource passes live changes on until a report is published, then shows it', () => {
  const live = upstream();
  const source = createPublishedSource(
    () => failingRun,
    live.follow,
    (n): DashboardChange => ({ replaced: n === 0 }),
  );
  const seen: DashboardChange[] = [];
  source.subscribe(() => {
    throw new Error('a broken page feed');
  });
  source.subscribe((change) => seen.push(change));
  live.fire(1);
  source.changed();
  assert.equal(source.snapshot(), failingRun);
  source.publish(conformantRun);
  live.fire(1);
  assert.deepEqual(seen, [{ replaced: false }, {}, { replaced: true }]);
  assert.equal(source.snapshot(), conformantRun);
});
