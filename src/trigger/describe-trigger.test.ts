import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../validate/finding.ts';
import { describeTrigger } from './describe-trigger.ts';
import { sentTrigger } from './sent-trigger.test-fixture.ts';

const declared: Finding = { check: 'response.status', severity: 'error', message: 'undeclared' };
const validator = { checkResponse: (): Finding[] => [declared] };

test('describeTrigger: a response is checked; no response is trigger.failed; fields as sent', () => {
  const answered = describeTrigger(
    sentTrigger(
      'a',
      { status: 201, parsedBody: { id: 1 }, sentAt: 10, respondedAt: 12.3456 },
      {
        body: { amount: 1 },
      },
    ),
    validator,
  );
  assert.deepEqual(answered, {
    id: 'createInvoice#a',
    operationId: 'createInvoice',
    method: 'POST',
    url: 'http://provider/invoices',
    requestBody: { amount: 1 },
    status: 201,
    responseBody: { id: 1 },
    durationMs: 2.35,
    findings: [declared],
  });
  const cases: Array<[string, Parameters<typeof sentTrigger>[1], RegExp]> = [
    [
      'refused',
      { status: undefined, error: 'connect ECONNREFUSED' },
      /got no response: connect ECONNREFUSED\.$/,
    ],
    ['no status', { status: undefined }, /got no response: unknown error\.$/],
  ];
  for (const [name, overrides, want] of cases) {
    const failed = describeTrigger(sentTrigger('b', overrides), validator);
    assert.equal(failed.findings.length, 1, name);
    assert.equal(failed.findings[0]?.check, 'trigger.failed', name);
    assert.equal(failed.findings[0]?.severity, 'error', name);
    assert.match(failed.findings[0]?.message ?? '', want, name);
    assert.equal(failed.status, undefined, name);
  }
});
