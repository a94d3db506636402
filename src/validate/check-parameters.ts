import type { HeaderMap } from '../receive/exchange.ts';
import type { ParameterSpec } from '../spec/contract.ts';
import { parameterStyle } from '../spec/serialise-parameter.ts';
import { checkQueryString } from './check-query-string.ts';
import { coerceEntries, coerceParameter } from './coerce-parameter.ts';
import type { Finding } from './finding.ts';
import { planParameters } from './plan-parameters.ts';
import {
  headerValues,
  parseJson,
  readCookies,
  readNamed,
  readPairs,
} from './read-parameter-values.ts';
import type { Direction } from './schema/build-schema-view.ts';
import type { ValidationContext } from './validation-context.ts';

/** Where parameter values come from. */
export interface ParameterSources {
  /** Query string (without `?`). */
  query?: string;
  headers: HeaderMap;
  direction: Direction;
  contract: string | undefined;
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
