// Configuration: schema and defaults, loading from YAML, CLI overrides and path filtering.

export {
  buildConfigSchema,
  defaultConfig,
  formatConfigError,
  parseConfig,
  propertyPath,
  FAIL_ON_LEVELS,
  FILTER_MODES,
  KERNEL_VERSION,
  REVIEW_EVENTS,
  SEVERITIES,
  type ConfigError,
  type ConfigResult,
  type ParseConfigOptions,
} from './schema.js';
export { APP_CONFIG_PATH, CLI_CONFIG_FILE, findDefaultConfig, loadConfigFile, parseConfigText } from './load.js';
export { CliOverrideError, mergeCliOverrides, type CliOverrides } from './overrides.js';
export { globMatches, globToRegExp, GlobSyntaxError } from './glob.js';
export { pathIncluded } from './paths.js';
