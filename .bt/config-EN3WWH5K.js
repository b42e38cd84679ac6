import {
  APP_CONFIG_PATH,
  buildConfigSchema,
  defaultConfig,
  formatConfigError,
  loadConfigFile,
  parseConfig,
  parseConfigText,
  propertyPath
} from "./chunk-K7A4AVV5.js";
import {
  GlobSyntaxError,
  globMatches,
  globToRegExp,
  pathIncluded
} from "./chunk-YY2HYU5P.js";
import {
  CliOverrideError,
  mergeCliOverrides
} from "./chunk-2OUYZ74Q.js";
import {
  FAIL_ON_LEVELS,
  FILTER_MODES,
  KERNEL_VERSION,
  REVIEW_EVENTS,
  SEVERITIES
} from "./chunk-CW5NQJL3.js";
import "./chunk-FWG2VY2M.js";
import {
  CLI_CONFIG_FILE,
  findDefaultConfig
} from "./chunk-ZC5TA3QT.js";
import "./chunk-4VNS5WPM.js";
export {
  APP_CONFIG_PATH,
  CLI_CONFIG_FILE,
  CliOverrideError,
  FAIL_ON_LEVELS,
  FILTER_MODES,
  GlobSyntaxError,
  KERNEL_VERSION,
  REVIEW_EVENTS,
  SEVERITIES,
  buildConfigSchema,
  defaultConfig,
  findDefaultConfig,
  formatConfigError,
  globMatches,
  globToRegExp,
  loadConfigFile,
  mergeCliOverrides,
  parseConfig,
  parseConfigText,
  pathIncluded,
  propertyPath
};
