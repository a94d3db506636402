import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../src/errors.ts';
import { parseReporters } from './report-options.ts';

test('parseReporters: known names in order (surrounding spaces ignored), else a UsageError', () => {
  assert.deepEqual(parseReporters(undefined), []);
  assert.deepEqual(parseReporters(['json', ' junit ', 'console']), ['json', 'junit', 'console']);
  assert.throws(
    () => parseReporters(['json', 'pdf']),
    (error) =>
      error instanceof UsageError &&
      error.message === 'Unknown reporter "pdf".' &&
      /console, json, junit, markdown, html/.test(error.hint ?? ''),
  );
});
