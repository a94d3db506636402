import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../errors.ts';
import { createJournal } from './create-journal.ts';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';

function exchange(n: number): Exchange {
  return {
    id: `ex-${String(n).padStart(6, '0')}`,
    receivedAt: '2026-01-01T00:00:00.000Z',
    request: { method: 'POST', url: `/t/cb/op/${n}`, headers: {}, body: new Uint8Array([n]) },
    findings: [],
    answer: { status: 200, headers: {}, body: '' },
    verdict: 'pass',
  };
}

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-journal-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ids = (text: string): string[] =>
  text
    .trim()
    .split('\n')
    .map((line) => parseJournalLine(line)?.id ?? '(unreadable)');

test('appends of one turn share one write; each line is in the file once its append resolves', async () => {
  await withDir(async (dir) => {
    const path = join(dir, 'journal.jsonl');
    const journal = await createJournal(path);
    const first = journal.append(exchange(1));
    const second = journal.append(exchange(2));
    assert.equal(first, second);
    await second;
    assert.deepEqual(ids(await readFile(path, 'utf8')), ['ex-000001', 'ex-000002']);
    const third = journal.append(exchange(3));
    assert.notEqual(third, first);
    await third;
    assert.deepEqual(ids(await readFile(path, 'utf8')), ['ex-000001', 'ex-000002', 'ex-000003']);
    await journal.close();
  });
});

test('close writes the lines appended in the same turn, in order; later appends are refused', async () => {
  await withDir(async (dir) => {
    const path = join(dir, 'nested', 'journal.jsonl');
    const journal = await createJournal(path);
    const pending = Array.from({ length: 50 }, (_, i) => journal.append(exchange(i + 1)));
    await journal.close();
    await Promise.all(pending);
    const written = ids(await readFile(path, 'utf8'));
    assert.equal(written.length, 50);
    assert.equal(written[0], 'ex-000001');
    assert.equal(written[49], 'ex-000050');
    await assert.rejects(journal.append(exchange(51)), /closed/);
  });
});

test('without a path every append resolves and nothing is written', async () => {
  await withDir(async (dir) => {
    // A journal without a path must not fall back to a file of its own in the working directory.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const journal = await createJournal(undefined);
      assert.equal(await journal.append(exchange(1)), undefined);
      await journal.close();
      assert.deepEqual(await readdir(dir), []);
    } finally {
      process.chdir(cwd);
    }
  });
});

test('a journal path that cannot be opened is a UsageError saying why in words', async () => {
  await withDir(async (dir) => {
    await writeFile(join(dir, 'afile'), '');
    await mkdir(join(dir, 'afolder'));
    const cases: Array<[string, string]> = [
      [join(dir, 'afile', 'journal.jsonl'), 'a part of its folder path is a file, not a folder'],
      [
        join(dir, 'afile', 'deeper', 'journal.jsonl'),
        'a part of its folder path is a file, not a folder',
      ],
      [join(dir, 'afolder'), 'it is a folder, not a file'],
    ];
    for (const [path, why] of cases) {
      await assert.rejects(createJournal(path), (error: unknown) => {
        assert.ok(error instanceof UsageError, String(error));
        assert.equal(error.message, `Cannot open the journal file ${path}: ${why}.`);
        assert.match(error.hint ?? '', /--record/);
        return true;
      });
    }
  });
});
