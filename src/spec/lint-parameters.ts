import type { Finding } from '../validate/finding.ts';
import type { Contract, OperationSpec } from './contract.ts';

/**
 * Lint findings for OAS 3.2 `in: querystring` parameters of a contract's operation and of its
 * trigger: the spec allows one at most, never beside `in: query` parameters, and only with
 * `content` (the media type says how the whole query string is written).
 */
export function lintParameters(contract: Contract, add: (finding: Finding) => void): void {
  lintOperation(contract.operation, contract.id, add);
  if (contract.trigger !== undefined) lintOperation(contract.trigger, contract.id, add);
}

function lintOperation(
  operation: OperationSpec,
  contract: string,
  add: (finding: Finding) => void,
): void {
  const whole = operation.parameters.filter((parameter) => parameter.in === 'querystring');
  if (whole.length === 0) return;
  const [first, ...others] = whole;
  for (const other of others) {
    add({
      check: 'parameter.querystring',
      severity: 'error',
      message: `The operation declares more than one querystring parameter (${JSON.stringify(first?.name)} and ${JSON.stringify(other.name)}); the query string is one value, so only the first is used.`,
      contract,
      spec: other.pointer,
    });
  }
  for (const query of operation.parameters.filter((parameter) => parameter.in === 'query')) {
    add({
      check: 'parameter.querystring',
      severity: 'error',
      message: `Query parameter ${JSON.stringify(query.name)} sits beside querystring parameter ${JSON.stringify(first?.name)}, which OAS 3.2 forbids: the querystring parameter already describes the whole query. Describe ${JSON.stringify(query.name)} inside its schema instead.`,
      contract,
      spec: query.pointer,
    });
  }
  for (const parameter of whole) {
    if (parameter.contentMediaType !== undefined) continue;
    add({
      check: 'parameter.querystring',
      severity: 'warning',
      message: `Querystring parameter ${JSON.stringify(parameter.name)} has no content; OAS 3.2 requires content (for example application/x-www-form-urlencoded) to say how the query string is written. It is read as form-encoded.`,
      contract,
      spec: parameter.pointer,
    });
  }
}
