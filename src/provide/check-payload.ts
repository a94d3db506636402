import type { Contract, MediaTypeSpec } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';

/**
 * A `payload.schema` warning when a payload about to be sent as valid does not fit the contract's
 * own schema (an example that contradicts it, or a generated value the sampler could not make
 * fit): a consumer that validates it will refuse it, and should not look at fault. `hint` says how
 * to send another.
 *
 * @example
 * checkPayload(media, { paid: 'yes' }, 'example paid', contract, validator, 'Send another with --body <file>.')
 * // { check: 'payload.schema', severity: 'warning', where: '/body/paid', … }
 */
export function checkPayload(
  media: MediaTypeSpec | undefined,
  value: unknown,
  payload: string,
  contract: Contract,
  validator: Pick<Validator, 'checkValue'>,
  hint: string,
): Finding | undefined {
  if (media?.schema === undefined || value === undefined) return undefined;
  const errors = validator
    .checkValue(media.schema, value, '/body', contract.id)
    .filter((finding) => finding.severity === 'error');
  const [first] = errors;
  if (first === undefined) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    check: 'payload.schema',
    severity: 'warning',
    message: `The payload sent (${payload}) does not fit the contract's own schema: ${first.message}${more}; a consumer that validates it will refuse it. ${hint}`,
    contract: contract.id,
    ...(first.where === undefined ? {} : { where: first.where }),
    ...(first.spec === undefined ? {} : { spec: first.spec }),
  };
}
