import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OperationConfig } from '../config/types.ts';
import { ContractNotFoundError } from '../errors.ts';
import type { Contract, TriggerOperation } from '../spec/contract.ts';
import { selectContracts } from './select-contracts.ts';
import type { RunFilters } from './types.ts';

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
const contract = (id: string, kind: Contract['kind']): Contract => ({
  id,
  kind,
  name: id,
  method: 'post',
  operation: { ...operation, pointer: `/${id}` },
  pointer: `/${id}`,
});
const callbacks = [
  contract('createOrder/a/post', 'callback'),
  contract('createOrder/b/post', 'callback'),
];
const webhooks = [contract('webhook/shipped/post', 'webhook')];
const none: RunFilters = { operations: [], tags: [], contracts: [] };

test("selectContracts: the operation's callbacks, or the configured ones, counted and filtered", () => {
  const cases: Array<[string, OperationConfig | undefined, RunFilters, Array<[string, number]>]> = [
    [
      'all callbacks once',
      undefined,
      none,
      [
        ['createOrder/a/post', 1],
        ['createOrder/b/post', 1],
      ],
    ],
    [
      'a configured count',
      { expect: { count: 3 } },
      none,
      [
        ['createOrder/a/post', 3],
        ['createOrder/b/post', 3],
      ],
    ],
    [
      'configured contracts, webhooks too',
      { expect: { contracts: ['createOrder/b/post', 'webhook/shipped/post'] } },
      none,
      [
        ['createOrder/b/post', 1],
        ['webhook/shipped/post', 1],
      ],
    ],
    [
      '--contract narrows',
      undefined,
      { ...none, contracts: ['createOrder/a/post'] },
      [['createOrder/a/post', 1]],
    ],
  ];
  for (const [name, config, filters, want] of cases) {
    assert.deepEqual(
      [...selectContracts(operation, callbacks, webhooks, config, filters)],
      want,
      name,
    );
  }
});

test('selectContracts: a configured contract the spec does not declare is CV_CONTRACT_NOT_FOUND', () => {
  assert.throws(
    () =>
      selectContracts(operation, callbacks, webhooks, { expect: { contracts: ['nope'] } }, none),
    (error: unknown) =>
      error instanceof ContractNotFoundError &&
      /expects nope after createOrder/.test(error.message) &&
      error.hint ===
        'Contracts it can expect: createOrder/a/post, createOrder/b/post, webhook/shipped/post.',
  );
});
