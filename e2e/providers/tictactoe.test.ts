import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RecordedRequest, startRecordingReceiver } from './recording-receiver.ts';
import { spawnProgram } from './spawn-program.ts';

const here = (file: string): string => new URL(file, import.meta.url).pathname;
const json = (request: RecordedRequest | undefined): Record<string, unknown> =>
  JSON.parse(request?.body ?? '{}');

describe('tictactoe.ts', { concurrency: 3 }, () => {
  const rows = [
    {
      fault: 'none',
      board: [
        ['X', '.', '.'],
        ['.', '.', '.'],
        ['.', '.', '.'],
      ],
    },
    { fault: 'wrong-type', board: 'X........' },
    { fault: 'no-callback', board: undefined },
  ];
  for (const row of rows) {
    test(row.fault, async () => {
      const receiver = await startRecordingReceiver();
      const provider = await spawnProgram(here('./tictactoe.ts'), ['--fault', row.fault]);
      try {
        const progressUrl = `${receiver.origin}/progress/7`;
        const mark = await fetch(`${provider.origin}/board/1/1`, {
          method: 'PUT',
          headers: { progressUrl, 'content-type': 'application/json' },
          body: '"X"',
        });
        assert.equal(mark.status, 202);
        assert.equal(mark.headers.get('location'), progressUrl);
        if (row.board === undefined) {
          await new Promise((resolve) => setTimeout(resolve, 400));
          assert.equal(receiver.requests.length, 0);
        } else {
          const [request] = await receiver.waitFor(1);
          assert.equal(request?.url, '/progress/7');
          assert.deepEqual(json(request), { winner: '.', board: row.board });
        }
        const again = await fetch(`${provider.origin}/board/1/1`, { method: 'PUT', body: '"O"' });
        assert.equal(again.status, 400);
        assert.equal(await again.text(), 'Square is not empty.');
        const sync = await fetch(`${provider.origin}/board/2/2`, { method: 'PUT', body: '"O"' });
        assert.equal(sync.status, 200);
        assert.equal(((await sync.json()) as { board: string[][] }).board[1]?.[1], 'O');
      } finally {
        assert.equal(await provider.stop(), 0);
        await receiver.close();
      }
    });
  }
});
