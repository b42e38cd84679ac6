// Reads a file of a kernel checkout (`--tree DIR`) by a path taken from a patch, refusing escapes.

import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Reads `path` (as named in a patch, e.g. "drivers/pci/p2pdma.c") below `treeDir`. Patch paths are
 * untrusted input, so absolute paths, `..` components that leave the tree, and symlinks that
 * resolve outside it yield `undefined`, exactly like a file the tree does not have; so do
 * directories and unreadable files. Callers then fall back to reviewing the hunks alone.
 */
export async function readTreeFile(treeDir: string, path: string): Promise<string | undefined> {
  if (path === '' || path.includes('\0') || isAbsolute(path)) return undefined;
  const root = resolve(treeDir);
  const full = resolve(root, path);
  if (!isInside(root, full)) return undefined;
  try {
    const realRoot = await realpath(root);
    const realFull = await realpath(full);
    if (!isInside(realRoot, realFull)) return undefined;
    if (!(await stat(realFull)).isFile()) return undefined;
    return await readFile(realFull, 'utf8');
  } catch {
    return undefined;
  }
}

function isInside(root: string, full: string): boolean {
  const rel = relative(root, full);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
