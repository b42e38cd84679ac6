import {
  CLI_CONFIG_FILE,
  findDefaultConfig
} from "./chunk-ZC5TA3QT.js";
import "./chunk-4VNS5WPM.js";
export {
  CLI_CONFIG_FILE,
  findDefaultConfig
};
