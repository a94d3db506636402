import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContractNotFoundError } from '../errors.ts';
import type { Exchange } from '../receive/exchange.ts';
import type { ContractResult, Expectation } from '../report/report.ts';
import type { Contract } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import { describeContracts } from './describe-contracts.ts';
import { fixtureOperation } from './sent-trigger.test-fixture.ts';

const contract: Contract = {
  id: 'createInvoice/paid/post',
  kind: 'callback',
  name: 'paid',
  method: 'post',
  operation: { ...fixtureOperation, pointer: '/cb' },
  trigger: fixtureOperation,
  pointer: '/cb',
};
const expectation = (status: Expectation['status']): Expectation => ({
  trigger: 'createInvoice#1',
  contract: contract.id,
  status,
  exchanges: [],
  findings: [],
});
const exchange = (verdict: Exchange['verdict']): Exchange => ({
  id: 'ex-000001',
  receivedAt: '2026-01-01T00:00:00.000Z',
  request: { method: 'post', url: '/', headers: {}, body: new Uint8Array() },
  findings: [],
  verdict,
  contract: contract.id,
});
const receiver = { urlFor: (id: string): string => `http://127.0.0.1:9/R/${id}` };
const planningError: Finding = {
  check: 'x',
  severity: 'error',
  contract: contract.id,
  message: 'm',
};

test('describeContracts: a verdict per contract from its expectations, exchanges and findings', () => {
  const cases: Array<[string, Expectation[], Exchange[], Finding[], ContractResult['verdict']]> = [
    ['nothing', [], [], [], 'not-exercised'],
    ['received and passed', [expectation('received')], [exchange('pass')], [], 'pass'],
    ['missing', [expectation('missing'), expectation('received')], [], [], 'missing'],
    ['late', [expectation('late')], [exchange('pass')], [], 'fail'],
    ['an exchange failed', [expectation('received')], [exchange('fail')], [], 'fail'],
    ['received with no expectation', [], [exchange('pass')], [], 'fail'],
    ['a planning error', [expectation('received')], [exchange('pass')], [planningError], 'fail'],
  ];
  for (const [name, expectations, exchanges, findings, verdict] of cases) {
    const [result] = describeContracts([contract], expectations, exchanges, findings, receiver);
    assert.equal(result?.verdict, verdict, name);
  }
});

test('describeContracts: the report fields, and no receiver URL for a contract the receiver lacks', () => {
  const [result] = describeContracts([contract], [], [exchange('pass')], [], receiver);
  assert.deepEqual(result, {
    id: contract.id,
    kind: 'callback',
    method: 'POST',
    expression: 'paid',
    receiverUrl: 'http://127.0.0.1:9/R/createInvoice/paid/post',
    verdict: 'fail',
    exchanges: ['ex-000001'],
    findings: [],
  });
  const without = describeContracts([contract], [], [], [], {
    urlFor: () => {
      throw new ContractNotFoundError('no');
    },
  });
  assert.equal(without[0]?.receiverUrl, undefined);
  assert.equal('receiverUrl' in (without[0] ?? {}), false);
});
