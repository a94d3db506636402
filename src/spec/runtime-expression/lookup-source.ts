import { childAt } from '../child-at.ts';
import { splitPointer } from '../json-pointer.ts';
import type { ExpressionSource, RuntimeContext } from './types.ts';

type ValueMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads the value an expression source names from a trigger exchange; `undefined` when it is absent.
 * Header names match case-insensitively; a repeated header joins with ", ", a repeated query
 * parameter gives its first value; JSON `null` counts as absent.
 *
 * @example
 * lookupSource({ type: 'header', from: 'request', name: 'progressUrl' }, context) // 'http://…'
 */
export function lookupSource(source: ExpressionSource, context: RuntimeContext): unknown {
  switch (source.type) {
    case 'url':
      return context.url;
    case 'method':
      return context.method.toUpperCase();
    case 'statusCode':
      return context.statusCode;
    case 'header': {
      const headers =
        source.from === 'request' ? context.request.headers : context.response?.headers;
      return headers === undefined ? undefined : readHeader(headers, source.name);
    }
    case 'query':
      return first(context.request.query[source.name]);
    case 'path':
      return context.request.path[source.name];
    case 'body': {
      const body = source.from === 'request' ? context.request.body : context.response?.body;
      return readBody(body, source.pointer);
    }
    case 'parameter':
      return (
        first(context.request.query[source.name]) ??
        context.request.path[source.name] ??
        readHeader(context.request.headers, source.name) ??
        readBody(context.request.body, `/${source.name}`)
      );
    case 'unknown':
      return undefined;
  }
}

function readHeader(headers: ValueMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function first(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' || value === undefined ? value : value[0];
}

/** Reads a pointer into a body; a token such as `webhooks.url` that finds nothing is tried as a nested path. */
function readBody(body: unknown, pointer: string): unknown {
  const tokens = splitPointer(pointer);
  if (tokens === undefined) return undefined;
  const value = walk(body, tokens);
  if (value !== undefined || !tokens.some((token) => token.includes('.'))) return value;
  return walk(
    body,
    tokens.flatMap((token) => token.split('.')),
  );
}

function walk(value: unknown, tokens: readonly string[]): unknown {
  let current = value;
  for (const token of tokens) current = childAt(current, token);
  return current === null ? undefined : current;
}
