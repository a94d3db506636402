/**
 * Decodes the percent-encoding of a URL component; text with a malformed escape (`100%`) is
 * returned as it is, as a server reading the URL would keep it.
 * @example decodeComponent('a%20b') // 'a b'
 */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
