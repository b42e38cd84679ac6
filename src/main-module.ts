// Whether a module is the program Node was started with (`node file.js`, or a bin link to it), so a file that is
// both a library and a command runs its command only when started, not when imported.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when `moduleUrl` (the caller's `import.meta.url`) is the script Node was started with, links resolved. */
export function isMainModule(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return fileURLToPath(moduleUrl) === realpathSync(started);
  } catch {
    // argv[1] names no file (node -e, a REPL): nothing was started from a file.
    return false;
  }
}
