/**
 * Where a `$ref` sits, judged from the tokens of its pointer. Two questions matter to the loader:
 * is it inside a vendor extension the tool never reads, and is it inside example data
 * (where a `$ref` key is a value, not a reference).
 */

/** Keys whose children are names chosen by the author, so a child called `x-…` is a name, not an extension. */
const nameMaps = new Set([
  'schemas',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'pathItems',
  'mediaTypes',
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'content',
  'encoding',
  'variables',
  'mapping',
  'scopes',
]);

/** Extensions that callback-verify reads, so a broken `$ref` inside them is a real error. */
const readExtensions = new Set(['x-webhooks']);

/** Keywords whose value is data (an example, a default), never a reference. */
const dataKeywords = new Set(['example', 'default', 'const', 'enum']);

/** True when the token at `index` is an object key (not a name in a name map, not an array index). */
function isKeyword(tokens: readonly string[], index: number): boolean {
  const parent = tokens[index - 1];
  return parent === undefined || !nameMaps.has(parent);
}

/**
 * The vendor extension (`x-…` key) the location is inside, other than those the tool reads.
 *
 * @example
 * extensionOf(['paths', '/menu', 'get', 'x-codeSamples', '0', 'source']) // 'x-codeSamples'
 */
export function extensionOf(tokens: readonly string[]): string | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.startsWith('x-') && !readExtensions.has(token) && isKeyword(tokens, index))
      return token;
  }
  return undefined;
}

/**
 * True when `child`, found under `key` of an object that sits under `parent` (itself under
 * `grandparent`), is example or default data, where a `$ref` key is a value, not a reference:
 * `example`, `default`, `const`, `enum`, an Example Object's `value`, a schema's `examples` list.
 */
export function isDataChild(
  grandparent: string | undefined,
  parent: string | undefined,
  key: string,
  child: unknown,
): boolean {
  const keyword = parent === undefined || !nameMaps.has(parent);
  if (dataKeywords.has(key)) return keyword;
  if (key === 'value') return grandparent === 'examples';
  return key === 'examples' && keyword && Array.isArray(child);
}
