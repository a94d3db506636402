import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import type { SlotsByToken } from './correlation-slot.ts';
import { findTriggerToken } from './find-trigger-token.ts';

/**
 * The finding for a callback no expectation took, saying as precisely as it can why: another
 * trigger's contract, a token of no trigger, a contract nothing expected, or no contract at all.
 * @example describeUnexpectedCallback(exchange, byToken).message // 'Unexpected request POST /x: it matches no callback of the spec.'
 */
export function describeUnexpectedCallback(exchange: Exchange, byToken: SlotsByToken): Finding {
  const token = findTriggerToken(exchange, byToken);
  const owner = token === undefined ? undefined : byToken.get(token);
  const what = `${exchange.request.method.toUpperCase()} ${exchange.request.url}`;
  let message: string;
  if (owner !== undefined) {
    message = `Unexpected callback ${what}: ${exchange.contract ?? 'it'} was not expected after ${owner.sent.trigger.id}.`;
  } else if (exchange.token !== undefined) {
    message = `Unexpected callback ${what}: it carries a trigger token no trigger of this run was given.`;
  } else if (exchange.contract !== undefined) {
    message = `Unexpected callback ${what}: no trigger of this run expected ${exchange.contract}.`;
  } else {
    message = `Unexpected request ${what}: it matches no callback of the spec.`;
  }
  return {
    check: 'callback.unexpected',
    severity: 'error',
    ...(exchange.contract === undefined ? {} : { contract: exchange.contract }),
    where: '/url',
    message,
    actual: what,
  };
}
