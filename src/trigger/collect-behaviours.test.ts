import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectBehaviours } from './collect-behaviours.ts';
import { sentTrigger } from './sent-trigger.test-fixture.ts';

test("collectBehaviours: the run's behaviours, then each trigger's over them", () => {
  const triggers = [
    sentTrigger('a', {}, { behaviours: { 'x/cb/post': { statuses: [503, 200] } } }).trigger,
    sentTrigger('b', {}, { behaviours: { 'y/cb/post': { drop: true } } }).trigger,
  ];
  const cases: Array<[string, Parameters<typeof collectBehaviours>[0], object]> = [
    [
      'none',
      { behaviours: {} },
      { 'x/cb/post': { statuses: [503, 200] }, 'y/cb/post': { drop: true } },
    ],
    [
      'global and per operation',
      { behaviours: { '*': { delayMs: 5 }, 'x/cb/post': { statuses: [500] } } },
      { '*': { delayMs: 5 }, 'x/cb/post': { statuses: [503, 200] }, 'y/cb/post': { drop: true } },
    ],
  ];
  for (const [name, options, want] of cases) {
    assert.deepEqual(collectBehaviours(options, triggers), want, name);
  }
});
