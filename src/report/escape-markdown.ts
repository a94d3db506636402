import { sanitiseText } from './sanitise-text.ts';

/**
 * Text for one line of GitHub-flavoured Markdown (also safe in a table cell): markup
 * characters, `|` and backticks are backslash-escaped, so the text shows as written.
 * @example escapeMarkdown('a|b `c`') // 'a\\|b \\`c\\`'
 */
export function escapeMarkdown(text: string): string {
  return sanitiseText(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/**
 * A code span that holds any text: the fence is longer than any backtick run inside.
 * In a table cell `|` must still be escaped, because GFM splits cells before code spans.
 * @example codeSpan('a`b') // '`` a`b ``'
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let body = sanitiseText(text);
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
