import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportCommand } from './report.ts';
import { unitNoun } from './unit-noun.ts';

const cases: Array<{ command: ReportCommand; want: [string, string] }> = [
  { command: 'run', want: ['expected callback', 'expected callbacks'] },
  { command: 'listen', want: ['contract', 'contracts'] },
  { command: 'mock', want: ['delivery', 'deliveries'] },
  { command: 'send', want: ['delivery', 'deliveries'] },
];
for (const { command, want } of cases) {
  test(`unitNoun ${command}`, () => assert.deepEqual(unitNoun(command), want));
}
