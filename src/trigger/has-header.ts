/**
 * Whether a header is set, whatever the case of its name.
 * @example hasHeader({ 'Content-Type': 'a/b' }, 'content-type') // true
 */
export function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}
