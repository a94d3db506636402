/**
 * Commander's collector for a repeatable flag: each occurrence adds its value.
 * @example program.option('--header <h>', 'repeatable', collect) // --header a --header b → ['a', 'b']
 */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
