import {
  require_ajv
} from "./chunk-GTWD77NQ.js";
import "./chunk-4VNS5WPM.js";
export default require_ajv();
