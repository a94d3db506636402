import { readExpression } from './read-expression.ts';
import { splitAtBase } from './split-at-base.ts';
import type { ExpressionIssue, TemplatePart, UrlBase, UrlTemplate } from './types.ts';

/** Where a bare expression (a key with no braces) ends; anything after it is literal text. */
const bareExpression = [
  /^\$(?:url|method|statusCode)(?![A-Za-z0-9_])/,
  /^\$(?:request|response)\.header\.[!#$%&'*+\-.^_`|~0-9A-Za-z]+/,
  /^\$(?:request|response)\.(?:query|path)\.[^/?#&{}\s]+/,
  /^\$(?:request|response)\.body(?:#[^?{}\s]*|(?:\.[A-Za-z0-9_-]+)+)?/,
  /^\$[A-Za-z_][A-Za-z0-9_-]*/,
];

/**
 * Parses a callback key (a runtime expression template) once: literal text, embedded `{…}`
 * expressions, where the URL's base comes from, and lint issues. Never throws: malformed keys
 * get a best-effort reading and an issue.
 *
 * @example
 * parseUrlTemplate('{$request.query.callback_url}/invoices/{$request.body#/id}').base
 * // { kind: 'expression', source: { type: 'query', name: 'callback_url' } }
 */
export function parseUrlTemplate(key: string): UrlTemplate {
  const text = key.trim();
  const issues: ExpressionIssue[] = [];
  const { parts, unbalanced } = readParts(text, issues);
  if (unbalanced) {
    issues.push({
      code: 'expression.unbalanced-braces',
      severity: 'warning',
      message: `"${key}" has unbalanced braces; it is read as "${parts.map(render).join('')}". Wrap each expression in exactly one pair of braces.`,
    });
  }
  const split = splitAtBase(parts);
  let base: UrlBase;
  if (split.kind === 'expression' && split.head[0]?.kind === 'expression') {
    base = { kind: 'expression', source: split.head[0].source };
  } else if (split.kind === 'fixed') {
    base = { kind: 'fixed', origin: split.head.map(render).join('') };
  } else {
    base = { kind: split.kind === 'relative' ? 'relative' : 'none' };
  }
  if (!parts.some((part) => part.kind === 'expression')) {
    if (text !== '' && !/\s/.test(text) && (base.kind === 'fixed' || base.kind === 'relative')) {
      issues.push({
        code: 'expression.no-expression',
        severity: 'info',
        message: `"${key}" holds no runtime expression: every callback goes to this one URL, which a local receiver cannot capture unless the provider is configured to call it.`,
      });
    } else {
      base = { kind: 'none' };
      issues.push({
        code: 'expression.free-text',
        severity: 'warning',
        message: `"${key}" is neither a runtime expression nor a URL, so the callback URL cannot be known from the document. Write a key such as "{$request.body#/callbackUrl}".`,
      });
    }
  }
  return { raw: key, parts, base, issues };
}

/**
 * A key that starts with `$` begins with a bare expression (no braces); it ends where the grammar
 * says its name or pointer ends, and the rest is read as a template.
 */
function readParts(text: string, issues: ExpressionIssue[]): Scanned {
  if (!text.startsWith('$')) return scan(text, issues);
  const matched = Math.max(...bareExpression.map((pattern) => pattern.exec(text)?.[0].length ?? 0));
  const length = matched > 1 ? matched : text.search(/[{}]|$/);
  const raw = text.slice(0, length);
  const rest = scan(text.slice(length), issues);
  return { parts: [expressionPart(raw, raw, issues), ...rest.parts], unbalanced: rest.unbalanced };
}

/** Template parts, and whether braces had to be repaired to read them. */
interface Scanned {
  parts: TemplatePart[];
  unbalanced: boolean;
}

/** Splits a key into literal text and `{…}` expressions, tolerating unbalanced braces. */
function scan(text: string, issues: ExpressionIssue[]): Scanned {
  const parts: TemplatePart[] = [];
  let literal = '';
  let unbalanced = false;
  let index = 0;
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '}') {
      // A stray closing brace is dropped from the reading; the raw key keeps it.
      unbalanced = true;
      index++;
      continue;
    }
    if (char !== '{') {
      literal += char;
      index++;
      continue;
    }
    const open = index;
    let depth = 0;
    while (text[index] === '{') {
      depth++;
      index++;
    }
    const close = text.indexOf('}', index);
    const nextOpen = text.indexOf('{', index);
    if (close === -1) {
      unbalanced = true;
      flush();
      const content = text.slice(index);
      parts.push(expressionPart(text.slice(open), content, issues));
      index = text.length;
      continue;
    }
    if (nextOpen !== -1 && nextOpen < close) {
      unbalanced = true;
      literal += text.slice(open, nextOpen);
      index = nextOpen;
      continue;
    }
    const content = text.slice(index, close);
    index = close + 1;
    let extra = depth - 1;
    while (extra > 0 && text[index] === '}') {
      extra--;
      index++;
    }
    if (depth > 1 || extra > 0) unbalanced = true;
    flush();
    parts.push(expressionPart(text.slice(open, index), content, issues));
  }
  flush();
  return { parts, unbalanced };
}

function expressionPart(raw: string, content: string, issues: ExpressionIssue[]): TemplatePart {
  const reading = readExpression(content);
  issues.push(...reading.issues);
  return { kind: 'expression', raw, source: reading.source, dialect: reading.dialect };
}

/** The expression text inside a part's raw form. */
function stripBraces(raw: string): string {
  return raw.replace(/^\{+/, '').replace(/\}+$/, '');
}

function render(part: TemplatePart): string {
  return part.kind === 'literal' ? part.text : `{${stripBraces(part.raw)}}`;
}
