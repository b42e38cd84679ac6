import "./chunk-4VNS5WPM.js";

// dist/src/github/simulator/server.js
import { createHash, createPublicKey, createVerify, randomBytes } from "node:crypto";
import { createServer } from "node:http";

// dist/src/github/simulator/diff.js
function filesFromGitDiff(text) {
  const blocks = text.split(/^(?=diff --git )/m).filter((b) => b.startsWith("diff --git "));
  if (blocks.length === 0 && text.trim() !== "")
    throw new Error('not a git diff: no "diff --git" line');
  return blocks.map((block) => {
    const lines = block.split("\n");
    const head = /^diff --git a\/(.+?) b\/(.+)$/.exec(lines[0]);
    if (!head)
      throw new Error(`unreadable diff header: ${lines[0]}`);
    let [, oldPath, newPath] = head;
    let status = "modified";
    let binary = false;
    let i = 1;
    for (; i < lines.length && !lines[i].startsWith("@@"); i++) {
      const l = lines[i];
      if (l.startsWith("new file mode"))
        status = "added";
      else if (l.startsWith("deleted file mode"))
        status = "removed";
      else if (l.startsWith("rename from ")) {
        status = "renamed";
        oldPath = l.slice(12);
      } else if (l.startsWith("rename to "))
        newPath = l.slice(10);
      else if (l.startsWith("copy from ")) {
        status = "copied";
        oldPath = l.slice(10);
      } else if (l.startsWith("copy to "))
        newPath = l.slice(8);
      else if (l.startsWith("Binary files "))
        binary = true;
    }
    const hunkLines = lines.slice(i);
    while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === "")
      hunkLines.pop();
    const additions = hunkLines.filter((l) => l.startsWith("+")).length;
    const deletions = hunkLines.filter((l) => l.startsWith("-")).length;
    const file = {
      filename: status === "removed" ? oldPath : newPath,
      status,
      additions,
      deletions,
      changes: additions + deletions
    };
    if (status === "renamed" || status === "copied")
      file.previous_filename = oldPath;
    if (!binary && hunkLines.length > 0)
      file.patch = hunkLines.join("\n");
    return file;
  });
}
function gitDiffFromFiles(files) {
  return files.map((f) => {
    const oldPath = f.previous_filename ?? f.filename;
    const out = [`diff --git a/${oldPath} b/${f.filename}`];
    if (f.status === "added")
      out.push("new file mode 100644");
    if (f.status === "removed")
      out.push("deleted file mode 100644");
    if (f.status === "renamed")
      out.push(`rename from ${oldPath}`, `rename to ${f.filename}`);
    if (f.patch === void 0) {
      if (f.changes > 0)
        out.push(`Binary files a/${oldPath} and b/${f.filename} differ`);
    } else {
      out.push(f.status === "added" ? "--- /dev/null" : `--- a/${oldPath}`, f.status === "removed" ? "+++ /dev/null" : `+++ b/${f.filename}`, f.patch);
    }
    return out.join("\n") + "\n";
  }).join("");
}
function patchLines(patch) {
  const out = { RIGHT: /* @__PURE__ */ new Map(), LEFT: /* @__PURE__ */ new Map(), positions: 0 };
  let hunk = -1;
  let oldNo = 0;
  let newNo = 0;
  for (const line of patch.split("\n")) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      hunk++;
      oldNo = Number(h[1]);
      newNo = Number(h[2]);
      if (hunk > 0)
        out.positions++;
      continue;
    }
    if (hunk < 0)
      continue;
    out.positions++;
    if (line.startsWith("+"))
      out.RIGHT.set(newNo++, hunk);
    else if (line.startsWith("-"))
      out.LEFT.set(oldNo++, hunk);
    else if (line.startsWith("\\"))
      continue;
    else {
      out.RIGHT.set(newNo++, hunk);
      out.LEFT.set(oldNo++, hunk);
    }
  }
  return out;
}
function commentProblem(comment, files) {
  const file = files.find((f) => f.filename === comment.path);
  if (!file)
    return "Path could not be resolved";
  if (file.patch === void 0)
    return "Path could not be resolved";
  const lines = patchLines(file.patch);
  if (comment.line === void 0) {
    if (comment.position === void 0)
      return "Line could not be resolved";
    return comment.position >= 1 && comment.position <= lines.positions ? void 0 : "Position could not be resolved";
  }
  const side = comment.side ?? "RIGHT";
  if (side !== "RIGHT" && side !== "LEFT")
    return `Side ${comment.side} is not one of LEFT, RIGHT`;
  const hunk = lines[side].get(comment.line);
  if (hunk === void 0)
    return "Line could not be resolved";
  if (comment.start_line !== void 0) {
    const startSide = comment.start_side ?? side;
    if (startSide !== "RIGHT" && startSide !== "LEFT")
      return `Start side ${comment.start_side} is not one of LEFT, RIGHT`;
    if (comment.start_line >= comment.line && startSide === side)
      return "pull_request_review_thread.start_line must precede the end line.";
    const startHunk = lines[startSide].get(comment.start_line);
    if (startHunk === void 0)
      return "Start line could not be resolved";
    if (startHunk !== hunk)
      return "pull_request_review_thread.start_line must be part of the same hunk as the line.";
  }
  return void 0;
}

// dist/src/github/simulator/openapi.js
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
var SPEC_FILE = "@octokit/openapi/generated/api.github.com.json";
var cached;
function loadOpenApiValidator() {
  cached ??= build().catch((e) => {
    cached = void 0;
    throw e;
  });
  return cached;
}
async function build() {
  const require2 = createRequire(import.meta.url);
  let specPath;
  let ajv;
  try {
    specPath = require2.resolve(SPEC_FILE);
    const { Ajv } = await import("./ajv-4HSGXNEY.js");
    const formats = await import("./dist-F2B3RWOD.js");
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const addFormats = typeof formats.default === "function" ? formats.default : formats.default.default;
    addFormats(ajv);
  } catch (e) {
    throw new Error(`OpenAPI request validation needs the packages ajv, ajv-formats and @octokit/openapi (dev dependencies; install with \`npm install --include=dev\`): ${e.message}`);
  }
  const spec = JSON.parse(await readFile(specPath, "utf8"));
  return createValidator(spec, ajv);
}
function createValidator(spec, ajv) {
  const paths = spec.paths;
  const components = spec.components;
  const compiled = /* @__PURE__ */ new Map();
  const routes = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of Object.keys(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method))
        continue;
      const op = item[method];
      const multi = new Set((op.parameters ?? []).map(resolveParam).filter((p) => p["x-multi-segment"] === true).map((p) => String(p.name)));
      const names = [];
      const pattern = template.split("/").map((seg) => seg.replace(/\{([^}]+)\}|[^{}]+/g, (m, name) => {
        if (name === void 0)
          return m.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
        names.push(name);
        return multi.has(name) ? "(.+)" : "([^/]+)";
      })).join("/");
      routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, literals: template.split("/").filter((s) => s && !s.includes("{")).length });
    }
  }
  routes.sort((a, b) => b.literals - a.literals || a.names.length - b.names.length);
  function resolveParam(p) {
    const ref = p.$ref;
    if (typeof ref === "string")
      return components.parameters[ref.split("/").pop()] ?? {};
    return p;
  }
  function compile(key, schema) {
    let v = compiled.get(key);
    if (!v) {
      const reached = {};
      const walk = (node) => {
        if (!node || typeof node !== "object")
          return;
        if (Array.isArray(node))
          return node.forEach(walk);
        for (const [k, value] of Object.entries(node)) {
          if (k === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
            const name = value.slice("#/components/schemas/".length);
            if (!(name in reached)) {
              reached[name] = components.schemas[name];
              walk(reached[name]);
            }
          } else
            walk(value);
        }
      };
      walk(schema);
      const normalised = Object.fromEntries(Object.entries(reached).map(([k, s]) => [k, nullableToAnyOf(s)]));
      v = ajv.compile({ allOf: [nullableToAnyOf(schema)], components: { schemas: normalised } });
      compiled.set(key, v);
    }
    return v;
  }
  function errorsOf(v, where) {
    return (v.errors ?? []).slice(0, 10).map((e) => `${where}${e.instancePath || ""} ${e.message ?? "is invalid"}`);
  }
  return {
    match(method, path) {
      const m = method.toUpperCase();
      for (const r of routes) {
        if (r.method !== m)
          continue;
        const hit = r.regex.exec(path);
        if (!hit)
          continue;
        const params = {};
        r.names.forEach((n, i) => params[n] = decodeURIComponent(hit[i + 1]));
        const op = paths[r.template][method.toLowerCase()];
        return { operationId: String(op.operationId), method: m, template: r.template, params };
      }
      return void 0;
    },
    validateRequest(match, query, body) {
      const op = paths[match.template][match.method.toLowerCase()];
      const problems = [];
      for (const p of (op.parameters ?? []).map(resolveParam)) {
        if (p.in !== "query")
          continue;
        const name = String(p.name);
        const raw = query.get(name);
        if (raw === null) {
          if (p.required === true)
            problems.push(`query parameter ${name} is required`);
          continue;
        }
        const schema2 = p.schema ?? {};
        const value = coerce(raw, schema2);
        const v = compile(`${match.operationId}?${name}`, schema2);
        if (!v(value))
          problems.push(...errorsOf(v, `query parameter ${name}`));
      }
      const requestBody = op.requestBody;
      const schema = requestBody?.content?.["application/json"]?.schema;
      if (body === void 0) {
        if (requestBody?.required === true)
          problems.push("a JSON request body is required");
      } else if (schema) {
        const v = compile(`${match.operationId}#body`, schema);
        if (!v(body))
          problems.push(...errorsOf(v, "body"));
      }
      return problems;
    },
    validateWebhook(event, action, payload) {
      const hooks = spec["x-webhooks"];
      const key = `${event}${action ? `-${action}` : ""}`.replace(/_/g, "-");
      const hook = hooks[key];
      if (!hook)
        return [`GitHub documents no webhook ${key}`];
      const schema = hook.post.requestBody.content["application/json"].schema;
      const v = compile(`webhook:${key}`, schema);
      return v(payload) ? [] : errorsOf(v, "payload");
    }
  };
}
function nullableToAnyOf(node) {
  const walk = (n) => {
    if (Array.isArray(n))
      return n.map(walk);
    if (!n || typeof n !== "object")
      return n;
    const out = {};
    for (const [k, v] of Object.entries(n))
      out[k] = walk(v);
    if (out.nullable === true && out.type === void 0) {
      const { nullable: _nullable, ...rest } = out;
      return { anyOf: [rest, { type: "null" }] };
    }
    return out;
  };
  return walk(node);
}
function coerce(raw, schema) {
  const type = schema.type;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(raw))
    return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false"))
    return raw === "true";
  return raw;
}

// dist/src/github/simulator/state.js
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
function createState() {
  let id = 9e9;
  return { repos: /* @__PURE__ */ new Map(), nextId: () => ++id };
}
function addRepo(state, init) {
  const key = `${init.owner}/${init.name}`.toLowerCase();
  const existing = state.repos.get(key);
  if (existing)
    return existing;
  const repo = {
    id: init.id ?? state.nextId(),
    owner: { login: init.owner, id: state.nextId(), type: init.ownerType ?? "Organization" },
    name: init.name,
    defaultBranch: init.defaultBranch ?? "main",
    refs: /* @__PURE__ */ new Map(),
    pulls: /* @__PURE__ */ new Map(),
    checkRuns: [],
    reviews: [],
    comments: []
  };
  state.repos.set(key, repo);
  return repo;
}
function findRepo(state, owner, name) {
  return state.repos.get(`${owner}/${name}`.toLowerCase());
}
function setFile(repo, ref, path, content) {
  let files = repo.refs.get(ref);
  if (!files)
    repo.refs.set(ref, files = /* @__PURE__ */ new Map());
  files.set(path, content);
}
function addPull(repo, init) {
  const { files, ...given } = init;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== void 0));
  const pull = {
    title: `Pull request #${init.number}`,
    body: "",
    state: "open",
    draft: false,
    user: { login: "contributor", id: 1, type: "User" },
    base: { ref: repo.defaultBranch, sha: "0".repeat(40) },
    ...defined,
    filesBySha: repo.pulls.get(init.number)?.filesBySha ?? /* @__PURE__ */ new Map()
  };
  if (files)
    pull.filesBySha.set(pull.head.sha, files);
  repo.pulls.set(pull.number, pull);
  return pull;
}
function currentFiles(pull) {
  return pull.filesBySha.get(pull.head.sha) ?? [];
}
function loadRepoDir(repo, dir) {
  const branchDir = join(dir, "default-branch");
  for (const [path, content] of readTree(branchDir))
    setFile(repo, repo.defaultBranch, path, content);
  const commitsDir = join(dir, "commits");
  for (const sha of listDir(commitsDir)) {
    for (const [path, content] of readTree(join(commitsDir, sha)))
      setFile(repo, sha, path, content);
  }
  const pullsDir = join(dir, "pulls");
  for (const number of listDir(pullsDir)) {
    for (const file of listDir(join(pullsDir, number))) {
      if (!file.endsWith(".diff"))
        continue;
      const sha = file.slice(0, -".diff".length);
      const text = readFileSync(join(pullsDir, number, file), "utf8");
      let files;
      try {
        files = filesFromGitDiff(text);
      } catch (e) {
        throw new Error(`${join(pullsDir, number, file)}: ${e.message}`);
      }
      const n = Number(number);
      const pull = repo.pulls.get(n) ?? addPull(repo, { number: n, head: { ref: `pr-${n}`, sha } });
      pull.filesBySha.set(sha, files);
    }
  }
}
function seedFromWebhook(state, payload) {
  const r = payload.repository;
  if (!r?.name || !r.owner?.login)
    return void 0;
  const repo = addRepo(state, {
    owner: r.owner.login,
    name: r.name,
    id: r.id,
    defaultBranch: r.default_branch,
    ownerType: r.owner.type === "User" ? "User" : "Organization"
  });
  const pr = payload.pull_request;
  if (pr?.number) {
    addPull(repo, {
      number: pr.number,
      title: pr.title ?? "",
      body: pr.body ?? "",
      state: pr.state === "closed" ? "closed" : "open",
      draft: pr.draft === true,
      user: pr.user ? { login: pr.user.login, id: pr.user.id, type: "User" } : void 0,
      head: { ref: pr.head.ref, sha: pr.head.sha },
      base: { ref: pr.base.ref, sha: pr.base.sha },
      template: pr
    });
  }
  const run = payload.check_run;
  for (const p of run?.pull_requests ?? []) {
    if (repo.pulls.has(p.number))
      continue;
    addPull(repo, { number: p.number, head: { ref: p.head.ref, sha: p.head.sha }, base: { ref: p.base.ref, sha: p.base.sha } });
  }
  return repo;
}
function listDir(dir) {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
function readTree(dir) {
  if (!existsSync(dir))
    return [];
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory())
        walk(full);
      else
        out.push([relative(dir, full).split(sep).join("/"), readFileSync(full, "utf8")]);
    }
  };
  walk(dir);
  return out;
}

// dist/src/github/simulator/server.js
var DOCS = "https://docs.github.com/rest";
var MAX_BODY_BYTES = 5 * 1024 * 1024;
var MAX_LISTED_FILES = 3e3;
var MAX_COMMENT_BODY = 65536;
var HttpError = class extends Error {
  status;
  body;
  constructor(status, body) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
};
async function startSimulator(options = {}) {
  const state = options.state ?? createState();
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const validator = options.validate === false ? void 0 : typeof options.validate === "object" ? options.validate : await loadOpenApiValidator();
  const publicKey = options.app ? typeof options.app.publicKey === "string" ? createPublicKey(options.app.publicKey) : options.app.publicKey : void 0;
  const tokens = new Map(Object.entries(options.tokens ?? {}));
  const requests = [];
  const hooks = [];
  const canned = [];
  const installations = new Set(options.app ? [options.app.installationId].flat() : []);
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      send(res, { status: 500, json: { message: `simulator error: ${e.message}` } });
    });
  });
  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const path = url.pathname.startsWith("/api/v3/") ? url.pathname.slice("/api/v3".length) : url.pathname;
    const base = `http://${req.headers.host}${url.pathname.startsWith("/api/v3/") ? "/api/v3" : ""}`;
    const method = (req.method ?? "GET").toUpperCase();
    const record = { method, path, query: url.search, status: 0 };
    requests.push(record);
    takeOnce(hooks, method, path)?.hook(record);
    let reply;
    try {
      const raw = await readBody(req);
      const body = raw === void 0 ? void 0 : parseJson(raw);
      record.body = body;
      const graphql = method === "POST" && (url.pathname === "/graphql" || url.pathname === "/api/graphql");
      const op = graphql ? GRAPHQL_OPERATION : validator ? validator.match(method, path) : looseMatch(method, path);
      if (!op) {
        record.invalid = true;
        record.problems = [`GitHub documents no ${method} ${path}`];
        throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
      }
      record.operationId = op.operationId;
      if (validator && !graphql) {
        const problems = validator.validateRequest(op, url.searchParams, body);
        if (problems.length > 0) {
          record.problems = problems;
          record.invalid = true;
          throw new HttpError(422, { message: `Invalid request.

${problems.join("\n")}`, documentation_url: DOCS, status: "422" });
        }
      }
      const identity = authenticate(req, op);
      const answer = takeOnce(canned, method, path)?.reply;
      reply = answer ? { status: answer.status, json: answer.json ?? {}, headers: answer.headers } : await route({ req, op, query: url.searchParams, body, identity, base, path });
    } catch (e) {
      if (!(e instanceof HttpError))
        throw e;
      reply = { status: e.status, json: e.body };
      if (e.status === 501) {
        record.invalid = true;
        record.problems = [String(e.body.message)];
      }
      if (e.status === 422 && !record.problems)
        record.problems = e.body.errors ?? [String(e.body.message)];
    }
    record.status = reply.status;
    send(res, reply);
  }
  function authenticate(req, op) {
    const header = req.headers.authorization ?? "";
    const [scheme, credential] = header.split(/\s+/, 2);
    if (op.operationId === "apps/create-installation-access-token") {
      if (scheme?.toLowerCase() !== "bearer" || !credential || !options.app || !verifyJwt(credential)) {
        throw new HttpError(401, { message: "A JSON web token could not be decoded", documentation_url: DOCS, status: "401" });
      }
      return { login: `${options.app.slug}[bot]`, id: options.app.id, type: "Bot", appSlug: options.app.slug, appId: options.app.id };
    }
    const slug = credential ? tokens.get(credential) : void 0;
    if (!slug || !["token", "bearer"].includes(scheme?.toLowerCase() ?? "")) {
      throw new HttpError(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });
    }
    const appId = options.app && options.app.slug === slug ? options.app.id : 15368;
    return { login: `${slug}[bot]`, id: 41898282, type: "Bot", appSlug: slug, appId };
  }
  function verifyJwt(jwt) {
    const parts = jwt.split(".");
    if (parts.length !== 3 || !publicKey || !options.app)
      return false;
    const verifier = createVerify("RSA-SHA256");
    verifier.update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(publicKey, Buffer.from(parts[2], "base64url")))
      return false;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
      return String(claims.iss) === String(options.app.id) && typeof claims.exp === "number" && claims.exp * 1e3 > now().getTime();
    } catch {
      return false;
    }
  }
  async function route(call) {
    const { op } = call;
    switch (op.operationId) {
      case "apps/create-installation-access-token":
        return createToken(call);
      case "pulls/get":
        return getPull(call);
      case "pulls/list-files":
        return paginate(call, currentFiles(pull(call)).slice(0, MAX_LISTED_FILES).map((f) => fileJson(call, f)));
      case "pulls/list-review-comments":
        return paginate(call, repoOf(call).comments.filter((c) => c.pull === pull(call).number).map((c) => commentJson(call, c)));
      case "pulls/list-reviews":
        return paginate(call, repoOf(call).reviews.filter((r) => r.pull === pull(call).number).map((r) => reviewJson(call, r)));
      case "pulls/create-review":
        return createReview(call);
      case "repos/get-content":
        return getContent(call);
      case "checks/create":
        return createCheckRun(call);
      case "checks/update":
        return updateCheckRun(call);
      case "checks/list-for-ref":
        return listCheckRuns(call);
      case "graphql":
        return graphqlViewer(call);
      default:
        throw new HttpError(501, { message: `simulator does not implement ${op.operationId} (${op.method} ${op.template})`, status: "501" });
    }
  }
  function graphqlViewer(call) {
    const query = String(call.body?.query ?? "");
    if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      throw new HttpError(501, { message: `simulator answers only the GraphQL query { viewer { login } }, not: ${query.slice(0, 200)}` });
    }
    return { status: 200, json: { data: { viewer: { login: call.identity.login } } } };
  }
  function createToken(call) {
    const installation = Number(call.op.params.installation_id);
    if (!options.app || !installations.has(installation)) {
      throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    }
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    tokens.set(token, options.app.slug);
    return {
      status: 201,
      json: {
        token,
        expires_at: new Date(now().getTime() + 36e5).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: { checks: "write", contents: "read", metadata: "read", pull_requests: "write" },
        repository_selection: "all"
      }
    };
  }
  function repoOf(call) {
    const repo = findRepo(state, call.op.params.owner, call.op.params.repo);
    if (!repo)
      throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return repo;
  }
  function pull(call) {
    const p = repoOf(call).pulls.get(Number(call.op.params.pull_number));
    if (!p)
      throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    return p;
  }
  function getPull(call) {
    const p = pull(call);
    const files = currentFiles(p);
    const accept = String(call.req.headers.accept ?? "");
    if (/\.(diff|patch)\b/.test(accept)) {
      if (p.diffStatus) {
        throw new HttpError(p.diffStatus, { message: "Sorry, the diff exceeded the maximum number of files (300).", documentation_url: DOCS, status: String(p.diffStatus) });
      }
      return { status: 200, text: gitDiffFromFiles(files), contentType: "application/vnd.github.diff; charset=utf-8" };
    }
    const repo = repoOf(call);
    const url = `${call.base}/repos/${repo.owner.login}/${repo.name}/pulls/${p.number}`;
    return {
      status: 200,
      json: {
        ...p.template ?? {},
        url,
        number: p.number,
        title: p.title,
        body: p.body,
        state: p.state,
        draft: p.draft,
        user: userJson(p.user),
        head: { ...p.template?.head ?? {}, ref: p.head.ref, sha: p.head.sha },
        base: { ...p.template?.base ?? {}, ref: p.base.ref, sha: p.base.sha },
        changed_files: p.changedFiles ?? files.length,
        additions: files.reduce((n, f) => n + f.additions, 0),
        deletions: files.reduce((n, f) => n + f.deletions, 0)
      }
    };
  }
  function fileJson(call, f) {
    const repo = repoOf(call);
    const head = pull(call).head.sha;
    return {
      sha: gitBlobSha(f.patch ?? f.filename),
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: `https://github.com/${repo.owner.login}/${repo.name}/blob/${head}/${f.filename}`,
      raw_url: `https://github.com/${repo.owner.login}/${repo.name}/raw/${head}/${f.filename}`,
      contents_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/contents/${f.filename}?ref=${head}`,
      ...f.patch !== void 0 ? { patch: f.patch } : {},
      ...f.previous_filename ? { previous_filename: f.previous_filename } : {}
    };
  }
  function createReview(call) {
    const p = pull(call);
    const repo = repoOf(call);
    const body = call.body;
    const unprocessable = (errors) => new HttpError(422, { message: "Unprocessable Entity", errors, documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`, status: "422" });
    if (body.commit_id && !p.filesBySha.has(body.commit_id) && body.commit_id !== p.head.sha) {
      throw unprocessable([`No commit found for SHA: ${body.commit_id}`]);
    }
    if (body.event === "REQUEST_CHANGES" && !body.body)
      throw unprocessable(["Review body is required for REQUEST_CHANGES"]);
    if ((body.body ?? "").length > MAX_COMMENT_BODY)
      throw unprocessable([`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`]);
    const files = p.filesBySha.get(body.commit_id ?? p.head.sha) ?? currentFiles(p);
    const problems = [];
    for (const c of body.comments ?? []) {
      const problem = commentProblem(c, files) ?? (c.body.length > MAX_COMMENT_BODY ? "Body is too long" : void 0);
      if (problem)
        problems.push(problem);
    }
    if (problems.length > 0)
      throw unprocessable(problems);
    const at = stamp();
    const review = {
      id: state.nextId(),
      pull: p.number,
      user: call.identity,
      body: body.body ?? "",
      state: body.event === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : body.event === "APPROVE" ? "APPROVED" : body.event === "COMMENT" ? "COMMENTED" : "PENDING",
      commit_id: body.commit_id ?? p.head.sha,
      submitted_at: at
    };
    repo.reviews.push(review);
    for (const c of body.comments ?? []) {
      const comment = {
        id: state.nextId(),
        pull: p.number,
        pull_request_review_id: review.id,
        user: call.identity,
        body: c.body,
        path: c.path,
        line: c.line ?? null,
        side: c.side ?? "RIGHT",
        start_line: c.start_line ?? null,
        start_side: c.start_line !== void 0 ? c.start_side ?? c.side ?? "RIGHT" : null,
        commit_id: review.commit_id,
        created_at: at
      };
      repo.comments.push(comment);
    }
    return { status: 200, json: reviewJson(call, review) };
  }
  function getContent(call) {
    const repo = repoOf(call);
    const ref = call.query.get("ref") ?? repo.defaultBranch;
    const files = repo.refs.get(ref);
    if (!files)
      throw new HttpError(404, { message: `No commit found for the ref ${ref}`, documentation_url: `${DOCS}/repos/contents#get-repository-content`, status: "404" });
    const path = call.op.params.path.replace(/^\/+|\/+$/g, "");
    const content = files.get(path);
    const accept = String(call.req.headers.accept ?? "");
    if (content === void 0) {
      const children = [...files.keys()].filter((p) => p.startsWith(`${path}/`));
      if (children.length === 0)
        throw new HttpError(404, { message: "Not Found", documentation_url: `${DOCS}/repos/contents#get-repository-content`, status: "404" });
      const names = [...new Set(children.map((c) => c.slice(path.length + 1).split("/")[0]))].sort();
      return { status: 200, json: names.map((name) => ({ name, path: `${path}/${name}`, type: files.has(`${path}/${name}`) ? "file" : "dir" })) };
    }
    if (/\.raw\b/.test(accept))
      return { status: 200, text: content, contentType: "text/plain; charset=utf-8" };
    const size = Buffer.byteLength(content, "utf8");
    const inline = size <= 1024 * 1024;
    const b64 = Buffer.from(content, "utf8").toString("base64").replace(/.{60}/g, "$&\n");
    const self = `${call.base}/repos/${repo.owner.login}/${repo.name}/contents/${path}?ref=${ref}`;
    return {
      status: 200,
      json: {
        type: "file",
        encoding: inline ? "base64" : "none",
        size,
        name: path.split("/").pop(),
        path,
        content: inline ? b64 : "",
        sha: gitBlobSha(content),
        url: self,
        git_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/git/blobs/${gitBlobSha(content)}`,
        html_url: `https://github.com/${repo.owner.login}/${repo.name}/blob/${ref}/${path}`,
        download_url: `https://raw.githubusercontent.com/${repo.owner.login}/${repo.name}/${ref}/${path}`,
        _links: { self, git: null, html: null }
      }
    };
  }
  function createCheckRun(call) {
    const repo = repoOf(call);
    const body = call.body;
    const run = {
      id: state.nextId(),
      name: String(body.name),
      head_sha: String(body.head_sha),
      external_id: body.external_id ?? null,
      status: body.conclusion ? "completed" : body.status ?? "queued",
      conclusion: body.conclusion ?? null,
      started_at: body.started_at ?? stamp(),
      completed_at: body.completed_at ?? (body.conclusion ? stamp() : null),
      output: { title: body.output?.title ?? null, summary: body.output?.summary ?? null, text: body.output?.text ?? null },
      annotations: [...body.output?.annotations ?? []],
      app: { id: call.identity.appId, slug: call.identity.appSlug },
      history: [body]
    };
    repo.checkRuns.push(run);
    return { status: 201, json: checkRunJson(call, run) };
  }
  function updateCheckRun(call) {
    const repo = repoOf(call);
    const run = repo.checkRuns.find((r) => r.id === Number(call.op.params.check_run_id));
    if (!run)
      throw new HttpError(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
    if (run.app.slug !== call.identity.appSlug)
      throw new HttpError(403, { message: "Resource not accessible by integration", documentation_url: DOCS, status: "403" });
    const body = call.body;
    run.history.push(body);
    if (body.status)
      run.status = String(body.status);
    if (body.conclusion) {
      run.conclusion = String(body.conclusion);
      run.status = "completed";
      run.completed_at = body.completed_at ?? stamp();
    }
    if (body.output) {
      run.output = { title: body.output.title ?? run.output.title, summary: body.output.summary ?? run.output.summary, text: body.output.text ?? run.output.text };
      run.annotations.push(...body.output.annotations ?? []);
    }
    return { status: 200, json: checkRunJson(call, run) };
  }
  function listCheckRuns(call) {
    const repo = repoOf(call);
    const ref = call.op.params.ref;
    const name = call.query.get("check_name");
    let runs = repo.checkRuns.filter((r) => r.head_sha === ref && (!name || r.name === name));
    if ((call.query.get("filter") ?? "latest") === "latest") {
      const latest = /* @__PURE__ */ new Map();
      for (const r of runs)
        latest.set(r.name, r);
      runs = [...latest.values()];
    }
    runs = [...runs].reverse();
    return { status: 200, json: { total_count: runs.length, check_runs: runs.map((r) => checkRunJson(call, r)) } };
  }
  function paginate(call, items) {
    const perPage = Math.min(100, Math.max(1, Number(call.query.get("per_page") ?? 30)));
    const page = Math.max(1, Number(call.query.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links = [];
    const link = (n, rel) => {
      const q = new URLSearchParams(call.query);
      q.set("per_page", String(perPage));
      q.set("page", String(n));
      links.push(`<${call.base}${call.path}?${q.toString()}>; rel="${rel}"`);
    };
    if (page < last) {
      link(page + 1, "next");
      link(last, "last");
    }
    if (page > 1) {
      link(1, "first");
      link(page - 1, "prev");
    }
    return { status: 200, json: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(", ") } : {} };
  }
  function reviewJson(call, r) {
    const repo = repoOf(call);
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: userJson(r.user),
      body: r.body,
      state: r.state,
      html_url: `https://github.com/${repo.owner.login}/${repo.name}/pull/${r.pull}#pullrequestreview-${r.id}`,
      pull_request_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/pulls/${r.pull}`,
      commit_id: r.commit_id,
      submitted_at: r.submitted_at,
      author_association: "NONE",
      _links: { html: { href: "" }, pull_request: { href: "" } }
    };
  }
  function commentJson(call, c) {
    const repo = repoOf(call);
    return {
      id: c.id,
      node_id: `PRRC_${c.id}`,
      pull_request_review_id: c.pull_request_review_id,
      path: c.path,
      commit_id: c.commit_id,
      original_commit_id: c.commit_id,
      user: userJson(c.user),
      body: c.body,
      created_at: c.created_at,
      updated_at: c.created_at,
      html_url: `https://github.com/${repo.owner.login}/${repo.name}/pull/${c.pull}#discussion_r${c.id}`,
      pull_request_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/pulls/${c.pull}`,
      line: c.line,
      original_line: c.line,
      side: c.side,
      start_line: c.start_line,
      original_start_line: c.start_line,
      start_side: c.start_side,
      author_association: "NONE"
    };
  }
  function checkRunJson(call, r) {
    const repo = repoOf(call);
    return {
      id: r.id,
      node_id: `CR_${r.id}`,
      name: r.name,
      head_sha: r.head_sha,
      external_id: r.external_id,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      url: `${call.base}/repos/${repo.owner.login}/${repo.name}/check-runs/${r.id}`,
      html_url: `https://github.com/${repo.owner.login}/${repo.name}/runs/${r.id}`,
      details_url: `https://github.com/apps/${r.app.slug}`,
      output: { ...r.output, annotations_count: r.annotations.length, annotations_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/check-runs/${r.id}/annotations` },
      app: { id: r.app.id, slug: r.app.slug, name: r.app.slug, node_id: `A_${r.app.id}` },
      pull_requests: [...repo.pulls.values()].filter((p) => p.head.sha === r.head_sha).map((p) => ({ number: p.number, head: { ref: p.head.ref, sha: p.head.sha }, base: { ref: p.base.ref, sha: p.base.sha } }))
    };
  }
  function stamp() {
    return now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    state,
    requests,
    invalidRequests: () => requests.filter((r) => r.invalid === true),
    once(method, path, hook) {
      hooks.push({ method: method.toUpperCase(), path, hook });
    },
    replyOnce(method, path, reply) {
      canned.push({ method: method.toUpperCase(), path, reply });
    },
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => e ? reject(e) : resolve());
    })
  };
}
var GRAPHQL_OPERATION = { operationId: "graphql", method: "POST", template: "/graphql", params: {} };
function takeOnce(list, method, path) {
  const at = list.findIndex((e) => e.method === method && e.path.test(path));
  return at >= 0 ? list.splice(at, 1)[0] : void 0;
}
function userJson(u) {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    type: u.type,
    site_admin: false,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    url: `https://api.github.com/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${encodeURIComponent(u.login)}`
  };
}
function gitBlobSha(content) {
  const buf = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${buf.length}\0`).update(buf).digest("hex");
}
function looseMatch(method, path) {
  const table = [
    ["POST", /^\/app\/installations\/([^/]+)\/access_tokens$/, "apps/create-installation-access-token", ["installation_id"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/, "pulls/get", ["owner", "repo", "pull_number"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/, "pulls/list-files", ["owner", "repo", "pull_number"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/comments$/, "pulls/list-review-comments", ["owner", "repo", "pull_number"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/, "pulls/list-reviews", ["owner", "repo", "pull_number"]],
    ["POST", /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/, "pulls/create-review", ["owner", "repo", "pull_number"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/, "repos/get-content", ["owner", "repo", "path"]],
    ["POST", /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/, "checks/create", ["owner", "repo"]],
    ["PATCH", /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/, "checks/update", ["owner", "repo", "check_run_id"]],
    ["GET", /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/, "checks/list-for-ref", ["owner", "repo", "ref"]]
  ];
  for (const [m, re, operationId, names] of table) {
    const hit = m === method ? re.exec(path) : null;
    if (!hit)
      continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1])]));
    return { operationId, method, template: path, params };
  }
  return void 0;
}
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, { message: "Request body too large", status: "413" });
    chunks.push(chunk);
  }
  if (size === 0)
    return void 0;
  return Buffer.concat(chunks).toString("utf8");
}
function parseJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, { message: "Problems parsing JSON", documentation_url: DOCS, status: "400" });
  }
}
function send(res, reply) {
  const payload = reply.text ?? (reply.json === void 0 ? "" : JSON.stringify(reply.json));
  res.writeHead(reply.status, {
    "content-type": reply.text !== void 0 ? reply.contentType ?? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "x-github-media-type": "github.v3; format=json",
    ...reply.headers ?? {}
  });
  res.end(payload);
}
export {
  addPull,
  addRepo,
  commentProblem,
  createState,
  currentFiles,
  filesFromGitDiff,
  findRepo,
  gitDiffFromFiles,
  loadOpenApiValidator,
  loadRepoDir,
  patchLines,
  seedFromWebhook,
  setFile,
  startSimulator
};
