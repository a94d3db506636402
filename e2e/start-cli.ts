import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
