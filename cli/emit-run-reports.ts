import {
  type Report,
  type ReporterName,
  renderConsole,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  writeReports,
} from '../src/report/index.ts';
import { useColor } from './use-color.ts';

/**
 * Puts `run`'s report where the flags ask: with `--output`, the file reporters into that
 * directory (and `console` on stdout); without it, each reporter's output on stdout in turn.
 * @example await emitRunReports(report, ['console', 'junit'], { output: 'reports' })
 */
export async function emitRunReports(
  report: Report,
  reporters: readonly ReporterName[],
  flags: { output?: string | undefined; color?: boolean | undefined },
): Promise<void> {
  const color = useColor(flags.color, process.stdout.isTTY, process.env);
  if (flags.output !== undefined) {
    const files = await writeReports(report, {
      reporters: [...reporters],
      outputDir: flags.output,
    });
    for (const file of files) process.stderr.write(`wrote ${file}\n`);
    if (reporters.includes('console')) process.stdout.write(renderConsole(report, { color }));
    return;
  }
  for (const reporter of reporters) {
    if (reporter === 'console') process.stdout.write(renderConsole(report, { color }));
    else if (reporter === 'json') process.stdout.write(renderJson(report));
    else if (reporter === 'junit') process.stdout.write(renderJunit(report));
    else if (reporter === 'markdown') process.stdout.write(renderMarkdown(report));
    else process.stdout.write(renderHtml(report));
  }
}
