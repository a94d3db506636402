import type { MediaTypeSpec } from '../spec/contract.ts';
import type { Finding } from './finding.ts';
import { parseSequence } from './parse-sequence.ts';
import type { Direction } from './schema/build-schema-view.ts';
import type { SequenceKind } from './sequence-kind.ts';
import type { ValidationContext } from './validation-context.ts';

/** What checking a sequential body needs from `checkBody`. */
export interface SequenceCheck {
  body: Uint8Array;
  kind: SequenceKind;
  /** The declared media type, with its `itemSchema` and/or `schema`. */
  media: MediaTypeSpec;
  /** The media type as received, for messages. */
  essence: string;
  direction: Direction;
  contract: string | undefined;
}

/**
 * Checks a sequential body (OAS 3.2): splits it into items, checks each against `itemSchema`
 * (findings at `/body/<index>/…`) and the list of items against `schema` when there is one; an
 * item that cannot be read is `body.malformed` at its index, and the others are still checked.
 * The parsed body is the list of items that could be read, in order.
 */
export function checkSequence(
  context: ValidationContext,
  input: SequenceCheck,
): { findings: Finding[]; parsedBody?: unknown } {
  const prefix = input.direction === 'response' ? '/response' : '';
  const checkPrefix = input.direction === 'response' ? 'response.' : '';
  const subject = input.direction === 'response' ? 'The response' : 'The request';
  const contract = input.contract === undefined ? {} : { contract: input.contract };
  const parsed = parseSequence(input.body, input.kind);
  if (parsed.kind === 'encoding') {
    return {
      findings: [
        {
          check: `${checkPrefix}body.encoding`,
          severity: 'error',
          message: `${subject} body is not valid UTF-8 (first bad byte at offset ${parsed.offset})`,
          where: `${prefix}/body`,
          spec: input.media.pointer,
          expected: 'UTF-8 text',
          actual: `invalid byte at offset ${parsed.offset}`,
          ...contract,
        },
      ],
    };
  }
  const findings: Finding[] = [];
  const values: unknown[] = [];
  parsed.items.forEach((item, index) => {
    const where = `${prefix}/body/${index}`;
    if (!item.ok) {
      findings.push({
        check: `${checkPrefix}body.malformed`,
        severity: 'error',
        message: `Item ${index} (line ${item.line}) of the ${input.essence} body is not valid JSON: ${item.reason}`,
        where,
        spec: input.media.pointer,
        expected: input.essence,
        actual: item.reason,
        ...contract,
      });
      return;
    }
    values.push(item.value);
    if (input.media.itemSchema === undefined) return;
    findings.push(
      ...context.checkSchema(input.media.itemSchema, item.value, {
        where,
        check: `${checkPrefix}body.schema`,
        direction: input.direction,
        contract: input.contract,
      }),
    );
  });
  if (input.media.schema !== undefined) {
    findings.push(
      ...context.checkSchema(input.media.schema, values, {
        where: `${prefix}/body`,
        check: `${checkPrefix}body.schema`,
        direction: input.direction,
        contract: input.contract,
      }),
    );
  }
  return { findings, parsedBody: values };
}
