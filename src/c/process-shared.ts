// Native bindings may be loaded only once per process: a second copy of node-tree-sitter's JavaScript (as jest
// creates for every test file) registers its addon again and yields trees without nodes. So they are loaded
// through Node's own require and kept on a core-module object, which every module registry in the process shares.
import os from 'node:os';

/** `load()`'s value, computed once per process under `name` and shared by every copy of this module. */
export function processShared<T>(name: string, load: () => T): T {
  const slot = os as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`p2pdma-review.${name}`);
  return (slot[key] ??= load());
}
