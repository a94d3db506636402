import type { TemplatePart, UrlBase } from './types.ts';

/** A template cut where its base (scheme and host) ends. */
export interface TemplateSplit {
  kind: UrlBase['kind'];
  /** Parts that fill the base position; their values are inserted as they are. */
  head: TemplatePart[];
  /** Path and query after the base. */
  tail: TemplatePart[];
}

const schemeAndSlashes = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\//;

/**
 * Cuts template parts into the base (an expression first, or a literal `scheme://authority`)
 * and the tail that a receiver sees as its path and query.
 *
 * @example
 * splitAtBase(parseUrlTemplate('{$request.query.cb}/data').parts).tail // [{ kind: 'literal', text: '/data' }]
 */
export function splitAtBase(parts: readonly TemplatePart[]): TemplateSplit {
  const first = parts[0];
  if (first === undefined) return { kind: 'none', head: [], tail: [] };
  if (first.kind === 'expression') {
    if (first.source.type === 'unknown') return { kind: 'none', head: [], tail: [...parts] };
    return { kind: 'expression', head: [first], tail: parts.slice(1) };
  }
  const scheme = schemeAndSlashes.exec(first.text);
  if (scheme) return splitAfterAuthority(parts, scheme[0].length);
  if (first.text.startsWith('/')) return { kind: 'relative', head: [], tail: [...parts] };
  return { kind: 'none', head: [], tail: [...parts] };
}

/** The authority runs up to the first `/`, `?` or `#` of literal text; expressions inside it belong to the base. */
function splitAfterAuthority(parts: readonly TemplatePart[], start: number): TemplateSplit {
  const head: TemplatePart[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.kind === 'expression') {
      head.push(part);
      continue;
    }
    const from = index === 0 ? start : 0;
    const end = part.text.slice(from).search(/[/?#]/);
    if (end === -1) {
      head.push(part);
      continue;
    }
    const cut = from + end;
    if (cut > 0) head.push({ kind: 'literal', text: part.text.slice(0, cut) });
    const tail: TemplatePart[] = [{ kind: 'literal', text: part.text.slice(cut) }];
    return { kind: 'fixed', head, tail: [...tail, ...parts.slice(index + 1)] };
  }
  return { kind: 'fixed', head, tail: [] };
}
