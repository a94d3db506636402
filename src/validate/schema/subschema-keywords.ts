/**
 * The JSON Schema keywords whose values hold subschemas, by shape: the one list the schema
 * view and the note collector both walk, so they cannot drift apart.
 * @example subschemaKeywords.list.has('oneOf') // true
 */
export const subschemaKeywords: {
  /** An object of subschemas (`properties: { id: {…} }`). */
  map: ReadonlySet<string>;
  /** One subschema, or for `items` / `additionalItems` in older drafts a list of them. */
  single: ReadonlySet<string>;
  /** A list of subschemas. */
  list: ReadonlySet<string>;
} = {
  map: new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']),
  single: new Set([
    'items',
    'additionalItems',
    'additionalProperties',
    'not',
    'if',
    'then',
    'else',
    'contains',
    'propertyNames',
    'unevaluatedItems',
    'unevaluatedProperties',
    'contentSchema',
  ]),
  list: new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']),
};
