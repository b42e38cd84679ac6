// dist/src/config/constants.js
var SEVERITIES = ["error", "warning", "info"];
var FAIL_ON_LEVELS = ["error", "warning", "never"];
var FILTER_MODES = ["added", "diff_context", "file", "nofilter"];
var REVIEW_EVENTS = ["COMMENT", "REQUEST_CHANGES"];
var KERNEL_VERSION = /^\d+\.\d+(?:\.\d+)?(?:-rc\d+)?$/;
function defaultConfig() {
  return {
    rules: {},
    platforms: [],
    kernel: void 0,
    paths: { include: ["**"], exclude: [] },
    plugins: [],
    failOn: "error",
    filter: "added",
    github: { maxComments: 30, reviewEvent: "COMMENT", includeDrafts: false, maxFiles: 300, maxFileBytes: 1e6 }
  };
}

export {
  SEVERITIES,
  FAIL_ON_LEVELS,
  FILTER_MODES,
  REVIEW_EVENTS,
  KERNEL_VERSION,
  defaultConfig
};
