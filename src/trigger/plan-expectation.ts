import type { Contract } from '../spec/contract.ts';
import { injectionPoint } from '../spec/runtime-expression/index.ts';
import type { PlannedExpectation } from './types.ts';

/**
 * An expected callback; a key whose host the trigger cannot set is marked uncheckable, with why
 * (unless `callbackBase` says where a fixed-host or relative callback will arrive).
 * @example planExpectation(contract, 1, undefined).checkable // false for https://partner.example/hook
 */
export function planExpectation(
  contract: Contract,
  count: number,
  callbackBase: string | undefined,
): PlannedExpectation {
  const expectation: PlannedExpectation = {
    contract: contract.id,
    count,
    ...(contract.expression === undefined ? {} : { template: contract.expression }),
    findings: [],
    checkable: true,
  };
  const template = contract.expression;
  if (template === undefined || injectionPoint(template) !== undefined) return expectation;
  const base = template.base;
  if (base.kind === 'fixed' || base.kind === 'relative') {
    const written = base.kind === 'fixed' ? base.origin : '';
    if (callbackBase !== undefined) {
      expectation.fixedOrigin = { written, actual: callbackBase.replace(/\/+$/, '') };
      expectation.tokenless = true;
      return expectation;
    }
    expectation.checkable = false;
    expectation.findings.push({
      check: 'callback.fixed-host',
      severity: 'warning',
      contract: contract.id,
      spec: contract.pointer,
      message:
        base.kind === 'fixed'
          ? `The callback URL has a fixed host (${written}), so no receiver URL can be injected; it was not checked. Configure the provider to call another base URL and pass it as --callback-base.`
          : 'The callback URL is a path with no host, so no receiver URL can be injected; it was not checked. Pass the base URL the provider calls as --callback-base.',
      expected: template.raw,
    });
  } else if (count > 0) {
    expectation.checkable = false;
    expectation.findings.push({
      check: 'callback.not-injectable',
      severity: 'warning',
      contract: contract.id,
      spec: contract.pointer,
      message: `No receiver URL can be injected for the callback key ${template.raw}: it does not read its base from the trigger request; it was not checked.`,
      expected: template.raw,
    });
  }
  return expectation;
}
