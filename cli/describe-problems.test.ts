import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../src/validate/finding.ts';
import { describeProblems } from './describe-problems.ts';

const finding = (message: string, severity: Finding['severity'] = 'error'): Finding => ({
  check: 'x',
  severity,
  message,
});

test('describeProblems: the first two non-info messages, joined as sentences, and how many more', () => {
  const cases: Array<{ findings: Finding[]; want: string }> = [
    { findings: [], want: '' },
    { findings: [finding('fine', 'info')], want: '' },
    { findings: [finding('a')], want: ' — a.' },
    { findings: [finding('a'), finding('b', 'warning')], want: ' — a. b.' },
    {
      findings: [finding('i', 'info'), finding('a'), finding('b'), finding('c')],
      want: ' — a. b. (+1 more)',
    },
    {
      findings: [finding('a'), finding('b'), finding('c'), finding('d')],
      want: ' — a. b. (+2 more)',
    },
    // Messages are sentences already: no stray ".;" where two meet.
    {
      findings: [
        finding('The document declares no 2xx; answer with a 2xx.'),
        finding('Status 404 is not a declared response.'),
      ],
      want: ' — The document declares no 2xx; answer with a 2xx. Status 404 is not a declared response.',
    },
    { findings: [finding('Is it right?'), finding(' spaced. ')], want: ' — Is it right? spaced.' },
  ];
  for (const { findings, want } of cases) assert.equal(describeProblems(findings), want);
});
