const decoder = new TextDecoder();

/**
 * Fields of a `multipart/form-data` body by name (files as their text); `undefined` when no
 * part is delimited by the boundary. Best effort: enough to validate field names and values.
 */
export function parseMultipart(
  bytes: Uint8Array,
  boundary: string,
): Map<string, string[]> | undefined {
  const text = decoder.decode(bytes);
  const delimiter = `--${boundary}`;
  const sections = text.split(delimiter);
  if (sections.length < 2) return undefined;
  const fields = new Map<string, string[]>();
  for (const section of sections.slice(1)) {
    if (section.startsWith('--')) break;
    const body = section.replace(/^\r?\n/, '');
    const split = body.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = body.slice(0, split);
    const value = body
      .slice(split)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const name = /content-disposition:[^\n]*?\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}
