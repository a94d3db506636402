import type { ParameterSpec } from '../spec/contract.ts';
import { appendPointer } from '../spec/json-pointer.ts';
import { isJsonParameter } from '../spec/serialise-parameter.ts';
import type { Direction } from './schema/build-schema-view.ts';
import type { ValidationContext } from './validation-context.ts';

/** Header parameters the OAS says to ignore: other fields of the Operation describe them. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

/** What checking one parameter needs that does not depend on the request, worked out once. */
export interface ParameterPlan {
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

/**
 * The checkable parameters of a list (path parameters and ignored headers left out), worked out
 * once per list and direction.
 * @example planParameters(context, contract.operation.parameters, 'request')[0]?.where // '/headers/x-github-event'
 */
export function planParameters(
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
