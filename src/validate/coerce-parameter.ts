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
 * Turns the text of a query, header, path or form value into the JSON value its schema
 * describes, so `?limit=10` validates against `type: integer`. A value that does not convert
 * stays a string and the schema check says what is wrong with it.
 * @example coerceParameter(['1', '2'], { type: 'array', items: { type: 'integer' } }, form) // [1, 2]
 */
export function coerceParameter(
  values: readonly string[],
  schema: unknown,
  serialisation: Serialisation,
  resolve: (schema: unknown) => unknown,
): unknown {
  const types = schemaTypes(schema);
  if (types.includes('array')) {
    const items = isJsonObject(schema) ? resolve(schema.items) : undefined;
    const parts =
      values.length > 1 || serialisation.explode
        ? values.flatMap((value) =>
            serialisation.explode ? [value] : splitValue(value, serialisation.style),
          )
        : splitValue(values[0] ?? '', serialisation.style);
    return parts.map((part) => coerceScalar(part, schemaTypes(items)));
  }
  if (types.includes('object') && values.length === 1 && !serialisation.explode) {
    const parts = splitValue(values[0] ?? '', serialisation.style);
    const object: Record<string, unknown> = {};
    const properties =
      isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : {};
    for (let index = 0; index + 1 < parts.length; index += 2) {
      const name = parts[index] ?? '';
      object[name] = coerceScalar(parts[index + 1] ?? '', schemaTypes(resolve(properties[name])));
    }
    return object;
  }
  const first = values[0] ?? '';
  return coerceScalar(first, types);
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
