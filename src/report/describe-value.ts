/**
 * A short, one-line rendering of an expected or actual value: strings as written when
 * they describe (`boolean`), JSON otherwise, cut at `maxLength` characters.
 * @example describeValue('yes', { quote: true }) // '"yes"'
 */
export function describeValue(
  value: unknown,
  options: { quote?: boolean; maxLength?: number } = {},
): string {
  const { quote = false, maxLength = 80 } = options;
  let text: string;
  if (typeof value === 'string') text = quote ? JSON.stringify(value) : value;
  else if (typeof value === 'bigint') text = `${value}`;
  else if (value === undefined) text = 'undefined';
  else if (value instanceof Uint8Array) text = `${value.byteLength} bytes`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
