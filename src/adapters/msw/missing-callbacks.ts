import type { Exchange } from '../../receive/exchange.ts';
import type { Finding } from '../../validate/finding.ts';
import type { AssertConformantOptions } from './types.ts';

/**
 * The `callback.missing` findings for an `expect` of `assertConformant`: a count not reached, or
 * each named callback (resolved to contract ids by `idsOf`) that no exchange matched.
 *
 * @example
 * missingCallbacks(['invoicePaid'], [], (name) => [name]) // [{ check: 'callback.missing', … }]
 */
export function missingCallbacks(
  expect: AssertConformantOptions['expect'],
  arrived: readonly Exchange[],
  idsOf: (name: string) => string[],
): Finding[] {
  if (expect === undefined) return [];
  if (typeof expect === 'number') {
    return arrived.length >= expect
      ? []
      : [
          {
            check: 'callback.missing',
            severity: 'error',
            message: `Expected at least ${expect} callback(s), got ${arrived.length}.`,
            expected: expect,
            actual: arrived.length,
          },
        ];
  }
  return expect
    .filter((name) => {
      const ids = new Set(idsOf(name));
      return !arrived.some(
        (exchange) => exchange.contract !== undefined && ids.has(exchange.contract),
      );
    })
    .map((name) => ({
      check: 'callback.missing',
      severity: 'error' as const,
      message: `The callback ${name} never arrived.`,
      contract: name,
    }));
}
