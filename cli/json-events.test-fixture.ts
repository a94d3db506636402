import { spawn } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** A CLI command run with `--json`, once it exited. */
export interface FinishedCommand {
  code: number | null;
  events: Array<Record<string, unknown>>;
  stderr: string;
}

/**
 * Runs `callback-verify <args> --json`, hands its `ready` event to `act`, and resolves once the
 * command exited and `act` is done (a failed assertion in `act` rejects).
 * @example await runWithJsonEvents(['listen', spec, '--expect', '1'], async (ready) => { … })
 */
export function runWithJsonEvents(
  args: readonly string[],
  act: (ready: Record<string, unknown>) => Promise<void> = async () => {},
): Promise<FinishedCommand> {
  const child = spawn(process.execPath, [main, ...args, '--json'], {
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let acted: Promise<void> = Promise.resolve();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    events.push(event);
    if (event.event === 'ready') acted = act(event);
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      acted.then(() => resolve({ code, events, stderr }), reject);
    });
  });
}

/**
 * One HTTPS request trusting `ca` (a JSON body when one is given), resolving with status and text.
 * @example const page = await httpsCall(dashboardUrl, ca)
 */
export function httpsCall(
  url: string,
  ca: Buffer,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      {
        method: init.method ?? 'GET',
        ca,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}
