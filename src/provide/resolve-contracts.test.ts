import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ContractNotFoundError, UsageError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { resolveContracts } from './resolve-contracts.ts';

describe('resolveContracts (specs/webhooks.yaml)', () => {
  let catalogue: Catalogue;
  before(async () => {
    catalogue = buildCatalogue(
      await loadDocument(new URL('../../specs/webhooks.yaml', import.meta.url).pathname),
    );
  });

  const cases: Array<{ selection: { contract?: string; all?: boolean }; want: string[] }> = [
    { selection: { contract: 'webhook/orderShipped/post' }, want: ['webhook/orderShipped/post'] },
    { selection: { contract: 'orderShipped' }, want: ['webhook/orderShipped/post'] },
    { selection: { contract: 'orderCreatedCallback' }, want: ['createOrder/orderStatus/post'] },
    { selection: { contract: 'orderStatus' }, want: ['createOrder/orderStatus/post'] },
    { selection: { all: true }, want: ['webhook/orderCreated/post', 'webhook/orderShipped/post'] },
  ];
  for (const { selection, want } of cases) {
    it(`${JSON.stringify(selection)} → ${want.join(', ')}`, () => {
      assert.deepEqual(
        resolveContracts(catalogue, selection).map((contract) => contract.id),
        want,
      );
    });
  }

  it('an unknown name lists the contracts there are', () => {
    assert.throws(
      () => resolveContracts(catalogue, { contract: 'orderRefunded' }),
      (error: unknown) =>
        error instanceof ContractNotFoundError &&
        /webhook\/orderShipped\/post/.test(error.hint ?? ''),
    );
  });

  it('needs a contract or --all, not both and not neither', () => {
    assert.throws(() => resolveContracts(catalogue, {}), UsageError);
    assert.throws(
      () => resolveContracts(catalogue, { contract: 'orderShipped', all: true }),
      UsageError,
    );
  });
});
