import type { Command } from 'commander';
import type { InspectFlags } from './inspect-action.ts';

/** Registers `inspect <spec>`: list every callback and webhook, where its URL comes from, and lint findings. */
export function registerInspectCommand(program: Command): void {
  program
    .command('inspect')
    .description(
      'List every callback and webhook contract of a spec, where each URL comes from, and lint findings.',
    )
    .argument('<spec>', 'OpenAPI 3.0/3.1/3.2 document: a file path or an http(s) URL')
    .option('--json', 'print the catalogue as JSON (stable shape, see docs/manual/inspect.md)')
    .option('--strict', 'exit 1 when there is any finding of error or warning severity')
    .addHelpText(
      'after',
      '\nExit codes: 0 listed (lint findings do not fail unless --strict), 1 with --strict and an error or warning finding, 2 spec could not be loaded.\n\nExample:\n  callback-verify inspect specs/corpus/oai-callback-example.yaml',
    )
    .action(async (spec: string, flags: InspectFlags) => {
      // Loaded when the command runs, so `--version`, `--help` and the other commands skip its imports.
      const { inspectAction } = await import('./inspect-action.ts');
      process.exitCode = await inspectAction(spec, flags);
    });
}
