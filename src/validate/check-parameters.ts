import type { HeaderMap } from '../receive/exchange.ts';
import type { ParameterSpec } from '../spec/contract.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { coerceParameter, type Serialisation } from './coerce-parameter.ts';
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

/** Required-ness and schema of each declared query, header and cookie parameter. */
export function checkParameters(
  context: ValidationContext,
  parameters: readonly ParameterSpec[],
  sources: ParameterSources,
): Finding[] {
  const prefix = sources.direction === 'response' ? '/response' : '';
  const checkPrefix = sources.direction === 'response' ? 'response.' : '';
  const query =
    sources.query === undefined ? undefined : readPairs(new URLSearchParams(sources.query));
  const cookies = readCookies(sources.headers.cookie);
  const findings: Finding[] = [];
  for (const parameter of parameters) {
    const location = parameter.in;
    if (location === 'path') continue;
    if (location === 'query' && query === undefined) continue;
    const name = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
    if (location === 'header' && ignoredHeaders.has(name)) continue;
    const section = location === 'header' ? 'headers' : location;
    const where = appendPointer(`${prefix}/${section}`, name);
    const serialisation = serialisationOf(parameter);
    const values =
      location === 'header'
        ? headerValues(sources.headers[name])
        : location === 'cookie'
          ? cookies.get(name)
          : queryValues(query ?? new Map(), parameter.name, serialisation);
    const id = `${checkPrefix}${location === 'cookie' ? 'cookie' : location === 'header' ? 'header' : 'query'}`;
    if (values === undefined || values.length === 0) {
      if (parameter.required) {
        const noun = location === 'header' ? 'header' : `${location} parameter`;
        findings.push({
          check: `${id}.required`,
          severity: 'error',
          message: `Required ${noun} ${JSON.stringify(parameter.name)} is missing`,
          where,
          spec: parameter.pointer,
          expected: parameter.name,
          ...(sources.contract === undefined ? {} : { contract: sources.contract }),
        });
      }
      continue;
    }
    if (parameter.schema === undefined) continue;
    const value = coerceParameter(
      values,
      context.resolve(parameter.schema.schema),
      serialisation,
      context.resolve,
    );
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

/** OAS defaults: `form` for query and cookie, `simple` for path and header; explode iff `form`. */
function serialisationOf(parameter: ParameterSpec): Serialisation {
  const style =
    parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  return { style, explode: parameter.explode ?? style === 'form' };
}

function readPairs(params: URLSearchParams): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const [name, value] of params) pairs.set(name, [...(pairs.get(name) ?? []), value]);
  return pairs;
}

function queryValues(
  pairs: Map<string, string[]>,
  name: string,
  serialisation: Serialisation,
): string[] | undefined {
  if (serialisation.style === 'deepObject') {
    const entries = [...pairs].filter(([key]) => key.startsWith(`${name}[`));
    if (entries.length === 0) return undefined;
    // deepObject is rebuilt as the `form, explode=false` text `a,1,b,2`.
    return [
      entries
        .flatMap(([key, values]) => [key.slice(name.length + 1, -1), values[0] ?? ''])
        .join(','),
    ];
  }
  return pairs.get(name);
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
    cookies.set(name, [...(cookies.get(name) ?? []), part.slice(equals + 1).trim()]);
  }
  return cookies;
}
