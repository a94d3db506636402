import type { InjectionPoint, UrlTemplate } from './types.ts';

/**
 * Says where a trigger request must carry a receiver URL for the callback to reach it: the
 * request value the template's base reads. `undefined` when no request value decides the host:
 * a fixed or relative base, free text, or a base read from `$url`, `$method`, `$statusCode` or the
 * response (there the provider picks the URL itself, so nothing can be injected).
 *
 * @example
 * injectionPoint(parseUrlTemplate('{$request.query.callback_url}/invoices'))
 * // { in: 'query', name: 'callback_url' }
 */
export function injectionPoint(template: UrlTemplate): InjectionPoint | undefined {
  if (template.base.kind !== 'expression') return undefined;
  const source = template.base.source;
  switch (source.type) {
    case 'query':
      return { in: 'query', name: source.name };
    case 'path':
      return { in: 'path', name: source.name };
    case 'header':
      return source.from === 'request' ? { in: 'header', name: source.name } : undefined;
    case 'parameter':
      return { in: 'parameter', name: source.name };
    case 'body': {
      if (source.from !== 'request') return undefined;
      const nested = source.pointer
        .split('/')
        .map((token) => (/^[^.]+(?:\.[^.]+)+$/.test(token) ? token.split('.').join('/') : token))
        .join('/');
      return nested === source.pointer
        ? { in: 'body', pointer: source.pointer }
        : { in: 'body', pointer: source.pointer, alternatives: [nested] };
    }
    default:
      return undefined;
  }
}
