import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendReport } from '../src/report/sample-reports.test-fixture.ts';
import { withMockEndFindings } from './with-mock-end-findings.ts';

// sendReport holds one delivery, so one callback was handled.
test('withMockEndFindings: --expect unmet adds a mock.expect error and recounts the summary', () => {
  const cases: Array<{ name: string; expect: number | undefined; added: boolean }> = [
    { name: 'no --expect', expect: undefined, added: false },
    { name: '--expect reached', expect: 1, added: false },
    { name: '--expect missed', expect: 3, added: true },
  ];
  for (const { name, expect, added } of cases) {
    const report = withMockEndFindings(sendReport, expect, { kind: 'timeout' });
    const finding = report.findings.find((item) => item.check === 'mock.expect');
    assert.equal(finding !== undefined, added, name);
    if (!added) {
      assert.equal(report, sendReport, `${name}: the report is returned as it was`);
      continue;
    }
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.expected, 3);
    assert.equal(finding?.actual, 1);
    assert.match(
      finding?.message ?? '',
      /Expected 3 callback\(s\) but 1 were handled .*\(timeout\)/,
    );
    assert.equal(report.summary.errors, sendReport.summary.errors + 1);
    assert.equal(report.summary.conformant, false);
  }
});
