import {
  review
} from "./chunk-6QZUYMQ5.js";
import "./chunk-ZPNCJXNT.js";
import {
  defaultConfig,
  parseConfig
} from "./chunk-K7A4AVV5.js";
import "./chunk-YY2HYU5P.js";
import "./chunk-2OUYZ74Q.js";
import {
  parsePatch
} from "./chunk-KMX6K253.js";
import {
  ruleIds
} from "./chunk-O7VEZZAO.js";
import "./chunk-PP7HVMTJ.js";
import "./chunk-5P6P6PUZ.js";
import "./chunk-CW5NQJL3.js";
import "./chunk-FWG2VY2M.js";
import "./chunk-ZC5TA3QT.js";
import "./chunk-4VNS5WPM.js";

// dist/src/github/client.js
function httpStatus(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function describeApiError(error) {
  const status = httpStatus(error);
  const data = error?.response?.data;
  const message = typeof data?.message === "string" ? data.message : error instanceof Error ? error.message : String(error);
  return status ? `HTTP ${status}: ${message.split("\n")[0].slice(0, 300)}` : message.split("\n")[0].slice(0, 300);
}
async function createInstallationClient(app, installationId, throttle) {
  const appOctokit = await app.auth();
  const client = await appOctokit.auth({
    type: "installation",
    installationId,
    factory: ({ octokit, octokitOptions }) => {
      const Client = octokit.constructor;
      return new Client({
        ...octokitOptions,
        throttle: throttle.forInstallation(octokitOptions.throttle, installationId),
        auth: { ...octokitOptions.auth, ...installationId !== void 0 ? { installationId } : {} }
      });
    }
  });
  if (!client || typeof client.request !== "function")
    throw new Error("Probot returned no installation client");
  return client;
}
async function viewerLogin(octokit) {
  const res = await octokit.graphql("query { viewer { login } }");
  return res.viewer.login;
}

// dist/src/github/config.js
import { createHash } from "node:crypto";
var CONFIG_FILE = "p2pdma-review.yml";
var CONFIG_SOURCE = `.github/${CONFIG_FILE}`;
async function loadAppConfig(fetchConfig, engine, repo) {
  const source = `${repo}:${CONFIG_SOURCE}`;
  const base = { notes: [], source };
  let raw;
  try {
    raw = await fetchConfig(CONFIG_FILE);
  } catch (e) {
    return { ...base, config: withoutPlugins(engine.defaultConfig()), problems: [{ path: "", message: `could not be read: ${describeApiError(e)}` }] };
  }
  if (raw === null || raw === void 0) {
    return { ...base, config: withoutPlugins(engine.defaultConfig()), problems: [] };
  }
  const { config, errors } = engine.parseConfig(raw, { source, knownRules: engine.ruleIds() });
  const notes = [];
  const requested = pluginsOf(raw);
  if (requested.length > 0) {
    notes.push(`the configuration lists plugins (${requested.slice(0, 5).map((p) => `\`${p}\``).join(", ")}); the GitHub App never loads plugin code from repositories, so they were ignored (plugins work with the CLI)`);
  }
  if (errors.length > 0) {
    return { ...base, notes, config: withoutPlugins(engine.defaultConfig()), problems: errors };
  }
  return { ...base, notes, config: withoutPlugins(config), problems: [] };
}
function configDigest(config) {
  return createHash("sha256").update(stableJson(config)).digest("hex").slice(0, 12);
}
function withoutPlugins(config) {
  return { ...config, plugins: [] };
}
function pluginsOf(raw) {
  const plugins = raw?.plugins;
  if (!Array.isArray(plugins))
    return typeof plugins === "string" ? [plugins] : [];
  return plugins.map((p) => String(p));
}
function stableJson(value) {
  if (Array.isArray(value))
    return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// dist/src/github/events.js
var CHECK_NAME = "p2pdma-review";
var PULL_REQUEST_ACTIONS = ["opened", "reopened", "synchronize", "ready_for_review"];
function triggerFromPullRequest(payload) {
  const action = payload.action ?? "";
  if (!PULL_REQUEST_ACTIONS.includes(action))
    return { skip: `pull_request.${action} does not trigger a review` };
  const repo = repoOf(payload);
  const pr = payload.pull_request;
  if (!repo || !pr?.number || !pr.head?.sha)
    return { skip: `pull_request.${action} payload lacks repository or pull request fields` };
  if (pr.state === "closed")
    return { skip: `pull request #${pr.number} is closed` };
  return { run: { kind: "pull_request", event: `pull_request.${action}`, ...repo, pullNumber: pr.number, headSha: pr.head.sha } };
}
function triggerFromCheckRun(payload) {
  const run = payload.check_run;
  if (payload.action !== "rerequested")
    return { skip: `check_run.${payload.action} does not trigger a review` };
  if (run?.name !== CHECK_NAME)
    return { skip: `check run ${JSON.stringify(run?.name)} is not ours` };
  const repo = repoOf(payload);
  if (!repo || !run.head_sha)
    return { skip: "check_run.rerequested payload lacks repository or head_sha" };
  const candidates = run.pull_requests ?? [];
  const pr = candidates.find((p) => p.base?.repo?.id === void 0 || p.base.repo.id === payload.repository?.id) ?? candidates[0];
  if (!pr?.number) {
    return {
      skip: `no pull request of ${repo.owner}/${repo.repo} is associated with ${run.head_sha.slice(0, 7)} (GitHub leaves check_run.pull_requests empty for pull requests from forks); push a commit or reopen the pull request to review it again`,
      report: { ...repo, headSha: run.head_sha }
    };
  }
  return { run: { kind: "rerequest", event: "check_run.rerequested", ...repo, pullNumber: pr.number, headSha: run.head_sha } };
}
function repoOf(payload) {
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  return owner && repo ? { owner, repo } : void 0;
}

// dist/src/github/diff-index.js
function emptyDiffIndex() {
  return { files: /* @__PURE__ */ new Map() };
}
function indexFilePatch(path, patch, previousPath) {
  let parsed;
  try {
    parsed = parsePatch(patch.endsWith("\n") ? patch : patch + "\n");
  } catch (e) {
    throw new Error(`patch of ${path} is malformed: ${e.message}`);
  }
  const lines = { path, right: /* @__PURE__ */ new Map(), left: /* @__PURE__ */ new Map() };
  if (previousPath && previousPath !== path)
    lines.previousPath = previousPath;
  let ordinal = 0;
  for (const entry of parsed) {
    for (const hunk of entry.hunks) {
      addHunk(lines, hunk, ordinal++);
    }
  }
  return lines;
}
function indexUnifiedDiff(text2) {
  let parsed;
  try {
    parsed = parsePatch(text2);
  } catch (e) {
    throw new Error(`pull request diff is malformed: ${e.message}`);
  }
  const index = emptyDiffIndex();
  for (const entry of parsed) {
    const oldPath = stripPrefix(entry.oldFileName, "a/");
    const newPath = stripPrefix(entry.newFileName, "b/");
    const path = newPath ?? oldPath;
    if (!path)
      continue;
    const lines = { path, right: /* @__PURE__ */ new Map(), left: /* @__PURE__ */ new Map() };
    if (oldPath && newPath && oldPath !== newPath)
      lines.previousPath = oldPath;
    entry.hunks.forEach((hunk, ordinal) => addHunk(lines, hunk, ordinal));
    index.files.set(path, lines);
  }
  return index;
}
function lookupFile(index, file) {
  const direct = index.files.get(file);
  if (direct)
    return direct;
  for (const lines of index.files.values()) {
    if (lines.previousPath === file)
      return lines;
  }
  return void 0;
}
function addHunk(target, hunk, ordinal) {
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  for (const raw of hunk.lines) {
    const mark = raw[0];
    if (mark === "+") {
      target.right.set(newLine++, ordinal);
    } else if (mark === "-") {
      target.left.set(oldLine++, ordinal);
    } else if (mark === " " || raw === "") {
      target.right.set(newLine++, ordinal);
      target.left.set(oldLine++, ordinal);
    }
  }
}
function stripPrefix(name, prefix) {
  if (!name || name === "/dev/null")
    return void 0;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

// dist/src/github/ingest.js
var API_FILE_LIMIT = 3e3;
var MAX_DIFF_BYTES = 8 * 1024 * 1024;
function inputName(ref) {
  return `${ref.owner}/${ref.repo}#${ref.pullNumber}`;
}
async function ingestPullRequest(octokit, ref) {
  const params = { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 };
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, params);
  const name = inputName(ref);
  if (ref.changedFiles > files.length && files.length >= API_FILE_LIMIT) {
    const full = await fetchWholeDiff(octokit, ref);
    if (full.text !== void 0) {
      try {
        const index = indexUnifiedDiff(full.text);
        const note2 = `the pull request changes ${ref.changedFiles} files and GitHub lists only ${API_FILE_LIMIT}, so the whole diff was reviewed instead`;
        return { input: { name, data: Buffer.from(full.text, "utf8") }, index, files, notes: [note2] };
      } catch (e) {
        full.reason = e.message;
      }
    }
    const assembled2 = assembleDiff(files, MAX_DIFF_BYTES);
    const note = `the pull request changes ${ref.changedFiles} files; GitHub lists only ${API_FILE_LIMIT} and the whole diff is not available (${full.reason}), so only the first ${files.length} files were reviewed`;
    return { input: { name, data: Buffer.from(assembled2.text, "utf8") }, index: assembled2.index, files, notes: [note, ...assembled2.notes] };
  }
  const assembled = assembleDiff(files, MAX_DIFF_BYTES);
  return { input: { name, data: Buffer.from(assembled.text, "utf8") }, index: assembled.index, files, notes: assembled.notes };
}
function assembleDiff(files, maxBytes) {
  const chunks = [];
  const index = emptyDiffIndex();
  const noPatch = [];
  const malformed = [];
  const overBudget = [];
  let bytes = 0;
  for (const file of files) {
    if (file.status === "unchanged")
      continue;
    const oldPath = file.status === "renamed" || file.status === "copied" ? file.previous_filename ?? file.filename : file.filename;
    const newPath = file.filename;
    const header = [`diff --git a/${oldPath} b/${newPath}`];
    if (file.status === "added")
      header.push("new file mode 100644");
    if (file.status === "removed")
      header.push("deleted file mode 100644");
    if (file.status === "renamed")
      header.push(`rename from ${oldPath}`, `rename to ${newPath}`);
    if (file.status === "copied")
      header.push(`copy from ${oldPath}`, `copy to ${newPath}`);
    const from = file.status === "added" ? "/dev/null" : `a/${oldPath}`;
    const to = file.status === "removed" ? "/dev/null" : `b/${newPath}`;
    let chunk;
    if (file.patch === void 0 || file.patch === "") {
      if (file.changes > 0) {
        noPatch.push(file.filename);
        header.push(`Binary files ${from} and ${to} differ`);
      }
      chunk = header.join("\n") + "\n";
    } else {
      try {
        index.files.set(newPath, indexFilePatch(newPath, file.patch, oldPath));
      } catch (e) {
        malformed.push(e.message);
        continue;
      }
      const patch = file.patch.endsWith("\n") ? file.patch : file.patch + "\n";
      chunk = [...header, `--- ${from}`, `+++ ${to}`].join("\n") + "\n" + patch;
    }
    const size = Buffer.byteLength(chunk, "utf8");
    if (bytes + size > maxBytes) {
      index.files.delete(newPath);
      overBudget.push(file.filename);
      continue;
    }
    bytes += size;
    chunks.push(chunk);
  }
  const notes = [];
  if (noPatch.length > 0) {
    notes.push(`GitHub returned no patch for ${listPaths(noPatch)} (binary, or too large for the API): not reviewed`);
  }
  for (const m of malformed)
    notes.push(`${m}: not reviewed`);
  if (overBudget.length > 0) {
    notes.push(`the diff exceeds ${MAX_DIFF_BYTES / (1024 * 1024)} MiB; ${listPaths(overBudget)} not reviewed`);
  }
  return { text: chunks.join(""), index, notes };
}
async function fetchWholeDiff(octokit, ref) {
  try {
    const res = await octokit.rest.pulls.get({
      owner: ref.owner,
      repo: ref.repo,
      pull_number: ref.pullNumber,
      mediaType: { format: "diff" }
    });
    const text2 = res.data;
    if (typeof text2 !== "string")
      return { reason: "GitHub did not return diff text" };
    if (Buffer.byteLength(text2, "utf8") > MAX_DIFF_BYTES) {
      return { reason: `the diff exceeds ${MAX_DIFF_BYTES / (1024 * 1024)} MiB` };
    }
    return { text: text2, reason: "" };
  } catch (e) {
    return { reason: describeApiError(e) };
  }
}
function listPaths(paths, max = 10) {
  const shown = paths.slice(0, max).map((p) => `\`${p}\``);
  const rest = paths.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

// dist/src/github/anchor.js
function anchorFinding(finding, index) {
  const file = lookupFile(index, finding.file);
  if (!file)
    return void 0;
  const s = finding.suggestion;
  if (s && finding.side === "new" && lookupFile(index, s.file) === file) {
    const span2 = spanOn(file, "RIGHT", s.startLine, s.endLine);
    if (span2)
      return { ...span2, suggestionFits: true };
  }
  const side = finding.side === "old" ? "LEFT" : "RIGHT";
  const start = finding.startLine !== void 0 && finding.startLine < finding.line ? finding.startLine : finding.line;
  const span = spanOn(file, side, start, finding.line) ?? spanOn(file, side, finding.line, finding.line);
  return span ? { ...span, suggestionFits: false } : void 0;
}
function spanOn(file, side, start, end) {
  const lines = side === "RIGHT" ? file.right : file.left;
  const endHunk = lines.get(end);
  if (endHunk === void 0)
    return void 0;
  if (start === end)
    return { path: file.path, line: end, side };
  if (start > end || lines.get(start) !== endHunk)
    return void 0;
  return { path: file.path, line: end, side, startLine: start, startSide: side };
}

// dist/src/github/markers.js
import { createHash as createHash2 } from "node:crypto";
var PREFIX = "p2pdma-review";
var SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
var MARKER = new RegExp(`<!--\\s*${PREFIX}:(fp|resolved|sha)=([A-Za-z0-9._:-]{1,128})\\s*-->`, "g");
function markerId(fingerprint) {
  if (SAFE_ID.test(fingerprint))
    return fingerprint;
  return "h" + createHash2("sha256").update(fingerprint).digest("hex").slice(0, 40);
}
function fingerprintMarker(fingerprint) {
  return `<!-- ${PREFIX}:fp=${markerId(fingerprint)} -->`;
}
function resolvedMarker(fingerprint) {
  return `<!-- ${PREFIX}:resolved=${markerId(fingerprint)} -->`;
}
function headMarker(sha) {
  return `<!-- ${PREFIX}:sha=${markerId(sha)} -->`;
}
function parseMarkers(body) {
  const out = { fingerprints: [], resolved: [], heads: [] };
  if (!body)
    return out;
  for (const m of stripFencedCode(body).matchAll(MARKER)) {
    const [, kind, id] = m;
    if (kind === "fp")
      out.fingerprints.push(id);
    else if (kind === "resolved")
      out.resolved.push(id);
    else
      out.heads.push(id);
  }
  return out;
}
function neutralizeMarkers(text2) {
  return text2.replace(/<!--/g, "&lt;!--");
}
function stripFencedCode(body) {
  const out = [];
  let fence;
  for (const line of body.split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === void 0) {
      if (m)
        fence = m[1];
      else
        out.push(line);
    } else if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) {
      fence = void 0;
    }
  }
  return out.join("\n");
}

// dist/src/github/plan.js
function isBotUser(user) {
  return user != null && (user.type === "Bot" || /\[bot\]$/.test(user.login));
}
var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
function compareFindings(a, b) {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint);
}
function collectPriorState(comments, reviews, botLogin) {
  const ours = (user) => botLogin === void 0 ? isBotUser(user) : user !== null && user.login.toLowerCase() === botLogin.toLowerCase();
  const events = [];
  for (const c of comments.filter((c2) => ours(c2.user))) {
    const { fingerprints } = parseMarkers(c.body);
    const line = c.line ?? c.original_line ?? void 0;
    events.push({
      at: c.created_at,
      order: c.id,
      apply: (s) => {
        for (const id of fingerprints)
          s.open.set(id, { id, ruleId: ruleIdOf(c.body), path: c.path, line });
      }
    });
  }
  for (const r of reviews.filter((r2) => ours(r2.user))) {
    const body = r.body ?? "";
    const markers = parseMarkers(body);
    events.push({
      at: r.submitted_at ?? "",
      order: r.id,
      apply: (s) => {
        for (const sha of markers.heads)
          s.reviewedHeads.add(sha);
        for (const id of markers.resolved)
          s.open.delete(id);
        for (const id of markers.fingerprints)
          s.open.set(id, { id, ...bulletDetails(body, id) });
      }
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const state = { open: /* @__PURE__ */ new Map(), reviewedHeads: /* @__PURE__ */ new Set() };
  for (const e of events)
    e.apply(state);
  return state;
}
function planReview(findings, prior, index, opts) {
  const alreadyReviewed = prior.reviewedHeads.has(markerId(opts.headSha));
  const seen = /* @__PURE__ */ new Set();
  const items = [];
  let inline = 0;
  for (const finding of [...findings].sort(compareFindings)) {
    const id = markerId(finding.fingerprint);
    if (seen.has(id))
      continue;
    seen.add(id);
    const anchor = anchorFinding(finding, index);
    if (prior.open.has(id)) {
      items.push({ finding, status: "posted", anchor });
    } else if (alreadyReviewed) {
      items.push({ finding, status: "held", anchor });
    } else if (!anchor) {
      items.push({ finding, status: "body" });
    } else if (inline < opts.maxComments) {
      inline++;
      items.push({ finding, status: "inline", anchor });
    } else {
      items.push({ finding, status: "overflow", anchor });
    }
  }
  const resolved = [...prior.open.values()].filter((p) => !seen.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
  const postsSomething = items.some((i) => i.status === "inline" || i.status === "body" || i.status === "overflow");
  return { items, resolved, postReview: !alreadyReviewed && (postsSomething || resolved.length > 0) };
}
function ruleIdOf(body) {
  return /`([a-z0-9][a-z0-9-]*)`/.exec(body.split("\n", 1)[0])?.[1];
}
function bulletDetails(body, id) {
  const line = body.split("\n").find((l) => parseMarkers(l).fingerprints.includes(id));
  if (!line)
    return {};
  const m = /`([a-z0-9][a-z0-9-]*)` at `([^`]+):(\d+)`/.exec(line);
  return m ? { ruleId: m[1], path: m[2], line: Number(m[3]) } : { ruleId: ruleIdOf(line) };
}

// dist/src/github/render.js
var MAX_COMMENT_CHARS = 65536;
var MAX_SUMMARY_CHARS = 65535;
var MAX_ANNOTATION_TITLE = 255;
var MAX_ANNOTATION_TEXT = 64 * 1024 - 1;
function ruleIndex(rules) {
  return new Map(rules.map((r) => [r.id, r]));
}
function renderComment(f, ctx) {
  const parts = [];
  parts.push(`${headline(f.severity, f.certainty)} \`${f.ruleId}\``);
  parts.push(text(f.message));
  if (f.why)
    parts.push(`**Why:** ${text(f.why)}`);
  if (f.instead)
    parts.push(`**Instead:** ${text(f.instead)}`);
  if (f.evidence.length > 0) {
    parts.push(["**Evidence**", ...f.evidence.map((e) => `- \`${e.file}:${e.line}\`${e.side === "old" ? " (before the change)" : ""}: ${text(e.note)}`)].join("\n"));
  }
  if (f.platformNotes && f.platformNotes.length > 0) {
    parts.push(["**Platform reasoning**", ...f.platformNotes.map((n) => `- ${text(n)}`)].join("\n"));
  }
  if (f.suggestion)
    parts.push(renderSuggestion(f, ctx.suggestionFits));
  parts.push(footer(f, ctx.docsUrl));
  const marker = fingerprintMarker(f.fingerprint);
  return bound(parts.join("\n\n"), MAX_COMMENT_CHARS - marker.length - 1) + "\n" + marker;
}
function renderBullet(f, docsUrl) {
  const docs = docsUrl ? ` ([docs](${docsUrl}))` : "";
  const side = f.side === "old" ? " (removed line)" : "";
  return `- **${f.severity}** \`${f.ruleId}\` at \`${f.file}:${f.line}\`${side}: ${oneLine(f.message, 300)}${docs} ${fingerprintMarker(f.fingerprint)}`;
}
function renderReviewBody(input) {
  const { plan, rules } = input;
  const posted = plan.items.filter((i) => i.status === "inline" || i.status === "body" || i.status === "overflow");
  const inlineCount = input.inlineRejected ? 0 : posted.filter((i) => i.status === "inline").length;
  const out = [headMarker(input.headSha)];
  const heading = posted.length > 0 ? countLine(posted.map((p) => p.finding)) : "no new findings";
  out.push(`### p2pdma-review: ${heading} in \`${input.headSha.slice(0, 7)}\``);
  const lines = [];
  if (inlineCount > 0)
    lines.push(`${inlineCount} inline comment${inlineCount === 1 ? "" : "s"} below.`);
  const earlier = plan.items.filter((i) => i.status === "posted").length;
  if (earlier > 0)
    lines.push(`${earlier} finding${earlier === 1 ? "" : "s"} from earlier reviews still appl${earlier === 1 ? "ies" : "y"}.`);
  if (lines.length > 0)
    out.push(lines.join(" "));
  const sections = [
    ["Outside the diff", posted.filter((p) => p.status === "body")],
    [`Over the limit of inline comments per review`, posted.filter((p) => p.status === "overflow")]
  ];
  if (input.inlineRejected) {
    sections.unshift([
      `Could not be placed inline (GitHub answered: ${oneLine(input.inlineRejected, 200)})`,
      posted.filter((p) => p.status === "inline")
    ]);
  }
  const trailer = [];
  if (plan.resolved.length > 0) {
    trailer.push(["#### Resolved since the last review", ...plan.resolved.map((r) => `${resolvedBullet(r)} ${resolvedMarker(r.id)}`)].join("\n"));
  }
  if (input.notes.length > 0) {
    trailer.push(["#### Notes", ...input.notes.map((n) => `- ${oneLine(n, 500)}`)].join("\n"));
  }
  let budget = MAX_COMMENT_CHARS - out.join("\n\n").length - trailer.join("\n\n").length - 400;
  for (const [title, items] of sections) {
    if (items.length === 0)
      continue;
    const lines2 = [`#### ${title}`];
    let left = items.length;
    for (const item of items) {
      const bullet = renderBullet(item.finding, rules.get(item.finding.ruleId)?.docsUrl);
      if (bullet.length + 1 > budget)
        break;
      lines2.push(bullet);
      budget -= bullet.length + 1;
      left--;
    }
    if (left > 0)
      lines2.push(`- \u2026and ${left} more: see the \`p2pdma-review\` check run.`);
    out.push(lines2.join("\n"));
  }
  out.push(...trailer);
  return bound(out.join("\n\n"), MAX_COMMENT_CHARS);
}
function renderCheckOutput(input) {
  const all = input.plan.items.map((i) => i.finding);
  const title = all.length === 0 ? "No findings" : countLine(all);
  const intro = `**p2pdma-review** reviewed ${input.repo}#${input.pullNumber} at \`${input.headSha.slice(0, 7)}\`: ${title.toLowerCase()}. ${input.reviewOutcome}`;
  const sections = [];
  if (input.configProblems.length > 0) {
    sections.push([
      `### Configuration problems: ran with the default configuration`,
      ...input.configProblems.map((p) => `- \`${input.configSource}\`: \`${p.path || "(root)"}\`: ${oneLine(p.message, 300)}`)
    ].join("\n"));
  }
  if (input.errors.length > 0) {
    sections.push(["### Not reviewed", ...input.errors.map((e) => `- \`${e.input}\`: ${oneLine(e.message, 300)}`)].join("\n"));
  }
  if (input.plan.resolved.length > 0) {
    sections.push(["### Resolved since the last review", ...input.plan.resolved.map(resolvedBullet)].join("\n"));
  }
  if (input.notes.length > 0) {
    sections.push(["### Notes", ...input.notes.map((n) => `- ${oneLine(n, 500)}`)].join("\n"));
  }
  const fixed = [intro, ...sections].join("\n\n").length;
  const table = findingsTable(input.plan.items, input.rules, MAX_SUMMARY_CHARS - fixed - 100);
  const summary = [intro, table, ...sections].filter((s) => s.length > 0).join("\n\n");
  return { title, summary: bound(summary, MAX_SUMMARY_CHARS) };
}
var LEVEL = { error: "failure", warning: "warning", info: "notice" };
function renderAnnotations(findings, rules, pathOf) {
  const out = [];
  for (const f of findings) {
    if (f.side !== "new")
      continue;
    const path = pathOf(f.file);
    if (!path)
      continue;
    const start = f.startLine !== void 0 && f.startLine < f.line ? f.startLine : f.line;
    const details = [];
    if (f.instead)
      details.push(`Instead: ${f.instead}`);
    for (const e of f.evidence)
      details.push(`Evidence: ${e.file}:${e.line}: ${e.note}`);
    for (const n of f.platformNotes ?? [])
      details.push(`Platform: ${n}`);
    const docs = rules.get(f.ruleId)?.docsUrl;
    if (docs)
      details.push(`Docs: ${docs}`);
    const annotation = {
      path,
      start_line: start,
      end_line: f.line,
      annotation_level: LEVEL[f.severity],
      title: bound(`${f.ruleId}: ${oneLine(f.message, 400)}`, MAX_ANNOTATION_TITLE),
      message: bound(f.why ? `${f.message}

${f.why}` : f.message, MAX_ANNOTATION_TEXT)
    };
    if (details.length > 0)
      annotation.raw_details = bound(details.join("\n"), MAX_ANNOTATION_TEXT);
    out.push(annotation);
  }
  return out;
}
function conclusionFor(findings, failOn) {
  const has = (s) => findings.some((f) => f.severity === s);
  if (failOn === "error" && has("error"))
    return "failure";
  if (failOn === "warning" && (has("error") || has("warning")))
    return "failure";
  return has("error") || has("warning") ? "neutral" : "success";
}
function countLine(findings) {
  const n = (s) => findings.filter((f) => f.severity === s).length;
  const parts = [
    plural(n("error"), "error"),
    plural(n("warning"), "warning"),
    n("info") > 0 ? plural(n("info"), "note") : ""
  ].filter((p) => p && !p.startsWith("0 "));
  return parts.length > 0 ? parts.join(", ") : "no findings";
}
var STATUS_TEXT = {
  inline: "inline comment",
  body: "review body (outside the diff)",
  overflow: "review body (comment limit)",
  posted: "posted earlier",
  held: "not posted: this commit already has a review"
};
function findingsTable(items, rules, budget) {
  if (items.length === 0)
    return "";
  const rows = ["| Severity | Rule | Location | Finding | Status |", "|---|---|---|---|---|"];
  let used = rows.join("\n").length;
  let shown = 0;
  for (const { finding: f, status } of items) {
    const docs = rules.get(f.ruleId)?.docsUrl;
    const rule = docs ? `[\`${f.ruleId}\`](${docs})` : `\`${f.ruleId}\``;
    const row = `| ${f.severity} | ${rule} | \`${cell(f.file)}:${f.line}\`${f.side === "old" ? " (old)" : ""} | ${cell(oneLine(f.message, 240))} | ${STATUS_TEXT[status]} |`;
    if (used + row.length + 1 > budget)
      break;
    rows.push(row);
    used += row.length + 1;
    shown++;
  }
  if (shown < items.length)
    rows.push(`
\u2026and ${items.length - shown} more findings (summary size limit).`);
  return rows.join("\n");
}
function renderSuggestion(f, fits) {
  const s = f.suggestion;
  const caution = s.safety === "review" ? "_This suggestion changes behaviour: review it before applying._\n" : "";
  const fence = fenceFor(s.replacement);
  const body = s.replacement.endsWith("\n") ? s.replacement : s.replacement + "\n";
  if (fits)
    return `${caution}${fence}suggestion
${body}${fence}`;
  const range = s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}\u2013${s.endLine}`;
  return `${caution}Suggested replacement for ${range} of \`${s.file}\` (those lines are not all in the diff, so it cannot be applied from here):
${fence}c
${body}${fence}`;
}
function footer(f, docsUrl) {
  const bits = [];
  if (docsUrl)
    bits.push(`[Rule documentation](${docsUrl})`);
  if (f.references && f.references.length > 0)
    bits.push(`References: ${f.references.map((r) => `\`${r}\``).join(", ")}`);
  if (f.function)
    bits.push(`In \`${f.function}()\``);
  return bits.length > 0 ? `<sub>${bits.join(" \xB7 ")}</sub>` : "";
}
function headline(severity, certainty) {
  const label = severity === "error" ? "**Error**" : severity === "warning" ? "**Warning**" : "**Note**";
  return certainty === "likely" ? `${label} (likely)` : label;
}
function resolvedBullet(r) {
  const rule = r.ruleId ? `\`${r.ruleId}\`` : "finding";
  const where = r.path ? ` at \`${r.path}${r.line ? `:${r.line}` : ""}\`` : "";
  return `- ${rule}${where} (fingerprint \`${r.id}\`) no longer reported`;
}
function fenceFor(content) {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
function text(s) {
  return neutralizeMarkers(s.trim());
}
function oneLine(s, max) {
  return bound(neutralizeMarkers(s.replace(/\s+/g, " ").trim()), max);
}
function cell(s) {
  return s.replace(/\|/g, "\\|");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function bound(s, max) {
  if (s.length <= max)
    return s;
  const mark = "\u2026";
  return s.slice(0, Math.max(0, max - mark.length)) + mark;
}

// dist/src/github/sink.js
var ANNOTATIONS_PER_REQUEST = 50;
var MAX_ANNOTATIONS = 1e3;
var STALE_RUN_MS = 10 * 60 * 1e3;
function createGitHubSink(octokit, target, log, now = () => /* @__PURE__ */ new Date(), identity = async () => void 0) {
  const repo = { owner: target.owner, repo: target.repo };
  let runKey;
  let startedAt;
  let checkRunId;
  let reviewPosted = false;
  const createRun = (fields) => octokit.rest.checks.create({ ...repo, name: CHECK_NAME, head_sha: target.headSha, ...fields });
  async function findRun(runKey2) {
    const res = await octokit.rest.checks.listForRef({ ...repo, ref: target.headSha, check_name: CHECK_NAME, filter: "all", per_page: 100 });
    const ours = res.data.check_runs.filter((r) => r.external_id === runKey2).sort((a, b) => (b.started_at ?? "").localeCompare(a.started_at ?? "") || b.id - a.id);
    const run = ours[0];
    return run ? { id: run.id, status: run.status, startedAt: run.started_at ?? void 0 } : void 0;
  }
  function begin(key) {
    runKey = key;
    startedAt = now().toISOString();
  }
  async function readPriorState() {
    const params = { ...repo, pull_number: target.pullNumber, per_page: 100 };
    const [comments, reviews] = await Promise.all([
      octokit.paginate(octokit.rest.pulls.listReviewComments, params),
      octokit.paginate(octokit.rest.pulls.listReviews, params)
    ]);
    const botAuthored = [...comments, ...reviews].some((x) => isBotUser(x.user));
    return collectPriorState(comments, reviews, botAuthored ? await identity() : void 0);
  }
  async function postReview(input, plan, notes) {
    const rules = ruleIndex(input.result.rules);
    const inline = plan.items.filter((i) => i.status === "inline");
    const posted = plan.items.filter((i) => i.status === "inline" || i.status === "body" || i.status === "overflow");
    const hasError = posted.some((i) => i.finding.severity === "error");
    const event = input.config.github.reviewEvent === "REQUEST_CHANGES" && hasError ? "REQUEST_CHANGES" : "COMMENT";
    const comments = inline.map(({ finding, anchor }) => ({
      path: anchor.path,
      line: anchor.line,
      side: anchor.side,
      ...anchor.startLine !== void 0 ? { start_line: anchor.startLine, start_side: anchor.startSide } : {},
      body: renderComment(finding, { docsUrl: rules.get(finding.ruleId)?.docsUrl, suggestionFits: anchor.suggestionFits })
    }));
    const base = { ...repo, pull_number: target.pullNumber, commit_id: target.headSha, event };
    try {
      const res = await octokit.rest.pulls.createReview({
        ...base,
        body: renderReviewBody({ headSha: target.headSha, plan, rules, notes }),
        comments
      });
      return { id: res.data.id, outcome: reviewSentence(inline.length, posted.length) };
    } catch (e) {
      if (httpStatus(e) !== 422 || comments.length === 0)
        throw e;
      const reason = describeApiError(e);
      log.warn({ pull: target.pullNumber, reason }, "inline review comments rejected; retrying with findings in the review body");
      const res = await octokit.rest.pulls.createReview({
        ...base,
        body: renderReviewBody({ headSha: target.headSha, plan, rules, notes, inlineRejected: reason })
      });
      return { id: res.data.id, outcome: `Posted a review; GitHub rejected the inline positions (${reason}), so the ${posted.length} new finding(s) are in the review body.` };
    }
  }
  async function publish(input) {
    if (runKey === void 0)
      throw new Error("GitHub sink: publish() before begin()");
    const prior = await readPriorState();
    const plan = planReview(input.result.findings, prior, input.index, { headSha: target.headSha, maxComments: input.config.github.maxComments });
    const notes = [...input.notes];
    let reviewId;
    let outcome;
    if (plan.postReview) {
      try {
        const posted = await postReview(input, plan, notes);
        reviewId = posted.id;
        reviewPosted = true;
        outcome = posted.outcome;
      } catch (e) {
        outcome = `The review could not be posted (${describeApiError(e)}); the findings are listed here.`;
        log.warn({ pull: target.pullNumber, reason: describeApiError(e) }, "review not posted");
      }
    } else if (prior.reviewedHeads.size > 0 && plan.items.some((i) => i.status === "held")) {
      outcome = "This commit already has a review from p2pdma-review; findings not posted there are listed here only.";
    } else {
      outcome = plan.items.length === 0 ? "Nothing to post." : "No new findings to post: every finding was posted by an earlier review.";
    }
    const rules = ruleIndex(input.result.rules);
    const findings = plan.items.map((i) => i.finding);
    let annotations = renderAnnotations(findings, rules, (file) => lookupFile(input.index, file)?.path);
    if (annotations.length > MAX_ANNOTATIONS) {
      notes.push(`${annotations.length} annotations: only the first ${MAX_ANNOTATIONS} are attached to the check run`);
      annotations = annotations.slice(0, MAX_ANNOTATIONS);
    }
    const output = renderCheckOutput({
      repo: `${target.owner}/${target.repo}`,
      pullNumber: target.pullNumber,
      headSha: target.headSha,
      plan,
      rules,
      configProblems: input.configProblems,
      configSource: input.configSource,
      notes: notes.concat(input.result.notes.map((n) => `${n.input}: ${n.message}`)),
      errors: input.result.errors,
      reviewOutcome: outcome
    });
    const conclusion = conclusionFor(findings, input.config.failOn);
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
      batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const withBatch = (batch) => batch && batch.length > 0 ? { ...output, annotations: batch } : output;
    const completion = { status: "completed", conclusion, completed_at: now().toISOString() };
    const created = await createRun({
      external_id: runKey,
      started_at: startedAt,
      ...batches.length > 1 ? { status: "in_progress" } : completion,
      output: withBatch(batches[0])
    });
    checkRunId = created.data.id;
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, ...last ? completion : {}, output: withBatch(batches[i]) });
    }
    log.info({ pull: target.pullNumber, sha: target.headSha, conclusion, reviewId, findings: findings.length }, "review published");
    return { plan, reviewId, conclusion, annotations: annotations.length };
  }
  async function fail(error) {
    if (runKey === void 0)
      return;
    const reason = error instanceof Error ? error.message.split("\n")[0].slice(0, 500) : String(error).slice(0, 500);
    const posted = reviewPosted ? "The review was posted before the failure; re-running will not post it again." : "Nothing was posted to the pull request; re-run the check to try again.";
    const failed = {
      status: "completed",
      conclusion: "failure",
      completed_at: now().toISOString(),
      output: { title: "Review failed", summary: `p2pdma-review could not complete the review of this commit: ${reason}. ${posted}` }
    };
    if (checkRunId !== void 0) {
      await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, ...failed });
    } else {
      await createRun({ external_id: runKey, started_at: startedAt, ...failed });
    }
  }
  async function reportSkip(reason, conclusion) {
    const at = now().toISOString();
    await createRun({
      status: "completed",
      conclusion,
      started_at: at,
      completed_at: at,
      output: { title: "Not reviewed", summary: reason.charAt(0).toUpperCase() + reason.slice(1) + "." }
    });
  }
  return { findRun, begin, publish, fail, reportSkip };
}
function reviewSentence(inline, posted) {
  const rest = posted - inline;
  const parts = [`${inline} inline comment${inline === 1 ? "" : "s"}`];
  if (rest > 0)
    parts.push(`${rest} finding${rest === 1 ? "" : "s"} in the review body`);
  return `Posted a review with ${parts.join(" and ")}.`;
}

// dist/src/github/throttle.js
var WRITE_BURST_ENV = "P2PDMA_REVIEW_WRITE_BURST";
var DEFAULT_WRITE_BURST = 10;
var WRITE_INTERVAL_MS = 1e3;
var NOTIFYING_WRITE_INTERVAL_MS = 3e3;
var MAX_CONCURRENT_REQUESTS = 10;
var RATE_LIMIT_RETRIES = 2;
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function createPacer(options) {
  const burst = Math.max(1, Math.floor(options.burst));
  const interval = options.intervalMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const arrival = /* @__PURE__ */ new Map();
  function grantAt(id, t) {
    if (!arrival.has(id)) {
      for (const [key, tat2] of arrival)
        if (tat2 <= t)
          arrival.delete(key);
    }
    const tat = Math.max(arrival.get(id) ?? t, t) + interval;
    arrival.set(id, tat);
    return Math.max(t, tat - burst * interval);
  }
  return {
    key: (id) => ({
      async schedule(opts, job, ...args) {
        if (opts?.weight !== 0) {
          const t = now();
          const wait = grantAt(id, t) - t;
          if (wait > 0)
            await sleep(wait);
        }
        return job(...args);
      }
    })
  };
}
function createConcurrencyLimit(max) {
  const keys = /* @__PURE__ */ new Map();
  return {
    key: (id) => ({
      async schedule(_opts, job, ...args) {
        let slot = keys.get(id);
        if (!slot)
          keys.set(id, slot = { running: 0, waiting: [] });
        if (slot.running >= max)
          await new Promise((resolve) => slot.waiting.push(resolve));
        else
          slot.running++;
        try {
          return await job(...args);
        } finally {
          const next = slot.waiting.shift();
          if (next)
            next();
          else if (--slot.running === 0)
            keys.delete(id);
        }
      }
    })
  };
}
function createRetryScheduler(clock = {}) {
  const sleep = clock.sleep ?? realSleep;
  let onFailed;
  return {
    on(event, listener) {
      if (event === "failed")
        onFailed = listener;
    },
    async schedule(job, ...args) {
      for (let retryCount = 0; ; retryCount++) {
        try {
          return await job(...args);
        } catch (error) {
          const after = await Promise.resolve().then(() => onFailed?.(error, { args, retryCount })).catch(() => void 0);
          if (after == null)
            throw error;
          const ms = Math.trunc(Number(after)) || 0;
          if (ms > 0)
            await sleep(ms);
        }
      }
    }
  };
}
function writeBurstFromEnv(env = process.env) {
  const raw = env[WRITE_BURST_ENV];
  if (raw === void 0 || raw.trim() === "")
    return { burst: DEFAULT_WRITE_BURST };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    return { burst: DEFAULT_WRITE_BURST, problem: `${WRITE_BURST_ENV}=${JSON.stringify(raw)} is not a positive integer; using ${DEFAULT_WRITE_BURST}` };
  }
  return { burst: value };
}
function createAppThrottle(burst, clock = {}) {
  const write = createPacer({ ...clock, burst, intervalMs: WRITE_INTERVAL_MS });
  const notifications = createPacer({ ...clock, burst, intervalMs: NOTIFYING_WRITE_INTERVAL_MS });
  const global = createConcurrencyLimit(MAX_CONCURRENT_REQUESTS);
  const retry = (kind) => (retryAfter, request, octokit, retryCount) => {
    const again = retryCount < RATE_LIMIT_RETRIES;
    octokit.log.warn(`${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : "giving up"}`);
    return again;
  };
  const handlers = { onRateLimit: retry("primary"), onSecondaryRateLimit: retry("secondary") };
  return {
    forInstallation(inherited, installationId) {
      if (!inherited || inherited.enabled === false)
        return inherited;
      const id = installationId === void 0 ? inherited.id : String(installationId);
      if (inherited.connection !== void 0)
        return { ...inherited, ...handlers, id };
      return { ...inherited, ...handlers, id, write, notifications, global, retryLimiter: createRetryScheduler(clock) };
    }
  };
}

// dist/src/github/tree.js
var C_SOURCE = /\.[ch]$/;
var INLINE_CONTENT_LIMIT = 1024 * 1024;
function isTouchedCFile(file) {
  return file.status !== "removed" && file.status !== "unchanged" && C_SOURCE.test(file.filename);
}
function createHeadTreeReader(octokit, opts) {
  const eligible = opts.files.filter(isTouchedCFile).map((f) => f.filename);
  const allowed = new Set(eligible.slice(0, Math.max(0, opts.maxFiles)));
  const eligibleSet = new Set(eligible);
  const cache = /* @__PURE__ */ new Map();
  const overCount = /* @__PURE__ */ new Set();
  const overSize = [];
  const failures = [];
  const fetched = [];
  async function fetchContent(path) {
    fetched.push(path);
    try {
      const res = await octokit.rest.repos.getContent({ owner: opts.owner, repo: opts.repo, path, ref: opts.ref });
      const data = res.data;
      if (Array.isArray(data) || data.type !== "file") {
        failures.push(`\`${path}\` is not a regular file at the head commit`);
        return void 0;
      }
      const size = data.size ?? 0;
      if (size > opts.maxFileBytes) {
        overSize.push(`\`${path}\` (${size} bytes)`);
        return void 0;
      }
      if (data.encoding === "base64" && typeof data.content === "string" && (data.content !== "" || size === 0)) {
        return Buffer.from(data.content, "base64").toString("utf8");
      }
      if (size > INLINE_CONTENT_LIMIT || data.encoding === "none") {
        const raw = await octokit.rest.repos.getContent({
          owner: opts.owner,
          repo: opts.repo,
          path,
          ref: opts.ref,
          mediaType: { format: "raw" }
        });
        const text2 = raw.data;
        if (typeof text2 === "string" && Buffer.byteLength(text2, "utf8") <= opts.maxFileBytes)
          return text2;
        overSize.push(`\`${path}\``);
        return void 0;
      }
      failures.push(`\`${path}\`: unexpected content encoding ${JSON.stringify(data.encoding)}`);
      return void 0;
    } catch (e) {
      failures.push(httpStatus(e) === 404 ? `\`${path}\` was not found at the head commit` : `\`${path}\`: ${describeApiError(e)}`);
      return void 0;
    }
  }
  const reader = {
    image: "post",
    read(path) {
      if (!eligibleSet.has(path))
        return Promise.resolve(void 0);
      if (!allowed.has(path)) {
        overCount.add(path);
        return Promise.resolve(void 0);
      }
      let pending = cache.get(path);
      if (!pending) {
        pending = fetchContent(path);
        cache.set(path, pending);
      }
      return pending;
    }
  };
  return {
    reader,
    fetched: () => [...fetched],
    notes() {
      const notes = [];
      if (overCount.size > 0) {
        notes.push(`head content of ${overCount.size} touched C file(s) was not fetched (config \`github.maxFiles\` = ${opts.maxFiles}): ${listPaths([...overCount])} analysed from the diff hunks only`);
      }
      if (overSize.length > 0) {
        notes.push(`head content larger than config \`github.maxFileBytes\` (${opts.maxFileBytes} bytes) was not fetched: ${overSize.slice(0, 10).join(", ")}${overSize.length > 10 ? ` and ${overSize.length - 10} more` : ""}; analysed from the diff hunks only`);
      }
      for (const f of failures.slice(0, 10))
        notes.push(`could not read head content: ${f}; analysed from the diff hunks only`);
      if (failures.length > 10)
        notes.push(`\u2026and ${failures.length - 10} more unreadable files`);
      return notes;
    }
  };
}

// dist/src/github/handler.js
function createApp(engine, options = {}) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  return (app) => {
    const { burst, problem } = writeBurstFromEnv();
    if (problem)
      app.log.warn(problem);
    const throttle = createAppThrottle(burst);
    const running = /* @__PURE__ */ new Map();
    let identity;
    const prEvents = PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}`);
    app.on(prEvents, async (context) => {
      await handle(context, triggerFromPullRequest(context.payload));
    });
    app.on("check_run.rerequested", async (context) => {
      await handle(context, triggerFromCheckRun(context.payload));
    });
    async function handle(context, decision) {
      const event = `${context.name}.${context.payload.action ?? ""}`;
      if ("skip" in decision) {
        context.log.info({ event }, `not reviewing: ${decision.skip}`);
        if (decision.report) {
          const { owner, repo, headSha } = decision.report;
          const octokit = await clientFor(context);
          await createGitHubSink(octokit, { owner, repo, pullNumber: 0, headSha }, context.log, now).reportSkip(decision.skip, "neutral");
        }
        options.onRun?.({ event, skipped: decision.skip });
        return;
      }
      const report = await review2(context, await clientFor(context), decision.run);
      options.onRun?.({ event, ...report });
    }
    async function clientFor(context) {
      const installationId = context.payload.installation?.id;
      try {
        return await createInstallationClient(app, installationId, throttle);
      } catch (e) {
        context.log.warn({ reason: String(e) }, "using Probot's client, without the App's request pacing");
        return context.octokit;
      }
    }
    async function whoAmI(octokit, context) {
      try {
        return await viewerLogin(octokit);
      } catch (e) {
        identity = void 0;
        context.log.warn({ reason: String(e) }, "could not tell the App's login; markers of any bot account count");
        return void 0;
      }
    }
    async function review2(context, octokit, trigger) {
      const { owner, repo, pullNumber, headSha } = trigger;
      const log = context.log.child({ pull: `${owner}/${repo}#${pullNumber}`, sha: headSha.slice(0, 12) });
      const sink = createGitHubSink(octokit, trigger, log, now, () => identity ??= whoAmI(octokit, context));
      const skip = async (reason, report) => {
        log.info({ event: trigger.event }, `not reviewing: ${reason}`);
        if (report)
          await sink.reportSkip(reason, "skipped");
        return { skipped: reason };
      };
      const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
      if (pr.state !== "open")
        return skip(`pull request #${pullNumber} is ${pr.state}`, trigger.kind === "rerequest");
      if (pr.head.sha !== headSha) {
        return skip(`the pull request head moved on to ${pr.head.sha.slice(0, 7)}, which gets its own review`, trigger.kind === "rerequest");
      }
      const loaded = await loadAppConfig((file) => context.config(file), engine, `${owner}/${repo}`);
      if (pr.draft && !loaded.config.github.includeDrafts) {
        return skip(`pull request #${pullNumber} is a draft (set github.includeDrafts to review drafts)`, trigger.kind === "rerequest");
      }
      const runKey = `${headSha}:${configDigest(loaded.config)}`;
      const local = `${owner}/${repo}:${runKey}`;
      if (trigger.kind === "pull_request" && running.has(local))
        return skip("a review of this commit is already in progress", false);
      running.set(local, (running.get(local) ?? 0) + 1);
      try {
        if (trigger.kind === "pull_request") {
          const earlier = await sink.findRun(runKey);
          if (earlier?.status === "completed")
            return skip("this commit was already reviewed with this configuration (redelivered or repeated event)", false);
          if (earlier && now().getTime() - Date.parse(earlier.startedAt ?? "") < STALE_RUN_MS) {
            return skip(`a review of this commit is already in progress (check run ${earlier.id})`, false);
          }
        }
        sink.begin(runKey);
        const ingest = await ingestPullRequest(octokit, { owner, repo, pullNumber, changedFiles: pr.changed_files });
        const tree = createHeadTreeReader(octokit, {
          owner,
          repo,
          ref: headSha,
          files: ingest.files,
          maxFiles: loaded.config.github.maxFiles,
          maxFileBytes: loaded.config.github.maxFileBytes
        });
        const result = await engine.review([ingest.input], { config: loaded.config, tree: tree.reader });
        const outcome = await sink.publish({
          result,
          index: ingest.index,
          config: loaded.config,
          configProblems: loaded.problems,
          configSource: loaded.source,
          notes: [...loaded.notes, ...ingest.notes, ...tree.notes()]
        });
        return { outcome };
      } catch (e) {
        await sink.fail(e).catch((failError) => log.warn({ reason: String(failError) }, "could not mark the check run failed"));
        throw e;
      } finally {
        const left = (running.get(local) ?? 1) - 1;
        if (left > 0)
          running.set(local, left);
        else
          running.delete(local);
      }
    }
  };
}

// dist/src/app.js
var app_default = createApp({ review, parseConfig, defaultConfig, ruleIds });
export {
  app_default as default
};
