import { derefLocal } from '../../spec/deref-local.ts';
import type { JsonObject, OasVersion } from '../../spec/document.ts';
import { isJsonObject } from '../../spec/is-json-object.ts';
import { appendPointer } from '../../spec/json-pointer.ts';
import { subschemaKeywords } from './subschema-keywords.ts';

/** Which side of an exchange a value travels on; decides what `readOnly` / `writeOnly` mean. */
export type Direction = 'request' | 'response';

/** Something about a schema node worth a warning wherever a contract uses it. */
export interface SchemaNote {
  check: string;
  message: string;
  /** Pointer of the keyword in the original document. */
  pointer: string;
}

/** Custom keyword that replaces a discriminated `oneOf` / `anyOf` in the view. */
export const discriminatorKeyword = 'oasDiscriminator';

/** Value of {@link discriminatorKeyword}: the branches and how a property value selects one. */
export interface DiscriminatorRule {
  /** Pointer of the schema holding the discriminator, in the original document. */
  pointer: string;
  propertyName: string;
  kind: 'oneOf' | 'anyOf';
  /** Discriminator value → index into `branches`. */
  mapping: Record<string, number>;
  /** The values `discriminator.mapping` lists; empty when only schema names select. */
  explicit: string[];
  branches: unknown[];
}

/**
 * The document as the schema engine sees it: OAS-only semantics rewritten into JSON Schema,
 * with every untouched subtree shared with the original (nothing is copied that is not changed).
 */
export interface SchemaView {
  root: JsonObject;
  /**
   * Original document pointer of each schema node in the view (findings point there). A plain
   * `Map`: every key is reachable from `root` anyway, and a weak map of this size (one entry per
   * schema node, 33 000 on GitHub's document) makes every garbage collection slower.
   */
  pointerOf: Map<object, string>;
  /** Notes (unknown format, `nullable` in 3.1, …) attached to view nodes. */
  notesOf: WeakMap<object, SchemaNote[]>;
  /** Nodes wrapped as `anyOf: [{type: null}, rest]` for an untyped `nullable`. */
  wrapped: WeakSet<object>;
  /** Every `format` value used by a schema. */
  formats: Set<string>;
  /** Every `x-` keyword used inside a schema (registered as annotations). */
  extensionKeywords: Set<string>;
  /**
   * Whether some schema declares `$id`, `$anchor` or `$dynamicAnchor`, the only keywords that
   * make a schema reachable other than by its JSON pointer.
   */
  identified: boolean;
  /** How many schemas `$ref` each local target (`#/components/schemas/user` → 308 on GitHub). */
  refCounts: Map<string, number>;
}

/** Keywords that give a schema a name of its own (Ajv must scan for them when registering). */
const identifierKeywords = new Set(['$id', '$anchor', '$dynamicAnchor']);

const {
  map: schemaMapKeywords,
  single: schemaKeywords,
  list: schemaListKeywords,
} = subschemaKeywords;
const skippedDocumentKeys = new Set(['example', 'examples', 'externalDocs', 'security']);

/** `appendPointer` for one token, without the escaping work for the usual token that needs none. */
function appendToken(pointer: string, token: string): string {
  return token.includes('~') || token.includes('/')
    ? appendPointer(pointer, token)
    : `${pointer}/${token}`;
}

/** Walks a whole document once and builds its {@link SchemaView} for one direction. */
export function buildSchemaView(
  document: JsonObject,
  version: OasVersion,
  direction: Direction,
): SchemaView {
  const view: SchemaView = {
    root: document,
    pointerOf: new Map(),
    notesOf: new WeakMap(),
    wrapped: new WeakSet(),
    formats: new Set(),
    extensionKeywords: new Set(),
    identified: false,
    refCounts: new Map(),
  };
  const builder = new ViewBuilder(document, version, direction, view);
  const root = builder.walkDocument(document, '');
  view.root = isJsonObject(root) ? root : document;
  return view;
}

class ViewBuilder {
  readonly document: JsonObject;
  readonly version: OasVersion;
  readonly direction: Direction;
  readonly view: SchemaView;

  constructor(document: JsonObject, version: OasVersion, direction: Direction, view: SchemaView) {
    this.document = document;
    this.version = version;
    this.direction = direction;
    this.view = view;
  }

  /** Non-schema parts: looks for `schema` / `itemSchema` values and `components.schemas`. */
  walkDocument(node: unknown, pointer: string): unknown {
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((item, index) => {
        const next = this.walkDocument(item, `${pointer}/${index}`);
        if (next !== item) {
          copy ??= [...node];
          copy[index] = next;
        }
      });
      return copy ?? node;
    }
    if (!isJsonObject(node)) return node;
    let copy: JsonObject | undefined;
    // `Object.keys`, not `entries`: one array per object instead of one more per key, which adds
    // up to a garbage collection during the first compile on a large document.
    for (const key of Object.keys(node)) {
      if (key.startsWith('x-') || skippedDocumentKeys.has(key)) continue;
      const value = node[key];
      // Only objects can hold schemas; a string (a description) needs no pointer.
      if (typeof value !== 'object' || value === null) continue;
      const childPointer = appendToken(pointer, key);
      let next: unknown;
      if ((key === 'schema' || key === 'itemSchema') && typeof value === 'object') {
        next = this.walkSchema(value, childPointer);
      } else if (key === 'schemas' && pointer === '/components' && isJsonObject(value)) {
        next = this.walkSchemaMap(value, childPointer);
      } else {
        next = this.walkDocument(value, childPointer);
      }
      if (next !== value) {
        copy ??= { ...node };
        copy[key] = next;
      }
    }
    return copy ?? node;
  }

  walkSchemaMap(map: JsonObject, pointer: string): JsonObject {
    let copy: JsonObject | undefined;
    for (const name of Object.keys(map)) {
      const value = map[name];
      const next = this.walkSchema(value, appendToken(pointer, name));
      if (next !== value) {
        copy ??= { ...map };
        copy[name] = next;
      }
    }
    return copy ?? map;
  }

  walkSchema(node: unknown, pointer: string): unknown {
    if (!isJsonObject(node)) return node;
    const editor = new NodeEditor(node);
    const notes: SchemaNote[] = [];

    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key.startsWith('x-')) {
        this.view.extensionKeywords.add(key);
        continue;
      }
      let next: unknown = value;
      if (schemaMapKeywords.has(key) && isJsonObject(value)) {
        next = this.walkSchemaMap(value, `${pointer}/${key}`);
      } else if (schemaListKeywords.has(key) && Array.isArray(value)) {
        next = this.walkSchemaList(value, `${pointer}/${key}`);
      } else if (schemaKeywords.has(key)) {
        next = Array.isArray(value)
          ? this.walkSchemaList(value, `${pointer}/${key}`)
          : this.walkSchema(value, `${pointer}/${key}`);
      } else if (key === 'format' && typeof value === 'string') {
        this.view.formats.add(value);
        notes.push({ check: 'format', message: value, pointer: `${pointer}/format` });
      } else if (identifierKeywords.has(key)) {
        this.view.identified = true;
      } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
        this.view.refCounts.set(value, (this.view.refCounts.get(value) ?? 0) + 1);
      }
      if (next !== value) editor.edit()[key] = next;
    }

    this.rewriteExclusiveBounds(node, editor);
    this.filterRequired(node, editor);
    this.rewriteDiscriminator(node, pointer, editor);
    const result = this.applyNullable(editor, pointer, notes);
    this.view.pointerOf.set(result, pointer);
    if (result !== editor.current) this.view.pointerOf.set(editor.current, pointer);
    if (notes.length > 0) this.view.notesOf.set(result, notes);
    return result;
  }

  walkSchemaList(list: unknown[], pointer: string): unknown[] {
    let copy: unknown[] | undefined;
    list.forEach((item, index) => {
      const next = this.walkSchema(item, `${pointer}/${index}`);
      if (next !== item) {
        copy ??= [...list];
        copy[index] = next;
      }
    });
    return copy ?? list;
  }

  /** OAS 3.0 writes `exclusiveMinimum: true` next to `minimum`; JSON Schema wants the number. */
  rewriteExclusiveBounds(node: JsonObject, editor: NodeEditor): void {
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      const flag = node[exclusive];
      if (typeof flag !== 'boolean') continue;
      const target = editor.edit();
      delete target[exclusive];
      if (flag && typeof node[bound] === 'number') {
        target[exclusive] = node[bound];
        delete target[bound];
      }
    }
  }

  /**
   * A `readOnly` property is not sent in requests, a `writeOnly` one not in responses: such a
   * name is dropped from `required`. The flag may sit on the property, beside or behind its
   * `$ref`, or in an `allOf` member of it; the property may be declared by the schema itself or by
   * one of its `allOf` members; and `required` may sit in an inline `allOf` member beside the one
   * that declares the property (`allOf: [{ $ref: Pet }, { required: [id] }]`).
   */
  filterRequired(node: JsonObject, editor: NodeEditor): void {
    const required = node.required;
    const members = editor.current.allOf;
    // Most schema nodes have neither: leave before allocating anything.
    if (!Array.isArray(required) && !Array.isArray(members)) return;
    const flag = this.direction === 'request' ? 'readOnly' : 'writeOnly';
    const flagged = (name: unknown): boolean =>
      typeof name === 'string' && this.declaresFlagged(node, name, flag, undefined);
    if (Array.isArray(required)) {
      const kept = required.filter((name) => !flagged(name));
      if (kept.length !== required.length) editor.edit().required = kept;
    }
    if (!Array.isArray(members)) return;
    let copy: unknown[] | undefined;
    members.forEach((member, index) => {
      if (!isJsonObject(member) || '$ref' in member || !Array.isArray(member.required)) return;
      const kept = member.required.filter((name) => !flagged(name));
      if (kept.length === member.required.length) return;
      const edited = { ...member, required: kept };
      const pointer = this.view.pointerOf.get(member);
      if (pointer !== undefined) this.view.pointerOf.set(edited, pointer);
      const notes = this.view.notesOf.get(member);
      if (notes !== undefined) this.view.notesOf.set(edited, notes);
      copy ??= [...members];
      copy[index] = edited;
    });
    if (copy !== undefined) editor.edit().allOf = copy;
  }

  /**
   * Whether `schema` (or an `allOf` member of it, `$ref`s followed) declares `name` with the flag.
   * `seen` guards against `allOf` loops; it is only made once there is an `allOf` to follow.
   */
  declaresFlagged(
    schema: unknown,
    name: string,
    flag: string,
    seen: Set<unknown> | undefined,
  ): boolean {
    const node = derefLocal(this.document, schema);
    if (!isJsonObject(node) || seen?.has(node) === true) return false;
    const properties = node.properties;
    if (
      isJsonObject(properties) &&
      Object.hasOwn(properties, name) &&
      this.carriesFlag(properties[name], flag, undefined)
    ) {
      return true;
    }
    const members = node.allOf;
    if (!Array.isArray(members)) return false;
    const visited = seen ?? new Set<unknown>();
    visited.add(node);
    return members.some((member) => this.declaresFlagged(member, name, flag, visited));
  }

  /** Whether a property schema is flagged: itself, beside or behind its `$ref`, or in an `allOf` member. */
  carriesFlag(schema: unknown, flag: string, seen: Set<unknown> | undefined): boolean {
    // 3.1 allows `readOnly` beside a `$ref`, so look at the property before following it.
    if (isJsonObject(schema) && schema[flag] === true) return true;
    const node = derefLocal(this.document, schema);
    if (!isJsonObject(node) || seen?.has(node) === true) return false;
    if (node[flag] === true) return true;
    const members = node.allOf;
    if (!Array.isArray(members)) return false;
    const visited = seen ?? new Set<unknown>();
    visited.add(node);
    return members.some((member) => this.carriesFlag(member, flag, visited));
  }

  /** `discriminator` with a `oneOf` / `anyOf` of branches: the property value picks one branch. */
  rewriteDiscriminator(node: JsonObject, pointer: string, editor: NodeEditor): void {
    const discriminator = node.discriminator;
    if (!isJsonObject(discriminator) || typeof discriminator.propertyName !== 'string') return;
    const kind = Array.isArray(node.oneOf)
      ? 'oneOf'
      : Array.isArray(node.anyOf)
        ? 'anyOf'
        : undefined;
    if (kind === undefined) return;
    const branches = editor.current[kind];
    if (!Array.isArray(branches)) return;
    const original = node[kind];
    const refs = Array.isArray(original)
      ? original.map((branch) =>
          isJsonObject(branch) && typeof branch.$ref === 'string' ? branch.$ref : undefined,
        )
      : [];
    const mapping: Record<string, number> = {};
    refs.forEach((ref, index) => {
      const name = ref?.slice(ref.lastIndexOf('/') + 1);
      if (name !== undefined && name !== '') mapping[decodeURIComponent(name)] = index;
    });
    if (isJsonObject(discriminator.mapping)) {
      for (const [value, target] of Object.entries(discriminator.mapping)) {
        if (typeof target !== 'string') continue;
        const index = refs.findIndex(
          (ref) => ref === target || ref === `#/components/schemas/${target}`,
        );
        if (index >= 0) mapping[value] = index;
      }
    }
    const rule: DiscriminatorRule = {
      pointer,
      propertyName: discriminator.propertyName,
      kind,
      mapping,
      explicit: isJsonObject(discriminator.mapping) ? Object.keys(discriminator.mapping) : [],
      branches,
    };
    const target = editor.edit();
    delete target[kind];
    target[discriminatorKeyword] = rule;
  }

  /** OAS 3.0 `nullable: true` (also seen in 3.1 documents, where it earns a warning). */
  applyNullable(editor: NodeEditor, pointer: string, notes: SchemaNote[]): JsonObject {
    const node = editor.current;
    if (!('nullable' in node)) return node;
    const nullable = node.nullable === true;
    if (this.version !== '3.0') {
      notes.push({
        check: 'nullable',
        message: nullable ? 'null accepted' : 'ignored',
        pointer: appendPointer(pointer, 'nullable'),
      });
    }
    const target = editor.edit();
    delete target.nullable;
    if (!nullable) return target;
    const type = target.type;
    if (typeof type === 'string' || Array.isArray(type)) {
      const types = typeof type === 'string' ? [type] : [...type];
      if (!types.includes('null')) types.push('null');
      target.type = types;
      if (Array.isArray(target.enum) && !target.enum.includes(null)) {
        target.enum = [...target.enum, null];
      }
      return target;
    }
    const wrapper: JsonObject = { anyOf: [{ type: 'null' }, target] };
    this.view.wrapped.add(wrapper);
    return wrapper;
  }
}

/** Copy-on-write access to one schema node. */
class NodeEditor {
  readonly original: JsonObject;
  copy: JsonObject | undefined;

  constructor(original: JsonObject) {
    this.original = original;
  }

  get current(): JsonObject {
    return this.copy ?? this.original;
  }

  edit(): JsonObject {
    this.copy ??= { ...this.original };
    return this.copy;
  }
}
