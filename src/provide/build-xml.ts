import type { XMLBuilder } from 'fast-xml-parser';
import { lazily } from '../load-lazily.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { type ResolveSchema, schemaProperties } from '../spec/schema-properties.ts';
import { readXmlHints, type XmlHints, xmlName } from '../spec/xml-hints.ts';

/** A node in fast-xml-parser's ordered form: `{ tag: children, ':@': { '@_attr': value } }`. */
type XmlNode = Record<string, unknown>;

const xmlLibrary = lazily<typeof import('fast-xml-parser')>('fast-xml-parser');
let xmlBuilder: XMLBuilder | undefined;
/** fast-xml-parser's builder, made on first use (most deliveries are not XML). */
function builder(): XMLBuilder {
  xmlBuilder ??= new (xmlLibrary().XMLBuilder)({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    suppressEmptyNode: false,
    format: true,
    indentBy: '  ',
  });
  return xmlBuilder;
}

/** The root element's name when neither `xml.name` nor a component name gives one. */
const defaultRootName = 'root';

/**
 * Builds an XML document from a payload value the way its schema's OAS XML Objects say:
 * `xml.name` renames an element (on `items`, each item's), `attribute` makes a scalar property an
 * attribute, `wrapped` puts an array's items inside an element of the array's name, `prefix` and
 * `namespace` qualify a name and declare the namespace. The root element is named by the schema's
 * `xml.name`, else the component a `$ref` names (`#/components/schemas/Pet` → `Pet`), else `root`.
 *
 * @example
 * buildXml({ id: 1 }, { $ref: '#/components/schemas/Pet' }, resolve)
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<Pet>\n  <id>1</id>\n</Pet>\n'
 */
export function buildXml(value: unknown, schema: unknown, resolve: ResolveSchema): string {
  const root = elementsFor(componentName(schema) ?? defaultRootName, schema, value, resolve, true);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${String(builder().build(root)).trim()}\n`;
}

function elementsFor(
  name: string,
  written: unknown,
  value: unknown,
  resolve: ResolveSchema,
  root: boolean,
): XmlNode[] {
  const schema = resolve(written);
  const hints = readXmlHints(schema);
  if (Array.isArray(value)) {
    const items = isJsonObject(schema) ? schema.items : undefined;
    // Several root elements are not a document: an array at the root is always wrapped.
    const wrapped = hints.wrapped || root;
    const outer = hints.name ?? name;
    // OAS: unwrapped items default to the property's name; wrapped ones to the wrapper's.
    const itemName = wrapped ? outer : name;
    const children = value.flatMap((item) => elementsFor(itemName, items, item, resolve, false));
    return wrapped ? [node(qualify(outer, hints), children, namespaceAttributes(hints))] : children;
  }
  const tag = qualify(hints.name ?? name, hints);
  const attributes = namespaceAttributes(hints);
  if (value === undefined || value === null) return [node(tag, [], attributes)];
  if (typeof value !== 'object') return [node(tag, [{ '#text': String(value) }], attributes)];
  const properties = schemaProperties(schema, resolve);
  const children: XmlNode[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const property = properties[key];
    const propertyHints = readXmlHints(resolve(property));
    if (propertyHints.attribute && (child === null || typeof child !== 'object')) {
      const attribute = qualify(propertyHints.name ?? key, propertyHints);
      attributes[`@_${xmlName(attribute)}`] = child === null ? '' : String(child);
      Object.assign(attributes, namespaceAttributes(propertyHints));
      continue;
    }
    children.push(...elementsFor(key, property, child, resolve, false));
  }
  return [node(tag, children, attributes)];
}

function node(tag: string, children: XmlNode[], attributes: Record<string, string>): XmlNode {
  const built: XmlNode = { [xmlName(tag)]: children };
  if (Object.keys(attributes).length > 0) built[':@'] = attributes;
  return built;
}

function qualify(name: string, hints: XmlHints): string {
  return hints.prefix === undefined ? name : `${hints.prefix}:${name}`;
}

function namespaceAttributes(hints: XmlHints): Record<string, string> {
  if (hints.namespace === undefined) return {};
  const attribute = hints.prefix === undefined ? '@_xmlns' : `@_xmlns:${hints.prefix}`;
  return { [attribute]: hints.namespace };
}

/** `Pet` for `{ $ref: '#/components/schemas/Pet' }` (also `#/definitions/Pet`). */
function componentName(schema: unknown): string | undefined {
  if (!isJsonObject(schema) || typeof schema.$ref !== 'string') return undefined;
  const last = schema.$ref.split('/').at(-1);
  if (last === undefined || last === '' || last.startsWith('#')) return undefined;
  const token = last.replaceAll('~1', '/').replaceAll('~0', '~');
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}
