import { SpecError } from '../errors.ts';
import type { Finding } from '../validate/finding.ts';
import type { RefUse } from './collect-refs.ts';
import { pointerOfTokens } from './collect-refs.ts';
import type { JsonObject } from './document.ts';
import { followRef } from './follow-ref.ts';
import { extensionOf } from './ref-location.ts';

/**
 * Checks that every local `$ref` (`#/...`) resolves. A broken one inside a vendor extension the
 * tool never reads is a warning; anywhere else it is a `CV_SPEC_REF` error naming the ref and
 * where it is used.
 */
export function checkLocalRefs(
  document: JsonObject,
  uses: readonly RefUse[],
  source: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const use of uses) {
    if (!use.ref.startsWith('#')) continue;
    if (followRef(document, { $ref: use.ref }, '') !== undefined) continue;
    const pointer = pointerOfTokens(use.tokens);
    const extension = extensionOf(use.tokens);
    if (extension === undefined) {
      throw new SpecError(
        'CV_SPEC_REF',
        source,
        `$ref "${use.ref}" used at #${pointer} cannot be resolved: nothing exists at that pointer (or the chain of $refs loops).`,
        {
          hint: 'Fix the pointer (names are case-sensitive; `/` in a name is written `~1`) or add the missing component.',
        },
      );
    }
    findings.push({
      check: 'ref.extension-unresolved',
      severity: 'warning',
      message: `$ref "${use.ref}" inside ${extension} cannot be resolved; callback-verify does not read ${extension}, so it was left as written.`,
      spec: pointer,
    });
  }
  return findings;
}
