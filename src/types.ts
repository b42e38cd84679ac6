// Shared data model of the review pipeline: ingest → parse → analyse → rules → filter → report → sink.
// Every stage exchanges plain data defined here, so the CLI and the GitHub App differ only in
// where inputs come from and where results go.

// ───────────────────────────── Ingest ─────────────────────────────

/** One thing to review, already read into memory (a file, stdin, or a pull request's patch). */
export interface InputSource {
  /** The name as the user gave it: a path, "-" for stdin, or "pr#12:drivers/x.c" for App input. */
  name: string;
  /** Raw bytes: ingest decodes them (UTF-8, MIME) and reports undecodable input. */
  data: Buffer;
}

/** A problem with one input; the rest of the review still runs. */
export interface InputError {
  input: string;
  message: string;
}

/** `[PATCH v5 03/24] subsys: title` broken into its parts. */
export interface SubjectInfo {
  raw: string;
  title: string;
  /** Bracketed prefix words other than the version and the index (e.g. "PATCH", "RFC", "-mm"). */
  prefixes: string[];
  version?: number;
  index?: number;
  total?: number;
  /** True for `[PATCH 0/N]` cover letters, which carry no diff by design. */
  isCover: boolean;
}

export type LineKind = 'add' | 'del' | 'ctx';

export interface DiffLine {
  kind: LineKind;
  /** The line's text without the leading '+', '-' or ' '. */
  text: string;
  /** Line number in the pre-image (del and ctx lines). */
  oldLine?: number;
  /** Line number in the post-image (add and ctx lines). */
  newLine?: number;
  /** 1-based line number in the input text where this diff line stands (checkpatch's `#N`). */
  patchLine: number;
  /** Followed by `\ No newline at end of file`. */
  noNewlineAtEof?: boolean;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The function context git prints after the second `@@`, if any. */
  section: string;
  lines: DiffLine[];
}

export type FileStatus = 'modified' | 'added' | 'deleted' | 'renamed' | 'copied';

export interface FileDiff {
  /** Path before the change (without the a/ prefix); null for new files. */
  oldPath: string | null;
  /** Path after the change (without the b/ prefix); null for deleted files. */
  newPath: string | null;
  status: FileStatus;
  binary: boolean;
  hunks: Hunk[];
}

export interface Patch {
  /** Stable identity: `${input}#${ordinal}`. */
  id: string;
  input: string;
  /** Position of this patch within its input (0-based). */
  ordinal: number;
  subject: SubjectInfo;
  author?: string;
  date?: string;
  messageId?: string;
  /** The `base-commit:` trailer, when the sender's git printed one. */
  baseCommit?: string;
  /** The patch was found inside a reply or archive page, behind `> ` quote prefixes. */
  quoted: boolean;
  /** Commit message text (what precedes the diff). */
  body: string;
  files: FileDiff[];
}

export interface IngestResult {
  patches: Patch[];
  errors: InputError[];
  /** Informational notes that are not errors (e.g. "cover letter, no diff"). */
  notes: InputError[];
  stats: IngestStats;
}

export interface IngestStats {
  inputs: number;
  patches: number;
  quotedPatches: number;
  coverLetters: number;
  files: number;
  hunks: number;
  linesChecked: number;
}

// ───────────────────────────── Findings ─────────────────────────────

export type Severity = 'error' | 'warning' | 'info';
export type Certainty = 'certain' | 'likely';
export type Side = 'new' | 'old';

export interface Evidence {
  file: string;
  line: number;
  side?: Side;
  note: string;
}

/** A mechanical replacement for a span of lines of the post-image (rendered as a GitHub suggestion). */
export interface Suggestion {
  file: string;
  /** Inclusive line range in the post-image that the replacement text replaces. */
  startLine: number;
  endLine: number;
  replacement: string;
  /** "safe": behaviour-preserving; "review": needs a human look. */
  safety: 'safe' | 'review';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  certainty: Certainty;
  /** One paragraph a maintainer would write: what is wrong. */
  message: string;
  /** Why it is wrong, with the model's reasoning (memory kind, map type, platform). */
  why?: string;
  /** What to do instead. */
  instead?: string;
  /** Model explanations for platform-dependent findings ("BUS_ADDR only behind a shared switch ..."). */
  platformNotes?: string[];
  /** Catalogue ids / kernel files / threads the finding rests on. */
  references?: string[];
  input: string;
  /** The patch subject (raw). */
  patch: string;
  patchId: string;
  file: string;
  line: number;
  side: Side;
  /** First line of a multi-line span, when the evidence covers several lines. */
  startLine?: number;
  /** 1-based line in the input where the flagged line stands, when the line is in the diff. */
  patchLine?: number;
  /** The source line text (for checkpatch-style output). */
  sourceLine?: string;
  quoted: boolean;
  evidence: Evidence[];
  /** "fixes": the patch removes this violation (reported as info). */
  kind?: 'introduces' | 'fixes' | 'existing';
  suggestion?: Suggestion;
  /** Stable across runs and line shifts: hash of rule, file, function and the normalised flagged code. */
  fingerprint: string;
  /** The enclosing function, when known. */
  function?: string;
}

export interface ReviewStats extends IngestStats {
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Wall time per pipeline stage, in milliseconds. */
  timings: Record<string, number>;
  /** Diff lines checked per input name (checkpatch's per-input "L lines checked"); sums to linesChecked. */
  linesByInput?: Record<string, number>;
}

export interface ReviewResult {
  findings: Finding[];
  errors: InputError[];
  notes: InputError[];
  stats: ReviewStats;
  /** Metadata of every rule that ran, for reporters (SARIF rules table, help links). */
  rules: RuleMeta[];
}

// ───────────────────────────── Rules ─────────────────────────────

export interface RuleMeta {
  /** Final ids: see src/rules/index.ts and ../docs/rules/<id>.md. */
  id: string;
  defaultSeverity: Severity;
  certainty: Certainty;
  description: string;
  /** Catalogue ids from the domain reference (SG-001, DMA-003, ...). */
  catalogue: string[];
  docsUrl: string;
}

// ───────────────────────────── Configuration ─────────────────────────────

/**
 * Which findings reach the output (reviewdog's filter modes): `added` keeps findings whose evidence
 * touches an added/changed line; `diff_context` also keeps those on context lines of the diff;
 * `file` keeps any finding in a touched file; `nofilter` keeps everything (the CLI's `--all`).
 */
export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

/** The validated configuration (`.p2pdma-review.yml` / `.github/p2pdma-review.yml`), defaults applied. */
export interface Config {
  /** Per-rule overrides; rules not listed run with their defaults. */
  rules: Record<string, RuleSetting>;
  /** Platform profile names (bundled) or file paths; empty means every bundled profile. */
  platforms: string[];
  /** Target kernel version ("6.12"); undefined means "current mainline" as the model knows it. */
  kernel?: string;
  paths: { include: string[]; exclude: string[] };
  /** ESM modules exporting extra rules (CLI only; the App never loads plugins). */
  plugins: string[];
  failOn: 'error' | 'warning' | 'never';
  filter: FilterMode;
  github: {
    maxComments: number;
    reviewEvent: 'COMMENT' | 'REQUEST_CHANGES';
    includeDrafts: boolean;
    maxFiles: number;
    maxFileBytes: number;
  };
}
