import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParameterSpec, TriggerOperation } from '../spec/contract.ts';
import type { InjectionPoint } from '../spec/runtime-expression/types.ts';
import { describeInjection } from './describe-injection.ts';
import { type InjectionTarget, resolveTargets } from './resolve-targets.ts';

const parameter = (name: string, where: ParameterSpec['in']): ParameterSpec => ({
  name,
  in: where,
  required: false,
  examples: [],
  pointer: '',
});
const operation: TriggerOperation = {
  method: 'post',
  path: '/things',
  tags: [],
  parameters: [parameter('hookHeader', 'header'), parameter('session', 'cookie')],
  responses: [],
  security: [],
  pointer: '/paths/~1things/post',
};

test('resolveTargets and describeInjection: where an injection point puts the receiver URL', () => {
  const cases: Array<[InjectionPoint, InjectionTarget[], string]> = [
    [
      { in: 'body', pointer: '/subscriber/url' },
      [{ in: 'body', pointer: '/subscriber/url' }],
      '/body/subscriber/url',
    ],
    [
      { in: 'body', pointer: '/webhooks.url', alternatives: ['/webhooks/url'] },
      [
        { in: 'body', pointer: '/webhooks.url' },
        { in: 'body', pointer: '/webhooks/url' },
      ],
      '/body/webhooks.url',
    ],
    [{ in: 'body' }, [{ in: 'body', pointer: '' }], '/body'],
    [{ in: 'query', name: 'cb' }, [{ in: 'query', name: 'cb' }], '/query/cb'],
    [
      { in: 'header', name: 'ProgressUrl' },
      [{ in: 'header', name: 'ProgressUrl' }],
      '/headers/progressurl',
    ],
    [{ in: 'path', name: 'id' }, [{ in: 'path', name: 'id' }], '/path/id'],
    [
      { in: 'parameter', name: 'hookHeader' },
      [{ in: 'header', name: 'hookHeader' }],
      '/headers/hookheader',
    ],
    [
      { in: 'parameter', name: 'callback_url' },
      [{ in: 'query', name: 'callback_url' }],
      '/query/callback_url',
    ],
    [{ in: 'parameter', name: 'session' }, [{ in: 'query', name: 'session' }], '/query/session'],
  ];
  for (const [point, want, where] of cases) {
    assert.deepEqual(resolveTargets(point, operation), want, JSON.stringify(point));
    assert.equal(describeInjection(point, operation), where, JSON.stringify(point));
  }
});
