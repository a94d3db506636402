import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Contract, TriggerOperation } from '../spec/contract.ts';
import { parseUrlTemplate } from '../spec/runtime-expression/index.ts';
import { planExpectation } from './plan-expectation.ts';

const operation: TriggerOperation = {
  method: 'post',
  path: '/orders',
  operationId: 'createOrder',
  tags: [],
  parameters: [],
  responses: [],
  security: [],
  pointer: '/paths/~1orders/post',
};
const contractFor = (key: string): Contract => ({
  id: 'createOrder/status/post',
  kind: 'callback',
  name: 'status',
  method: 'post',
  operation: { ...operation, pointer: '/cb' },
  trigger: operation,
  expression: parseUrlTemplate(key),
  pointer: '/cb',
});

test('planExpectation: checkable when the URL can be injected or its fixed host is redirected, else why not', () => {
  const cases: Array<
    [string, number, string | undefined, boolean, string | undefined, boolean | undefined]
  > = [
    ['{$request.query.callback_url}/done', 1, undefined, true, undefined, undefined],
    ['https://partner.example/hook', 1, undefined, false, 'callback.fixed-host', undefined],
    ['https://partner.example/hook', 1, 'http://127.0.0.1:4999/', true, undefined, true],
    ['/relative/hook', 1, undefined, false, 'callback.fixed-host', undefined],
    ['{$response.body#/hookUrl}/done', 1, undefined, false, 'callback.not-injectable', undefined],
    ['{$response.body#/hookUrl}/done', 0, undefined, true, undefined, undefined],
  ];
  for (const [key, count, base, checkable, check, tokenless] of cases) {
    const name = `${key} ×${count} ${base ?? ''}`;
    const expectation = planExpectation(contractFor(key), count, base);
    assert.equal(expectation.count, count, name);
    assert.equal(expectation.checkable, checkable, name);
    assert.equal(expectation.findings[0]?.check, check, name);
    assert.equal(expectation.findings[0]?.severity, check === undefined ? undefined : 'warning');
    assert.equal(expectation.tokenless, tokenless, name);
  }
  assert.deepEqual(
    planExpectation(contractFor('https://partner.example/hook'), 1, 'http://127.0.0.1:4999/')
      .fixedOrigin,
    { written: 'https://partner.example', actual: 'http://127.0.0.1:4999' },
  );
});
