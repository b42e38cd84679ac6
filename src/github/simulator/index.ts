// The local GitHub API simulator: an HTTP server with in-memory state, for end-to-end tests and replay.
export { startSimulator, type CannedReply, type GitHubSimulator, type RecordedRequest, type SimulatorOptions } from './server.js';
export { loadOpenApiValidator, type OpenApiValidator, type OperationMatch } from './openapi.js';
export {
  addPull,
  addRepo,
  createState,
  currentFiles,
  findRepo,
  loadRepoDir,
  seedFromWebhook,
  setFile,
  type PullInit,
  type SimCheckRun,
  type SimPull,
  type SimRepo,
  type SimReview,
  type SimReviewComment,
  type SimState,
} from './state.js';
export { commentProblem, filesFromGitDiff, gitDiffFromFiles, patchLines, type SimFile } from './diff.js';
