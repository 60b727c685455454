import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded when it is first used, not when the command starts,
 * and what is made of it (an instance, options) then too. Loading the
 * parsers (Markdown, YAML, JSON with positions, HTML, XML) took about a
 * quarter of a second of every start, and a rebuild after one change, or
 * with nothing changed, needs few of them or none. The package's CommonJS
 * build is loaded, so that the code that uses it stays synchronous.
 */
export function onFirstUse<M>(id: string): () => M;
export function onFirstUse<M, T>(id: string, make: (module: M) => T): () => T;
export function onFirstUse(id: string, make: (module: unknown) => unknown = (module) => module): () => unknown {
  let loaded: { readonly value: unknown } | undefined;
  return () => (loaded ??= { value: make(require(id)) }).value;
}
