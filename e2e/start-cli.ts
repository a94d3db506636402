import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');

/** The built CLI running as a child process. */
export interface RunningCli {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
}

/**
 * Starts the built CLI (`dist/cli/main.js`) from the repository root and resolves once a stdout
 * line matches `ready`; rejects with what it printed if none does within `timeoutMs`.
 * @example const listening = await startCli(['listen', 'specs/invoices.yaml', '--port', '0'], /^dashboard: /);
 */
export async function startCli(
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 20_000,
): Promise<RunningCli> {
  assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${lines.join('\n')}`)), timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (ready.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, lines, exited };
}

/** How a finished run of the built CLI ended. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`dist/cli/main.js`) from the repository root to the end.
 * @example const { code, stdout } = await runCli(['run', 'specs/invoices.yaml', '--provider-cmd', '…']);
 */
export function runCli(
  args: readonly string[],
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: root,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false', ...options.env },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (for a provider that needs its port up front).
 * @example const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
