import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LoadedDocument } from '../spec/document.ts';
import { buildInvalidPayloads } from './invalid-payloads.ts';

const document: LoadedDocument = {
  source: 'test.yaml',
  openapi: '3.2.0',
  version: '3.2',
  title: 'test',
  document: {
    openapi: '3.2.0',
    components: {
      schemas: {
        File: {
          type: 'object',
          required: ['path'],
          properties: { path: { type: 'string' }, kind: { enum: ['image', 'text'] } },
        },
      },
    },
  },
  findings: [],
};

it('an itemSchema alone: the first item is broken, the others stay valid', () => {
  const valid = [
    { path: '/a', kind: 'image' },
    { path: '/b', kind: 'text' },
  ];
  const payloads = buildInvalidPayloads(
    document,
    {
      mediaType: 'application/jsonl',
      itemSchema: { schema: { $ref: '#/components/schemas/File' }, pointer: '/x/itemSchema' },
      examples: [],
      pointer: '/x',
    },
    valid,
  );
  assert.deepEqual(
    payloads.map((payload) => [payload.kind, payload.where]),
    [
      ['missing-required', '/0/path'],
      ['wrong-type', '/0'],
      ['wrong-enum', '/0/kind'],
      ['wrong-content-type', ''],
    ],
  );
  assert.deepEqual(payloads[0]?.value, [{ kind: 'image' }, { path: '/b', kind: 'text' }]);
});
