// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlsButTabAndNewline = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text safe for a terminal or a one-line cell: control characters (escape sequences
 * included) become visible `\xNN` / `\u{NNNN}` escapes, so a hostile URL or body cannot
 * move the cursor or recolour the screen. With `multiline`, tabs and newlines stay.
 * @example sanitiseText('a\u001b[31mb') // 'a\\x1b[31mb'
 */
export function sanitiseText(text: string, options: { multiline?: boolean } = {}): string {
  const pattern = options.multiline ? controlsButTabAndNewline : controls;
  return text.replace(pattern, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
