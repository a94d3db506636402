/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching what XML forbids is the point.
const invalidXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Text safe inside an XML element or a double-quoted attribute. Characters XML 1.0
 * forbids are written as visible `\xNN` / `\u{NNNN}` escapes instead of being lost;
 * in attributes, tabs and line breaks become character references so parsers keep them.
 * @example escapeXml('a < b & "c"', { attribute: true }) // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string, options: { attribute?: boolean } = {}): string {
  const escaped = text
    .replace(invalidXml, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u{${code.toString(16)}}`;
    })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  if (!options.attribute) return escaped;
  return escaped
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
