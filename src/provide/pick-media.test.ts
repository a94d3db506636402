import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MediaTypeSpec } from '../spec/contract.ts';
import { pickMedia } from './pick-media.ts';

const media = (mediaType: string): MediaTypeSpec => ({
  mediaType,
  examples: [],
  pointer: '',
});

test('pickMedia: application/json, else a +json type, else the first declared', () => {
  const cases: Array<{ given: string[]; want: string | undefined }> = [
    { given: [], want: undefined },
    { given: ['text/plain'], want: 'text/plain' },
    {
      given: ['text/plain', 'application/cloudevents+json', 'Application/JSON; charset=utf-8'],
      want: 'Application/JSON; charset=utf-8',
    },
    {
      given: ['application/xml', 'application/merge-patch+json'],
      want: 'application/merge-patch+json',
    },
    {
      given: ['application/x-www-form-urlencoded', 'multipart/form-data'],
      want: 'application/x-www-form-urlencoded',
    },
  ];
  for (const { given, want } of cases) {
    assert.equal(pickMedia(given.map(media))?.mediaType, want, given.join(', '));
  }
});
