import type { Command } from 'commander';
import { signatureSchemes } from '../src/provide/signatures/signature-scheme.ts';
import { collect } from './collect.ts';

/** The delivery flags `mock` and `send` share, as commander hands them over. */
export interface DeliveryFlags {
  sign?: string;
  secret?: string;
  allowHost?: string[];
  allowAnyHost?: boolean;
}

/**
 * Adds `--sign`, `--secret`, `--allow-host` and `--allow-any-host`: how a command that delivers
 * payloads signs them and where it may send them.
 * @example addDeliveryOptions(program.command('send'), 'deliveries')
 */
export function addDeliveryOptions(command: Command, what: 'callbacks' | 'deliveries'): Command {
  return command
    .option('--sign <scheme>', `sign ${what}: ${signatureSchemes.join(', ')}`)
    .option('--secret <secret>', 'signing secret (or set CALLBACK_VERIFY_SECRET)')
    .option(
      '--allow-host <host>',
      'also deliver to this host: name, *.domain or host:port (repeatable)',
      collect,
    )
    .option('--allow-any-host', 'deliver to any host (default: loopback only)');
}
