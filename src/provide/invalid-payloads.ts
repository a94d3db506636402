import { childAt } from '../spec/child-at.ts';
import type { MediaTypeSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../spec/document.ts';
import { derefLocal } from '../spec/index.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { mediaEssence } from './serialize-body.ts';

/** How a payload breaks its contract. */
export type InvalidKind = 'missing-required' | 'wrong-type' | 'wrong-enum' | 'wrong-content-type';

/** A payload that violates the contract on purpose, to see whether a consumer refuses it. */
export interface InvalidPayload {
  kind: InvalidKind;
  /** JSON pointer into the body of the part that was broken (`''` for the whole body). */
  where: string;
  /** Completes "a payload with …", e.g. `required field /data/id missing`. */
  description: string;
  value: unknown;
  /** `wrong-content-type` only: the undeclared content type to send the valid body with. */
  contentType?: string;
}

/** What the walk needs to know about one schema, `$ref`s followed and `allOf` merged. */
interface SchemaView {
  types: string[];
  allowed?: unknown[];
  required: string[];
  properties: Map<string, unknown>;
  items?: unknown;
}

interface Node {
  path: string[];
  schema: SchemaView;
  value: unknown;
}

/**
 * Derives payloads that break a media type's schema from a valid one: a required field left out,
 * a field of the wrong type, a value outside an `enum` / `const`, and the valid body under a
 * content type the operation does not declare. The shallowest field of each kind is broken; for an
 * OAS 3.2 `itemSchema` (and no `schema`), a field of the first item.
 *
 * @example
 * buildInvalidPayloads(document, media, { id: 'o_1', status: 'paid' }, ['application/json'])
 * // [{ kind: 'missing-required', where: '/id', description: 'required field /id missing', … }, …]
 */
export function buildInvalidPayloads(
  document: LoadedDocument,
  media: MediaTypeSpec,
  valid: unknown,
  declaredMediaTypes: readonly string[] = [media.mediaType],
): InvalidPayload[] {
  const payloads: InvalidPayload[] = [];
  // An OAS 3.2 itemSchema alone describes the list of items the payload is.
  const schema =
    media.schema?.schema ??
    (media.itemSchema === undefined
      ? undefined
      : { type: 'array', items: media.itemSchema.schema });
  if (schema !== undefined) {
    const root = document.document;
    const found: Partial<Record<Exclude<InvalidKind, 'wrong-content-type'>, InvalidPayload>> = {};
    const queue: Node[] = [{ path: [], schema: viewSchema(root, schema), value: valid }];
    const rootNode = queue[0];
    for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
      if (isJsonObject(node.value)) {
        const object = node.value;
        const missing = node.schema.required.find((name) => name in object);
        if (missing !== undefined && found['missing-required'] === undefined) {
          const path = [...node.path, missing];
          const where = appendPointer('', ...path);
          found['missing-required'] = {
            kind: 'missing-required',
            where,
            description: `required field ${where} missing`,
            value: withChange(valid, path, { remove: true }),
          };
        }
        for (const [name, childSchema] of node.schema.properties) {
          if (!(name in object)) continue;
          const child = {
            path: [...node.path, name],
            schema: viewSchema(root, childSchema),
            value: object[name],
          };
          inspectField(child, valid, found);
          queue.push(child);
        }
      } else if (
        Array.isArray(node.value) &&
        node.value.length > 0 &&
        node.schema.items !== undefined
      ) {
        const child = {
          path: [...node.path, '0'],
          schema: viewSchema(root, node.schema.items),
          value: node.value[0],
        };
        inspectField(child, valid, found);
        queue.push(child);
      }
    }
    // The body as a whole is broken only when no field could be: a broken field is the subtler test.
    if (rootNode !== undefined) inspectField(rootNode, valid, found);
    for (const kind of ['missing-required', 'wrong-type', 'wrong-enum'] as const) {
      const payload = found[kind];
      if (payload !== undefined) payloads.push(payload);
    }
  }
  const contentType = undeclaredContentType(declaredMediaTypes);
  if (contentType !== undefined) {
    payloads.push({
      kind: 'wrong-content-type',
      where: '',
      description: `the undeclared content type ${contentType}`,
      value: valid,
      contentType,
    });
  }
  return payloads;
}

function inspectField(
  node: Node,
  valid: unknown,
  found: Partial<Record<InvalidKind, InvalidPayload>>,
): void {
  const where = appendPointer('', ...node.path);
  const at = where || 'the body';
  const label = node.path.length === 0 ? 'the body' : `field ${at}`;
  if (found['wrong-enum'] === undefined && node.schema.allowed !== undefined) {
    const replacement = outsideOf(node.schema.allowed);
    found['wrong-enum'] = {
      kind: 'wrong-enum',
      where,
      description: `${label} set to ${JSON.stringify(replacement)}, outside its allowed values`,
      value: withChange(valid, node.path, { value: replacement }),
    };
  }
  if (found['wrong-type'] === undefined && node.schema.types.length > 0) {
    const replacement = ofAnotherType(node.schema.types);
    if (replacement === undefined) return;
    found['wrong-type'] = {
      kind: 'wrong-type',
      where,
      description: `${label} of the wrong type (${jsonType(replacement)} instead of ${node.schema.types.join(' or ')})`,
      value: withChange(valid, node.path, { value: replacement }),
    };
  }
}

function viewSchema(document: JsonObject, schema: unknown, depth = 0): SchemaView {
  const view: SchemaView = { types: [], required: [], properties: new Map() };
  const resolved = derefLocal(document, schema);
  if (!isJsonObject(resolved) || depth > 8) return view;
  if (typeof resolved.type === 'string') view.types.push(resolved.type);
  if (Array.isArray(resolved.type))
    view.types.push(...resolved.type.filter((t) => typeof t === 'string'));
  if (resolved.nullable === true && view.types.length > 0) view.types.push('null');
  if (Array.isArray(resolved.enum)) view.allowed = resolved.enum;
  if ('const' in resolved) view.allowed = [resolved.const];
  if (Array.isArray(resolved.required)) {
    view.required.push(...resolved.required.filter((name) => typeof name === 'string'));
  }
  if (isJsonObject(resolved.properties)) {
    for (const [name, property] of Object.entries(resolved.properties))
      view.properties.set(name, property);
  }
  if (resolved.items !== undefined && !Array.isArray(resolved.items)) view.items = resolved.items;
  if (Array.isArray(resolved.allOf)) {
    for (const member of resolved.allOf) {
      const part = viewSchema(document, member, depth + 1);
      if (view.types.length === 0) view.types.push(...part.types);
      view.allowed ??= part.allowed;
      view.required.push(...part.required);
      for (const [name, property] of part.properties) {
        if (!view.properties.has(name)) view.properties.set(name, property);
      }
      view.items ??= part.items;
    }
  }
  return view;
}

const WRONG_TYPE_CANDIDATES: unknown[] = [
  'not-the-declared-type',
  12345,
  1.5,
  true,
  { unexpected: true },
  ['unexpected'],
];

function ofAnotherType(types: readonly string[]): unknown {
  return WRONG_TYPE_CANDIDATES.find((candidate) => {
    const type = jsonType(candidate);
    return !types.includes(type) && !(type === 'integer' && types.includes('number'));
  });
}

function outsideOf(allowed: readonly unknown[]): unknown {
  if (allowed.length > 0 && allowed.every((value) => typeof value === 'number')) {
    return Math.max(...allowed.filter((value) => typeof value === 'number')) + 1;
  }
  let candidate = `${typeof allowed[0] === 'string' ? allowed[0] : 'value'}-not-allowed`;
  while (allowed.includes(candidate)) candidate += '-x';
  return candidate;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function withChange(
  valid: unknown,
  path: readonly string[],
  change: { remove: true } | { value: unknown },
): unknown {
  if (path.length === 0) return 'remove' in change ? undefined : change.value;
  const copy: unknown = structuredClone(valid);
  const parent = path.slice(0, -1).reduce<unknown>(childAt, copy);
  const last = path.at(-1) ?? '';
  if (Array.isArray(parent)) {
    const index = Number(last);
    if ('remove' in change) parent.splice(index, 1);
    else parent[index] = change.value;
  } else if (isJsonObject(parent)) {
    if ('remove' in change) delete parent[last];
    else parent[last] = change.value;
  }
  return copy;
}

function undeclaredContentType(declared: readonly string[]): string | undefined {
  const essences = declared.map(mediaEssence);
  if (essences.some((essence) => essence === '*/*')) return undefined;
  return ['text/plain', 'application/octet-stream', 'application/json'].find(
    (candidate) =>
      !essences.some(
        (essence) =>
          essence === candidate ||
          (essence.endsWith('/*') && candidate.startsWith(essence.slice(0, -1))),
      ),
  );
}
