// Reads the CLI's input arguments (files, directories, `-` for stdin) into memory as InputSources.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputError, InputSource } from '../types.js';
import type { PendingInput } from './ingest.js';
import { allBytes, bufferBytes, fileBytes, type InputBytes } from './input-bytes.js';

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
  const listed = await listInputs(args, opts);
  const sources: InputSource[] = [];
  for (const input of listed.inputs) {
    const bytes = await input.read();
    if (bytes === undefined) continue;
    try {
      sources.push({ name: input.name, data: allBytes(bytes) });
    } finally {
      bytes.close();
    }
  }
  return { sources, errors: listed.errors() };
}

/** The inputs {@link listInputs} found, not read yet. */
export interface ListedInputs {
  /** In argument order, directories expanded; each reads its bytes when asked (once). */
  inputs: PendingInput[];
  /**
   * Every problem so far, in argument order: those found while listing, and read failures of inputs
   * read since (an input that cannot be read is reported here and its `read()` gives `undefined`).
   */
  errors(): InputError[];
}

/**
 * {@link readInputs} without reading: lists the inputs (checking that they exist, walking directories) and
 * leaves reading each file to the moment the review reaches it, so a large series costs the memory of one
 * file at a time.
 */
export async function listInputs(args: readonly string[], opts: ReadInputsOptions = {}): Promise<ListedInputs> {
  const inputs: PendingInput[] = [];
  // Errors carry the position of what they are about, so read failures found later still sort into place.
  const found: { at: number; error: InputError }[] = [];
  let position = 0;
  const report = (at: number, error: InputError) => void found.push({ at, error });
  const names = new Set<string>();
  const pending = (name: string, load: () => Promise<InputBytes>, what: string): PendingInput => {
    const at = position++;
    return {
      name,
      read: async () => {
        try {
          return await load();
        } catch (err) {
          report(at, { input: name, message: `${what}: ${osReason(err)}` });
          return undefined;
        }
      },
    };
  };
  const add = (name: string): void => {
    if (names.has(name)) return;
    names.add(name);
    // Synchronous on purpose: one file is read only when the review needs it, nothing else could run meanwhile,
    // and an asynchronous read of a small file costs more in event-loop round trips than the read itself.
    // Opened, not read: ingest reads a large mbox one message at a time.
    inputs.push(pending(name, async () => fileBytes(name), 'cannot read'));
  };
  const fail = (error: InputError) => report(position++, error);

  for (const arg of args) {
    if (arg === '-') {
      if (names.has('-')) continue;
      names.add('-');
      inputs.push(pending('-', async () => bufferBytes(await readStream(opts.stdin ?? process.stdin)), 'cannot read standard input'));
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      fail({ input: arg, message: `cannot read: ${osReason(err)}` });
      continue;
    }
    if (!isDir) {
      add(arg);
      continue;
    }
    const files: string[] = [];
    const walkErrors: InputError[] = [];
    await walk(arg, files, walkErrors, new Set());
    for (const e of walkErrors) fail(e);
    if (files.length === 0) {
      fail({ input: arg, message: `directory contains no ${PATCH_FILE_EXTENSIONS.map((e) => `*${e}`).join(', ')} files` });
      continue;
    }
    // Plain code-unit order: the same on every machine and locale.
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of files) add(file);
  }
  return { inputs, errors: () => [...found].sort((a, b) => a.at - b.at).map((f) => f.error) };
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
