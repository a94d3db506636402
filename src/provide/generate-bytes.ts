/** How many bytes a generated binary body has. */
export const GENERATED_BYTES_LENGTH = 32;

/**
 * A small deterministic byte body for a binary media type that declares no example: every byte
 * value from 0 upwards, so the same delivery sends the same bytes each time and the body is
 * plainly not text (a consumer that decodes it as UTF-8 shows that it did).
 *
 * @example generateBytes(4) // Uint8Array [0, 1, 2, 3]
 */
export function generateBytes(length: number = GENERATED_BYTES_LENGTH): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => index % 256);
}
