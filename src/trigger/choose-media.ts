import type { MediaTypeSpec } from '../spec/contract.ts';

/**
 * The media type a trigger body is sent as: JSON first (what most triggers take and what body
 * pointers read), else the first declared.
 * @example chooseMedia([{ mediaType: 'text/plain' }, { mediaType: 'application/json' }])?.mediaType // 'application/json'
 */
export function chooseMedia(content: MediaTypeSpec[]): MediaTypeSpec | undefined {
  return (
    content.find((media) => /[/+]json\b/i.test(media.mediaType) || media.mediaType === '*/*') ??
    content[0]
  );
}
