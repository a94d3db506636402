import type { Exchange } from '../receive/exchange.ts';
import type { Contract } from '../spec/contract.ts';
import { isSameMethod, wireMethod } from '../spec/wire-method.ts';
import type { Finding } from '../validate/finding.ts';
import { buildRuntimeContext } from './build-runtime-context.ts';
import type { CorrelationInput } from './correlate-callbacks.ts';
import type { CorrelationSlot } from './correlation-slot.ts';
import { describeUrlMismatch } from './describe-url-mismatch.ts';
import { sameUrlBesideDeclaredQuery } from './same-url-beside-declared-query.ts';

/**
 * Compares each callback of a slot with the URL it should have called (one finding per distinct
 * wrong URL; a query the callback operation declares, as `in: query` parameters or an OAS 3.2
 * `querystring`, may be added) and, for one routed to no contract, its method with the declared one.
 * @example checkCallbackUrls(slot, input, contract)[0]?.check // 'url.mismatch'
 */
export function checkCallbackUrls(
  slot: CorrelationSlot,
  input: CorrelationInput,
  contract: Contract | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const expected = slot.expectedUrl === undefined ? undefined : normaliseUrl(slot.expectedUrl);
  for (const exchange of slot.exchanges) {
    const actual = actualUrl(exchange, slot, input);
    if (
      slot.expectedUrl !== undefined &&
      // The same text needs no parsing: most callbacks call exactly the URL they were given.
      actual !== slot.expectedUrl &&
      normaliseUrl(actual) !== expected &&
      !sameUrlBesideDeclaredQuery(actual, slot.expectedUrl, contract?.operation.parameters ?? []) &&
      !seen.has(actual)
    ) {
      seen.add(actual);
      findings.push({
        check: 'url.mismatch',
        severity: 'error',
        contract: slot.planned.contract,
        where: '/url',
        ...(contract === undefined ? {} : { spec: contract.pointer }),
        message: describeUrlMismatch({
          expected: slot.expectedUrl,
          actual,
          ...withBase(slot),
          ...(slot.planned.template === undefined
            ? {}
            : { template: slot.planned.template, context: buildRuntimeContext(slot.sent) }),
        }),
        expected: slot.expectedUrl,
        actual,
      });
    }
    if (
      exchange.contract === undefined &&
      contract !== undefined &&
      !isSameMethod(exchange.request.method, contract.method)
    ) {
      findings.push({
        check: 'method.mismatch',
        severity: 'error',
        contract: slot.planned.contract,
        where: '/method',
        spec: contract.operation.pointer,
        message: `The callback was sent with ${exchange.request.method}, but the spec declares ${wireMethod(contract.method)}.`,
        expected: wireMethod(contract.method),
        actual: exchange.request.method,
      });
    }
  }
  return findings;
}

/** The URL the provider was told to call back for this contract, which both URLs start with. */
function withBase(slot: CorrelationSlot): { base?: string } {
  const base =
    slot.planned.fixedOrigin?.actual ??
    slot.sent.trigger.injections.find((injection) => injection.contract === slot.planned.contract)
      ?.value;
  return base === undefined ? {} : { base };
}

function actualUrl(exchange: Exchange, slot: CorrelationSlot, input: CorrelationInput): string {
  const fixed = slot.planned.fixedOrigin;
  if (fixed === undefined)
    return `${input.receiverOrigin.replace(/\/+$/, '')}${exchange.request.url}`;
  // Forwarded from --callback-base: show the URL the provider called, not the receiver route.
  const prefix = input.fixedPrefixes?.get(slot.planned.contract) ?? '';
  const url = exchange.request.url;
  const rest = prefix !== '' && url.startsWith(prefix) ? url.slice(prefix.length) : url;
  return `${fixed.actual}${rest.startsWith('/') || rest.startsWith('?') || rest === '' ? rest : `/${rest}`}`;
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
