// The ingest stage: raw inputs (mail, mbox, archive pages, diffs) → patches, errors, notes, stats.

import type { InputError, InputSource, IngestResult, Patch } from '../types.js';
import { assembleMessage, type MessageOutcome } from './assemble.js';
import { decodeText, findNulByte, splitLines } from './decode.js';
import { countDiffLines } from './diff-scan.js';
import { allBytes, bufferBytes, chunksOf, InputReadError, type InputBytes } from './input-bytes.js';
import { readMailMessage, type MessageText } from './mail.js';
import { looksLikeMail, MboxSplitter, type MboxMessage } from './mbox.js';
import { SeenHunks } from './seen-hunks.js';
import { readPageMeta, splitGitLog } from './page.js';

/**
 * Turns every input into patches. Never throws for bad input: each problem becomes an entry in
 * `errors` naming the input (and the message within an mbox, the file, hunk and line where that
 * helps), and every other input and patch is still processed. Patches come out in input order,
 * then in their order within the input; `id` is `${input}#${ordinal}`.
 *
 * Line numbers: `patchLine` is the line in the input file, except for mail parts that had to be
 * MIME-decoded (quoted-printable, base64), where it counts lines of the decoded text (a note says
 * so). Hunk header counts (`oldLines`/`newLines`) are as declared, even for a quoted hunk that a
 * reviewer trimmed; its `lines` hold what was actually quoted.
 *
 * Quoted patches (`quoted: true`) take their subject from the message or page that quotes them,
 * their author and date from the reply's attribution line ("On <date>, <name> wrote:") when there
 * is one, and their messageId from the quoting message. Cover letters and replies without a diff
 * in a thread are notes; any other input or message without a diff is a "no diff found" error.
 */
export async function ingest(sources: readonly InputSource[]): Promise<IngestResult> {
  const progress = emptyIngestProgress();
  const patches: Patch[] = [];
  for await (const patch of ingestStream(sources, progress)) patches.push(patch);
  return { patches, ...progress };
}

/** What ingest has found so far besides the patches themselves: errors, notes and counts. */
export type IngestProgress = Omit<IngestResult, 'patches'>;

/** An empty {@link IngestProgress} for {@link ingestStream} to fill. */
export function emptyIngestProgress(): IngestProgress {
  return {
    errors: [],
    notes: [],
    stats: { inputs: 0, patches: 0, quotedPatches: 0, coverLetters: 0, files: 0, hunks: 0, linesChecked: 0 },
  };
}

/**
 * An input whose bytes are read only when ingest reaches it; `undefined` means it could not be read. Ingest
 * closes what it opened once it is done with the input.
 */
export interface PendingInput {
  name: string;
  read(): Promise<InputBytes | undefined>;
}

/**
 * {@link ingest} one patch at a time, in the same order, with the same errors, notes and stats (which
 * accumulate in `progress`). Inputs are read when reached; an mbox is scanned in chunks for its messages and
 * each message is read and decoded when reached, so a caller that reviews and drops each patch holds one
 * message's bytes and patches, never the whole archive or series. Inputs whose `read()` gives `undefined` are
 * skipped (their reader reported why) and not counted.
 */
export async function* ingestStream(
  sources: Iterable<InputSource | PendingInput>,
  progress: IngestProgress,
): AsyncGenerator<Patch, void, undefined> {
  const { stats } = progress;
  for (const source of sources) {
    const bytes = 'data' in source ? bufferBytes(source.data) : await source.read();
    if (bytes === undefined) continue;
    stats.inputs++;
    try {
      for await (const patch of ingestSource(source.name, bytes, progress)) {
        stats.patches++;
        if (patch.quoted) stats.quotedPatches++;
        stats.files += patch.files.length;
        for (const file of patch.files) stats.hunks += file.hunks.length;
        stats.linesChecked += countDiffLines(patch.files);
        yield patch;
      }
    } catch (err) {
      // Neither a file changing under us nor a bug of ours may take the other inputs down with it.
      const message = err instanceof InputReadError ? err.message : `internal error while reading this input: ${(err as Error).message}`;
      progress.errors.push({ input: source.name, message });
    } finally {
      bytes.close();
    }
  }
}

/** One message of an input, as read, with the prefix its errors get. */
interface LabelledMessage {
  text: MessageText;
  label: string;
}

/** How much of an input decides whether it is mail (the header block {@link looksLikeMail} reads). */
const HEAD_BYTES = 64 * 1024;

async function* ingestSource(input: string, original: InputBytes, result: IngestProgress): AsyncGenerator<Patch, void, undefined> {
  const fail = (message: string): void => void result.errors.push({ input, message });
  let bytes = original;
  if (bytes.size === 0) return fail('empty input: no diff found');
  const bom = bytes.read(0, Math.min(2, bytes.size));
  const utf16 = bom.length === 2 && ((bom[0] === 0xff && bom[1] === 0xfe) || (bom[0] === 0xfe && bom[1] === 0xff));
  if (utf16) {
    bytes = bufferBytes(Buffer.from(decodeText(allBytes(bytes)).text, 'utf8'));
  } else {
    const nul = firstNulByte(bytes);
    if (nul >= 0) return fail(`binary data (NUL byte at byte offset ${nul}): not a patch, mail or text file`);
  }

  const { count, messages } = readMessages(bytes, result.errors, input);
  const seen = new SeenHunks();
  const multiMessage = count > 1;
  let ordinal = 0;
  let cover: MessageOutcome['cover'];
  for await (const { text, label } of messages) {
    const outcome = assembleMessage(text, { multiMessage, seen });
    const prefix = label ? `${label}: ` : '';
    for (const message of outcome.errors) result.errors.push({ input, message: prefix + message });
    for (const message of outcome.notes) result.notes.push({ input, message: prefix + message });
    if (outcome.cover) {
      result.stats.coverLetters++;
      cover = outcome.cover;
    }
    for (const draft of outcome.patches) {
      // git format-patch --base writes base-commit only into the cover letter of a series.
      const inSeries = cover && !draft.quoted && draft.subject.total === cover.subject.total && draft.subject.version === cover.subject.version;
      const patch: Patch = {
        id: `${input}#${ordinal}`,
        input,
        ordinal,
        ...draft,
        baseCommit: draft.baseCommit ?? (inSeries ? cover?.baseCommit : undefined),
      };
      // Unknown metadata is absent rather than present-but-undefined, so JSON and deep equality agree.
      for (const key of ['author', 'date', 'messageId', 'baseCommit'] as const) if (patch[key] === undefined) delete patch[key];
      ordinal++;
      yield patch;
    }
  }
}

/**
 * Splits an input into messages: mbox/mail messages, `git log -p` commits, or the whole text. Mail messages
 * are decoded one at a time as the caller asks for them; `count` is known up front.
 */
function readMessages(bytes: InputBytes, errors: InputError[], input: string): { count: number; messages: AsyncIterable<LabelledMessage> | LabelledMessage[] } {
  if (looksLikeMail(bytes.read(0, Math.min(HEAD_BYTES, bytes.size)).toString('latin1'))) {
    const parts = splitMessages(bytes);
    async function* decode(): AsyncGenerator<LabelledMessage> {
      for (let i = 0; i < parts.length; i++) {
        const text = await readMailMessage(bytes.read(parts[i].start, parts[i].end), parts[i]);
        const subject = text.meta.subject ? ` (${JSON.stringify(text.meta.subject)})` : '';
        // Name the line of the `From ` separator, where the message visibly starts.
        const line = parts[i].fromMbox ? parts[i].firstLine - 1 : parts[i].firstLine;
        yield { text, label: parts.length > 1 ? `message ${i + 1}${subject} at line ${line}` : '' };
      }
    }
    return { count: parts.length, messages: decode() };
  }

  const data = allBytes(bytes);
  const decoded = decodeText(data);
  if (decoded.invalidUtf8At !== undefined) {
    errors.push({ input, message: `invalid UTF-8 at byte offset ${decoded.invalidUtf8At}; undecodable bytes were replaced with U+FFFD` });
  }
  const lines = splitLines(decoded.text);
  const commits = splitGitLog(lines);
  if (commits) {
    const messages = commits.map((c) => ({
      text: { meta: c.meta, segments: [{ lines: lines.slice(c.start, c.end), firstLine: c.start + 1, label: 'commit' }], errors: [], notes: [] },
      label: commits.length > 1 ? `commit at line ${c.start + 1}` : '',
    }));
    return { count: messages.length, messages };
  }
  return { count: 1, messages: [{ text: { meta: readPageMeta(lines), segments: [{ lines, firstLine: 1, label: 'text' }], errors: [], notes: [] }, label: '' }] };
}

/** The byte offset of the first NUL byte in `bytes`, or -1; one chunk in memory at a time. */
function firstNulByte(bytes: InputBytes): number {
  for (const { offset, chunk } of chunksOf(bytes)) {
    const at = findNulByte(chunk);
    if (at >= 0) return offset + at;
  }
  return -1;
}

/** The messages of mail input, found by scanning it a chunk at a time (latin1, so offsets are bytes). */
function splitMessages(bytes: InputBytes): MboxMessage[] {
  const splitter = new MboxSplitter();
  for (const { chunk } of chunksOf(bytes)) splitter.push(chunk.toString('latin1'));
  return splitter.finish();
}
