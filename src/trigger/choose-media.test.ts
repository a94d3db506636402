import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MediaTypeSpec } from '../spec/contract.ts';
import { chooseMedia } from './choose-media.ts';

const media = (mediaType: string): MediaTypeSpec => ({ mediaType, examples: [], pointer: '' });

test('chooseMedia: JSON (or a JSON suffix, or */*) first, else the first declared', () => {
  const cases: Array<[string[], string | undefined]> = [
    [[], undefined],
    [['text/plain'], 'text/plain'],
    [['text/plain', 'application/json'], 'application/json'],
    [['application/xml', 'application/cloudevents+json'], 'application/cloudevents+json'],
    [['application/xml', '*/*'], '*/*'],
    [
      ['application/x-www-form-urlencoded', 'application/json; charset=utf-8'],
      'application/json; charset=utf-8',
    ],
  ];
  for (const [types, want] of cases) {
    assert.equal(chooseMedia(types.map(media))?.mediaType, want, types.join(' '));
  }
});
