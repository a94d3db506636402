/**
 * A parameter value as the text sent: strings as they are, arrays comma-joined (OpenAPI's
 * `form` style), objects as JSON.
 * @example stringifyParameter(['a', 1]) // 'a,1'
 */
export function stringifyParameter(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringifyParameter).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
