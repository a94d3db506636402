const maxLength = 60;

/**
 * A value as a message quotes it: JSON, cut short.
 * @example formatValue('pending') // '"pending"'
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  // JSON has no Infinity or NaN (JSON.stringify writes null); a number too large for a double,
  // such as `minimum: 1e400` in a document or `1e999` in a body, is read as Infinity.
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * A value with its JSON type, for "got …" in messages.
 * @example describeActual('yes') // 'string "yes"'
 */
export function describeActual(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `array (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number')
    return `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
  return `${typeof value} ${formatValue(value)}`;
}

/** What a finding's `actual` holds: scalars as they are, containers summarised. */
export function summariseActual(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? describeActual(value) : value;
}
