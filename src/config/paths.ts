// Which repository paths a configuration reviews (`paths.include` minus `paths.exclude`).

import type { Config } from '../types.js';
import { globToRegExp, normalisePath } from './glob.js';

/**
 * True when `path` (repository-relative, `/`-separated) matches at least one `paths.include` glob and
 * no `paths.exclude` glob. Patterns were validated with the config, so they compile here.
 */
export function pathIncluded(config: Pick<Config, 'paths'>, path: string): boolean {
  const p = normalisePath(path);
  return (
    config.paths.include.some((g) => globToRegExp(g).test(p)) &&
    !config.paths.exclude.some((g) => globToRegExp(g).test(p))
  );
}
