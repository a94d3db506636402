import { SpecError } from '../errors.ts';
import type { Finding } from '../validate/finding.ts';
import type { RefUse } from './collect-refs.ts';
import { pointerOfTokens } from './collect-refs.ts';
import type { JsonObject } from './document.ts';
import { followRef, walkTokens } from './follow-ref.ts';
import { splitPointer } from './json-pointer.ts';
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
  // Big documents use the same few hundred targets thousands of times.
  const resolves = new Map<string, boolean>();
  for (const use of uses) {
    if (!use.ref.startsWith('#')) continue;
    let ok = resolves.get(use.ref);
    if (ok === undefined) {
      ok = followRef(document, { $ref: use.ref }, '') !== undefined;
      resolves.set(use.ref, ok);
    }
    if (ok) continue;
    const pointer = pointerOfTokens(use.tokens);
    const extension = extensionOf(use.tokens);
    if (extension === undefined) {
      const reason = reasonOf(document, use.ref);
      throw new SpecError(
        'CV_SPEC_REF',
        source,
        `$ref "${use.ref}" used at #${pointer} cannot be resolved: ${reason}.`,
        {
          hint:
            reason === loops
              ? 'Make one $ref of the loop point at a definition instead of at another $ref: $refs that only point at each other define nothing.'
              : 'Fix the pointer (names are case-sensitive; `/` in a name is written `~1`) or add the missing component.',
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

function reasonOf(document: JsonObject, ref: string): string {
  const tokens = splitPointer(ref);
  if (tokens === undefined) return 'it is not a JSON pointer';
  return walkTokens(document, tokens) === undefined ? 'nothing exists at that pointer' : loops;
}

const loops = 'it is part of a chain of $refs that loops';
