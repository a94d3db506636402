import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ContractNotFoundError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { checkFilters } from './check-filters.ts';
import type { RunFilters } from './types.ts';

let catalogue: Catalogue;
before(async () => {
  const spec = fileURLToPath(new URL('../../specs/webhooks.yaml', import.meta.url));
  catalogue = buildCatalogue(await loadDocument(spec));
});

const none: RunFilters = { operations: [], tags: [], contracts: [] };

test('checkFilters: filters naming something pass, a typo is CV_CONTRACT_NOT_FOUND saying what exists', () => {
  const cases: Array<[string, Partial<RunFilters>, RegExp | undefined]> = [
    ['no filters', {}, undefined],
    ['operationId', { operations: ['createOrder'] }, undefined],
    ['METHOD /path in any case', { operations: ['post /orders'] }, undefined],
    ['tag', { tags: ['orders'] }, undefined],
    ['callback contract', { contracts: ['createOrder/orderStatus/post'] }, undefined],
    [
      'unknown operation',
      { operations: ['createOrdr'] },
      /^No operation with callbacks matches --operation createOrdr\.$/,
    ],
    ['method without path', { operations: ['POST'] }, /--operation POST\./],
    ['unknown tag', { tags: ['order'] }, /^No operation with callbacks is tagged order\.$/],
    [
      'unknown contract',
      { contracts: ['createOrder/orderStatus/put'] },
      /^No callback contract createOrder\/orderStatus\/put in the spec\.$/,
    ],
    [
      'a webhook is not a callback contract',
      { contracts: ['webhook/orderShipped/post'] },
      /^No callback contract webhook\/orderShipped\/post in the spec\.$/,
    ],
    ['one typo among good names', { operations: ['createOrder', 'nope'] }, /--operation nope\./],
  ];
  for (const [name, filters, want] of cases) {
    const run = (): void => checkFilters(catalogue, { ...none, ...filters });
    if (want === undefined) {
      assert.doesNotThrow(run, name);
      continue;
    }
    assert.throws(
      run,
      (error: unknown) =>
        error instanceof ContractNotFoundError &&
        error.code === 'CV_CONTRACT_NOT_FOUND' &&
        want.test(error.message),
      name,
    );
  }
});

test('checkFilters: the hint lists what the filter could have named', () => {
  const hintOf = (filters: Partial<RunFilters>): string | undefined => {
    try {
      checkFilters(catalogue, { ...none, ...filters });
    } catch (error) {
      if (error instanceof ContractNotFoundError) return error.hint;
    }
    return undefined;
  };
  assert.equal(hintOf({ operations: ['x'] }), 'Operations with callbacks: createOrder.');
  assert.equal(hintOf({ tags: ['x'] }), 'Tags in use: orders.');
  assert.equal(hintOf({ contracts: ['x'] }), 'Callback contracts: createOrder/orderStatus/post.');
});
