import type { MediaTypeSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { readExamples } from './example.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { readSchema } from './schema.ts';

/** A `content` map (media type → Media Type Object, which OAS 3.2 allows to be a `$ref`). */
export function readContent(
  document: JsonObject,
  content: unknown,
  pointer: string,
): MediaTypeSpec[] {
  if (!isJsonObject(content)) return [];
  const found: MediaTypeSpec[] = [];
  for (const [mediaType, written] of Object.entries(content)) {
    const located = followRef(document, written, appendPointer(pointer, 'content', mediaType));
    if (located === undefined) continue;
    const media = isJsonObject(located.value) ? located.value : {};
    const schema = readSchema(media, located.pointer);
    const itemSchema = readSchema(media, located.pointer, 'itemSchema');
    found.push({
      mediaType,
      ...(schema === undefined ? {} : { schema }),
      ...(itemSchema === undefined ? {} : { itemSchema }),
      examples: readExamples(document, media, located.pointer, schema),
      pointer: located.pointer,
    });
  }
  return found;
}
