import { isJsonContentType } from '../validate/media-type.ts';
import type { ParameterSpec } from './contract.ts';

/** What decides how a parameter's value is written. */
export type ParameterSerialisation = Pick<
  ParameterSpec,
  'name' | 'in' | 'style' | 'explode' | 'contentMediaType'
>;

/** The styles each location allows (OAS 3.x); any other `style` falls back to the default. */
const stylesByLocation: Readonly<Record<ParameterSpec['in'], readonly string[]>> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
  // A querystring parameter has `content`, never a style.
  querystring: [],
};

/**
 * The `style` and `explode` that apply to a parameter: as written when its location allows
 * the style, else the OAS defaults (`form` for query and cookie, `simple` for path and header;
 * `explode` true for `form` only).
 * @example parameterStyle({ name: 'ids', in: 'query' }) // { style: 'form', explode: true }
 */
export function parameterStyle(parameter: Pick<ParameterSpec, 'in' | 'style' | 'explode'>): {
  style: string;
  explode: boolean;
} {
  const allowed = stylesByLocation[parameter.in];
  const style =
    parameter.style !== undefined && allowed.includes(parameter.style)
      ? parameter.style
      : (allowed[0] ?? 'simple');
  return { style, explode: parameter.explode ?? style === 'form' };
}

/** True when the parameter is described with `content` of a JSON media type. */
export function isJsonParameter(parameter: Pick<ParameterSpec, 'contentMediaType'>): boolean {
  return parameter.contentMediaType !== undefined && isJsonContentType(parameter.contentMediaType);
}

type Shape =
  | { kind: 'scalar'; text: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; entries: Array<[string, string]> };

/**
 * A parameter value as it goes on the wire, following OAS `style` / `explode` (or JSON text for
 * a parameter with JSON `content`):
 * - query: the query-string part, percent-encoded, e.g. `ids=1&ids=2` (empty when nothing is sent);
 * - cookie: the `Cookie` header part, e.g. `ids=1; ids=2`;
 * - header: the header value, not percent-encoded;
 * - path: the text that replaces `{name}`, percent-encoded;
 * - querystring (OAS 3.2): the whole query string, by its `content` media type (see {@link serialiseQueryString}).
 * Items and property values that are themselves arrays or objects are written as JSON.
 * @example serialiseParameter({ name: 'color', in: 'query' }, ['blue', 'black']) // 'color=blue&color=black'
 * @example serialiseParameter({ name: 'color', in: 'path', style: 'matrix' }, 'blue') // ';color=blue'
 */
export function serialiseParameter(parameter: ParameterSerialisation, value: unknown): string {
  if (parameter.in === 'querystring')
    return serialiseQueryString(parameter.contentMediaType, value);
  const encode = parameter.in === 'header' ? (text: string): string => text : encodeURIComponent;
  const name = encode(parameter.name);
  const shape: Shape = isJsonParameter(parameter)
    ? { kind: 'scalar', text: JSON.stringify(value) ?? '' }
    : shapeOf(value);
  const { style, explode } = parameterStyle(parameter);
  const pairSeparator = parameter.in === 'cookie' ? '; ' : '&';
  // Array items and object keys/values, each encoded; delimiters are added unencoded.
  const items =
    shape.kind === 'array'
      ? shape.items.map(encode)
      : shape.kind === 'object'
        ? shape.entries.flatMap(([key, item]) => [encode(key), encode(item)])
        : [encode(shape.text)];
  const exploded =
    shape.kind === 'object'
      ? shape.entries.map(([key, item]) => `${encode(key)}=${encode(item)}`)
      : undefined;
  switch (style) {
    case 'matrix':
      if (shape.kind === 'scalar') return shape.text === '' ? `;${name}` : `;${name}=${items[0]}`;
      if (items.length === 0) return `;${name}`;
      if (!explode) return `;${name}=${items.join(',')}`;
      return exploded === undefined
        ? items.map((item) => `;${name}=${item}`).join('')
        : exploded.map((pair) => `;${pair}`).join('');
    case 'label':
      if (!explode || exploded === undefined) return `.${items.join(explode ? '.' : ',')}`;
      return `.${exploded.join('.')}`;
    case 'simple':
      return explode && exploded !== undefined ? exploded.join(',') : items.join(',');
    case 'deepObject':
      if (shape.kind === 'object') {
        return shape.entries
          .map(([key, item]) => `${name}${encode(`[${key}]`)}=${encode(item)}`)
          .join(pairSeparator);
      }
      return formText(name, shape, items, explode, ',', pairSeparator, exploded);
    case 'spaceDelimited':
      return formText(name, shape, items, explode, '%20', pairSeparator, exploded);
    case 'pipeDelimited':
      return formText(name, shape, items, explode, '%7C', pairSeparator, exploded);
    default:
      return formText(name, shape, items, explode, ',', pairSeparator, exploded);
  }
}

/**
 * An OAS 3.2 `in: querystring` value as the whole query string (without `?`): for
 * `application/x-www-form-urlencoded` (and when no media type is given) an object's properties
 * as `key=value` pairs, an array property as one pair per item; for a JSON media type the JSON
 * text, percent-encoded; for any other media type the value as text, percent-encoded.
 * @example serialiseQueryString('application/x-www-form-urlencoded', { path: '/a b', tag: ['x', 'y'] }) // 'path=%2Fa%20b&tag=x&tag=y'
 * @example serialiseQueryString('application/json', { a: 1 }) // '%7B%22a%22%3A1%7D'
 */
export function serialiseQueryString(mediaType: string | undefined, value: unknown): string {
  if (mediaType !== undefined && isJsonContentType(mediaType)) {
    return encodeURIComponent(JSON.stringify(value) ?? '');
  }
  const form =
    mediaType === undefined || /^application\/x-www-form-urlencoded\s*(;|$)/i.test(mediaType);
  if (!form || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return encodeURIComponent(textOf(value));
  }
  return Object.entries(value)
    .flatMap(([key, item]) =>
      (Array.isArray(item) ? item : [item]).map(
        (one) => `${encodeURIComponent(key)}=${encodeURIComponent(textOf(one))}`,
      ),
    )
    .join('&');
}

/** `form` and its delimited variants: `name=a,b`, or one pair per item when exploded. */
function formText(
  name: string,
  shape: Shape,
  items: string[],
  explode: boolean,
  delimiter: string,
  pairSeparator: string,
  exploded: string[] | undefined,
): string {
  if (shape.kind === 'scalar' || !explode) return `${name}=${items.join(delimiter)}`;
  if (exploded !== undefined) return exploded.join(pairSeparator);
  // An empty exploded array would vanish; `name=` keeps a required parameter present.
  if (items.length === 0) return `${name}=`;
  return items.map((item) => `${name}=${item}`).join(pairSeparator);
}

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(textOf) };
  if (typeof value === 'object' && value !== null) {
    return {
      kind: 'object',
      entries: Object.entries(value).map(([key, item]): [string, string] => [key, textOf(item)]),
    };
  }
  return { kind: 'scalar', text: textOf(value) };
}

/** A scalar as text; `null` and `undefined` as empty; nested arrays and objects as JSON. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
