import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** An example program running as a child process. */
export interface RunningProgram {
  /** `http://127.0.0.1:<port>` from its `listening on …` line. */
  origin: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Lines it wrote to stdout after the readiness line. */
  lines(): string[];
  /** Resolves once at least `count` stdout lines arrived (after the readiness line). */
  waitForLines(count: number, timeoutMs?: number): Promise<string[]>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node <file> <args>` and resolves once it printed `listening on <origin>`.
 *
 * @example
 * const provider = await spawnProgram('e2e/providers/invoices.ts', ['--fault', 'wrong-type']);
 */
export async function spawnProgram(
  file: string,
  args: readonly string[] = [],
  timeoutMs = 10_000,
): Promise<RunningProgram> {
  const child = spawn(process.execPath, [file, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let origin: string | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} not ready: ${stderr}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}: ${stderr}`)));
    const reader = createInterface({ input: child.stdout! });
    reader.on('line', (line) => {
      if (origin === undefined) {
        origin = line.replace(/^listening on /, '');
        clearTimeout(timer);
        resolve(origin);
        return;
      }
      lines.push(line);
      for (const wake of waiters) wake();
    });
  });
  const readyOrigin = await ready;
  return {
    origin: readyOrigin,
    child,
    stderr: () => stderr,
    lines: () => [...lines],
    waitForLines(count, wait = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (lines.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...lines]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} stdout lines, got ${lines.length}: ${stderr}`));
        }, wait);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}
