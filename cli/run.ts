import type { Command } from 'commander';
import { reporterNames } from '../src/report/write-reports.ts';
import { collect } from './collect.ts';
import type { RunCommandFlags } from './run-action.ts';

/** Registers `callback-verify run <spec>`: the provider conformance run. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'Trigger every operation that declares callbacks, wait for the callbacks, check them and report.',
    )
    .argument('<spec>', 'OpenAPI document: file path or http(s) URL')
    .option('--provider <url>', 'base URL of the provider under test')
    .option(
      '--provider-cmd <command>',
      'start the provider with this shell command (stopped at the end)',
    )
    .option('--ready-url <url>', 'with --provider-cmd: poll this URL until it answers')
    .option(
      '--ready-timeout <seconds>',
      'with --provider-cmd: how long to wait until it answers',
      '15',
    )
    .option(
      '--config <file>',
      'config file (default callback-verify.config.{json,yaml} in the working directory)',
    )
    .option(
      '--operation <id>',
      'only this trigger operation: operationId or "METHOD /path" (repeatable)',
      collect,
      [],
    )
    .option('--tag <tag>', 'only trigger operations with this tag (repeatable)', collect, [])
    .option('--contract <id>', 'only check this callback contract (repeatable)', collect, [])
    .option(
      '-H, --header <header>',
      'header sent with every trigger, "Name: value" (repeatable)',
      collect,
      [],
    )
    .option('--timeout <seconds>', 'wait this long for each expected callback (default 10)')
    .option('--concurrency <n>', 'triggers sent side by side (default 1)')
    .option('--repeat <n>', 'send each trigger n times, each with its own token (default 1)')
    .option(
      '--respond <contract=statuses>',
      'scripted receiver answers, e.g. "*=503,503,200" (repeatable)',
      collect,
      [],
    )
    .option('--callback-base <url>', 'base URL the provider calls instead of a fixed callback host')
    .option('--host <host>', 'receiver interface (default 127.0.0.1)')
    .option('--port <port>', 'receiver port (default: any free port)')
    .option(
      '--tls-cert <file>',
      'receiver serves HTTPS with this PEM certificate (needs --tls-key)',
    )
    .option('--tls-key <file>', 'the PEM private key of --tls-cert')
    .option(
      '--ca <file>',
      'also trust this PEM certificate authority for https triggers and --ready-url (repeatable)',
      collect,
      [],
    )
    .option(
      '--verify-signature <scheme>',
      'check callback signatures: standard-webhooks, github, stripe, hmac-sha256',
    )
    .option('--secret <secret>', 'secret for --verify-signature (or set CALLBACK_VERIFY_SECRET)')
    .option(
      '--reporter <name>',
      `${reporterNames.join(' | ')} (repeatable; default console)`,
      collect,
      [],
    )
    .option('--output <dir>', 'write the reports into this directory')
    .option('--quiet', 'no progress lines while waiting')
    .option('--no-color', 'no ANSI colours')
    .option('--no-dashboard', 'do not serve the live dashboard')
    .action(async (spec: string, flags: RunCommandFlags) => {
      // Loaded when the command runs, so `--version`, `--help` and the other commands skip its imports.
      const { runAction } = await import('./run-action.ts');
      process.exitCode = await runAction(spec, flags);
    });
}
