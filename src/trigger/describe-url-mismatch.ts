import { evaluateUrlTemplate } from '../spec/runtime-expression/index.ts';
import type { RuntimeContext, UrlTemplate } from '../spec/runtime-expression/types.ts';

/** What {@link describeUrlMismatch} needs; the full URLs stay in the finding's expected/actual. */
export interface UrlMismatch {
  expected: string;
  actual: string;
  /**
   * The URL the provider was told to call back (the injected receiver URL, or the
   * `--callback-base`): both URLs are shown after it, as `…/rest`.
   */
  base?: string;
  /** The callback key and the trigger exchange: the values of its embedded expressions are named. */
  template?: UrlTemplate;
  context?: RuntimeContext;
}

/**
 * A short `url.mismatch` message: both URLs after the part they share (the receiver URL with its
 * tokens, said once by neither), and what the key's embedded expressions gave.
 * @example
 * describeUrlMismatch({ expected: `${base}/invoices/inv-1`, actual: `${base}/invoices/other-inv-1`, base, template, context })
 * // 'Callback sent to …/invoices/other-inv-1, expected …/invoices/inv-1 ({$request.body#/id} = "inv-1").'
 */
export function describeUrlMismatch(mismatch: UrlMismatch): string {
  const [expected, actual] = shorten(mismatch.expected, mismatch.actual, mismatch.base);
  const values = expressionValues(mismatch.template, mismatch.context);
  return `Callback sent to ${actual}, expected ${expected}${values === '' ? '' : ` (${values})`}.`;
}

function shorten(expected: string, actual: string, base: string | undefined): [string, string] {
  const cut =
    base !== undefined && base !== '' && expected.startsWith(base) && actual.startsWith(base)
      ? base.length
      : sharedPathPrefix(expected, actual);
  if (cut === 0) return [expected, actual];
  return [`…${expected.slice(cut)}`, `…${actual.slice(cut)}`];
}

/** Length of the shared start of two URLs, up to (not including) a `/` past their origin; 0 if none. */
function sharedPathPrefix(a: string, b: string): number {
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same += 1;
  const originEnd = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(a)?.[0].length ?? 0;
  const slash = a.lastIndexOf('/', same - 1);
  return originEnd > 0 && slash > originEnd ? slash : 0;
}

/** `{$request.body#/id} = "inv-1"` for each embedded expression after the base. */
function expressionValues(
  template: UrlTemplate | undefined,
  context: RuntimeContext | undefined,
): string {
  if (template === undefined || context === undefined) return '';
  const parts = template.base.kind === 'expression' ? template.parts.slice(1) : template.parts;
  const described: string[] = [];
  for (const part of parts) {
    if (part.kind !== 'expression' || part.source.type === 'unknown') continue;
    // Alone, the expression is read as a base: its value comes out as it is, not percent-encoded.
    const alone = evaluateUrlTemplate(
      {
        raw: part.raw,
        parts: [part],
        base: { kind: 'expression', source: part.source },
        issues: [],
      },
      context,
    );
    described.push(`${part.raw} = ${alone.ok ? JSON.stringify(alone.value) : 'no value'}`);
  }
  return described.join(', ');
}
