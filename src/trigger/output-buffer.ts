/** A bounded text buffer keeping the last `limit` characters of what a process printed. */
export interface OutputBuffer {
  append(chunk: string): void;
  text(): string;
  /** The last `lines` lines, for error messages. */
  tail(lines: number): string;
}

/**
 * Creates an {@link OutputBuffer}; older output is dropped (and marked) past the limit.
 *
 * @example
 * const out = createOutputBuffer(64 * 1024); out.append('ready\n'); out.tail(1) // 'ready'
 */
export function createOutputBuffer(limit: number): OutputBuffer {
  let kept = '';
  let dropped = false;
  return {
    append(chunk) {
      kept += chunk;
      if (kept.length > limit) {
        kept = kept.slice(kept.length - limit);
        dropped = true;
      }
    },
    text: () => (dropped ? `[… earlier output dropped …]\n${kept}` : kept),
    tail(lines) {
      return kept.trimEnd().split('\n').slice(-lines).join('\n');
    },
  };
}
