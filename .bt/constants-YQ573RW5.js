import {
  FAIL_ON_LEVELS,
  FILTER_MODES,
  KERNEL_VERSION,
  REVIEW_EVENTS,
  SEVERITIES,
  defaultConfig
} from "./chunk-CW5NQJL3.js";
import "./chunk-4VNS5WPM.js";
export {
  FAIL_ON_LEVELS,
  FILTER_MODES,
  KERNEL_VERSION,
  REVIEW_EVENTS,
  SEVERITIES,
  defaultConfig
};
