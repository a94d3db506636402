import { unescapePointerToken } from '../spec/json-pointer.ts';

const identifier = /^[A-Za-z_$][\w$-]*$/;
const sections: Record<string, string> = {
  headers: 'header',
  query: 'query parameter',
  path: 'path parameter',
};

/**
 * A request location (JSON pointer, see `Finding.where`) as people read it.
 * @example describeLocation('/body/items/0/paid') // 'body.items[0].paid'
 * @example describeLocation('/headers/x-sig') // 'header x-sig'
 */
export function describeLocation(where: string): string {
  const tokens = where.split('/').slice(1).map(unescapePointerToken);
  if (tokens[0] === 'response') {
    return tokens.length === 1
      ? 'response'
      : `response ${describeLocation(`/${where.split('/').slice(2).join('/')}`)}`;
  }
  const [first, ...rest] = tokens;
  if (first === undefined) return 'request';
  const section = sections[first];
  let text = first;
  if (section !== undefined && rest.length > 0) text = `${section} ${rest.shift()}`;
  for (const token of rest) {
    if (/^\d+$/.test(token)) text += `[${token}]`;
    else if (identifier.test(token)) text += `.${token}`;
    else text += `[${JSON.stringify(token)}]`;
  }
  return text;
}
