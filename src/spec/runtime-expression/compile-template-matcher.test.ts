import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileTemplateMatcher } from './compile-template-matcher.ts';
import { parseUrlTemplate } from './parse-url-template.ts';
import type { ExpressionSource } from './types.ts';

const body = (pointer: string): ExpressionSource => ({ type: 'body', from: 'request', pointer });

/** key, received path and query, expected captures as [source, raw, value] (or null for no match). */
const table: Array<[string, string, Array<[ExpressionSource, string, string]> | null]> = [
  ['{$request.query.callbackUrl}/data', '/data', []],
  ['{$request.query.callbackUrl}/data', 'data', []],
  ['{$request.query.callbackUrl}/data', '//data', []],
  ['{$request.query.callbackUrl}/data', '/data?extra=1', []],
  ['{$request.query.callbackUrl}/data', '/data#frag', []],
  ['{$request.query.callbackUrl}/data', '/datax', null],
  ['{$request.query.callbackUrl}/data', '/data/', null],
  ['{$request.query.callbackUrl}/data', '/', null],
  ['{$request.header.progressUrl}', '/', []],
  ['{$request.header.progressUrl}', '', []],
  ['{$request.header.progressUrl}', '?x=1', []],
  ['{$request.header.progressUrl}', '/anything', null],
  [
    '{$request.query.callback_url}/invoices/{$request.body#/id}',
    '/invoices/42',
    [[body('/id'), '42', '42']],
  ],
  [
    '{$request.query.callback_url}/invoices/{$request.body#/id}',
    '/invoices/a%20b%2Fc',
    [[body('/id'), 'a%20b%2Fc', 'a b/c']],
  ],
  [
    '{$request.query.callback_url}/invoices/{$request.body#/id}',
    '/invoices/a+b',
    [[body('/id'), 'a+b', 'a+b']],
  ],
  [
    '{$request.query.callback_url}/invoices/{$request.body#/id}',
    '/invoices/%E0%A4%A',
    [[body('/id'), '%E0%A4%A', '%E0%A4%A']],
  ],
  ['{$request.query.callback_url}/invoices/{$request.body#/id}', '/invoices/', null],
  ['{$request.query.callback_url}/invoices/{$request.body#/id}', '/invoices/1/2', null],
  ['{$request.query.callback_url}/invoices/{$request.body#/id}', '/invoice/1', null],
  [
    '{$callback_url}/invoices/{$request.body.id}',
    '/invoices/inv-7',
    [[body('/id'), 'inv-7', 'inv-7']],
  ],
  [
    '{$request.body#/url}/{$request.body#/a}-{$request.body#/b}.json',
    '/x-y.json',
    [
      [body('/a'), 'x', 'x'],
      [body('/b'), 'y', 'y'],
    ],
  ],
  ['{$request.body#/url}/v1.0/(x)', '/v1.0/(x)', []],
  [
    '{$request.body#/url}/événements/{$request.body#/id}',
    '/%C3%A9v%C3%A9nements/1',
    [[body('/id'), '1', '1']],
  ],
  [
    '{$request.body#/url}/événements/{$request.body#/id}',
    '/événements/1',
    [[body('/id'), '1', '1']],
  ],
  ['{$request.body#/url}/a b', '/a%20b', []],
  ['{$request.body#/url}/v1.0/(x)', '/v1x0/(x)', null],
  // Query strings: parameters in any order, extras allowed, values decoded.
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
    '/?email=a%40b.c&transactionId=t+1',
    [
      [body('/id'), 't+1', 't 1'],
      [body('/email'), 'a%40b.c', 'a@b.c'],
    ],
  ],
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
    '?transactionId=1&email=e&other=z',
    [
      [body('/id'), '1', '1'],
      [body('/email'), 'e', 'e'],
    ],
  ],
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
    '/?transactionId=1',
    null,
  ],
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
    '/hooks?transactionId=1&email=e',
    null,
  ],
  ['{$request.body#/url}?token={$request.body#/token}', '?token=', [[body('/token'), '', '']]],
  [
    '{$request.body#/url}?token={$request.body#/token}',
    '/?token=abc',
    [[body('/token'), 'abc', 'abc']],
  ],
  ['{$request.body#/url}?token={$request.body#/token}', '/?tok=abc', null],
  ['{$request.body#/url}?token={$request.body#/token}', '/', null],
  [
    '{$request.body#/url}?event=paid&id={$request.body#/id}',
    '?id=1&event=paid',
    [[body('/id'), '1', '1']],
  ],
  ['{$request.body#/url}?event=paid&id={$request.body#/id}', '?id=1&event=open', null],
  [
    '{$request.body#/url}?event=paid&id={$request.body#/id}',
    '?event=open&event=paid&id=2',
    [[body('/id'), '2', '2']],
  ],
  ['{$request.body#/url}?{$request.body#/q}', '?a=1&b=2', [[body('/q'), 'a=1&b=2', 'a=1&b=2']]],
  [
    'https://example.com/hooks/{$request.path.id}',
    '/hooks/9',
    [[{ type: 'path', name: 'id' }, '9', '9']],
  ],
  ['https://example.com/hooks/{$request.path.id}', '/other/9', null],
  ['/relative/{$request.path.id}', '/relative/9', [[{ type: 'path', name: 'id' }, '9', '9']]],
];

describe('compileTemplateMatcher', () => {
  it('names each captured value by its expression as the key writes it', () => {
    const key = '{$request.body#/url}?event={$request.body#/event}&id={$request.body.id}';
    const result = compileTemplateMatcher(parseUrlTemplate(key)).match('?event=paid&id=7');
    assert.deepEqual(
      result?.captured.map((value) => [value.expression, value.raw]),
      [
        ['$request.body#/event', 'paid'],
        ['$request.body.id', '7'],
      ],
    );
  });
  for (const [key, received, want] of table) {
    it(`${key} ${want === null ? 'rejects' : 'matches'} ${JSON.stringify(received)}`, () => {
      const result = compileTemplateMatcher(parseUrlTemplate(key)).match(received);
      if (want === null) {
        assert.equal(result, null);
        return;
      }
      assert.deepEqual(
        result?.captured.map((value) => [value.source, value.raw, value.value]),
        want,
      );
    });
  }

  const shapes: Array<[string, string, number]> = [
    [
      '{$request.query.callback_url}/invoices/{$request.body#/id}',
      '/invoices/{$request.body#/id}',
      10,
    ],
    ['{$request.header.progressUrl}', '/', 0],
    [
      'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
      '?transactionId={$request.body#/id}&email={$request.body#/email}',
      22,
    ],
    ['{$callback_url}/events/{$request.body.title}', '/events/{$request.body.title}', 8],
  ];
  for (const [key, pattern, specificity] of shapes) {
    it(`describes ${key} as ${pattern} with specificity ${specificity}`, () => {
      const matcher = compileTemplateMatcher(parseUrlTemplate(key));
      assert.equal(matcher.pattern, pattern);
      assert.equal(matcher.specificity, specificity);
    });
  }

  it('gives more literal text a higher specificity', () => {
    const general = compileTemplateMatcher(
      parseUrlTemplate('{$url}/{$request.body#/kind}/{$request.body#/id}'),
    );
    const specific = compileTemplateMatcher(
      parseUrlTemplate('{$url}/invoices/{$request.body#/id}'),
    );
    assert.ok(general.match('/invoices/1'));
    assert.ok(specific.match('/invoices/1'));
    assert.ok(specific.specificity > general.specificity);
  });
});
