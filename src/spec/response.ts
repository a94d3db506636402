import type { ParameterSpec, ResponseSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { readExamples } from './example.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { readContent } from './media-type.ts';
import { readSchema } from './schema.ts';

/** A Responses Object: one `ResponseSpec` per status (`200`, `2XX`, `default`), `$ref`s followed. */
export function readResponses(
  document: JsonObject,
  responses: unknown,
  pointer: string,
): ResponseSpec[] {
  if (!isJsonObject(responses)) return [];
  const found: ResponseSpec[] = [];
  for (const [status, written] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const located = followRef(document, written, appendPointer(pointer, 'responses', status));
    if (located === undefined || !isJsonObject(located.value)) continue;
    const response = located.value;
    found.push({
      status,
      description: typeof response.description === 'string' ? response.description : '',
      headers: readHeaders(document, response.headers, located.pointer),
      content: readContent(document, response.content, located.pointer),
      pointer: located.pointer,
    });
  }
  return found;
}

/** Response headers as header parameters (`Content-Type` is described by `content`, so it is left out). */
function readHeaders(document: JsonObject, headers: unknown, pointer: string): ParameterSpec[] {
  if (!isJsonObject(headers)) return [];
  const found: ParameterSpec[] = [];
  for (const [name, written] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-type') continue;
    const located = followRef(document, written, appendPointer(pointer, 'headers', name));
    if (located === undefined || !isJsonObject(located.value)) continue;
    const header = located.value;
    const schema = readSchema(header, located.pointer);
    found.push({
      name,
      in: 'header',
      required: header.required === true,
      ...(schema === undefined ? {} : { schema }),
      examples: readExamples(document, header, located.pointer, schema),
      pointer: located.pointer,
    });
  }
  return found;
}
