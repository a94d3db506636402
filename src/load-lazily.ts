import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on its first use rather than at start-up, for one that only some inputs
 * need and that takes long to load (`@faker-js/faker`: about 130 ms; `fast-xml-parser` and
 * `yaml`: 25–30 ms each), so a command that never needs it never waits for it. Node 24 loads an
 * ES module this way too.
 * @example const yaml = lazily<typeof import('yaml')>('yaml'); yaml().parseDocument(text)
 */
export function lazily<Module>(specifier: string): () => Module {
  let loaded: Module | undefined;
  return () => {
    loaded ??= require(specifier) as Module;
    return loaded;
  };
}
