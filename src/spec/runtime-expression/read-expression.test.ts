import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readExpression } from './read-expression.ts';
import type { ExpressionDialect, ExpressionIssueCode, ExpressionSource } from './types.ts';

const table: Array<[string, ExpressionSource, ExpressionDialect, ExpressionIssueCode[]]> = [
  ['$url', { type: 'url' }, 'standard', []],
  ['$method', { type: 'method' }, 'standard', []],
  ['$statusCode', { type: 'statusCode' }, 'standard', []],
  [' $url ', { type: 'url' }, 'standard', []],
  ['$request.header.X-Hook', { type: 'header', from: 'request', name: 'X-Hook' }, 'standard', []],
  [
    '$response.header.Location',
    { type: 'header', from: 'response', name: 'Location' },
    'standard',
    [],
  ],
  ['$request.query.cb', { type: 'query', name: 'cb' }, 'standard', []],
  ['$request.path.id', { type: 'path', name: 'id' }, 'standard', []],
  ['$request.body', { type: 'body', from: 'request', pointer: '' }, 'standard', []],
  ['$response.body#/a/0', { type: 'body', from: 'response', pointer: '/a/0' }, 'standard', []],
  [
    '$callback_url',
    { type: 'parameter', name: 'callback_url' },
    'fastapi',
    ['expression.fastapi-dialect'],
  ],
  [
    '$request.body.a.b',
    { type: 'body', from: 'request', pointer: '/a/b' },
    'fastapi',
    ['expression.fastapi-dialect'],
  ],
  [
    '$request.body.a~b',
    { type: 'body', from: 'request', pointer: '/a~0b' },
    'fastapi',
    ['expression.fastapi-dialect'],
  ],
  ['request.path.id', { type: 'path', name: 'id' }, 'lenient', ['expression.missing-dollar']],
  [
    'request.body.id',
    { type: 'body', from: 'request', pointer: '/id' },
    'lenient',
    ['expression.missing-dollar', 'expression.fastapi-dialect'],
  ],
  [
    'url',
    { type: 'parameter', name: 'url', style: 'plain' },
    'lenient',
    ['expression.plain-variable'],
  ],
  ['$request', { type: 'unknown', text: '$request' }, 'standard', ['expression.unknown-source']],
  [
    '$request.body.',
    { type: 'unknown', text: '$request.body.' },
    'standard',
    ['expression.unknown-source'],
  ],
  [
    '$request.body..x',
    { type: 'unknown', text: '$request.body..x' },
    'standard',
    ['expression.unknown-source'],
  ],
  [
    '$request.cookie.sid',
    { type: 'unknown', text: '$request.cookie.sid' },
    'standard',
    ['expression.unknown-source'],
  ],
  [
    '$response.path.id',
    { type: 'unknown', text: '$response.path.id' },
    'standard',
    ['expression.unknown-source'],
  ],
  [
    'request.cookie.x',
    { type: 'unknown', text: 'request.cookie.x' },
    'lenient',
    ['expression.unknown-source'],
  ],
  ['', { type: 'unknown', text: '' }, 'lenient', ['expression.unknown-source']],
];

describe('readExpression', () => {
  for (const [text, source, dialect, codes] of table) {
    it(JSON.stringify(text), () => {
      const reading = readExpression(text);
      assert.deepEqual(reading.source, source);
      assert.equal(reading.dialect, dialect);
      assert.deepEqual(
        reading.issues.map((issue) => issue.code),
        codes,
      );
    });
  }
});

describe('readExpression: what the FastAPI warning tells to write instead', () => {
  const cases: Array<[string, string]> = [
    [
      '$callback_url',
      'The standard form is "$request.query.callback_url" ($request.header.callback_url or $request.path.callback_url where the trigger declares it there).',
    ],
    ['$request.body.id', 'The standard form is "$request.body#/id".'],
  ];
  for (const [text, advice] of cases) {
    it(text, () => {
      const [issue] = readExpression(text).issues;
      assert.ok(issue?.message.endsWith(advice), issue?.message);
    });
  }
});
