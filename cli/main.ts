#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError, ExitCode, exitCodeFor } from './exit-code.ts';
import { registerInspectCommand } from './inspect.ts';
import { registerListenCommand } from './listen.ts';
import { registerMockCommand } from './mock.ts';
import { registerRunCommand } from './run.ts';
import { registerSendCommand } from './send.ts';
import { version } from './version.ts';

/** Builds the commander program; each command lives in its own file and registers itself here. */
export function createProgram(): Command {
  const program = new Command('callback-verify')
    .description('Contract-test OpenAPI callbacks and webhooks.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Commander's own usage errors read like the tool's: `error CV_USAGE: …` (commands inherit this).
    .configureOutput({
      outputError: (text, write) => write(text.replace(/^error: /, 'error CV_USAGE: ')),
    })
    .exitOverride();
  // Commands register below, one line each.
  registerInspectCommand(program);
  registerListenCommand(program);
  registerMockCommand(program);
  registerRunCommand(program);
  registerSendCommand(program);
  return program;
}

/** Runs the CLI with argv and exits with the documented code. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that goes away (`callback-verify inspect --help | head -3`) is not a failure of the
  // command: the rest of its output is dropped, and a run still finishes and writes its reports.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.conformant;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? ExitCode.conformant : ExitCode.usage;
    }
    process.stderr.write(`${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

process.exitCode = await main(process.argv);
