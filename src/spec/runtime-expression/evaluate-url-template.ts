import { encodeUrlValue } from './encode-url-value.ts';
import { lookupSource } from './lookup-source.ts';
import { splitAtBase } from './split-at-base.ts';
import type { EvaluationResult, ExpressionSource, RuntimeContext, UrlTemplate } from './types.ts';

/**
 * Computes the exact callback URL a template gives for a real trigger exchange. A value in the
 * base position is inserted as it is (it is a URL); values after it are percent-encoded for their
 * path or query position.
 *
 * @example
 * evaluateUrlTemplate(parseUrlTemplate('{$request.query.cb}/invoices/{$request.body#/id}'),
 *   { url, method: 'POST', request: { headers: {}, query: { cb: 'http://127.0.0.1:9/t' }, path: {}, body: { id: 'a b' } } })
 * // { ok: true, value: 'http://127.0.0.1:9/t/invoices/a%20b' }
 */
export function evaluateUrlTemplate(
  template: UrlTemplate,
  context: RuntimeContext,
): EvaluationResult {
  const { head, tail } = splitAtBase(template.parts);
  const missing: ExpressionSource[] = [];
  let value = '';
  const substitute = (source: ExpressionSource, position: 'base' | 'path' | 'query'): string => {
    const found = lookupSource(source, context);
    if (found === undefined) {
      missing.push(source);
      return '';
    }
    return encodeUrlValue(found, position);
  };
  for (const part of head) {
    value += part.kind === 'literal' ? part.text : substitute(part.source, 'base');
  }
  let inQuery = false;
  for (const part of tail) {
    if (part.kind === 'literal') {
      value += part.text;
      if (part.text.includes('?')) inQuery = true;
    } else {
      value += substitute(part.source, inQuery ? 'query' : 'path');
    }
  }
  return missing.length === 0 ? { ok: true, value } : { ok: false, value, missing };
}
