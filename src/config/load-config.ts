import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.ts';
import { parseConfig } from './parse-config.ts';
import type { LoadedConfig } from './types.ts';

/** File names looked for in the working directory, in this order. */
const configFileNames: readonly string[] = [
  'callback-verify.config.json',
  'callback-verify.config.yaml',
  'callback-verify.config.yml',
];

/**
 * Loads the config file named by `path`, else the first of {@link configFileNames} in `cwd`;
 * no file at all is an empty config. A named file that is missing or malformed is a ConfigError.
 *
 * @example
 * const { config } = await loadConfig({ cwd: process.cwd() });
 */
export async function loadConfig(options: { path?: string; cwd: string }): Promise<LoadedConfig> {
  if (options.path !== undefined) {
    const path = resolve(options.cwd, options.path);
    const text = await readText(path);
    if (text === undefined) {
      throw new ConfigError(`Config file ${path} does not exist.`, {
        hint: 'Check the --config path.',
      });
    }
    return { path, config: parseConfig(parseText(text, path), path) };
  }
  for (const name of configFileNames) {
    const path = resolve(options.cwd, name);
    const text = await readText(path);
    if (text !== undefined) return { path, config: parseConfig(parseText(text, path), path) };
  }
  return { config: {} };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return undefined;
    const reason =
      code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new ConfigError(`Cannot read config file ${path}: ${reason}.`, {
      hint: 'Point --config at a readable callback-verify config file (JSON or YAML).',
      cause: error,
    });
  }
}

function parseText(text: string, path: string): unknown {
  try {
    // JSON is YAML, but JSON.parse gives better positions for .json files.
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `Config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${detail}`,
      {
        hint: 'Fix the syntax error it points at.',
        cause: error,
      },
    );
  }
}
