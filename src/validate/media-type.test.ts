import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MediaTypeSpec } from '../spec/contract.ts';
import { isJsonContentType, matchMediaType, parseMediaType } from './media-type.ts';

const declared = (...types: string[]): MediaTypeSpec[] =>
  types.map((mediaType) => ({ mediaType, examples: [], pointer: `/content/${mediaType}` }));

describe('parseMediaType', () => {
  it('lower-cases names, keeps parameter values, finds the suffix', () => {
    assert.deepEqual(parseMediaType('Application/Vnd.API+JSON; Charset="UTF-8"'), {
      type: 'application',
      subtype: 'vnd.api+json',
      essence: 'application/vnd.api+json',
      suffix: 'json',
      parameters: { charset: 'UTF-8' },
    });
  });
  it('rejects what is not type/subtype', () => {
    assert.equal(parseMediaType('json'), undefined);
    assert.equal(parseMediaType(''), undefined);
  });
});

describe('isJsonContentType', () => {
  const cases: Array<{ text: string; want: boolean }> = [
    { text: 'application/json', want: true },
    { text: 'Application/JSON; charset=utf-8', want: true },
    { text: 'application/cloudevents+json', want: true },
    { text: 'text/json', want: true },
    { text: 'application/json-seq', want: false },
    { text: 'text/plain', want: false },
    { text: 'application/x-www-form-urlencoded', want: false },
    { text: 'json', want: false },
    { text: '', want: false },
  ];
  for (const { text, want } of cases) {
    it(`${JSON.stringify(text)} → ${want}`, () => assert.equal(isJsonContentType(text), want));
  }
});

describe('matchMediaType', () => {
  const table: Array<[string, string[], string | undefined]> = [
    ['application/json', ['application/json'], 'application/json'],
    [
      'application/json; charset=utf-8',
      ['application/json; charset=utf-8'],
      'application/json; charset=utf-8',
    ],
    ['application/json', ['text/plain', 'application/json'], 'application/json'],
    ['application/cloudevents+json', ['application/*+json'], 'application/*+json'],
    ['application/cloudevents+xml', ['application/*+json'], undefined],
    ['application/problem+json', ['application/json'], undefined],
    ['text/csv', ['text/*', '*/*'], 'text/*'],
    ['image/png', ['text/*', '*/*'], '*/*'],
    ['application/json', ['*/*', 'application/*', 'application/json'], 'application/json'],
    ['application/xml', ['application/json'], undefined],
  ];
  for (const [actual, candidates, want] of table) {
    it(`${actual} against ${candidates.join(', ')}`, () => {
      const media = parseMediaType(actual);
      assert.ok(media);
      assert.equal(matchMediaType(media, declared(...candidates))?.mediaType, want);
    });
  }
});
