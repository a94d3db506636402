import type { Command } from 'commander';
import { signatureSchemes } from '../src/provide/signatures/signature-scheme.ts';
import { collect } from './collect.ts';

/** The delivery flags `mock` and `send` share, as commander hands them over. */
export interface DeliveryFlags {
  sign?: string;
  secret?: string;
  allowHost?: string[];
  allowAnyHost?: boolean;
  /** `--ca` files, repeatable. */
  ca?: string[];
}

/**
 * Adds `--sign`, `--secret`, `--allow-host`, `--allow-any-host` and `--ca`: how a command that
 * delivers payloads signs them, where it may send them and which certificate authorities it trusts.
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
    .option('--allow-any-host', 'deliver to any host (default: loopback only)')
    .option(
      '--ca <file>',
      'also trust this PEM certificate authority for https consumers (repeatable)',
      collect,
    );
}
