import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOutputBuffer } from './output-buffer.ts';

test('output buffer keeps the last characters and marks the drop', () => {
  const buffer = createOutputBuffer(10);
  buffer.append('0123456789');
  assert.equal(buffer.text(), '0123456789');
  buffer.append('abc\n');
  assert.equal(buffer.text(), '[… earlier output dropped …]\n456789abc\n');
});

test('output buffer tail gives the last lines', () => {
  const buffer = createOutputBuffer(1000);
  buffer.append('one\ntwo\nthree\n');
  assert.equal(buffer.tail(2), 'two\nthree');
});
