import type { MediaTypeSpec } from '../spec/contract.ts';
import { mediaEssence } from './serialize-body.ts';

/**
 * The media type a payload is built for when a request body declares several: JSON first (it is
 * what examples and schemas describe most faithfully), then any `+json` type, else the first.
 * @example pickMedia(requestBody.content)?.mediaType // 'application/json'
 */
export function pickMedia(content: readonly MediaTypeSpec[]): MediaTypeSpec | undefined {
  const essence = (item: MediaTypeSpec): string => mediaEssence(item.mediaType);
  return (
    content.find((item) => essence(item) === 'application/json') ??
    content.find((item) => essence(item).endsWith('+json')) ??
    content[0]
  );
}
