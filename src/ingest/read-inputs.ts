// Reads the CLI's input arguments (files, directories, `-` for stdin) into memory as InputSources.

import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputError, InputSource } from '../types.js';

/** File name endings a directory walk picks up. */
export const PATCH_FILE_EXTENSIONS = ['.patch', '.diff', '.eml', '.mbox', '.txt'] as const;

/** Options of {@link readInputs}. */
export interface ReadInputsOptions {
  /** Stream read for the argument `-` (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/**
 * Reads every argument: a file path (any name), a directory (walked recursively for
 * `*.patch *.diff *.eml *.mbox *.txt`, sorted by path; hidden entries such as `.git` are
 * skipped), or `-` for standard input. Problems become errors naming the path and the OS reason:
 * missing or unreadable paths, and directories holding no patch files (never silently skipped).
 * The same name given twice is read once, so patch ids stay unique.
 */
export async function readInputs(
  args: readonly string[],
  opts: ReadInputsOptions = {},
): Promise<{ sources: InputSource[]; errors: InputError[] }> {
  const sources: InputSource[] = [];
  const errors: InputError[] = [];
  const names = new Set<string>();
  const add = async (name: string): Promise<void> => {
    if (names.has(name)) return;
    names.add(name);
    try {
      sources.push({ name, data: await readFile(name) });
    } catch (err) {
      errors.push({ input: name, message: `cannot read: ${osReason(err)}` });
    }
  };

  for (const arg of args) {
    if (arg === '-') {
      if (names.has('-')) continue;
      names.add('-');
      try {
        sources.push({ name: '-', data: await readStream(opts.stdin ?? process.stdin) });
      } catch (err) {
        errors.push({ input: '-', message: `cannot read standard input: ${osReason(err)}` });
      }
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      errors.push({ input: arg, message: `cannot read: ${osReason(err)}` });
      continue;
    }
    if (!isDir) {
      await add(arg);
      continue;
    }
    const files: string[] = [];
    await walk(arg, files, errors, new Set());
    if (files.length === 0) {
      errors.push({ input: arg, message: `directory contains no ${PATCH_FILE_EXTENSIONS.map((e) => `*${e}`).join(', ')} files` });
      continue;
    }
    // Plain code-unit order: the same on every machine and locale.
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of files) await add(file);
  }
  return { sources, errors };
}

async function walk(dir: string, files: string[], errors: InputError[], visited: Set<string>): Promise<void> {
  let entries: Dirent[];
  try {
    // Symlink loops would otherwise walk forever.
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    errors.push({ input: dir, message: `cannot read directory: ${osReason(err)}` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = await stat(path);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        if (hasPatchExtension(entry.name)) errors.push({ input: path, message: `cannot read: ${osReason(err)}` });
        continue;
      }
    }
    if (isDir) await walk(path, files, errors, visited);
    else if (isFile && hasPatchExtension(entry.name)) files.push(path);
  }
}

function hasPatchExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return PATCH_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** "ENOENT: no such file or directory" — the OS reason without Node's ", open 'path'" tail. */
function osReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const message = (e?.message ?? String(err)).replace(/, \w+ '.*'$/, '');
  return e?.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message;
}
