import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonPointer } from './read-json-pointer.ts';
import type { ExpressionIssueCode } from './types.ts';

const table: Array<[string, string, ExpressionIssueCode[]]> = [
  ['', '', []],
  ['/', '/', []],
  ['/a/b', '/a/b', []],
  ['/a~0b/c~1d', '/a~0b/c~1d', []],
  ['a/b', '/a/b', ['expression.invalid-pointer']],
  ['/a~2', '/a~02', ['expression.invalid-pointer']],
  ['/a~', '/a~0', ['expression.invalid-pointer']],
  ['/webhooks.url', '/webhooks.url', ['expression.dotted-pointer']],
  ['/v1.0', '/v1.0', ['expression.dotted-pointer']],
  ['/.hidden', '/.hidden', []],
  ['/3.5', '/3.5', ['expression.dotted-pointer']],
];

describe('readJsonPointer', () => {
  for (const [text, pointer, codes] of table) {
    it(JSON.stringify(text), () => {
      const reading = readJsonPointer(text, `$request.body#${text}`);
      assert.equal(reading.pointer, pointer);
      assert.deepEqual(
        reading.issues.map((issue) => issue.code),
        codes,
      );
    });
  }

  it('suggests the nested pointer for a dotted name', () => {
    const [issue] = readJsonPointer(
      '/subscription.href',
      '$request.body#/subscription.href',
    ).issues;
    assert.match(issue?.message ?? '', /#\/subscription\/href/);
    assert.equal(issue?.severity, 'info');
  });
});
