import { childAt } from '../../spec/child-at.ts';
import { isJsonObject } from '../../spec/is-json-object.ts';
import { appendPointer, splitPointer } from '../../spec/json-pointer.ts';
import { discriminatorKeyword, type SchemaNote, type SchemaView } from './build-schema-view.ts';
import { subschemaKeywords } from './subschema-keywords.ts';

/**
 * Every note on the schema nodes reachable from `start` (following local `$ref`s), plus
 * keywords the engine does not know. Run once per compiled schema, so each contract hears of
 * the problems in the schemas it uses, shared ones included.
 */
export function collectSchemaNotes(
  view: SchemaView,
  start: unknown,
  isKnownKeyword: (keyword: string) => boolean,
): SchemaNote[] {
  const notes: SchemaNote[] = [];
  const seen = new WeakSet<object>();
  const pending: unknown[] = [start];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (!isJsonObject(node) || seen.has(node)) continue;
    seen.add(node);
    notes.push(...(view.notesOf.get(node) ?? []));
    const pointer = view.pointerOf.get(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        pending.push(resolveInView(view, value));
      } else if (subschemaKeywords.single.has(key) || subschemaKeywords.list.has(key)) {
        pending.push(value);
      } else if (subschemaKeywords.map.has(key) && isJsonObject(value)) {
        pending.push(...Object.values(value));
      } else if (key === discriminatorKeyword && isJsonObject(value)) {
        pending.push(value.branches);
      } else if (!key.startsWith('x-') && !isKnownKeyword(key) && pointer !== undefined) {
        notes.push({ check: 'keyword', message: key, pointer: appendPointer(pointer, key) });
      }
    }
  }
  return notes;
}

/** The view node a local `$ref` names, as Ajv will resolve it. */
export function resolveInView(view: SchemaView, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const tokens = splitPointer(ref);
  if (tokens === undefined) return undefined;
  let node: unknown = view.root;
  for (const token of tokens) node = childAt(node, token);
  return node;
}
