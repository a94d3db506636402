import type { Contract } from '../spec/contract.ts';

/**
 * Two distinct callback contracts the receiver cannot tell apart: the same key, method, parameters
 * and request body schemas (their examples may differ). The receiver routes their callbacks to the
 * first; waiting and correlation let each take one.
 *
 * @example
 * interchangeableContracts(contracts)('post-user/onVerified/post', 'post-user/onCompleted/post') // true for Microcks' example
 */
export function interchangeableContracts(
  contracts: ReadonlyMap<string, Contract>,
): (a: string, b: string) => boolean {
  const keys = new Map<string, string>();
  const keyOf = (id: string): string | undefined => {
    let key = keys.get(id);
    if (key === undefined) {
      const contract = contracts.get(id);
      if (contract?.expression === undefined) return undefined;
      const content = contract.operation.requestBody?.content ?? [];
      key = JSON.stringify([
        contract.method,
        contract.expression.raw,
        contract.operation.parameters.map((parameter) => [
          parameter.in,
          parameter.name,
          parameter.schema?.schema,
        ]),
        content.map((media) => [media.mediaType, media.schema?.schema]),
      ]);
      keys.set(id, key);
    }
    return key;
  };
  return (a, b) => a !== b && keyOf(a) !== undefined && keyOf(a) === keyOf(b);
}
