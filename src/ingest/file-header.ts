// File paths and status of one file diff, read from its header lines with the `diff` package.

// The one module of the package the ingest needs: its index pulls in 18 others (~14 ms of loading).
import { parsePatch } from 'diff/lib/patch/parse.js';
import type { FileStatus } from '../types.js';

/** What a file diff's header says about the file. */
export interface FileHeaderInfo {
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  binary: boolean;
}

const DEV_NULL = '/dev/null';

/**
 * Reads `diff --git` / extended header / `---` `+++` lines. jsdiff's parsePatch knows git's
 * dialect (C-quoted names, `rename from/to`, `copy from/to`, `new file mode`, `deleted file mode`,
 * `Binary files ... differ`), so it does the header work; hunks are parsed by our scanner because
 * it must keep input line numbers and survive quoting and damaged hunks.
 * Git paths lose their `a/` `b/` prefixes; non-git unified diffs are taken as `patch -p1` input
 * (the kernel's convention), so their first path component is dropped.
 */
export function readFileHeader(headerLines: readonly string[], git: boolean): FileHeaderInfo {
  let parsed: ReturnType<typeof parsePatch>[number] | undefined;
  try {
    parsed = parsePatch(headerLines.join('\n') + '\n')[0];
  } catch {
    parsed = undefined;
  }
  let oldName = parsed?.oldFileName;
  let newName = parsed?.newFileName;
  if ((oldName === undefined || newName === undefined) && git) {
    // Unparseable `diff --git` line (unusual quoting): fall back to the plain split.
    const m = /^diff --git (\S+) (\S+)/.exec(headerLines[0] ?? '');
    oldName ??= m?.[1];
    newName ??= m?.[2];
  }
  const oldPath = oldName === undefined || oldName === DEV_NULL ? null : stripPrefix(oldName, git);
  const newPath = newName === undefined || newName === DEV_NULL ? null : stripPrefix(newName, git);
  let status: FileStatus = 'modified';
  if (parsed?.isCreate || (oldName === DEV_NULL && newPath !== null)) status = 'added';
  else if (parsed?.isDelete || (newName === DEV_NULL && oldPath !== null)) status = 'deleted';
  else if (parsed?.isRename) status = 'renamed';
  else if (parsed?.isCopy) status = 'copied';
  const binary = parsed?.isBinary === true || headerLines.some((l) => l === 'GIT binary patch');
  return {
    oldPath: status === 'added' ? null : oldPath,
    newPath: status === 'deleted' ? null : newPath,
    status,
    binary,
  };
}

function stripPrefix(name: string, git: boolean): string {
  // GNU diff separates a timestamp with a tab (parsePatch drops it); some tools use spaces.
  const bare = name.replace(/\s+\d{4}-\d\d-\d\d[ T]\d\d:\d\d.*$/, '');
  if (git) {
    // git's default prefixes, and diff.mnemonicPrefix's i/ w/ c/ o/.
    return /^[abciow]\//.test(bare) ? bare.slice(2) : bare;
  }
  const slash = bare.indexOf('/');
  return slash > 0 ? bare.slice(slash + 1) : bare;
}
