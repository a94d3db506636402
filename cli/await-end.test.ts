import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awaitEnd, type EndReason, type EndWatch } from './await-end.ts';

test('awaitEnd: the first of a signal, the timeout or a watch ends it; dispose releases all', async () => {
  const cases: Array<{
    name: string;
    timeoutMs?: number;
    watches?: Array<EndWatch<EndReason | { kind: 'child' }>>;
    trigger?: () => void;
    want: EndReason | { kind: 'child' };
  }> = [
    { name: 'timeout', timeoutMs: 10, want: { kind: 'timeout' } },
    {
      name: 'SIGTERM before the timeout',
      timeoutMs: 10_000,
      trigger: () => process.emit('SIGTERM'),
      want: { kind: 'signal', signal: 'SIGTERM' },
    },
    {
      name: 'a watch before the timeout',
      timeoutMs: 10_000,
      watches: [
        (end) => {
          const timer = setTimeout(() => end({ kind: 'child' }), 5);
          return () => clearTimeout(timer);
        },
      ],
      want: { kind: 'child' },
    },
    {
      name: '--expect reached',
      watches: [
        (end) => {
          setImmediate(() => end({ kind: 'expect' }));
          return () => {};
        },
      ],
      want: { kind: 'expect' },
    },
  ];
  for (const { name, timeoutMs, watches, trigger, want } of cases) {
    const before = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    let released = 0;
    const counted = (watches ?? []).map(
      (watch): EndWatch<EndReason | { kind: 'child' }> =>
        (end) => {
          const stop = watch(end);
          return () => {
            released += 1;
            stop();
          };
        },
    );
    const { ended, dispose } = awaitEnd<{ kind: 'child' }>({
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      watches: counted,
    });
    assert.equal(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM'), before + 2);
    trigger?.();
    assert.deepEqual(await ended, want, name);
    dispose();
    assert.equal(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM'), before, name);
    assert.equal(released, counted.length, name);
  }
});
