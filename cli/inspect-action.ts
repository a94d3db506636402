import { buildCatalogue, loadDocument, summariseCatalogue } from '../src/spec/index.ts';
import { ExitCode } from './exit-code.ts';
import { renderInspectTable } from './render-inspect-table.ts';

/** Flags of `inspect` as commander hands them over. */
export interface InspectFlags {
  json?: boolean;
  strict?: boolean;
}

/** `callback-verify inspect <spec>`: prints the catalogue and returns the exit code. */
export async function inspectAction(spec: string, flags: InspectFlags): Promise<number> {
  const summary = summariseCatalogue(buildCatalogue(await loadDocument(spec)));
  process.stdout.write(
    flags.json === true ? `${JSON.stringify(summary, null, 2)}\n` : renderInspectTable(summary),
  );
  return flags.strict === true && summary.counts.error + summary.counts.warning > 0
    ? ExitCode.nonConformant
    : ExitCode.conformant;
}
