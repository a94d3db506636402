import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RecordedRequest, startRecordingReceiver } from './recording-receiver.ts';
import { spawnProgram } from './spawn-program.ts';

const here = (file: string): string => new URL(file, import.meta.url).pathname;
const json = (request: RecordedRequest | undefined): Record<string, unknown> =>
  JSON.parse(request?.body ?? '{}');

describe('trivial.ts', () => {
  test('answers 202 and posts {ok, seq} to {callback_url}/done', async () => {
    const receiver = await startRecordingReceiver([204]);
    const provider = await spawnProgram(here('./trivial.ts'), ['--quiet']);
    try {
      for (const expected of [1, 2]) {
        const url = `${provider.origin}/hook?callback_url=${encodeURIComponent(`${receiver.origin}/t${expected}`)}`;
        const response = await fetch(url, { method: 'POST' });
        assert.equal(response.status, 202);
        const requests = await receiver.waitFor(expected);
        assert.equal(requests[expected - 1]?.url, `/t${expected}/done`);
        assert.deepEqual(json(requests[expected - 1]), { ok: true, seq: expected });
      }
      assert.equal((await fetch(`${provider.origin}/hook`, { method: 'POST' })).status, 400);
    } finally {
      await provider.stop();
      await receiver.close();
    }
  });
});
