/**
 * Whether the console report gets ANSI colours: only on a terminal, never with `--no-color`
 * (`flag` false) or with `NO_COLOR` set in the environment (https://no-color.org).
 * @example renderConsole(report, { color: useColor(flags.color, process.stdout.isTTY, process.env) })
 */
export function useColor(
  flag: boolean | undefined,
  isTerminal: boolean | undefined,
  env: NodeJS.ProcessEnv,
): boolean {
  return flag !== false && isTerminal === true && !('NO_COLOR' in env);
}
