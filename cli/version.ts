import { readFileSync } from 'node:fs';

/** The package version, read once from package.json (works from `cli/` and from `dist/cli/`). */
export const version: string = readVersion();

function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'name' in parsed &&
        parsed.name === 'callback-verify' &&
        'version' in parsed &&
        typeof parsed.version === 'string'
      ) {
        return parsed.version;
      }
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
