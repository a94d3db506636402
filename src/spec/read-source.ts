import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecError } from '../errors.ts';

/** The raw text of a spec and the absolute location it came from. */
export interface SourceText {
  text: string;
  /** Absolute file path, or the URL as given. */
  location: string;
  isUrl: boolean;
}

/** How long a spec URL may take to answer. */
const fetchTimeoutMs = 30_000;

/**
 * Reads a spec from a file path, a `file:` URL or an http(s) URL.
 * Throws `SpecError` `CV_SPEC_NOT_FOUND` (also for another URL scheme, or a `file:` URL of another
 * host) / `CV_SPEC_UNREACHABLE` with what to check.
 */
export async function readSource(source: string): Promise<SourceText> {
  if (/^https?:\/\//i.test(source)) return await fetchSource(source);
  const path = toPath(source);
  try {
    return { text: await readFile(path, 'utf8'), location: path, isUrl: false };
  } catch (error) {
    const code = errorCode(error);
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : describeCause(error);
    throw new SpecError('CV_SPEC_NOT_FOUND', source, `Cannot read spec ${path}: ${reason}.`, {
      hint:
        code === 'EISDIR'
          ? 'Point at the root OpenAPI file inside the directory (for example openapi.yaml).'
          : 'Check the path (it is resolved from the current directory) or pass an http(s) URL.',
      cause: error,
    });
  }
}

/** A file path from a path or a `file:` URL; any other URL scheme is refused rather than read as a path. */
function toPath(source: string): string {
  if (/^file:/i.test(source)) {
    try {
      return fileURLToPath(source);
    } catch (error) {
      throw new SpecError(
        'CV_SPEC_NOT_FOUND',
        source,
        `Cannot read spec ${source}: ${describeCause(error)}.`,
        {
          hint: 'Give a file path, a file: URL of this machine (file:///path/to/openapi.yaml) or an http(s) URL.',
          cause: error,
        },
      );
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(source)?.[1];
  if (scheme !== undefined) {
    throw new SpecError(
      'CV_SPEC_NOT_FOUND',
      source,
      `Cannot read spec ${source}: ${scheme}: URLs are not supported.`,
      {
        hint: 'Give a file path or an http(s) URL (download the spec first if it lives elsewhere).',
      },
    );
  }
  return resolvePath(source);
}

async function fetchSource(url: string): Promise<SourceText> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(fetchTimeoutMs),
      headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5' },
    });
  } catch (error) {
    throw new SpecError(
      'CV_SPEC_UNREACHABLE',
      url,
      `Cannot reach spec URL ${url}: ${describeCause(error)}.`,
      {
        hint: 'Check that the server is up and the URL is right, or download the spec and pass the file path.',
        cause: error,
      },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const status = `${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
    throw new SpecError('CV_SPEC_UNREACHABLE', url, `Spec URL ${url} answered HTTP ${status}.`, {
      hint: 'Check the URL (and any authentication it needs), or download the spec and pass the file path.',
    });
  }
  return { text: await response.text(), location: url, isUrl: true };
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The innermost useful message of an error (fetch wraps the socket error in `cause`). */
function describeCause(error: unknown): string {
  let current: unknown = error;
  let message = 'unknown error';
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    message =
      current.name === 'TimeoutError'
        ? `no answer within ${fetchTimeoutMs / 1000} s`
        : current.message;
    current = current.cause;
  }
  // fetch refuses the ports browsers block (e.g. 6000, 6667) and says only "bad port".
  if (message === 'bad port') {
    return 'fetch refuses to connect to this port, which is reserved for another protocol; serve the spec on another port';
  }
  return message;
}
