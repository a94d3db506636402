import type { Contract, MediaTypeSpec, OperationSpec, SchemaSpec } from '../spec/contract.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import type { CapturedValue } from '../spec/runtime-expression/types.ts';
import { coerceScalar, schemaTypes } from './coerce-parameter.ts';
import { findSubSchema } from './find-sub-schema.ts';
import type { Finding } from './finding.ts';
import { isJsonContentType } from './media-type.ts';
import type { ValidationContext } from './validation-context.ts';

/**
 * Values the receiver captured from the URL for embedded expressions (`/invoices/{$request.body#/id}`)
 * are checked against the schema of what they stand for, where the trigger operation declares one.
 */
export function checkCaptured(
  context: ValidationContext,
  contract: Contract,
  captured: readonly CapturedValue[],
): Finding[] {
  const trigger = contract.trigger;
  if (trigger === undefined) return [];
  const findings: Finding[] = [];
  for (const value of captured) {
    const schema = schemaOf(context, trigger, value);
    if (schema === undefined) continue;
    const typed = coerceScalar(value.value, schemaTypes(context.resolve(schema.schema)));
    findings.push(
      ...context.checkSchema(schema, typed, {
        where: appendPointer('/path', value.expression),
        check: 'path.schema',
        direction: 'request',
        contract: contract.id,
      }),
    );
  }
  return findings;
}

function schemaOf(
  context: ValidationContext,
  trigger: OperationSpec,
  value: CapturedValue,
): SchemaSpec | undefined {
  const source = value.source;
  const parameter = (location: string | undefined, name: string): SchemaSpec | undefined =>
    trigger.parameters.find(
      (item) =>
        (location === undefined || item.in === location) &&
        (item.in === 'header'
          ? item.name.toLowerCase() === name.toLowerCase()
          : item.name === name),
    )?.schema;
  switch (source.type) {
    case 'query':
      return parameter('query', source.name);
    case 'path':
      return parameter('path', source.name);
    case 'parameter':
      return parameter(undefined, source.name);
    case 'header':
      if (source.from === 'request') return parameter('header', source.name);
      return successResponse(trigger)?.headers.find(
        (header) => header.name.toLowerCase() === source.name.toLowerCase(),
      )?.schema;
    case 'body': {
      const content =
        source.from === 'request'
          ? trigger.requestBody?.content
          : successResponse(trigger)?.content;
      const schema = jsonMedia(content ?? [])?.schema;
      return schema === undefined
        ? undefined
        : findSubSchema(context.document.document, schema, source.pointer);
    }
    default:
      return undefined;
  }
}

function successResponse(operation: OperationSpec): OperationSpec['responses'][number] | undefined {
  return [...operation.responses]
    .filter((response) => /^2/.test(response.status))
    .sort((a, b) => a.status.localeCompare(b.status))[0];
}

function jsonMedia(content: readonly MediaTypeSpec[]): MediaTypeSpec | undefined {
  return content.find((media) => isJsonContentType(media.mediaType)) ?? content[0];
}
