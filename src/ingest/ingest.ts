// The ingest stage: raw inputs (mail, mbox, archive pages, diffs) → patches, errors, notes, stats.

import type { InputError, InputSource, IngestResult, Patch } from '../types.js';
import { assembleMessage, type MessageOutcome, type SeenHunks } from './assemble.js';
import { decodeText, findNulByte, splitLines } from './decode.js';
import { countDiffLines } from './diff-scan.js';
import { readMailMessage, type MessageText } from './mail.js';
import { looksLikeMail, splitMbox } from './mbox.js';
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

/** An input whose bytes are read only when ingest reaches it; `undefined` means it could not be read. */
export interface PendingInput {
  name: string;
  read(): Promise<Buffer | undefined>;
}

/**
 * {@link ingest} one patch at a time, in the same order, with the same errors, notes and stats (which
 * accumulate in `progress`). Inputs are read when reached and mbox messages decoded when reached, so a caller
 * that reviews and drops each patch holds one input's bytes and one message's patches, never the whole
 * series. Inputs whose `read()` gives `undefined` are skipped (their reader reported why) and not counted.
 */
export async function* ingestStream(
  sources: Iterable<InputSource | PendingInput>,
  progress: IngestProgress,
): AsyncGenerator<Patch, void, undefined> {
  const { stats } = progress;
  for (const source of sources) {
    const data = 'data' in source ? source.data : await source.read();
    if (data === undefined) continue;
    stats.inputs++;
    try {
      for await (const patch of ingestSource({ name: source.name, data }, progress)) {
        stats.patches++;
        if (patch.quoted) stats.quotedPatches++;
        stats.files += patch.files.length;
        for (const file of patch.files) stats.hunks += file.hunks.length;
        stats.linesChecked += countDiffLines(patch.files);
        yield patch;
      }
    } catch (err) {
      // A bug of ours must not take the other inputs down with it.
      progress.errors.push({ input: source.name, message: `internal error while reading this input: ${(err as Error).message}` });
    }
  }
}

/** One message of an input, as read, with the prefix its errors get. */
interface LabelledMessage {
  text: MessageText;
  label: string;
}

async function* ingestSource(source: InputSource, result: IngestProgress): AsyncGenerator<Patch, void, undefined> {
  const input = source.name;
  const fail = (message: string): void => void result.errors.push({ input, message });
  let data = source.data;
  if (data.length === 0) return fail('empty input: no diff found');
  const utf16 = data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
  if (utf16) {
    data = Buffer.from(decodeText(data).text, 'utf8');
  } else {
    const nul = findNulByte(data);
    if (nul >= 0) return fail(`binary data (NUL byte at byte offset ${nul}): not a patch, mail or text file`);
  }

  const { count, messages } = readMessages(data, result.errors, input);
  const seen: SeenHunks = new Map();
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
function readMessages(data: Buffer, errors: InputError[], input: string): { count: number; messages: AsyncIterable<LabelledMessage> | LabelledMessage[] } {
  const latin1 = data.toString('latin1');
  if (looksLikeMail(latin1)) {
    const parts = splitMbox(latin1);
    async function* decode(): AsyncGenerator<LabelledMessage> {
      for (let i = 0; i < parts.length; i++) {
        const text = await readMailMessage(data, latin1, parts[i]);
        const subject = text.meta.subject ? ` (${JSON.stringify(text.meta.subject)})` : '';
        // Name the line of the `From ` separator, where the message visibly starts.
        const line = parts[i].fromMbox ? parts[i].firstLine - 1 : parts[i].firstLine;
        yield { text, label: parts.length > 1 ? `message ${i + 1}${subject} at line ${line}` : '' };
      }
    }
    return { count: parts.length, messages: decode() };
  }

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
