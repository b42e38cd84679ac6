// Locating the CLI's configuration file without loading the YAML parser or the schema.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The CLI's configuration file name, looked up in the working directory. */
export const CLI_CONFIG_FILE = '.p2pdma-review.yml';

/** `.p2pdma-review.yml` in `cwd`, if it exists and is a file. */
export function findDefaultConfig(cwd: string): string | undefined {
  const candidate = join(cwd, CLI_CONFIG_FILE);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}
