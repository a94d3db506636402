import type { Command } from 'commander';
import { addDeliveryOptions } from './delivery-options.ts';
import type { MockFlags } from './mock-options.ts';
import { addReportOptions } from './report-options.ts';

/** Registers `mock` on the program. */
export function registerMockCommand(program: Command): void {
  const command = program
    .command('mock')
    .description(
      "Run a mock of the spec's API that fires the declared callbacks at the URL the consumer supplies, and check the consumer's replies.",
    )
    .argument('<spec>', 'OpenAPI document (file path or http(s) URL)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind (0 = any free port)', '4010')
    .option('--dynamic', 'answer with values generated from the schemas instead of the examples')
    .option('--example <name>', 'send this named example as the callback payload where declared')
    .option('--delay <ms>', 'wait this long after answering before firing callbacks', '100')
    .option('--order <order>', "order of an operation's callbacks: declared or reverse", 'declared')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (needs --tls-key)')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert');
  addDeliveryOptions(command, 'callbacks')
    .option('--delivery-timeout <seconds>', 'time allowed for each callback delivery', '10')
    .option('--timeout <seconds>', 'stop after this many seconds')
    .option('--expect <n>', 'stop once n callbacks were delivered or refused; fewer fails the run')
    .option(
      '--json',
      'write JSON Lines events to stdout (ready, request, delivery, skipped, summary)',
    );
  addReportOptions(command)
    .option('--no-dashboard', 'do not serve the live dashboard')
    .option('--no-color', 'no ANSI colours in the console report (also NO_COLOR)')
    .action(async (spec: string, flags: MockFlags) => {
      // Loaded when the command runs, so `--version`, `--help` and the other commands skip its imports.
      const { mockAction } = await import('./mock-action.ts');
      process.exitCode = await mockAction(spec, flags);
    });
}
