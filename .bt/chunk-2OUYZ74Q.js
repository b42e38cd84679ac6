import {
  FAIL_ON_LEVELS,
  KERNEL_VERSION
} from "./chunk-CW5NQJL3.js";

// dist/src/config/overrides.js
var CliOverrideError = class extends Error {
  flag;
  constructor(flag, message) {
    super(`${flag}: ${message}`);
    this.flag = flag;
    this.name = "CliOverrideError";
  }
};
function mergeCliOverrides(config, overrides) {
  const merged = structuredClone(config);
  if (overrides.kernel !== void 0) {
    if (!KERNEL_VERSION.test(overrides.kernel)) {
      throw new CliOverrideError("--kernel", `expected a kernel version such as 6.12 or 6.15-rc3, got "${overrides.kernel}"`);
    }
    merged.kernel = overrides.kernel;
  }
  if (overrides.platforms && overrides.platforms.length > 0) {
    const empty = overrides.platforms.find((p) => p.trim() === "");
    if (empty !== void 0)
      throw new CliOverrideError("--platform", "expected a profile name or file path, got an empty value");
    merged.platforms = [...new Set(overrides.platforms)];
  }
  if (overrides.failOn !== void 0) {
    if (!FAIL_ON_LEVELS.includes(overrides.failOn)) {
      throw new CliOverrideError("--fail-on", `expected one of ${FAIL_ON_LEVELS.join("|")}, got "${overrides.failOn}"`);
    }
    merged.failOn = overrides.failOn;
  }
  if (overrides.all)
    merged.filter = "nofilter";
  if (overrides.plugins && overrides.plugins.length > 0) {
    const empty = overrides.plugins.find((p) => p.trim() === "");
    if (empty !== void 0)
      throw new CliOverrideError("--plugin", "expected a module path or package name, got an empty value");
    merged.plugins = [.../* @__PURE__ */ new Set([...merged.plugins, ...overrides.plugins])];
  }
  return merged;
}

export {
  CliOverrideError,
  mergeCliOverrides
};
