// dist/src/config/find.js
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
var CLI_CONFIG_FILE = ".p2pdma-review.yml";
function findDefaultConfig(cwd) {
  const candidate = join(cwd, CLI_CONFIG_FILE);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : void 0;
}

export {
  CLI_CONFIG_FILE,
  findDefaultConfig
};
