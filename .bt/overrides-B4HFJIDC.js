import {
  CliOverrideError,
  mergeCliOverrides
} from "./chunk-2OUYZ74Q.js";
import "./chunk-CW5NQJL3.js";
import "./chunk-4VNS5WPM.js";
export {
  CliOverrideError,
  mergeCliOverrides
};
