// Public API of the ingest stage: read inputs, turn them into patches, and apply hunks for --tree.

export { readInputs, listInputs, PATCH_FILE_EXTENSIONS, type ListedInputs, type ReadInputsOptions } from './read-inputs.js';
export { ingest, ingestStream, emptyIngestProgress, type IngestProgress, type PendingInput } from './ingest.js';
export { bufferBytes, fileBytes, type InputBytes } from './input-bytes.js';
export { applyHunks } from './apply.js';
export { readTreeFile } from './tree.js';
export { parseSubject, isReplySubject } from './subject.js';
export { countDiffLines, scanDiffs, type DiffGroup, type ScanIssue, type ScanResult } from './diff-scan.js';
