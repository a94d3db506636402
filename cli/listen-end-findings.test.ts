import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListenEnd } from './describe-listen-end.ts';
import { listenEndFindings } from './listen-end-findings.ts';

test('listenEndFindings: what only the end of listen can tell', () => {
  const cases: Array<{
    name: string;
    reason: ListenEnd;
    expect?: number;
    received: number;
    want: Array<{ check: string; message: RegExp }>;
  }> = [
    { name: 'timeout, no --expect', reason: { kind: 'timeout' }, received: 0, want: [] },
    { name: '--expect reached', reason: { kind: 'expect' }, expect: 2, received: 2, want: [] },
    {
      name: '--expect missed at a signal',
      reason: { kind: 'signal', signal: 'SIGINT' },
      expect: 3,
      received: 1,
      want: [
        { check: 'listen.expect', message: /Expected 3 .* but 1 arrived .*\(stopped by SIGINT\)/ },
      ],
    },
    {
      name: 'command exited 0',
      reason: { kind: 'command', code: 0, signal: null },
      received: 0,
      want: [],
    },
    {
      name: 'command exited 3 and --expect missed',
      reason: { kind: 'command', code: 3, signal: null },
      expect: 1,
      received: 0,
      want: [
        { check: 'listen.expect', message: /\(command exited with 3\)/ },
        { check: 'listen.command', message: /exited with code 3/ },
      ],
    },
    {
      name: 'command killed',
      reason: { kind: 'command', code: null, signal: 'SIGKILL' },
      received: 0,
      want: [{ check: 'listen.command', message: /killed by SIGKILL/ }],
    },
    {
      name: 'command could not start',
      reason: { kind: 'command-failed', message: 'spawn nope ENOENT' },
      received: 0,
      want: [{ check: 'listen.command', message: /could not be started: spawn nope ENOENT/ }],
    },
  ];
  for (const { name, reason, expect, received, want } of cases) {
    const got = listenEndFindings(reason, expect, received);
    assert.deepEqual(
      got.map((finding) => finding.check),
      want.map((item) => item.check),
      name,
    );
    want.forEach((item, index) => {
      assert.equal(got[index]?.severity, 'error', name);
      assert.match(got[index]?.message ?? '', item.message, name);
    });
  }
});
