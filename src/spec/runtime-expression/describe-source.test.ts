import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSource } from './describe-source.ts';
import type { ExpressionSource } from './types.ts';

const table: Array<[ExpressionSource, string]> = [
  [{ type: 'url' }, 'the trigger request URL ($url)'],
  [{ type: 'method' }, 'the trigger request method ($method)'],
  [{ type: 'statusCode' }, 'the trigger response status code ($statusCode)'],
  [{ type: 'header', from: 'request', name: 'progressUrl' }, 'request header progressUrl'],
  [{ type: 'header', from: 'response', name: 'Location' }, 'response header Location'],
  [{ type: 'query', name: 'callback_url' }, 'query parameter callback_url'],
  [{ type: 'path', name: 'id' }, 'path parameter id'],
  [
    { type: 'body', from: 'request', pointer: '/subscriber/url' },
    'request body field /subscriber/url',
  ],
  [{ type: 'body', from: 'response', pointer: '/links/hook' }, 'response body field /links/hook'],
  [{ type: 'body', from: 'request', pointer: '' }, 'the whole request body'],
  [{ type: 'parameter', name: 'callback_url' }, 'FastAPI parameter callback_url'],
  [
    { type: 'parameter', name: 'webhookURL', style: 'plain' },
    'parameter webhookURL (plain variable, best guess)',
  ],
  [{ type: 'unknown', text: 'free text' }, 'unreadable expression "free text"'],
];

describe('describeSource', () => {
  for (const [source, want] of table) {
    it(want, () => {
      assert.equal(describeSource(source), want);
    });
  }
});
