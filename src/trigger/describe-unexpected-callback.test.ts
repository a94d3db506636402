import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../receive/exchange.ts';
import type { SlotsByToken } from './correlation-slot.ts';
import { describeUnexpectedCallback } from './describe-unexpected-callback.ts';
import { sentTrigger } from './sent-trigger.test-fixture.ts';

function exchange(url: string, contract?: string, token?: string): Exchange {
  return {
    id: 'ex-000001',
    receivedAt: '2026-01-01T00:00:00.000Z',
    request: { method: 'post', url, headers: {}, body: new Uint8Array() },
    findings: [],
    verdict: 'pass',
    ...(contract === undefined ? {} : { contract }),
    ...(token === undefined ? {} : { token }),
  };
}

test('describeUnexpectedCallback: says whose token, which contract, or that nothing matches', () => {
  const byToken: SlotsByToken = new Map([
    ['tok1', { sent: sentTrigger('tok1'), slots: [], ignoredContracts: [] }],
  ]);
  const cases: Array<[string, Exchange, RegExp, string | undefined]> = [
    [
      "another trigger's contract",
      exchange('/R/cb/other/tok1', 'other/cb/post', 'tok1'),
      /^Unexpected callback POST \/R\/cb\/other\/tok1: other\/cb\/post was not expected after createInvoice#tok1\.$/,
      'other/cb/post',
    ],
    [
      'a token of no trigger',
      exchange('/R/cb/x/stranger', 'x/cb/post', 'stranger'),
      /carries a trigger token no trigger of this run was given\.$/,
      'x/cb/post',
    ],
    [
      'a contract nothing expected',
      exchange('/R/webhooks/shipped', 'webhook/shipped/post'),
      /no trigger of this run expected webhook\/shipped\/post\.$/,
      'webhook/shipped/post',
    ],
    [
      'nothing at all',
      exchange('/nowhere'),
      /^Unexpected request POST \/nowhere: it matches no callback of the spec\.$/,
      undefined,
    ],
  ];
  for (const [name, received, want, contract] of cases) {
    const finding = describeUnexpectedCallback(received, byToken);
    assert.equal(finding.check, 'callback.unexpected', name);
    assert.equal(finding.severity, 'error', name);
    assert.match(finding.message, want, name);
    assert.equal(finding.contract, contract, name);
  }
});
