import type { ExpressionSource } from './types.ts';

/**
 * Says in a few words where an expression reads its value, for tables and messages.
 *
 * @example
 * describeSource({ type: 'query', name: 'callback_url' }) // 'query parameter callback_url'
 */
export function describeSource(source: ExpressionSource): string {
  switch (source.type) {
    case 'url':
      return 'the trigger request URL ($url)';
    case 'method':
      return 'the trigger request method ($method)';
    case 'statusCode':
      return 'the trigger response status code ($statusCode)';
    case 'header':
      return `${source.from} header ${source.name}`;
    case 'query':
      return `query parameter ${source.name}`;
    case 'path':
      return `path parameter ${source.name}`;
    case 'body':
      return source.pointer === ''
        ? `the whole ${source.from} body`
        : `${source.from} body field ${source.pointer}`;
    case 'parameter':
      return source.style === 'plain'
        ? `parameter ${source.name} (plain variable, best guess)`
        : `FastAPI parameter ${source.name}`;
    case 'unknown':
      return `unreadable expression "${source.text}"`;
  }
}
