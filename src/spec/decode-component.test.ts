import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeComponent } from './decode-component.ts';

const cases: Array<{ text: string; want: string }> = [
  { text: 'plain', want: 'plain' },
  { text: 'a%20b', want: 'a b' },
  { text: '%C3%A9v', want: 'év' },
  { text: 'a%2Fb', want: 'a/b' },
  { text: 'a+b', want: 'a+b' },
  { text: '100%', want: '100%' },
  { text: '%E0%A4%A', want: '%E0%A4%A' },
];
for (const { text, want } of cases) {
  test(`decodeComponent ${text}`, () => assert.equal(decodeComponent(text), want));
}
