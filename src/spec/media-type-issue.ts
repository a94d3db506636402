/** Top-level media types registered with IANA, plus the wildcard. */
const topLevelTypes = new Set([
  'application',
  'audio',
  'example',
  'font',
  'haptics',
  'image',
  'message',
  'model',
  'multipart',
  'text',
  'video',
  '*',
]);

/** RFC 9110 token characters. */
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * What is odd about a media type key of a `content` map, or `undefined` when nothing is.
 * Wildcards are fine in OpenAPI but mean the body cannot be checked strictly, so they are noted.
 *
 * @example
 * mediaTypeIssue('application/json') // undefined
 * mediaTypeIssue('json')             // { severity: 'warning', message: '…is not a type/subtype pair…' }
 */
export function mediaTypeIssue(
  mediaType: string,
): { severity: 'warning' | 'info'; message: string } | undefined {
  const [essence = '', ...parameters] = mediaType.split(';');
  const [type, subtype, ...extra] = essence.trim().split('/');
  if (
    type === undefined ||
    subtype === undefined ||
    extra.length > 0 ||
    !token.test(type) ||
    !token.test(subtype)
  ) {
    return {
      severity: 'warning',
      message: `Media type "${mediaType}" is not a type/subtype pair (RFC 6838), so no request can be matched to it.`,
    };
  }
  if (parameters.some((parameter) => !/^\s*[^=\s]+=\S+\s*$/.test(parameter))) {
    return {
      severity: 'warning',
      message: `Media type "${mediaType}" has a malformed parameter (expected name=value).`,
    };
  }
  if (!topLevelTypes.has(type.toLowerCase())) {
    return {
      severity: 'warning',
      message: `Media type "${mediaType}" has top-level type "${type}", which is not registered with IANA; check for a typo.`,
    };
  }
  if (type === '*' || subtype === '*') {
    return {
      severity: 'info',
      message: `Media type "${mediaType}" is a wildcard: any matching content type is accepted and the body is checked only against this schema.`,
    };
  }
  return undefined;
}
