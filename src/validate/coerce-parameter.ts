import { isJsonObject } from '../spec/is-json-object.ts';

/** How a parameter is serialised (OAS `style` / `explode`). */
export interface Serialisation {
  style: string;
  explode: boolean;
}

/** The JSON types a schema allows, `[]` when it does not say. */
export function schemaTypes(schema: unknown): string[] {
  if (!isJsonObject(schema)) return [];
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * Turns the text of a query, header or cookie value into the JSON value its schema
 * describes, so `?limit=10` validates against `type: integer`; arrays and objects are read the
 * way `serialiseParameter` writes them for the same `style` / `explode`. A value that does not
 * convert stays a string and the schema check says what is wrong with it.
 * @example coerceParameter(['1', '2'], { type: 'array', items: { type: 'integer' } }, form) // [1, 2]
 */
export function coerceParameter(
  values: readonly string[],
  schema: unknown,
  serialisation: Serialisation,
  resolve: (schema: unknown) => unknown,
): unknown {
  const types = schemaTypes(schema);
  const { style, explode } = serialisation;
  if (types.includes('array')) {
    const items = isJsonObject(schema) ? resolve(schema.items) : undefined;
    // An exploded array repeats the name, one item each; `simple` is always comma-separated.
    const parts =
      explode && style !== 'simple'
        ? values.length === 1 && values[0] === ''
          ? []
          : values
        : values.flatMap((value) => splitValue(value, style));
    return parts.map((part) => coerceScalar(part, schemaTypes(items)));
  }
  if (types.includes('object') && values.length === 1) {
    const text = values[0] ?? '';
    if (explode && style === 'simple') {
      const entries = splitValue(text, style).map((pair): [string, string] => {
        const equals = pair.indexOf('=');
        return equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      });
      return coerceEntries(entries, schema, resolve);
    }
    if (!explode) {
      const parts = splitValue(text, style);
      const entries: Array<[string, string]> = [];
      for (let index = 0; index + 1 < parts.length; index += 2) {
        entries.push([parts[index] ?? '', parts[index + 1] ?? '']);
      }
      return coerceEntries(entries, schema, resolve);
    }
  }
  const first = values[0] ?? '';
  return coerceScalar(first, types);
}

/**
 * An object parameter sent as one pair per property (`form` exploded: `R=100&G=200`;
 * `deepObject`: `color[R]=100`), each value converted to its property's type.
 * @example coerceEntries([['R', '100']], { type: 'object', properties: { R: { type: 'integer' } } }, same) // { R: 100 }
 */
export function coerceEntries(
  entries: ReadonlyArray<readonly [string, string]>,
  schema: unknown,
  resolve: (schema: unknown) => unknown,
): Record<string, unknown> {
  const properties =
    isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : {};
  const additional = isJsonObject(schema) ? resolve(schema.additionalProperties) : undefined;
  const object: Record<string, unknown> = {};
  for (const [name, text] of entries) {
    const property = Object.hasOwn(properties, name) ? resolve(properties[name]) : additional;
    object[name] = coerceScalar(text, schemaTypes(property));
  }
  return object;
}

function splitValue(value: string, style: string): string[] {
  if (value === '') return [];
  if (style === 'spaceDelimited') return value.split(/ |%20/);
  if (style === 'pipeDelimited') return value.split('|');
  // HTTP list headers are written `a, b`; the space is not part of the value.
  if (style === 'simple') return value.split(',').map((part) => part.trim());
  return value.split(',');
}

/** One text value as the first listed type it converts to. */
export function coerceScalar(value: string, types: readonly string[]): unknown {
  for (const type of types) {
    if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
    if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value)))
      return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    if (type === 'null' && (value === '' || value === 'null')) return null;
    if (type === 'string') return value;
  }
  return value;
}
