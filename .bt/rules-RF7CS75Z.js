import {
  builtinRules,
  enabledRules,
  ruleIds
} from "./chunk-O7VEZZAO.js";
import "./chunk-5P6P6PUZ.js";
import "./chunk-4VNS5WPM.js";
export {
  builtinRules,
  enabledRules,
  ruleIds
};
