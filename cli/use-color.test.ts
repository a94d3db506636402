import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useColor } from './use-color.ts';

test('useColor: a terminal, no --no-color and no NO_COLOR', () => {
  const cases: Array<[boolean | undefined, boolean | undefined, NodeJS.ProcessEnv, boolean]> = [
    [undefined, true, {}, true],
    [true, true, {}, true],
    [false, true, {}, false],
    [undefined, false, {}, false],
    [undefined, undefined, {}, false],
    [undefined, true, { NO_COLOR: '' }, false],
    [undefined, true, { NO_COLOR: '1' }, false],
  ];
  for (const [flag, terminal, env, want] of cases) {
    assert.equal(useColor(flag, terminal, env), want, JSON.stringify([flag, terminal, env]));
  }
});
