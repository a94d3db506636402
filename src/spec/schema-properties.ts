import { isJsonObject } from './is-json-object.ts';

/** Follows a schema's `$ref` (and returns anything else as it is). */
export type ResolveSchema = (schema: unknown) => unknown;

/**
 * The property schemas an object schema declares, its `allOf` / `anyOf` / `oneOf` members' too
 * (the first declaration of a name wins), each as written. Serialising a value needs the schema of
 * each of its properties, and specs often compose objects (`Cat: allOf: [Pet, {…}]`).
 *
 * @example
 * schemaProperties({ allOf: [{ properties: { id: { type: 'integer' } } }] }, (s) => s)
 * // { id: { type: 'integer' } }
 */
export function schemaProperties(schema: unknown, resolve: ResolveSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    const resolved = resolve(value);
    if (!isJsonObject(resolved) || seen.has(resolved)) return;
    seen.add(resolved);
    if (isJsonObject(resolved.properties)) {
      for (const [name, property] of Object.entries(resolved.properties)) {
        if (!(name in properties)) properties[name] = property;
      }
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const members = resolved[keyword];
      if (Array.isArray(members)) for (const member of members) visit(member);
    }
  };
  visit(schema);
  return properties;
}
