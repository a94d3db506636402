import { HostNotAllowedError, isCallbackVerifyError } from '../../errors.ts';
import type { DeliveryResult } from '../../report/report.ts';
import { wireMethod } from '../../spec/wire-method.ts';
import { type DeliverOptions, deliver } from '../deliver.ts';
import type { PlannedCallback } from './plan-callback.ts';

/**
 * Delivers one planned callback with `deliver` and turns the refusals it throws (a host that is
 * not allowed, a URL that is not http(s)) into a failed delivery with a finding that says why, so
 * a mock keeps running whatever URL a consumer supplies.
 *
 * @example
 * const result = await fireCallback(planned, { id: 'dl-000001', checker: validator, hosts });
 * result.verdict // 'pass' | 'fail'
 */
export async function fireCallback(
  planned: Extract<PlannedCallback, { ok: true }>,
  options: Omit<DeliverOptions, 'contract' | 'payload'>,
): Promise<DeliveryResult> {
  const { contract, request, payload } = planned;
  try {
    const result = await deliver(request, { ...options, contract, payload });
    if (planned.notices !== undefined) result.findings.unshift(...planned.notices);
    return result;
  } catch (error) {
    if (!isCallbackVerifyError(error)) throw error;
    const refused = error instanceof HostNotAllowedError;
    return {
      id: options.id,
      contract: contract.id,
      url: request.url,
      method: wireMethod(request.method),
      payload,
      findings: [
        {
          check: refused ? 'delivery.host-not-allowed' : 'delivery.failed',
          severity: 'error',
          message: error.hint === undefined ? error.message : `${error.message} ${error.hint}`,
          contract: contract.id,
          where: '/url',
          actual: request.url,
        },
      ],
      verdict: 'fail',
    };
  }
}
