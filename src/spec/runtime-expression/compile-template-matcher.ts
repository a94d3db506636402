import { decodeComponent } from '../decode-component.ts';
import { splitAtBase } from './split-at-base.ts';
import type {
  CapturedValue,
  ExpressionSource,
  TemplateMatcher,
  TemplatePart,
  UrlTemplate,
} from './types.ts';

/** A pattern over raw (still percent-encoded) text, with the sources of its capture groups. */
interface CompiledPattern {
  regex: RegExp;
  sources: Array<{ source: ExpressionSource; raw: string }>;
}

/** One `name=value` of the template's query string. */
interface QueryRule {
  name: string;
  value: CompiledPattern;
}

/** How the template's query is matched: parameter by parameter, or as one string. */
type QueryMatcher =
  | { kind: 'rules'; rules: QueryRule[] }
  | { kind: 'whole'; pattern: CompiledPattern };

/**
 * Compiles the part of a template after its base (path and query) into a matcher for received
 * URLs. Leading slashes are not significant (the base may or may not end with one), literal query
 * parameters match in any order and extra received parameters are allowed, captured values are
 * percent-decoded.
 *
 * @example
 * compileTemplateMatcher(parseUrlTemplate('{$request.query.cb}/invoices/{$request.body#/id}'))
 *   .match('/invoices/42')?.captured[0]?.value // '42'
 */
export function compileTemplateMatcher(template: UrlTemplate): TemplateMatcher {
  const { tail } = splitAtBase(template.parts);
  const { path, query } = splitQuery(tail);
  const pathPattern = compile(stripLeadingSlashes(path), '[^/?#]+?');
  const queryMatcher = compileQuery(query);
  const specificity = tail.reduce(
    (count, part) => count + (part.kind === 'literal' ? part.text.length : 0),
    0,
  );
  const pattern = tail.map((part) => (part.kind === 'literal' ? part.text : part.raw)).join('');
  return {
    specificity,
    pattern: pattern === '' ? '/' : pattern,
    match(pathAndQuery: string): { captured: CapturedValue[] } | null {
      const hash = pathAndQuery.indexOf('#');
      const withoutFragment = hash === -1 ? pathAndQuery : pathAndQuery.slice(0, hash);
      const mark = withoutFragment.indexOf('?');
      const receivedPath = mark === -1 ? withoutFragment : withoutFragment.slice(0, mark);
      const receivedQuery = mark === -1 ? '' : withoutFragment.slice(mark + 1);
      const captured = capture(pathPattern, receivedPath.replace(/^\/+/, ''), decodeComponent);
      if (captured === null) return null;
      if (queryMatcher === undefined) return { captured };
      if (queryMatcher.kind === 'whole') {
        const found = capture(queryMatcher.pattern, receivedQuery, decodeQuery);
        return found === null ? null : { captured: [...captured, ...found] };
      }
      const params = parseQuery(receivedQuery);
      for (const rule of queryMatcher.rules) {
        const found = params
          .filter((param) => param.name === rule.name)
          .map((param) => capture(rule.value, param.raw, decodeQuery))
          .find((result) => result !== null);
        if (found === undefined) return null;
        captured.push(...found);
      }
      return { captured };
    },
  };
}

function splitQuery(parts: readonly TemplatePart[]): {
  path: TemplatePart[];
  query: TemplatePart[];
} {
  const path: TemplatePart[] = [];
  const query: TemplatePart[] = [];
  let inQuery = false;
  for (const part of parts) {
    if (inQuery) {
      query.push(part);
      continue;
    }
    const mark = part.kind === 'literal' ? part.text.indexOf('?') : -1;
    if (part.kind === 'expression' || mark === -1) {
      path.push(part);
      continue;
    }
    inQuery = true;
    if (mark > 0) path.push({ kind: 'literal', text: part.text.slice(0, mark) });
    if (mark + 1 < part.text.length)
      query.push({ kind: 'literal', text: part.text.slice(mark + 1) });
  }
  return { path, query };
}

function stripLeadingSlashes(parts: TemplatePart[]): TemplatePart[] {
  const [first, ...rest] = parts;
  if (first?.kind !== 'literal') return parts;
  const text = first.text.replace(/^\/+/, '');
  return text === '' ? rest : [{ kind: 'literal', text }, ...rest];
}

/**
 * Splits the template's query into `name=value` rules. `undefined` when the template has no query;
 * a query the rules cannot describe (an expression in a name) is matched as one string instead.
 */
function compileQuery(parts: readonly TemplatePart[]): QueryMatcher | undefined {
  if (parts.length === 0) return undefined;
  const items: TemplatePart[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'expression') {
      items.at(-1)!.push(part);
      continue;
    }
    const pieces = part.text.split('&');
    pieces.forEach((piece, index) => {
      if (index > 0) items.push([]);
      if (piece !== '') items.at(-1)!.push({ kind: 'literal', text: piece });
    });
  }
  const rules: QueryRule[] = [];
  for (const item of items) {
    if (item.length === 0) continue;
    const [first, ...rest] = item;
    const equals = first?.kind === 'literal' ? first.text.indexOf('=') : -1;
    if (first?.kind !== 'literal' || equals === -1) {
      return { kind: 'whole', pattern: compile(parts, '.*?') };
    }
    const valueParts: TemplatePart[] = [...rest];
    const afterEquals = first.text.slice(equals + 1);
    if (afterEquals !== '') valueParts.unshift({ kind: 'literal', text: afterEquals });
    rules.push({
      name: decodeQuery(first.text.slice(0, equals)),
      value: compile(valueParts, '.*?'),
    });
  }
  return { kind: 'rules', rules };
}

function compile(parts: readonly TemplatePart[], capture: string): CompiledPattern {
  const sources: CompiledPattern['sources'] = [];
  let body = '';
  for (const part of parts) {
    if (part.kind === 'literal') {
      body += literalPattern(part.text);
    } else {
      body += `(${capture})`;
      sources.push({ source: part.source, raw: part.raw });
    }
  }
  return { regex: new RegExp(`^${body}$`, 's'), sources };
}

function capture(
  pattern: CompiledPattern,
  text: string,
  decode: (raw: string) => string,
): CapturedValue[] | null {
  const match = pattern.regex.exec(text);
  if (match === null) return null;
  return pattern.sources.map(({ source, raw: written }, index) => {
    const raw = match[index + 1] ?? '';
    return { source, expression: written.replace(/^\{+|\}+$/g, ''), raw, value: decode(raw) };
  });
}

function parseQuery(query: string): Array<{ name: string; raw: string }> {
  const params = query === '' ? [] : query.split('&');
  const parsed = params.map((param) => {
    const equals = param.indexOf('=');
    const name = equals === -1 ? param : param.slice(0, equals);
    return { name: decodeQuery(name), raw: equals === -1 ? '' : param.slice(equals + 1) };
  });
  return parsed;
}

/** Decodes a query component, where `+` is a space (HTML form encoding). */
function decodeQuery(text: string): string {
  return decodeComponent(text.replaceAll('+', ' '));
}

/** Literal text as written or as a client percent-encodes it (`/événements` → `/%C3%A9v…`). */
function literalPattern(text: string): string {
  const encoded = encodeURI(text.toWellFormed());
  return encoded === text
    ? escapeRegExp(text)
    : `(?:${escapeRegExp(text)}|${escapeRegExp(encoded)})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
