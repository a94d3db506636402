/**
 * Returns a copy of `root` with `value` set at a JSON pointer, creating the objects on the way
 * (arrays when the next segment is an index of an existing array). `''` replaces the root.
 *
 * @example
 * setAtPointer({ a: 1 }, '/subscription/callback/url', 'http://x') // { a: 1, subscription: { callback: { url: 'http://x' } } }
 */
export function setAtPointer(root: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? value : { '': value };
  const segments = pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  return setSegments(root, segments, value);
}

function setSegments(node: unknown, segments: string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(node) && /^(0|[1-9]\d*|-)$/.test(head)) {
    const copy = [...node];
    const index = head === '-' ? copy.length : Number(head);
    copy[index] = setSegments(copy[index], rest, value);
    return copy;
  }
  const object: Record<string, unknown> =
    typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...node } : {};
  object[head] = setSegments(object[head], rest, value);
  return object;
}
