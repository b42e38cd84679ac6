// An input's bytes, read a range at a time. A file is read through its descriptor, so ingest can split a large
// mbox by scanning it in chunks and then read one message at a time: memory follows the largest message, not the
// archive. Inputs that arrive whole (a pull request's files, standard input) are wrapped without copying.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Random access to the bytes of one input. */
export interface InputBytes {
  /** Length in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`; a fresh Buffer for a file, a view for bytes held in memory. */
  read(start: number, end: number): Buffer;
  /** Releases the file, if there is one; reading afterwards throws. */
  close(): void;
}

/** A problem with the input itself while it is read (not a bug of ours): ingest reports its message as it is. */
export class InputReadError extends Error {}

/** How much a chunked scan reads at a time: large enough that the per-call cost vanishes, small beside a series. */
export const CHUNK_BYTES = 1 << 20;

/** Bytes already in memory. */
export function bufferBytes(data: Buffer): InputBytes {
  return {
    size: data.length,
    read: (start, end) => data.subarray(start, end),
    close: () => undefined,
  };
}

/**
 * The file at `path`, opened now (so a missing or unreadable file fails here, where the caller names it) and
 * read on demand. Its size is fixed at opening: a file that shrinks while it is read is an error, not a short
 * read that would silently drop the end of a patch.
 */
export function fileBytes(path: string): InputBytes {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  let open = true;
  return {
    size,
    read(start, end) {
      if (!open) throw new Error(`${path}: read after close`);
      const buf = Buffer.allocUnsafe(end - start);
      let done = 0;
      while (done < buf.length) {
        const n = readSync(fd, buf, done, buf.length - done, start + done);
        if (n === 0) throw new InputReadError(`the file became shorter while it was being read (${size} bytes when opened, ${start + done} now)`);
        done += n;
      }
      return buf;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Every byte of `bytes` as one Buffer (for inputs that are not split, and for callers that want it whole). */
export function allBytes(bytes: InputBytes): Buffer {
  return bytes.read(0, bytes.size);
}

/** `bytes` in consecutive chunks of at most {@link CHUNK_BYTES}, each with the offset of its first byte. */
export function* chunksOf(bytes: InputBytes, chunkBytes = CHUNK_BYTES): Generator<{ offset: number; chunk: Buffer }> {
  for (let offset = 0; offset < bytes.size; offset += chunkBytes) {
    yield { offset, chunk: bytes.read(offset, Math.min(bytes.size, offset + chunkBytes)) };
  }
}
