import type { HeaderMap } from '../receive/exchange.ts';
import type { MediaTypeSpec } from '../spec/contract.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { checkSequence } from './check-sequence.ts';
import type { Finding } from './finding.ts';
import { formatValue } from './format-value.ts';
import { type MediaType, matchMediaType, parseMediaType } from './media-type.ts';
import { parseBody } from './parse-body.ts';
import type { Direction } from './schema/build-schema-view.ts';
import { sequenceKind } from './sequence-kind.ts';
import type { ValidationContext } from './validation-context.ts';

/** A body to check against the declared content of a request body or response. */
export interface BodyCheck {
  body: Uint8Array;
  headers: HeaderMap;
  /** Declared media types; empty when the operation declares no body. */
  content: readonly MediaTypeSpec[];
  /** Whether an empty body is a problem. */
  required: boolean;
  /** Pointer of the request body / response object, for findings about it as a whole. */
  pointer: string;
  direction: Direction;
  contract: string | undefined;
}

/** Content type, encoding, syntax and schema of a body (item by item for a sequential media type). */
export function checkBody(
  context: ValidationContext,
  input: BodyCheck,
): { findings: Finding[]; parsedBody?: unknown } {
  const prefix = input.direction === 'response' ? '/response' : '';
  const checkPrefix = input.direction === 'response' ? 'response.' : '';
  const findings: Finding[] = [];
  const add = (finding: Finding): void => {
    if (input.contract !== undefined) finding.contract = input.contract;
    findings.push(finding);
  };
  const subject = input.direction === 'response' ? 'The response' : 'The request';
  const declared = input.content.map((media) => media.mediaType);
  const contentPointer = appendPointer(input.pointer, 'content');

  if (input.body.byteLength === 0) {
    if (input.required && input.content.length > 0) {
      add({
        check: `${checkPrefix}body.required`,
        severity: 'error',
        message: `${subject} has no body, but one is required (${declared.join(', ')})`,
        where: `${prefix}/body`,
        spec: input.pointer,
        expected: declared,
        actual: 'empty body',
      });
    }
    return { findings };
  }
  if (input.content.length === 0) return { findings };

  const header = firstValue(input.headers['content-type']);
  let media: MediaType | undefined = header === undefined ? undefined : parseMediaType(header);
  let declaredMedia: MediaTypeSpec | undefined;
  if (header === undefined || header.trim() === '') {
    add({
      check: `${checkPrefix}content-type.missing`,
      severity: 'error',
      message: `${subject} has a body but no Content-Type header; expected ${declared.join(' or ')}`,
      where: `${prefix}/headers/content-type`,
      spec: contentPointer,
      expected: declared,
    });
  } else {
    declaredMedia = media === undefined ? undefined : matchMediaType(media, input.content);
    if (declaredMedia === undefined) {
      add({
        check: `${checkPrefix}content-type.unexpected`,
        severity: 'error',
        message: `Content-Type ${formatValue(header)} is not declared; expected ${declared.join(' or ')}`,
        where: `${prefix}/headers/content-type`,
        spec: contentPointer,
        expected: declared,
        actual: header,
      });
    }
  }
  // With one declared media type a body sent with a missing or wrong content type can still be
  // read as that type and checked; if it cannot be read, the content-type finding says enough.
  const assumed = declaredMedia === undefined;
  if (declaredMedia === undefined) {
    if (input.content.length !== 1) return { findings };
    declaredMedia = input.content[0];
    const parsed =
      declaredMedia === undefined ? undefined : parseMediaType(declaredMedia.mediaType);
    if (media === undefined || parsed?.essence.includes('*') === false) media = parsed;
  }
  if (declaredMedia === undefined || media === undefined) return { findings };

  // OAS 3.2 sequential media types: item by item against itemSchema. Without one, `schema`
  // describes the list of items, except for event streams, which 3.0/3.1 documents describe as text.
  const sequence = sequenceKind(media.essence);
  if (
    sequence !== undefined &&
    (declaredMedia.itemSchema !== undefined ||
      (sequence !== 'event-stream' && declaredMedia.schema !== undefined))
  ) {
    const checked = checkSequence(context, {
      body: input.body,
      kind: sequence,
      media: declaredMedia,
      essence: media.essence,
      direction: input.direction,
      contract: input.contract,
    });
    findings.push(...checked.findings);
    return { findings, parsedBody: checked.parsedBody };
  }

  const schemaSpec = declaredMedia.schema;
  const parsed = parseBody(input.body, media, schemaSpec?.schema, context.resolve);
  if (assumed && parsed.kind !== 'parsed') return { findings };
  switch (parsed.kind) {
    case 'opaque':
      return { findings };
    case 'encoding':
      add({
        check: `${checkPrefix}body.encoding`,
        severity: 'error',
        message: `${subject} body is not valid UTF-8 (first bad byte at offset ${parsed.offset})`,
        where: `${prefix}/body`,
        spec: declaredMedia.pointer,
        expected: 'UTF-8 text',
        actual: `invalid byte at offset ${parsed.offset}`,
      });
      return { findings };
    case 'malformed':
      add({
        check: `${checkPrefix}body.malformed`,
        severity: 'error',
        message: `${subject} body is not valid ${media.essence}: ${parsed.reason}`,
        where: `${prefix}/body`,
        spec: declaredMedia.pointer,
        expected: media.essence,
        actual: parsed.reason,
      });
      return { findings };
    case 'parsed':
      if (schemaSpec !== undefined) {
        findings.push(
          ...context.checkSchema(schemaSpec, parsed.value, {
            where: `${prefix}/body`,
            check: `${checkPrefix}body.schema`,
            direction: input.direction,
            contract: input.contract,
          }),
        );
      }
      return { findings, parsedBody: parsed.value };
  }
}

/** The first value of a header that may have been sent several times. */
function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
