import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../validate/finding.ts';
import { isAdditionalMethod, readPathItemOperations } from './path-item.ts';

const op = { responses: { '204': { description: 'ok' } } };

describe('readPathItemOperations', () => {
  const cases: Array<{
    name: string;
    pathItem: Record<string, unknown>;
    want: Array<[string, string]>;
    checks: string[];
  }> = [
    {
      name: 'fixed fields only',
      pathItem: { post: op, query: op, summary: 'x' },
      want: [
        ['post', '/p/post'],
        ['query', '/p/query'],
      ],
      checks: [],
    },
    {
      name: 'additionalOperations come after the fixed fields, methods as written',
      pathItem: { additionalOperations: { PURGE: op, LINK: op }, post: op },
      want: [
        ['post', '/p/post'],
        ['PURGE', '/p/additionalOperations/PURGE'],
        ['LINK', '/p/additionalOperations/LINK'],
      ],
      checks: [],
    },
    {
      name: 'a fixed-field method in any case is refused',
      pathItem: { additionalOperations: { POST: op, Query: op, get: op, COPY: op } },
      want: [['COPY', '/p/additionalOperations/COPY']],
      checks: [
        'path-item.additional-operation',
        'path-item.additional-operation',
        'path-item.additional-operation',
      ],
    },
    {
      name: 'a key that is not an HTTP token is refused',
      pathItem: { additionalOperations: { 'NOT A METHOD': op, 'X/Y': op } },
      want: [],
      checks: ['path-item.additional-operation', 'path-item.additional-operation'],
    },
    {
      name: 'a method the receiver cannot parse is kept, with a warning',
      pathItem: { additionalOperations: { FROBNICATE: op, purge: op } },
      want: [
        ['FROBNICATE', '/p/additionalOperations/FROBNICATE'],
        ['purge', '/p/additionalOperations/purge'],
      ],
      checks: ['path-item.method-unreceivable', 'path-item.method-unreceivable'],
    },
    {
      name: 'entries that are not objects are skipped silently',
      pathItem: { additionalOperations: { PURGE: 'nope' }, put: 3 },
      want: [],
      checks: [],
    },
    {
      name: 'additionalOperations that is not a map is ignored',
      pathItem: { additionalOperations: ['PURGE'], delete: op },
      want: [['delete', '/p/delete']],
      checks: [],
    },
  ];
  for (const { name, pathItem, want, checks } of cases) {
    test(name, () => {
      const findings: Finding[] = [];
      const got = readPathItemOperations({ value: pathItem, pointer: '/p' }, (finding) =>
        findings.push(finding),
      );
      assert.deepEqual(
        got.map((item) => [item.method, item.pointer]),
        want,
      );
      assert.deepEqual(
        findings.map((finding) => finding.check),
        checks,
      );
    });
  }

  test('a refused fixed method names the field to use and points at the entry', () => {
    const findings: Finding[] = [];
    readPathItemOperations({ value: { additionalOperations: { POST: op } }, pointer: '/w' }, (f) =>
      findings.push(f),
    );
    assert.equal(findings[0]?.severity, 'error');
    assert.equal(findings[0]?.spec, '/w/additionalOperations/POST');
    assert.match(findings[0]?.message ?? '', /Move it to post\.$/);
  });
});

describe('isAdditionalMethod', () => {
  const cases: Array<[string, boolean]> = [
    ['PURGE', true],
    ['LINK', true],
    ['M-SEARCH', true],
    ['purge', true],
    ['POST', false],
    ['post', false],
    ['QUERY', false],
    ['', false],
    ['A B', false],
  ];
  for (const [key, want] of cases) {
    test(`${JSON.stringify(key)} → ${want}`, () => assert.equal(isAdditionalMethod(key), want));
  }
});
