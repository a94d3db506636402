import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.ts';
import type { Exchange } from './exchange.ts';
import { serialiseExchange } from './serialise-exchange.ts';

/** An append-only JSON Lines journal of exchanges. */
export interface Journal {
  /** Resolves once the line is handed to the file system (so it survives a crash of the process). */
  append(exchange: Exchange): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** Lines that arrived in one turn of the event loop, written together. */
interface Batch {
  text: string[];
  written: Promise<void>;
  settle: (error: Error | null | undefined) => void;
}

/**
 * Opens (appends to) a journal file, creating its folder; without a path every append is a no-op.
 * One write stream for the whole run keeps memory flat: lines are not buffered in the process
 * beyond the current turn of the event loop. The lines appended in one turn go to the file in one
 * write, and each of their appends resolves once that write is done.
 * @example const journal = await createJournal('out/exchanges.jsonl'); await journal.append(exchange);
 */
export async function createJournal(path: string | undefined): Promise<Journal> {
  if (path === undefined) {
    return { append: () => Promise.resolve(), close: () => Promise.resolve() };
  }
  let stream: WriteStream;
  try {
    await mkdir(dirname(path), { recursive: true });
    stream = createWriteStream(path, { flags: 'a' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (error) {
    throw new UsageError(`Cannot open the journal file ${path}: ${describeOpenError(error)}.`, {
      hint: 'Pass --record a path in a folder you can write to.',
      cause: error,
    });
  }
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  let closed = false;
  let batch: Batch | undefined;

  function flush(): void {
    const current = batch;
    if (current === undefined) return;
    batch = undefined;
    if (failure !== undefined) {
      current.settle(failure);
      return;
    }
    stream.write(current.text.join(''), current.settle);
  }

  function open(): Batch {
    let settle: Batch['settle'] = () => {};
    const written = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // Every append of the batch awaits this one promise; this keeps an unawaited rejection quiet.
    written.catch(() => {});
    setImmediate(flush);
    return { text: [], written, settle };
  }

  return {
    append(exchange) {
      if (failure !== undefined) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error(`journal ${path} is closed`));
      batch ??= open();
      batch.text.push(serialiseExchange(exchange));
      return batch.written;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      flush();
      return new Promise((resolve) => stream.end(() => resolve()));
    },
  };
}

/** Why a journal file cannot be opened, in words rather than an errno (`EEXIST: …, mkdir`). */
function describeOpenError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a part of its folder path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
