import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportError, SpecError, UsageError } from '../src/errors.ts';
import { describeError, exitCodeFor } from './exit-code.ts';

test('exitCodeFor: 2 for the tool’s own errors, 70 for bugs and CV_INTERNAL', () => {
  const cases: [string, unknown, number][] = [
    ['usage', new UsageError('bad flag'), 2],
    ['spec', new SpecError('CV_SPEC_PARSE', 'a.yaml', 'bad yaml'), 2],
    ['report write', new ReportError('CV_REPORT_WRITE', 'cannot write'), 2],
    ['package missing its files', new ReportError('CV_INTERNAL', 'assets missing'), 70],
    ['plain Error', new Error('boom'), 70],
    ['thrown string', 'boom', 70],
  ];
  for (const [name, error, want] of cases) assert.equal(exitCodeFor(error), want, name);
});

test('describeError: "error CV_…: message" and the hint on its own line; bugs say so', () => {
  assert.equal(
    describeError(new UsageError('Unknown reporter "x".', { hint: 'Use json.' })),
    'error CV_USAGE: Unknown reporter "x".\n  Use json.',
  );
  assert.equal(describeError(new UsageError('No hint.')), 'error CV_USAGE: No hint.');
  assert.equal(
    describeError(new UsageError('Bad $ref "\u001b[2J".\nIts output:\nline')),
    'error CV_USAGE: Bad $ref "\\x1b[2J".\nIts output:\nline',
    'control characters escaped, newlines kept',
  );
  assert.match(
    describeError(new TypeError('boom')),
    /^internal error \(a bug.*\n.*TypeError: boom/s,
  );
});
