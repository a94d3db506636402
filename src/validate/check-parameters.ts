import type { HeaderMap } from '../receive/exchange.ts';
import type { ParameterSpec } from '../spec/contract.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { isJsonParameter, parameterStyle } from '../spec/serialise-parameter.ts';
import { coerceEntries, coerceParameter, schemaTypes } from './coerce-parameter.ts';
import type { Finding } from './finding.ts';
import type { Direction } from './schema/build-schema-view.ts';
import type { ValidationContext } from './validation-context.ts';

/** Header parameters the OAS says to ignore: other fields of the Operation describe them. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

/** Where parameter values come from. */
export interface ParameterSources {
  /** Query string (without `?`). */
  query?: string;
  headers: HeaderMap;
  direction: Direction;
  contract: string | undefined;
}

/** What checking one parameter needs that does not depend on the request, worked out once. */
interface ParameterPlan {
  parameter: ParameterSpec;
  location: 'query' | 'querystring' | 'header' | 'cookie';
  /** The header name lower-cased; else the name as declared. */
  name: string;
  where: string;
  /** `query`, `header`, `cookie`, with `response.` before it for a response. */
  id: string;
  /** The parameter's schema with its `$ref` followed. */
  schema: unknown;
  /** The other parameters of the same location (an exploded object leaves them their pairs). */
  siblings: readonly ParameterSpec[];
  json: boolean;
}

/** Plans per validation context (each resolves `$ref`s in its own document) and parameter list. */
const plans = new WeakMap<
  ValidationContext,
  WeakMap<readonly ParameterSpec[], Partial<Record<Direction, ParameterPlan[]>>>
>();

/** The checkable parameters of a list (path parameters and ignored headers left out). */
function planParameters(
  context: ValidationContext,
  parameters: readonly ParameterSpec[],
  direction: Direction,
): ParameterPlan[] {
  let byList = plans.get(context);
  if (byList === undefined) {
    byList = new WeakMap();
    plans.set(context, byList);
  }
  let byDirection = byList.get(parameters);
  if (byDirection === undefined) {
    byDirection = {};
    byList.set(parameters, byDirection);
  }
  const known = byDirection[direction];
  if (known !== undefined) return known;
  const prefix = direction === 'response' ? '/response' : '';
  const checkPrefix = direction === 'response' ? 'response.' : '';
  const planned: ParameterPlan[] = [];
  for (const parameter of parameters) {
    const location = parameter.in;
    if (location === 'path') continue;
    const name = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
    if (location === 'header' && ignoredHeaders.has(name)) continue;
    const section = location === 'header' ? 'headers' : location;
    planned.push({
      parameter,
      location,
      name,
      // A querystring parameter is the whole query, so its findings point at the query itself.
      where:
        location === 'querystring'
          ? `${prefix}/query`
          : appendPointer(`${prefix}/${section}`, name),
      id: `${checkPrefix}${location}`,
      schema: parameter.schema === undefined ? undefined : context.resolve(parameter.schema.schema),
      siblings: parameters.filter((other) => other !== parameter && other.in === location),
      json: isJsonParameter(parameter),
    });
  }
  byDirection[direction] = planned;
  return planned;
}

/**
 * Required-ness and schema of each declared query, header and cookie parameter, and of an
 * OAS 3.2 `querystring` parameter (the whole query string read by its `content` media type).
 */
export function checkParameters(
  context: ValidationContext,
  parameters: readonly ParameterSpec[],
  sources: ParameterSources,
): Finding[] {
  const planned = planParameters(context, parameters, sources.direction);
  if (planned.length === 0) return [];
  const query =
    sources.query === undefined ? undefined : readPairs(new URLSearchParams(sources.query));
  const cookies = readCookies(sources.headers.cookie);
  const contract = sources.contract === undefined ? {} : { contract: sources.contract };
  const findings: Finding[] = [];
  for (const plan of planned) {
    const { parameter, location, name, where, id, schema, siblings, json } = plan;
    if ((location === 'query' || location === 'querystring') && sources.query === undefined) {
      continue;
    }
    if (location === 'querystring') {
      findings.push(...checkQueryString(context, plan, sources.query ?? '', sources));
      continue;
    }
    const raw =
      location === 'header'
        ? headerValues(sources.headers[name])
        : readNamed(
            location === 'query' ? (query ?? new Map()) : cookies,
            parameter,
            schema,
            siblings,
          );
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      if (parameter.required) {
        const noun = location === 'header' ? 'header' : `${location} parameter`;
        findings.push({
          check: `${id}.required`,
          severity: 'error',
          message: `Required ${noun} ${JSON.stringify(parameter.name)} is missing`,
          where,
          spec: parameter.pointer,
          expected: parameter.name,
          ...contract,
        });
      }
      continue;
    }
    let value: unknown;
    if (json) {
      const text = Array.isArray(raw) ? (raw[0] ?? '') : '';
      const parsed = parseJson(text);
      if (!parsed.ok) {
        const noun = location === 'header' ? 'Header' : `The ${location} parameter`;
        findings.push({
          check: `${id}.malformed`,
          severity: 'error',
          message: `${noun} ${JSON.stringify(parameter.name)} is not valid JSON (its content is ${parameter.contentMediaType}): ${parsed.reason}`,
          where,
          spec: parameter.pointer,
          expected: parameter.contentMediaType,
          actual: text,
          ...contract,
        });
        continue;
      }
      value = parsed.value;
    } else if (schema !== undefined) {
      value = Array.isArray(raw)
        ? coerceParameter(raw, schema, parameterStyle(parameter), context.resolve)
        : coerceEntries(raw.entries, schema, context.resolve);
    }
    if (parameter.schema === undefined) continue;
    findings.push(
      ...context.checkSchema(parameter.schema, value, {
        where,
        check: `${id}.schema`,
        direction: sources.direction,
        contract: sources.contract,
      }),
    );
  }
  return findings;
}

/** The whole query string as one value, read per the parameter's `content` media type. */
function checkQueryString(
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

/** Values of one query or cookie parameter: its texts, or the pairs of an object sent as pairs. */
type NamedValues = string[] | { entries: Array<[string, string]> };

/**
 * A query or cookie parameter as `serialiseParameter` writes it: `deepObject` as `name[key]`
 * pairs; an exploded object (`form` and the delimited styles) as one pair per property (the properties its schema
 * declares, else every pair no other parameter claims); anything else by its name.
 */
function readNamed(
  pairs: Map<string, string[]>,
  parameter: ParameterSpec,
  schema: unknown,
  siblings: readonly ParameterSpec[],
): NamedValues | undefined {
  const own = pairs.get(parameter.name);
  if (isJsonParameter(parameter)) return own;
  const { style, explode } = parameterStyle(parameter);
  if (style === 'deepObject') {
    const open = `${parameter.name}[`;
    const entries = [...pairs]
      .filter(([key]) => key.startsWith(open) && key.endsWith(']'))
      .map(([key, values]): [string, string] => [key.slice(open.length, -1), values[0] ?? '']);
    return entries.length === 0 ? own : { entries };
  }
  const types = schemaTypes(schema);
  // `form` and the delimited styles write an exploded object the same way.
  if (explode && types.includes('object') && !types.includes('array')) {
    const declared =
      isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : undefined;
    const claimed = new Set(siblings.map((sibling) => sibling.name));
    const entries = [...pairs]
      .filter(([key]) =>
        declared === undefined ? !claimed.has(key) : Object.hasOwn(declared, key),
      )
      .map(([key, values]): [string, string] => [key, values[0] ?? '']);
    if (entries.length > 0) return { entries };
  }
  return own;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function readPairs(params: URLSearchParams): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const [name, value] of params) pairs.set(name, [...(pairs.get(name) ?? []), value]);
  return pairs;
}

function headerValues(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? [value.join(', ')] : [value];
}

function readCookies(header: string | string[] | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim();
    const value = decodeComponent(part.slice(equals + 1).trim());
    cookies.set(name, [...(cookies.get(name) ?? []), value]);
  }
  return cookies;
}

/** Cookie values are sent percent-encoded; one that is not valid encoding is read as written. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
