import type { Finding } from '../validate/finding.ts';
import type { Contract } from './contract.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { lintExpression } from './lint-expression.ts';
import { lintParameters } from './lint-parameters.ts';
import { lintRequestBody } from './lint-request-body.ts';

/**
 * Lint findings for a catalogue: problems in callback keys (non-standard or malformed
 * expressions, parameters the trigger does not declare, fixed hosts), callbacks and webhooks
 * with no request body schema, odd media types, and misused OAS 3.2 querystring parameters. Each finding names its contract and points
 * into the document. A finding shared by every method of one path item is reported once.
 */
export function lintCatalogue(
  contracts: readonly Contract[],
  document: JsonObject = {},
): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const add = (finding: Finding): void => {
    const key = `${finding.check}\u0000${finding.spec}\u0000${finding.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(finding);
  };
  for (const contract of contracts) {
    lintExpression(contract, document, add);
    lintRequestBody(contract, add);
    lintParameters(contract, add);
  }
  const unused = unreferencedCallbacks(contracts, document);
  if (unused !== undefined) add(unused);
  return findings;
}

/**
 * Callbacks declared only under `components.callbacks`, which no operation refers to, give nothing
 * to test; said when the document has no operation callbacks at all, where an empty catalogue
 * would otherwise look like a reading error.
 */
function unreferencedCallbacks(
  contracts: readonly Contract[],
  document: JsonObject,
): Finding | undefined {
  if (contracts.some((contract) => contract.kind === 'callback')) return undefined;
  const components = document.components;
  if (!isJsonObject(components) || !isJsonObject(components.callbacks)) return undefined;
  const names = Object.keys(components.callbacks);
  if (names.length === 0) return undefined;
  return {
    check: 'callback.unreferenced',
    severity: 'info',
    message: `components.callbacks declares ${names.map((name) => JSON.stringify(name)).join(', ')}, but no operation refers to ${names.length === 1 ? 'it' : 'them'}, so there is no callback to test. Reference one from an operation: callbacks: { <name>: { $ref: '#/components/callbacks/<name>' } }.`,
    spec: '/components/callbacks',
  };
}
