import type { ParameterSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { readExamples } from './example.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { readSchema } from './schema.ts';

const locations = new Set<string>(['path', 'query', 'querystring', 'header', 'cookie']);

/** Narrows `in` to one of the parameter locations (`querystring` since OAS 3.2). */
function isLocation(value: unknown): value is ParameterSpec['in'] {
  return typeof value === 'string' && locations.has(value);
}

/** One parameter object (or `$ref` to one) as a `ParameterSpec`; `undefined` when it is not one. */
function readParameter(
  document: JsonObject,
  written: unknown,
  pointer: string,
): ParameterSpec | undefined {
  const located = followRef(document, written, pointer);
  if (located === undefined || !isJsonObject(located.value)) return undefined;
  const parameter = located.value;
  if (typeof parameter.name !== 'string' || !isLocation(parameter.in)) return undefined;
  const schema = readParameterSchema(document, parameter, located.pointer);
  const contentMediaType = readContentMediaType(parameter);
  const media = contentMedia(document, parameter, located.pointer);
  // With `content`, examples may sit on the parameter or on its media type (a querystring's often do).
  const examples =
    media === undefined
      ? readExamples(document, parameter, located.pointer, schema)
      : [
          ...readExamples(document, parameter, located.pointer, undefined),
          ...readExamples(document, media.value, media.pointer, schema),
        ];
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.in === 'path' || parameter.required === true,
    ...(schema === undefined ? {} : { schema }),
    examples,
    pointer: located.pointer,
    ...(typeof parameter.style === 'string' ? { style: parameter.style } : {}),
    ...(typeof parameter.explode === 'boolean' ? { explode: parameter.explode } : {}),
    ...(contentMediaType === undefined ? {} : { contentMediaType }),
  };
}

/** The single media type under `content`, when the parameter has no `schema`. */
function readContentMediaType(parameter: JsonObject): string | undefined {
  if (parameter.schema !== undefined || !isJsonObject(parameter.content)) return undefined;
  return Object.keys(parameter.content)[0];
}

/** The single media type object under `content` (its `$ref` followed), when there is no `schema`. */
function contentMedia(
  document: JsonObject,
  parameter: JsonObject,
  pointer: string,
): { value: JsonObject; pointer: string } | undefined {
  if (parameter.schema !== undefined || !isJsonObject(parameter.content)) return undefined;
  const [mediaType] = Object.keys(parameter.content);
  if (mediaType === undefined) return undefined;
  const media = followRef(
    document,
    parameter.content[mediaType],
    appendPointer(pointer, 'content', mediaType),
  );
  return media !== undefined && isJsonObject(media.value)
    ? { value: media.value, pointer: media.pointer }
    : undefined;
}

/** `schema`, or the schema of the single media type under `content`. */
function readParameterSchema(
  document: JsonObject,
  parameter: JsonObject,
  pointer: string,
): ReturnType<typeof readSchema> {
  const direct = readSchema(parameter, pointer);
  if (direct !== undefined) return direct;
  const media = contentMedia(document, parameter, pointer);
  return media === undefined ? undefined : readSchema(media.value, media.pointer);
}

/** A `parameters` list (items may be `$ref`s); entries that are not parameters are skipped. */
export function readParameters(
  document: JsonObject,
  list: unknown,
  pointer: string,
): ParameterSpec[] {
  if (!Array.isArray(list)) return [];
  const found: ParameterSpec[] = [];
  list.forEach((item: unknown, index) => {
    const parameter = readParameter(document, item, appendPointer(pointer, 'parameters', index));
    if (parameter !== undefined) found.push(parameter);
  });
  return found;
}

/** Path-item and operation parameters merged: an operation parameter replaces the same `in` + `name`. */
export function mergeParameters(
  pathLevel: ParameterSpec[],
  operationLevel: ParameterSpec[],
): ParameterSpec[] {
  const keyOf = (parameter: ParameterSpec): string =>
    `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
  const overridden = new Set(operationLevel.map(keyOf));
  return [...pathLevel.filter((parameter) => !overridden.has(keyOf(parameter))), ...operationLevel];
}
