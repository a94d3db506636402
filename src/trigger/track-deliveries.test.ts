import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../receive/exchange.ts';
import { trackDeliveries } from './track-deliveries.ts';
import type { PlannedTrigger } from './types.ts';

function trigger(token: string, count: number, injected = true): PlannedTrigger {
  return {
    id: `op#${token}`,
    token,
    operation: {
      method: 'post',
      path: '/x',
      tags: [],
      parameters: [],
      responses: [],
      security: [],
      pointer: '/paths/~1x/post',
    },
    operationKey: 'op',
    method: 'POST',
    url: 'http://p/x',
    pathParams: {},
    query: {},
    headers: {},
    injections: injected
      ? [
          {
            contract: 'op/cb/post',
            source: { type: 'query', name: 'u' },
            where: '/query/u',
            value: 'v',
          },
        ]
      : [],
    expectations: [
      { contract: 'op/cb/post', count, findings: [], checkable: true, tokenless: !injected },
    ],
    ignoredContracts: [],
    timeoutMs: 1000,
    behaviours: {},
  };
}

function exchange(url: string, status: number, extra: Partial<Exchange> = {}): Exchange {
  return {
    id: url,
    receivedAt: new Date(0).toISOString(),
    request: { method: 'POST', url, headers: {}, body: new Uint8Array() },
    findings: [],
    answer: { status, headers: {}, body: '' },
    verdict: 'pass',
    ...extra,
  };
}

test('trackDeliveries counts accepted deliveries per trigger, not retries or extra copies', () => {
  const tracker = trackDeliveries([trigger('a', 1), trigger('b', 2)]);
  assert.equal(tracker.outstanding(), 3);
  tracker.record(exchange('/r/cb/op/a/done', 503, { token: 'a', contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 3, 'a 503 answer is a retry, not a delivery');
  tracker.record(exchange('/r/cb/op/a/done', 200, { token: 'a', contract: 'op/cb/post' }));
  tracker.record(exchange('/r/cb/op/a/done', 200, { token: 'a', contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 2, 'a duplicate does not count twice');
  // Wrong path: no contract, no token from the receiver, but the token is in the URL.
  tracker.record(exchange('/r/cb/op/b/wrong', 404));
  tracker.record(exchange('/r/cb/op/zzz/done', 200, { contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 1);
});

test('trackDeliveries matches token-less (fixed-host) callbacks by contract', () => {
  const tracker = trackDeliveries([trigger('a', 1, false), trigger('b', 1, false)]);
  tracker.record(exchange('/r/fixed/op?x=1', 200, { contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 1);
  tracker.record(exchange('/r/fixed/op?x=2', 200, { contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 0);
});

test('trackDeliveries: token-less deliveries fill triggers in order and skip retries and full ones', () => {
  const tracker = trackDeliveries([trigger('a', 2, false), trigger('b', 1, false)]);
  assert.equal(tracker.outstanding(), 3);
  tracker.record(exchange('/r/fixed/op', 503, { contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 3);
  for (let i = 0; i < 3; i += 1)
    tracker.record(exchange('/r/fixed/op', 200, { contract: 'op/cb/post' }));
  assert.equal(tracker.outstanding(), 0);
  tracker.record(exchange('/r/fixed/op', 200, { contract: 'op/cb/post' }));
  tracker.record(exchange('/r/fixed/op', 200, { contract: 'other/cb/post' }));
  assert.equal(tracker.outstanding(), 0);
});

test('trackDeliveries: a delivery past a full slot fills a look-alike contract, as correlation will', () => {
  const twins = (base: PlannedTrigger): PlannedTrigger => ({
    ...base,
    expectations: ['op/one/post', 'op/two/post'].map((contract) => ({
      contract,
      count: 1,
      findings: [],
      checkable: true,
    })),
  });
  const cases: Array<[string, (a: string, b: string) => boolean, string[] | undefined, number]> = [
    ['interchangeable', () => true, undefined, 0],
    ['told apart', () => false, undefined, 1],
    ['told apart, but the receiver says it passes the other too', () => false, ['op/two/post'], 0],
  ];
  for (const [name, interchangeable, alsoConformsTo, left] of cases) {
    const tracker = trackDeliveries([twins(trigger('a', 1))], interchangeable);
    for (const url of ['/r/cb/op/a/1', '/r/cb/op/a/2'])
      tracker.record(
        exchange(url, 200, {
          token: 'a',
          contract: 'op/one/post',
          ...(alsoConformsTo === undefined ? {} : { alsoConformsTo }),
        }),
      );
    assert.equal(tracker.outstanding(), left, name);
  }
});
