import type { Command } from 'commander';
import { signatureSchemes } from '../src/provide/signatures/signature-scheme.ts';
import { collect } from './collect.ts';
import type { ListenFlags } from './listen-options.ts';
import { addReportOptions } from './report-options.ts';

/** Registers `listen` on the program. */
export function registerListenCommand(program: Command): void {
  const command = program
    .command('listen')
    .description(
      'Run a receiver for every callback and webhook of a spec, print their URLs and validate what arrives.',
    )
    .argument('<spec>', 'OpenAPI document (file path or http(s) URL)')
    .argument(
      '[command...]',
      'after --: a command to run with the receiver URLs in its environment; listen ends when it exits',
    )
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind (0 = any free port)', '0')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (needs --tls-key)')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert')
    .option('--webhook-prefix <path>', 'path prefix of webhook receivers', '/webhooks')
    .option(
      '--record <file>',
      'append every request to this JSON Lines journal before answering it',
    )
    .option(
      '--max-body <bytes>',
      'largest accepted request body; larger ones get 413',
      String(10 * 1024 * 1024),
    )
    .option(
      '--unmatched-status <status>',
      'status for a request that matches no contract (it is still an unexpected-callback finding)',
      '404',
    )
    .option(
      '--respond <contract=statuses>',
      'answer a contract with these statuses in turn, e.g. "*=503,503,200" (repeatable)',
      collect,
    )
    .option('--delay <contract=ms>', 'wait before answering a contract (repeatable)', collect)
    .option(
      '--drop <contract>',
      'drop the connection instead of answering (repeatable; * for all)',
      collect,
    )
    .option('--timeout <seconds>', 'stop after this many seconds')
    .option(
      '--expect <n>',
      'stop once n requests matched a contract; fewer by the end fails the run',
    )
    .option('--json', 'write JSON Lines events to stdout (ready, exchange…, summary)');
  addReportOptions(command)
    .option(
      '--verify-signature <scheme>',
      `check every matched request's signature: ${signatureSchemes.join(', ')}`,
    )
    .option('--secret <secret>', 'secret for --verify-signature (or set CALLBACK_VERIFY_SECRET)')
    .option(
      '--signature-tolerance <seconds>',
      'largest accepted age of a signed timestamp (default 300)',
    )
    .option('--no-dashboard', 'do not serve the live dashboard')
    .option('--no-color', 'no ANSI colours in the console report (also NO_COLOR)')
    .action(async (spec: string, args: string[], flags: ListenFlags) => {
      // Loaded when the command runs, so `--version`, `--help` and the other commands skip its imports.
      const { listenAction } = await import('./listen-action.ts');
      process.exitCode = await listenAction(spec, args, flags);
    });
}
