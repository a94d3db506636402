import type { Command } from 'commander';
import { collect } from './collect.ts';
import { addDeliveryOptions } from './delivery-options.ts';
import { addReportOptions } from './report-options.ts';
import type { SendFlags } from './send-options.ts';

/** Registers `send` on the program. */
export function registerSendCommand(program: Command): void {
  const command = program
    .command('send')
    .description('Deliver a callback or webhook payload to a consumer and check its reply.')
    .argument('<spec>', 'OpenAPI document (file path or http(s) URL)')
    .argument(
      '[contract]',
      'contract id, callback or webhook name, or operationId (omit with --all)',
    )
    .requiredOption(
      '--to <url>',
      "the consumer's URL; every delivery goes to exactly this URL ({name} is replaced by each webhook's or callback's name)",
    )
    .option(
      '--example <name>',
      'send this named example (default: the first example, else generated)',
    )
    .option('--body <file>', "send this file's bytes as the body")
    .option('--all', 'deliver every webhook of the spec')
    .option(
      '--invalid',
      'also send payloads that break the schema; a consumer accepting one is lenient',
    );
  addDeliveryOptions(command, 'deliveries')
    .option('--timeout <seconds>', 'time allowed for each delivery', '10')
    .option('--header <"Name: value">', 'extra request header (repeatable)', collect);
  addReportOptions(command).action(
    async (spec: string, contract: string | undefined, flags: SendFlags) => {
      // Loaded when the command runs, so `--version`, `--help` and the other commands skip its imports.
      const { sendAction } = await import('./send-action.ts');
      process.exitCode = await sendAction(spec, contract, flags);
    },
  );
}
