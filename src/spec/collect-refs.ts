import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { isDataChild } from './ref-location.ts';

/** One `$ref` as written, with the tokens of the object that holds it. */
export interface RefUse {
  ref: string;
  tokens: string[];
}

/** Nesting depth past which the walk starts checking for loops. */
const loopCheckDepth = 64;

/** Every `$ref` string in a document, in document order, skipping example and default data. */
export function collectRefs(root: unknown): RefUse[] {
  const uses: RefUse[] = [];
  const tokens: string[] = [];
  // YAML anchors can make a value contain itself. Only a deep walk can be in such a loop, so the
  // (costly) loop check starts there; an ordinary document never pays for it.
  const active = new Set<unknown>();
  const visit = (value: unknown): void => {
    const deep = tokens.length > loopCheckDepth;
    if (deep && active.has(value)) return;
    if (deep) active.add(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        tokens.push(String(index));
        visit(value[index]);
        tokens.pop();
      }
      if (deep) active.delete(value);
      return;
    }
    if (!isJsonObject(value)) return;
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (key === '$ref' && typeof child === 'string') {
        uses.push({ ref: child, tokens: [...tokens] });
        continue;
      }
      if (
        child === null ||
        typeof child !== 'object' ||
        isDataChild(tokens[tokens.length - 2], tokens[tokens.length - 1], key, child)
      )
        continue;
      tokens.push(key);
      visit(child);
      tokens.pop();
    }
    if (deep) active.delete(value);
  };
  visit(root);
  return uses;
}

/** The pointer of a ref use, e.g. `/paths/~1pets/get/responses/200`. */
export function pointerOfTokens(tokens: readonly string[]): string {
  return appendPointer('', ...tokens);
}
