import type { Finding } from '../validate/finding.ts';
import type { Contract } from './contract.ts';
import type { JsonObject } from './document.ts';
import { lintExpression } from './lint-expression.ts';
import { lintRequestBody } from './lint-request-body.ts';

/**
 * Lint findings for a catalogue: problems in callback keys (non-standard or malformed
 * expressions, parameters the trigger does not declare, fixed hosts), callbacks and webhooks
 * with no request body schema, and odd media types. Each finding names its contract and points
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
  }
  return findings;
}
