import { isJsonObject } from './is-json-object.ts';

/** The OAS XML Object fields that say where a value sits in an XML document. */
export interface XmlHints {
  name?: string;
  namespace?: string;
  prefix?: string;
  attribute: boolean;
  wrapped: boolean;
}

/**
 * A schema's XML Object (`xml`), read the one way both the XML builder and the XML reader use it;
 * empty strings count as absent.
 * @example readXmlHints({ xml: { name: 'pet', attribute: true } }) // { name: 'pet', attribute: true, wrapped: false }
 */
export function readXmlHints(schema: unknown): XmlHints {
  const xml = isJsonObject(schema) && isJsonObject(schema.xml) ? schema.xml : {};
  const text = (field: unknown): string | undefined =>
    typeof field === 'string' && field !== '' ? field : undefined;
  const hints: XmlHints = { attribute: xml.attribute === true, wrapped: xml.wrapped === true };
  const name = text(xml.name);
  const namespace = text(xml.namespace);
  const prefix = text(xml.prefix);
  if (name !== undefined) hints.name = name;
  if (namespace !== undefined) hints.namespace = namespace;
  if (prefix !== undefined) hints.prefix = prefix;
  return hints;
}

/**
 * A property name made a legal XML name (`2fa` → `_2fa`, `first name` → `first_name`): JSON keys
 * may hold anything, element names may not. The builder writes it, the reader looks for it.
 * @example xmlName('first name') // 'first_name'
 */
export function xmlName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_.:-]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}
