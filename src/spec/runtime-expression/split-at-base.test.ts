import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUrlTemplate } from './parse-url-template.ts';
import { splitAtBase } from './split-at-base.ts';
import type { TemplatePart } from './types.ts';

const render = (parts: TemplatePart[]): string =>
  parts.map((part) => (part.kind === 'literal' ? part.text : part.raw)).join('');

const table: Array<[string, string, string, string]> = [
  ['{$request.query.cb}/data', 'expression', '{$request.query.cb}', '/data'],
  ['{$request.header.h}', 'expression', '{$request.header.h}', ''],
  ['http://h.example?x={$url}', 'fixed', 'http://h.example', '?x={$url}'],
  ['https://h.example:1/a/{$url}', 'fixed', 'https://h.example:1', '/a/{$url}'],
  ['https://h.example', 'fixed', 'https://h.example', ''],
  ['//h.example/a', 'fixed', '//h.example', '/a'],
  ['https://{$request.body#/t}.h.example/a', 'fixed', 'https://{$request.body#/t}.h.example', '/a'],
  ['https://{$request.body#/host}', 'fixed', 'https://{$request.body#/host}', ''],
  ['/a/{$url}', 'relative', '', '/a/{$url}'],
  ['free text', 'none', '', 'free text'],
  ['{nonsense here}/a', 'none', '', '{nonsense here}/a'],
  ['', 'none', '', ''],
];

describe('splitAtBase', () => {
  for (const [key, kind, head, tail] of table) {
    it(JSON.stringify(key), () => {
      const split = splitAtBase(parseUrlTemplate(key).parts);
      assert.equal(split.kind, kind);
      assert.equal(render(split.head), head);
      assert.equal(render(split.tail), tail);
    });
  }
});
