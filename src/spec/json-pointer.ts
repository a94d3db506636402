/**
 * RFC 6901 JSON pointers in the form used throughout the tool: `/paths/~1invoices/post`,
 * `''` for the whole document, no leading `#`.
 */

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Unescapes one reference token: `~1` → `/`, `~0` → `~`. */
export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Appends tokens to a pointer, escaping each.
 *
 * @example
 * appendPointer('/paths', '/invoices/{id}', 'post') // '/paths/~1invoices~1{id}/post'
 */
export function appendPointer(pointer: string, ...tokens: Array<string | number>): string {
  let result = pointer;
  for (const token of tokens) {
    result += `/${escapePointerToken(String(token))}`;
  }
  return result;
}

/**
 * Splits a pointer (with or without a leading `#`, URI-encoded or not) into unescaped tokens;
 * `undefined` when it is not a pointer at all.
 *
 * @example
 * splitPointer('#/components/schemas/Pet') // ['components', 'schemas', 'Pet']
 */
export function splitPointer(pointer: string): string[] | undefined {
  let text = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (pointer.startsWith('#')) {
    // A fragment is URI-encoded (`#/paths/~1pets%7Bid%7D`); a bare pointer is not.
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  if (text === '') return [];
  if (!text.startsWith('/')) return undefined;
  return text.slice(1).split('/').map(unescapePointerToken);
}
