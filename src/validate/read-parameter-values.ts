import type { ParameterSpec } from '../spec/contract.ts';
import { decodeComponent } from '../spec/decode-component.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { isJsonParameter, parameterStyle } from '../spec/serialise-parameter.ts';
import { schemaTypes } from './coerce-parameter.ts';

/** Values of one query or cookie parameter: its texts, or the pairs of an object sent as pairs. */
export type NamedValues = string[] | { entries: Array<[string, string]> };

/**
 * A query or cookie parameter as `serialiseParameter` writes it: `deepObject` as `name[key]`
 * pairs; an exploded object (`form` and the delimited styles) as one pair per property (the properties its schema
 * declares, else every pair no other parameter claims); anything else by its name.
 */
export function readNamed(
  pairs: Map<string, string[]>,
  parameter: ParameterSpec,
  schema: unknown,
  siblings: readonly ParameterSpec[],
): NamedValues | undefined {
  const own = pairs.get(parameter.name);
  if (isJsonParameter(parameter)) return own;
  const { style, explode } = parameterStyle(parameter);
  if (style === 'deepObject') {
    const open = `${parameter.name}[`;
    const entries = [...pairs]
      .filter(([key]) => key.startsWith(open) && key.endsWith(']'))
      .map(([key, values]): [string, string] => [key.slice(open.length, -1), values[0] ?? '']);
    return entries.length === 0 ? own : { entries };
  }
  const types = schemaTypes(schema);
  // `form` and the delimited styles write an exploded object the same way.
  if (explode && types.includes('object') && !types.includes('array')) {
    const declared =
      isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : undefined;
    const claimed = new Set(siblings.map((sibling) => sibling.name));
    const entries = [...pairs]
      .filter(([key]) =>
        declared === undefined ? !claimed.has(key) : Object.hasOwn(declared, key),
      )
      .map(([key, values]): [string, string] => [key, values[0] ?? '']);
    if (entries.length > 0) return { entries };
  }
  return own;
}

/** JSON text parsed, or why it is not JSON. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Query pairs grouped by name, repeated names keeping every value in order. */
export function readPairs(params: URLSearchParams): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const [name, value] of params) pairs.set(name, [...(pairs.get(name) ?? []), value]);
  return pairs;
}

/** A header's values as one text (repeated headers joined with `, `), or none. */
export function headerValues(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? [value.join(', ')] : [value];
}

/** `Cookie` header pairs by name, values percent-decoded. */
export function readCookies(header: string | string[] | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim();
    const value = decodeComponent(part.slice(equals + 1).trim());
    cookies.set(name, [...(cookies.get(name) ?? []), value]);
  }
  return cookies;
}
