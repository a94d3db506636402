import type { Exchange } from '../receive/exchange.ts';
import type { Receiver } from '../receive/types.ts';
import type { ContractResult, Expectation } from '../report/report.ts';
import type { Contract } from '../spec/contract.ts';
import { wireMethod } from '../spec/wire-method.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';

/**
 * Each contract's verdict for the report: not exercised, missing, failed or passed, from its
 * expectations, the exchanges it received and the findings made while planning.
 * @example describeContracts(catalogue.contracts, expectations, exchanges, [], receiver)[0]?.verdict // 'pass'
 */
export function describeContracts(
  contracts: readonly Contract[],
  expectations: readonly Expectation[],
  exchanges: readonly Exchange[],
  planningFindings: readonly Finding[],
  receiver: Pick<Receiver, 'urlFor'>,
): ContractResult[] {
  return contracts.map((contract) => {
    const own = expectations.filter((expectation) => expectation.contract === contract.id);
    const received = exchanges.filter((exchange) => exchange.contract === contract.id);
    const findings = planningFindings.filter((finding) => finding.contract === contract.id);
    let verdict: ContractResult['verdict'] = 'pass';
    if (own.length === 0 && received.length === 0) verdict = 'not-exercised';
    else if (own.some((expectation) => expectation.status === 'missing')) verdict = 'missing';
    else if (
      own.some((expectation) => expectation.status !== 'received') ||
      received.some((exchange) => exchange.verdict === 'fail') ||
      own.length === 0 ||
      hasErrors(findings)
    ) {
      verdict = 'fail';
    }
    return {
      id: contract.id,
      kind: contract.kind,
      method: wireMethod(contract.method),
      expression: contract.expression?.raw ?? contract.name,
      ...(receiverUrl(receiver, contract.id) === undefined
        ? {}
        : { receiverUrl: receiverUrl(receiver, contract.id) }),
      verdict,
      exchanges: received.map((exchange) => exchange.id),
      findings,
    };
  });
}

function receiverUrl(receiver: Pick<Receiver, 'urlFor'>, contract: string): string | undefined {
  try {
    return receiver.urlFor(contract);
  } catch {
    return undefined;
  }
}
