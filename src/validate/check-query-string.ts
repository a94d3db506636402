import { isJsonObject } from '../spec/is-json-object.ts';
import type { ParameterSources } from './check-parameters.ts';
import { coerceParameter } from './coerce-parameter.ts';
import type { Finding } from './finding.ts';
import type { ParameterPlan } from './plan-parameters.ts';
import { parseJson, readPairs } from './read-parameter-values.ts';
import type { ValidationContext } from './validation-context.ts';

/**
 * An OAS 3.2 `querystring` parameter: the whole query string as one value, read per the
 * parameter's `content` media type (form-encoded → an object of typed values, JSON → parsed,
 * else the decoded text), then checked against its schema.
 * @example checkQueryString(context, plan, 'a=1&b=2', sources) // [] when it fits
 */
export function checkQueryString(
  context: ValidationContext,
  plan: ParameterPlan,
  text: string,
  sources: ParameterSources,
): Finding[] {
  const { parameter, where, id, schema, json } = plan;
  const contract = sources.contract === undefined ? {} : { contract: sources.contract };
  if (text === '') {
    if (!parameter.required) return [];
    return [
      {
        check: `${id}.required`,
        severity: 'error',
        message: `The query string is required (querystring parameter ${JSON.stringify(parameter.name)}), but the request has none`,
        where,
        spec: parameter.pointer,
        expected: parameter.contentMediaType ?? 'a query string',
        ...contract,
      },
    ];
  }
  const mediaType = parameter.contentMediaType;
  const malformed = (reason: string): Finding[] => [
    {
      check: `${id}.malformed`,
      severity: 'error',
      message: `The query string cannot be read as ${mediaType} (querystring parameter ${JSON.stringify(parameter.name)}): ${reason}`,
      where,
      spec: parameter.pointer,
      expected: mediaType,
      actual: text,
      ...contract,
    },
  ];
  let value: unknown;
  if (mediaType === undefined || isFormMediaType(mediaType)) {
    value = readForm(text, schema, context.resolve);
  } else {
    const decoded = decodeStrict(text);
    if (decoded === undefined) return malformed('it is not valid percent-encoding');
    if (json) {
      const parsed = parseJson(decoded);
      if (!parsed.ok) return malformed(parsed.reason);
      value = parsed.value;
    } else {
      value = decoded;
    }
  }
  if (parameter.schema === undefined) return [];
  return context.checkSchema(parameter.schema, value, {
    where,
    check: `${id}.schema`,
    direction: sources.direction,
    contract: sources.contract,
  });
}

function isFormMediaType(mediaType: string): boolean {
  return /^application\/x-www-form-urlencoded\s*(;|$)/i.test(mediaType);
}

/**
 * A form-encoded query as the object its schema describes: each key once, its values converted
 * to the property's type (an array property takes every repeated value, as `serialiseParameter` writes it).
 */
function readForm(
  text: string,
  schema: unknown,
  resolve: (schema: unknown) => unknown,
): Record<string, unknown> {
  const properties =
    isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : {};
  const additional = isJsonObject(schema) ? resolve(schema.additionalProperties) : undefined;
  const object: Record<string, unknown> = {};
  for (const [key, values] of readPairs(new URLSearchParams(text))) {
    const property = Object.hasOwn(properties, key) ? resolve(properties[key]) : additional;
    object[key] = coerceParameter(values, property, { style: 'form', explode: true }, resolve);
  }
  return object;
}

/** Percent-decoding that says so when the text is not valid encoding. */
function decodeStrict(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
