import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { injectionPoint } from './injection-point.ts';
import { parseUrlTemplate } from './parse-url-template.ts';
import type { InjectionPoint } from './types.ts';

const table: Array<[string, InjectionPoint | undefined]> = [
  [
    '{$request.query.callback_url}/invoices/{$request.body#/id}',
    { in: 'query', name: 'callback_url' },
  ],
  ['{$request.header.progressUrl}', { in: 'header', name: 'progressUrl' }],
  ['{$request.path.hook}', { in: 'path', name: 'hook' }],
  [
    '{$request.body#/callbackUrl}?event={$request.body#/eventName}',
    { in: 'body', pointer: '/callbackUrl' },
  ],
  ['{$request.body#/a~1b}', { in: 'body', pointer: '/a~1b' }],
  ['{$request.body}', { in: 'body', pointer: '' }],
  [
    '{$request.body#/webhooks.url}',
    { in: 'body', pointer: '/webhooks.url', alternatives: ['/webhooks/url'] },
  ],
  ['{$callback_url}/invoices/{$request.body.id}', { in: 'parameter', name: 'callback_url' }],
  ['{webhookURL}', { in: 'parameter', name: 'webhookURL' }],
  ['{request.body#/sink}', { in: 'body', pointer: '/sink' }],
  // No request value decides the host: nothing to inject.
  ['{$response.body#/links/callback}', undefined],
  ['{$response.header.Location}', undefined],
  ['{$url}/callback', undefined],
  ['{$method}', undefined],
  ['{$statusCode}', undefined],
  ['http://notificationServer.com?transactionId={$request.body#/id}', undefined],
  ['/hooks/{$request.path.id}', undefined],
  ['Provided URL in /webhook_subscriptions', undefined],
  ['{what ever}', undefined],
];

describe('injectionPoint', () => {
  for (const [key, want] of table) {
    it(key, () => {
      assert.deepEqual(injectionPoint(parseUrlTemplate(key)), want);
    });
  }
});
