import {
  require_dist
} from "./chunk-FWG2VY2M.js";
import "./chunk-4VNS5WPM.js";
export default require_dist();
