import { isJsonObject } from '../../spec/is-json-object.ts';
import { appendPointer, escapePointerToken, splitPointer } from '../../spec/json-pointer.ts';
import { discriminatorKeyword, type SchemaView } from './build-schema-view.ts';

/**
 * Translates a pointer into the original document to the same node's pointer in the view,
 * stepping through the wrappers the view added; `undefined` when nothing is there.
 */
export function toViewPointer(view: SchemaView, pointer: string): string | undefined {
  const tokens = splitPointer(pointer);
  if (tokens === undefined) return undefined;
  let node: unknown = view.root;
  let result = '';
  for (const token of tokens) {
    if (isJsonObject(node) && view.wrapped.has(node) && !(token in node)) {
      const anyOf = node.anyOf;
      node = Array.isArray(anyOf) ? anyOf[1] : undefined;
      result = appendPointer(result, 'anyOf', 1);
    }
    const rule = isJsonObject(node) ? node[discriminatorKeyword] : undefined;
    if (isJsonObject(rule)) {
      if (token === rule.kind) {
        node = rule.branches;
        result = appendPointer(result, discriminatorKeyword, 'branches');
        continue;
      }
    }
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else node = undefined;
    if (node === undefined) return undefined;
    result = appendPointer(result, token);
  }
  return result;
}

/** A pointer as a URI fragment (`#/paths/~1a%7Bb%7D`), the form Ajv resolves `$ref`s in. */
export function toFragment(pointer: string): string {
  const tokens = splitPointer(pointer) ?? [];
  return `#${tokens.map((token) => `/${encodeURIComponent(escapePointerToken(token))}`).join('')}`;
}
