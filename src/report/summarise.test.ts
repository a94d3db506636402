import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportSummary } from './report.ts';
import {
  conformantRun,
  failingRun,
  listenReport,
  sendReport,
} from './sample-reports.test-fixture.ts';
import { summarise } from './summarise.ts';

describe('summarise', () => {
  const cases: Array<{
    name: string;
    given: Parameters<typeof summarise>[0];
    want: ReportSummary;
  }> = [
    {
      name: 'conformant run',
      given: conformantRun,
      want: {
        contracts: 1,
        exchanges: 1,
        passed: 1,
        failed: 0,
        missing: 0,
        unexpected: 0,
        errors: 0,
        warnings: 0,
        conformant: true,
      },
    },
    {
      name: 'failing run counts expectations and distinct findings',
      given: failingRun,
      // paid + header + duplicate + missing + unexpected = 5 errors; trigger + lint = 2 warnings.
      want: {
        contracts: 3,
        exchanges: 4,
        passed: 0,
        failed: 2,
        missing: 1,
        unexpected: 1,
        errors: 5,
        warnings: 2,
        conformant: false,
      },
    },
    {
      name: 'listen counts contracts; not-exercised is neither passed nor failed',
      given: listenReport,
      want: {
        contracts: 4,
        exchanges: 2,
        passed: 1,
        failed: 1,
        missing: 1,
        unexpected: 0,
        errors: 2,
        warnings: 0,
        conformant: false,
      },
    },
    {
      name: 'send counts deliveries',
      given: sendReport,
      want: {
        contracts: 0,
        exchanges: 0,
        passed: 0,
        failed: 1,
        missing: 0,
        unexpected: 0,
        errors: 1,
        warnings: 0,
        conformant: false,
      },
    },
    {
      name: 'an error finding alone makes a report non-conformant',
      given: {
        ...conformantRun,
        findings: [{ check: 'provider.exit', severity: 'error', message: 'provider exited 1' }],
      },
      want: { ...conformantRun.summary, errors: 1, conformant: false },
    },
    {
      name: 'warnings and info findings keep a report conformant',
      given: {
        ...conformantRun,
        findings: [
          { check: 'spec.lint', severity: 'warning', message: 'w' },
          { check: 'spec.note', severity: 'info', message: 'i' },
        ],
      },
      want: { ...conformantRun.summary, warnings: 1, conformant: true },
    },
    {
      name: 'a late callback fails its expectation',
      given: {
        ...conformantRun,
        expectations: conformantRun.expectations.map((e) => ({ ...e, status: 'late' as const })),
      },
      want: { ...conformantRun.summary, passed: 0, failed: 1, conformant: false },
    },
    {
      name: 'a run callback no expectation answers is unexpected',
      given: { ...conformantRun, expectations: [] },
      want: { ...conformantRun.summary, passed: 0, unexpected: 1, conformant: false },
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      assert.deepEqual(summarise(given), want);
    });
  }
});
