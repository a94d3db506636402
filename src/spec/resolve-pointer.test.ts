import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectRefs } from './collect-refs.ts';
import { derefLocal } from './deref-local.ts';
import type { JsonObject } from './document.ts';
import { appendPointer, splitPointer } from './json-pointer.ts';
import { extensionOf } from './ref-location.ts';
import { resolvePointer } from './resolve-pointer.ts';

const document: JsonObject = {
  paths: {
    '/pets/{id}': { get: { operationId: 'getPet', tags: ['a', 'b'] } },
    '/aliased': { $ref: '#/paths/~1pets~1{id}' },
  },
  components: {
    schemas: {
      'a~b': { type: 'string' },
      Pet: { $ref: '#/components/schemas/Animal' },
      Animal: { type: 'object' },
      Loop1: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop1' },
      Broken: { $ref: '#/components/schemas/Nope' },
      'with space': { type: 'integer' },
    },
  },
};

describe('JSON pointers', () => {
  const cases: Array<[string, unknown]> = [
    ['', document],
    ['/paths/~1pets~1{id}/get/operationId', 'getPet'],
    ['#/paths/~1pets~1%7Bid%7D/get/operationId', 'getPet'],
    ['/paths/~1pets~1{id}/get/tags/1', 'b'],
    ['/paths/~1pets~1{id}/get/tags/01', undefined],
    ['/components/schemas/a~0b/type', 'string'],
    ['#/components/schemas/with%20space/type', 'integer'],
    ['/paths/~1aliased/get/operationId', 'getPet'],
    ['/components/schemas/Pet', { $ref: '#/components/schemas/Animal' }],
    ['/components/schemas/Nope', undefined],
    ['/components/schemas/toString', undefined],
    ['no-slash', undefined],
  ];
  for (const [pointer, expected] of cases) {
    test(`resolvePointer(${JSON.stringify(pointer)})`, () => {
      assert.deepEqual(resolvePointer(document, pointer), expected);
    });
  }

  test('appendPointer escapes ~ and / and splitPointer undoes it', () => {
    const pointer = appendPointer('/paths', '/a~b/{c}', 'get');
    assert.equal(pointer, '/paths/~1a~0b~1{c}/get');
    assert.deepEqual(splitPointer(pointer), ['paths', '/a~b/{c}', 'get']);
  });
});

describe('derefLocal', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['a value that is not a $ref', { type: 'string' }, { type: 'string' }],
    ['a chain of $refs', { $ref: '#/components/schemas/Pet' }, { type: 'object' }],
    ['a loop', { $ref: '#/components/schemas/Loop1' }, undefined],
    ['a broken target', { $ref: '#/components/schemas/Broken' }, undefined],
    ['an external $ref is left alone', { $ref: 'other.yaml#/x' }, { $ref: 'other.yaml#/x' }],
  ];
  for (const [name, value, expected] of cases) {
    test(name, () => {
      assert.deepEqual(derefLocal(document, value), expected);
    });
  }
});

describe('collectRefs and extension locations', () => {
  test('finds $refs, skips example data, survives a YAML-style loop', () => {
    const looped: JsonObject = { name: 'loop' };
    looped.self = looped;
    const root = {
      a: { $ref: '#/x' },
      b: { example: { $ref: 'not-a-ref' }, examples: { one: { value: { $ref: 'data' } } } },
      properties: { example: { $ref: '#/y' } },
      loop: looped,
    };
    assert.deepEqual(
      collectRefs(root).map((use) => [use.ref, use.tokens.join('/')]),
      [
        ['#/x', 'a'],
        ['#/y', 'properties/example'],
      ],
    );
  });

  const cases: Array<[string[], string | undefined]> = [
    [['paths', '/menu', 'get', 'x-codeSamples', '0', 'source'], 'x-codeSamples'],
    [['paths', '/menu', 'get', 'responses', '200', 'headers', 'x-rate-limit'], undefined],
    [['components', 'schemas', 'Pet', 'properties', 'x-id'], undefined],
    [['x-webhooks', 'newPet', 'post'], undefined],
    [['x-webhooks', 'newPet', 'post', 'x-internal'], 'x-internal'],
  ];
  for (const [tokens, expected] of cases) {
    test(`extensionOf(${tokens.join('/')})`, () => {
      assert.equal(extensionOf(tokens), expected);
    });
  }
});
