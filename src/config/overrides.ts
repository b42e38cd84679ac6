// Command-line flags layered over the file configuration (flags win; plugins accumulate).

import type { Config } from '../types.js';
import { FAIL_ON_LEVELS, KERNEL_VERSION } from './constants.js';

/** The CLI flags that change configuration, as the argument parser read them (strings unchecked). */
export interface CliOverrides {
  /** `--kernel 6.12` */
  kernel?: string;
  /** `--platform NAME` (repeatable): replaces the file's `platforms` when given at least once. */
  platforms?: string[];
  /** `--fail-on error|warning|never` */
  failOn?: string;
  /** `--all`: report findings anywhere, not only on changed lines (filter `nofilter`). */
  all?: boolean;
  /** `--plugin PATH|PACKAGE` (repeatable): added after the file's `plugins`, relative to the cwd. */
  plugins?: string[];
}

/** A flag value the configuration cannot take; the CLI reports it as a usage error (exit 2). */
export class CliOverrideError extends Error {
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(`${flag}: ${message}`);
    this.name = 'CliOverrideError';
  }
}

/**
 * Returns a new Config with the CLI flags applied over `config` (which is not modified).
 * @throws CliOverrideError naming the flag when a value is invalid.
 */
export function mergeCliOverrides(config: Config, overrides: CliOverrides): Config {
  const merged: Config = structuredClone(config);
  if (overrides.kernel !== undefined) {
    if (!KERNEL_VERSION.test(overrides.kernel)) {
      throw new CliOverrideError('--kernel', `expected a kernel version such as 6.12 or 6.15-rc3, got "${overrides.kernel}"`);
    }
    merged.kernel = overrides.kernel;
  }
  if (overrides.platforms && overrides.platforms.length > 0) {
    const empty = overrides.platforms.find((p) => p.trim() === '');
    if (empty !== undefined) throw new CliOverrideError('--platform', 'expected a profile name or file path, got an empty value');
    merged.platforms = [...new Set(overrides.platforms)];
  }
  if (overrides.failOn !== undefined) {
    if (!(FAIL_ON_LEVELS as readonly string[]).includes(overrides.failOn)) {
      throw new CliOverrideError('--fail-on', `expected one of ${FAIL_ON_LEVELS.join('|')}, got "${overrides.failOn}"`);
    }
    merged.failOn = overrides.failOn as Config['failOn'];
  }
  if (overrides.all) merged.filter = 'nofilter';
  if (overrides.plugins && overrides.plugins.length > 0) {
    const empty = overrides.plugins.find((p) => p.trim() === '');
    if (empty !== undefined) throw new CliOverrideError('--plugin', 'expected a module path or package name, got an empty value');
    merged.plugins = [...new Set([...merged.plugins, ...overrides.plugins])];
  }
  return merged;
}
