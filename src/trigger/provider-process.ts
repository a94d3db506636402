import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { ProviderError } from '../errors.ts';
import { describeTlsFailure } from '../tls/describe-tls-failure.ts';
import { createOutputBuffer } from './output-buffer.ts';
import { sendHttp } from './send-http.ts';

/** A provider started by the tool. */
export interface ProviderProcess {
  readonly command: string;
  readonly pid: number | undefined;
  /** The provider's base URL: `--provider`, else the first URL it printed. */
  readonly url: string;
  /** What it printed so far (stdout and stderr interleaved, bounded). */
  output(): string;
  /** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startProvider}. */
export interface StartProviderOptions {
  /** Shell command line, e.g. `node server.js --port 8000`. */
  command: string;
  cwd?: string;
  /** Base URL it will answer on; when absent, the first `http(s)://…` it prints is used. */
  url?: string;
  /** Polled until it answers any HTTP status; else a TCP connect to `url` tells readiness. */
  readyUrl?: string;
  /** Default 15 000. */
  readyTimeoutMs?: number;
  /** Characters of output kept; default 64 KiB. */
  outputLimit?: number;
  /** SIGTERM → SIGKILL grace; default 3 000. */
  stopGraceMs?: number;
  /** Gives up waiting (e.g. on Ctrl-C): the process is stopped and a ProviderError thrown. */
  signal?: AbortSignal;
  /**
   * The environment the command starts from; none by default, so a library never leaks its own
   * process's variables into the provider. The CLI passes `process.env`.
   */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Set over `baseEnv` (e.g. the receiver's URL variables). */
  env?: Readonly<Record<string, string>>;
  /** Extra certificate authorities (PEM) trusted when `readyUrl` is https. */
  ca?: readonly string[];
}

/**
 * Starts the provider under test in its own process group, captures its output, and resolves
 * once it answers. Never ready, exited early or unusable: a ProviderError with its last output.
 *
 * @example
 * const provider = await startProvider({
 *   command: 'node server.js --port 8000',
 *   url: 'http://127.0.0.1:8000',
 *   baseEnv: process.env,
 * });
 * try { … } finally { await provider.stop(); }
 */
export async function startProvider(options: StartProviderOptions): Promise<ProviderProcess> {
  const output = createOutputBuffer(options.outputLimit ?? 64 * 1024);
  const child = spawn(options.command, {
    shell: true,
    detached: process.platform !== 'win32',
    cwd: options.cwd,
    env: { ...options.baseEnv, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printedUrl: string | undefined;
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output.append(text);
    printedUrl ??= /https?:\/\/[^\s"'<>]+/.exec(text)?.[0]?.replace(/[.,;)]+$/, '');
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  // 'exit' can come before the last of its output has been read: 'close' says the pipes are
  // drained. A grandchild holding them open must not keep us waiting, hence the bound.
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const drainOutput = (): Promise<void> =>
    Promise.race([drained, new Promise<void>((resolve) => setTimeout(resolve, 500).unref())]);
  const stop = createStopper(
    child,
    exited.then(drainOutput),
    () => exit !== undefined || spawnError !== undefined,
    options.stopGraceMs ?? 3000,
  );
  const timeoutMs = options.readyTimeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  // Why the last readiness check failed, when that says more than "no answer" (a TLS problem).
  let readyProblem: string | undefined;
  const describeOutput = (): string => {
    const tail = output.tail(20);
    return tail === '' ? '(it printed nothing)' : tail;
  };
  try {
    while (true) {
      if (spawnError !== undefined || exit !== undefined) {
        await drainOutput();
        const how =
          spawnError !== undefined
            ? `could not be started (${spawnError.message})`
            : `exited with ${exit?.signal ?? `code ${exit?.code}`} before it answered`;
        throw new ProviderError(
          'CV_PROVIDER_START',
          `The provider command "${options.command}" ${how}. Its last output:\n${describeOutput()}`,
          {
            hint: 'Run the command by hand to see why it stops; check its port and arguments.',
            output: output.text(),
          },
        );
      }
      if (options.signal?.aborted === true) {
        throw new ProviderError(
          'CV_PROVIDER_START',
          `Stopped waiting for the provider command "${options.command}": interrupted.`,
          {
            output: output.text(),
          },
        );
      }
      const url = options.url ?? printedUrl;
      const ready = url === undefined ? false : await answers(options.readyUrl, url, options.ca);
      if (typeof ready === 'string') readyProblem = ready;
      if (url !== undefined && ready === true) {
        return {
          command: options.command,
          pid: child.pid,
          url,
          output: () => output.text(),
          stop,
        };
      }
      if (Date.now() > deadline) {
        const waitedFor =
          options.readyUrl ?? options.url ?? 'a URL in its output (pass --provider <url>)';
        throw new ProviderError(
          'CV_PROVIDER_START',
          `The provider command "${options.command}" did not answer at ${waitedFor} within ${timeoutMs / 1000} s${readyProblem === undefined ? '' : ` (${readyProblem})`}. Its last output:\n${describeOutput()}`,
          {
            hint:
              readyProblem === undefined
                ? 'Check that --provider (or --ready-url) matches the port it listens on, or raise --ready-timeout.'
                : 'It answers, but not over TLS that can be trusted: fix what the message says (the message names the certificate problem).',
            output: output.text(),
          },
        );
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

function createStopper(
  child: ChildProcess,
  exited: Promise<void>,
  hasExited: () => boolean,
  graceMs: number,
): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const signal = (name: NodeJS.Signals): void => {
    try {
      // The shell's children are in its process group: signal them all, not just the shell.
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // Already gone.
    }
  };
  const groupAlive = (): boolean => {
    if (child.pid === undefined || process.platform === 'win32') return false;
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return () => {
    stopping ??= (async () => {
      if (!hasExited()) {
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // The shell may exit before the server it started: wait until the whole group is gone.
      const deadline = Date.now() + graceMs;
      while (groupAlive() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (groupAlive()) signal('SIGKILL');
    })();
    return stopping;
  };
}

/**
 * True once the provider answers: any HTTP status at `readyUrl`, else a TCP connect to `url`.
 * A TLS failure at `readyUrl` (an untrusted certificate) comes back as its description.
 */
async function answers(
  readyUrl: string | undefined,
  url: string,
  ca: readonly string[] | undefined,
): Promise<boolean | string> {
  if (readyUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(readyUrl);
    } catch {
      return false;
    }
    const outcome = await sendHttp(
      { url: parsed, method: 'GET', headers: {} },
      { timeoutMs: 1000, ...(ca === undefined ? {} : { ca }) },
    );
    if (outcome.ok) return true;
    return describeTlsFailure(outcome.error)?.message ?? false;
  }
  return canConnect(url, 1000);
}

/**
 * True when a TCP connection to the URL's host and port succeeds within `timeoutMs`.
 *
 * @example
 * await canConnect('http://127.0.0.1:8000', 1000) // false when nothing listens there
 */
export function canConnect(url: string, timeoutMs: number): Promise<boolean> {
  const parsed = new URL(url);
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Checks that a provider given by URL accepts connections; a ProviderError (CV_PROVIDER_UNREACHABLE) if not.
 *
 * @example
 * await checkProviderReachable('http://127.0.0.1:8000');
 */
export async function checkProviderReachable(url: string, timeoutMs = 3000): Promise<void> {
  if (await canConnect(url, timeoutMs)) return;
  throw new ProviderError('CV_PROVIDER_UNREACHABLE', `Nothing accepts connections at ${url}.`, {
    hint: 'Start the provider first, check --provider, or let the tool start it with --provider-cmd "<command>".',
  });
}
