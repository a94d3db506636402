import { UsageError } from '../src/errors.ts';
import type { Catalogue } from '../src/spec/contract.ts';

/**
 * Checks that a named `--example` is declared by some callback before the mock starts, instead
 * of never using it; a UsageError lists the names that are declared.
 * @example checkExample(catalogue, 'paid') // throws when no callback declares an example "paid"
 */
export function checkExample(catalogue: Catalogue, example: string | undefined): void {
  if (example === undefined) return;
  const names = new Set<string>();
  for (const contract of catalogue.contracts) {
    if (contract.kind !== 'callback') continue;
    for (const media of contract.operation.requestBody?.content ?? []) {
      for (const item of media.examples) names.add(item.name);
    }
  }
  if (names.has(example)) return;
  throw new UsageError(
    `No callback of ${catalogue.document.source} declares an example named "${example}".`,
    {
      hint:
        names.size === 0
          ? 'The callbacks declare no named examples; leave --example out.'
          : `Available: ${[...names].join(', ')}.`,
    },
  );
}
