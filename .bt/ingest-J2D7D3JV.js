import {
  PATCH_FILE_EXTENSIONS,
  applyHunks,
  countDiffLines,
  emptyIngestProgress,
  ingest,
  ingestStream,
  isReplySubject,
  listInputs,
  parseSubject,
  readInputs,
  readTreeFile,
  scanDiffs
} from "./chunk-KMX6K253.js";
import "./chunk-4VNS5WPM.js";
export {
  PATCH_FILE_EXTENSIONS,
  applyHunks,
  countDiffLines,
  emptyIngestProgress,
  ingest,
  ingestStream,
  isReplySubject,
  listInputs,
  parseSubject,
  readInputs,
  readTreeFile,
  scanDiffs
};
