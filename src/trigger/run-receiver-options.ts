import type { ReceiverOptions } from '../receive/types.ts';
import type { RunOptions } from './types.ts';

/**
 * The options of a run's receiver: where it binds, whether it speaks HTTPS and, with a signature check, how it verifies
 * each callback as it arrives. Whoever starts the receiver of a run (`runConformance`, or a caller
 * that serves a dashboard on it) spreads these in, so both judge callbacks alike.
 * @example await createReceiver(catalogue, { ...runReceiverOptions(options), extraRoutes })
 */
export function runReceiverOptions(
  options: Pick<RunOptions, 'receiverHost' | 'receiverPort' | 'receiverTls' | 'signature'>,
): ReceiverOptions {
  return {
    host: options.receiverHost,
    port: options.receiverPort,
    ...(options.receiverTls === undefined ? {} : { tls: options.receiverTls }),
    ...(options.signature === undefined ? {} : { verifySignature: options.signature }),
  };
}
