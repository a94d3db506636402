import assert from 'node:assert/strict';
import { test } from 'node:test';
import { receivesExchanges } from './receives-exchanges.ts';
import type { ReportCommand } from './report.ts';

test('receivesExchanges: only run and listen receive requests', () => {
  const cases: Array<[ReportCommand, boolean]> = [
    ['run', true],
    ['listen', true],
    ['mock', false],
    ['send', false],
  ];
  for (const [command, want] of cases) assert.equal(receivesExchanges(command), want, command);
});
