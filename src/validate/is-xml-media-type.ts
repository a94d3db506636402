import type { MediaType } from './media-type.ts';

/**
 * True for `application/xml`, `text/xml` and any `+xml` type (`application/atom+xml`).
 * @example isXmlMediaType(parseMediaType('application/soap+xml')!) // true
 */
export function isXmlMediaType(media: MediaType): boolean {
  return (
    media.essence === 'application/xml' || media.essence === 'text/xml' || media.suffix === 'xml'
  );
}
