import type { XMLParser } from 'fast-xml-parser';
import { lazily } from '../load-lazily.ts';
import { isJsonObject } from '../spec/is-json-object.ts';

/** An attribute with its name split into prefix and local part and its namespace resolved. */
export interface XmlAttribute {
  /** The name as written, `sample:id` or `id`. */
  name: string;
  local: string;
  /** The namespace URI its prefix is bound to; unprefixed attributes have none. */
  namespace: string | undefined;
  value: string;
}

/** An element of a parsed XML document, namespaces resolved. */
export interface XmlElement {
  /** The name as written, `sample:name` or `name`. */
  name: string;
  local: string;
  /** The namespace URI its prefix (or the default namespace) is bound to in scope. */
  namespace: string | undefined;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (text and CDATA), without its children's. */
  text: string;
}

/** The root element of a well-formed document, or why the text is not one. */
export type ParsedXmlDocument = { ok: true; root: XmlElement } | { ok: false; reason: string };

const predefinedEntities: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * Decodes the five predefined entities and character references, and nothing else: entities a
 * DOCTYPE declares are dropped unread (`addInputEntities` keeps none), so a body can neither
 * expand into gigabytes nor pull in a file or URL; a reference to one stays as written.
 */
const entityDecoder = {
  setExternalEntities: (): void => {},
  addInputEntities: (): void => {},
  reset: (): void => {},
  setXmlVersion: (): void => {},
  decode: (text: string): string =>
    text.includes('&')
      ? text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (reference, name: string) => {
          if (!name.startsWith('#')) return predefinedEntities[name] ?? reference;
          const code = name.startsWith('#x')
            ? Number.parseInt(name.slice(2), 16)
            : Number.parseInt(name.slice(1), 10);
          return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
            ? String.fromCodePoint(code)
            : reference;
        })
      : text,
};

const xmlLibrary = lazily<typeof import('fast-xml-parser')>('fast-xml-parser');
let xmlParser: XMLParser | undefined;
/** fast-xml-parser's parser, made on first use (most bodies are not XML). */
function parser(): XMLParser {
  xmlParser ??= new (xmlLibrary().XMLParser)({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    // Whitespace inside a string element is data; between elements it is dropped when reading.
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    entityDecoder,
  });
  return xmlParser;
}

/** Namespace bindings in scope: prefix (`''` for the default namespace) → URI. */
type Scope = ReadonlyMap<string, string>;

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses an XML document into its root element: the syntax is checked first (a mistake is reported
 * with its line and column), then exactly one root element is required. DOCTYPE declarations are
 * skipped: their entities are never expanded and external ones are refused.
 *
 * @example
 * parseXmlDocument('<a x="1"><b>2</b></a>')
 * // { ok: true, root: { name: 'a', attributes: [{ name: 'x', value: '1', … }], children: [{ name: 'b', text: '2', … }], … } }
 */
export function parseXmlDocument(text: string): ParsedXmlDocument {
  const valid = xmlLibrary().XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    // Some mistakes (no element at all) come without a column.
    const at = Number.isInteger(col) ? `line ${line}, column ${col}` : `line ${line}`;
    return { ok: false, reason: `${msg} (${at})` };
  }
  // The validator lets text after a self-closed root (`<a/>junk`) pass, and the parser drops it.
  const end = text.lastIndexOf('>') + 1;
  const trailing = text.slice(end).search(/\S/);
  if (trailing >= 0)
    return { ok: false, reason: `text after the root element (${position(text, end + trailing)})` };
  let nodes: unknown;
  try {
    nodes = parser().parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const roots: XmlElement[] = [];
  const scope: Scope = new Map([['xml', xmlNamespace]]);
  for (const node of Array.isArray(nodes) ? nodes : []) {
    const text = textOf(node);
    if (text !== undefined) {
      if (text.trim() !== '') return { ok: false, reason: 'text outside the root element' };
      continue;
    }
    const element = toElement(node, scope);
    if (element !== undefined) roots.push(element);
  }
  const [root] = roots;
  if (root === undefined) return { ok: false, reason: 'no root element' };
  if (roots.length > 1) {
    return {
      ok: false,
      reason: `${roots.length} root elements (${roots.map((r) => `<${r.name}>`).join(', ')}); a document has one`,
    };
  }
  return { ok: true, root };
}

/** `line L, column C` (both from 1) of an offset. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** The text of a `{ '#text': … }` node, `undefined` for any other node. */
function textOf(node: unknown): string | undefined {
  if (!isJsonObject(node) || !('#text' in node)) return undefined;
  return String(node['#text']);
}

function toElement(node: unknown, outer: Scope): XmlElement | undefined {
  if (!isJsonObject(node)) return undefined;
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return undefined;
  const written = isJsonObject(node[':@']) ? Object.entries(node[':@']) : [];
  const scope = new Map(outer);
  for (const [attribute, value] of written) {
    if (attribute === 'xmlns') scope.set('', String(value));
    else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), String(value));
  }
  const attributes = written.map(([attribute, value]): XmlAttribute => {
    const { prefix, local } = splitName(attribute);
    // Unprefixed attributes are in no namespace, whatever the default namespace is.
    const namespace = prefix === undefined ? undefined : scope.get(prefix);
    return { name: attribute, local, namespace, value: String(value) };
  });
  const { prefix, local } = splitName(name);
  const element: XmlElement = {
    name,
    local,
    namespace: scope.get(prefix ?? '') || undefined,
    attributes,
    children: [],
    text: '',
  };
  const content = node[name];
  for (const child of Array.isArray(content) ? content : []) {
    const text = textOf(child);
    if (text !== undefined) {
      element.text += text;
      continue;
    }
    const childElement = toElement(child, scope);
    if (childElement !== undefined) element.children.push(childElement);
  }
  return element;
}

function splitName(name: string): { prefix: string | undefined; local: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: undefined, local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}
