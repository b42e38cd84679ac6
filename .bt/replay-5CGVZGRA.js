import "./chunk-4VNS5WPM.js";

// dist/src/github/replay.js
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var USAGE = `usage: p2pdma-review replay <webhook.json> [--repo-dir DIR] [--json] [--no-validate]

Runs the GitHub App handler on a recorded webhook against a local GitHub API simulator and prints
the requests it would make. The file is a webhook payload named <event>.<action>[...].json (e.g.
pull_request.opened.json) or an object {"name": "<event>", "payload": {...}}. Repository files,
pull request diffs and configuration come from --repo-dir (default: repos/<owner>/<repo>/ next to
the file; see fixtures/webhooks/README.md for the layout).
`;
async function runReplay(argv, out, err) {
  const args = parseArgs(argv);
  if ("error" in args) {
    err.write(`p2pdma-review replay: ${args.error}

${USAGE}`);
    return 2;
  }
  if (args.help) {
    out.write(USAGE);
    return 0;
  }
  let webhook;
  try {
    webhook = readWebhook(args.file);
  } catch (e) {
    err.write(`p2pdma-review replay: ${e.message}
`);
    return 2;
  }
  const sim = await import("./simulator-VZ222W5A.js");
  const state = sim.createState();
  const repo = sim.seedFromWebhook(state, webhook.payload);
  if (!repo) {
    err.write(`p2pdma-review replay: ${args.file}: the payload has no repository
`);
    return 2;
  }
  const repoDir = args.repoDir ?? join(dirname(args.file), "repos", repo.owner.login, repo.name);
  if (existsSync(repoDir)) {
    try {
      sim.loadRepoDir(repo, repoDir);
    } catch (e) {
      err.write(`p2pdma-review replay: ${e.message}
`);
      return 2;
    }
  } else {
    err.write(`note: ${repoDir} does not exist: the pull request has no files and the repository no configuration
`);
  }
  let validate = args.validate;
  if (validate) {
    try {
      await sim.loadOpenApiValidator();
    } catch (e) {
      err.write(`note: requests are not checked against GitHub's OpenAPI description: ${e.message}
`);
      validate = false;
    }
  }
  const installationId = Number(webhook.payload.installation?.id ?? 1);
  const appId = 1;
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const server = await sim.startSimulator({
    app: { id: appId, slug: "p2pdma-review", publicKey: keys.publicKey, installationId },
    state,
    validate
  });
  let failure;
  try {
    const { Probot, ProbotOctokit } = await import("probot");
    const probot = new Probot({
      appId,
      privateKey: keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      baseUrl: server.url,
      logLevel: "fatal",
      // A dry run reports what happened; retrying would print the same request several times, and
      // throttling could hold writes back. (Function form: Probot merges its throttle options over
      // object defaults, which would re-enable throttling; the App's clients keep it off.)
      Octokit: ProbotOctokit.defaults((options) => ({
        ...options,
        retry: { enabled: false },
        throttle: { ...options.throttle, enabled: false }
      }))
    });
    const app = (await import("./app-RXDSZWOE.js")).default;
    await probot.load(app);
    await probot.receive({ id: webhook.id, name: webhook.name, payload: webhook.payload });
  } catch (e) {
    const errors = e instanceof AggregateError ? e.errors : [e];
    failure = errors.map((x) => x instanceof Error ? x.message : String(x)).join("; ");
  } finally {
    await server.close();
  }
  const requests = server.requests;
  if (args.json) {
    out.write(JSON.stringify({ event: webhook.name, action: webhook.payload.action ?? null, requests: requests.map(summarise), error: failure ?? null }, null, 2) + "\n");
  } else {
    out.write(`${webhook.name}.${String(webhook.payload.action ?? "")} (${args.file}): ${requests.length} request(s)
`);
    for (const r of requests)
      out.write(formatRequest(r));
    const writes = requests.filter((r) => r.method !== "GET" && r.operationId !== "apps/create-installation-access-token").length;
    out.write(`${writes} write(s). Dry run: nothing was sent to GitHub.
`);
  }
  const invalid = requests.filter((r) => r.invalid);
  for (const r of invalid)
    err.write(`error: ${r.method} ${r.path} would be rejected by GitHub: ${(r.problems ?? []).join("; ")}
`);
  if (failure)
    err.write(`error: the App handler failed: ${failure}
`);
  return failure || invalid.length > 0 ? 1 : 0;
}
function readWebhook(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`${file}: cannot read: ${e.code ?? e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON: ${e.message}`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new Error(`${file}: expected a JSON object`);
  const obj = json;
  if (typeof obj.name === "string" && obj.payload && typeof obj.payload === "object") {
    return { name: obj.name, id: typeof obj.id === "string" ? obj.id : `replay-${basename(file)}`, payload: obj.payload };
  }
  const name = basename(file).split(".")[0];
  if (!/^[a-z_]+$/.test(name) || !("action" in obj || "ref" in obj)) {
    throw new Error(`${file}: cannot tell which event this is: name the file <event>.<action>.json (e.g. pull_request.opened.json) or wrap it as {"name": "<event>", "payload": {...}}`);
  }
  return { name, id: `replay-${basename(file)}`, payload: obj };
}
function summarise(r) {
  return { method: r.method, path: r.path + r.query, status: r.status, operation: r.operationId ?? null, body: summariseBody(r) };
}
function summariseBody(r) {
  const b = r.body;
  if (!b || r.operationId === "apps/create-installation-access-token")
    return null;
  const output = b.output;
  switch (r.operationId) {
    case "checks/create":
    case "checks/update":
      return {
        ...b.name ? { name: b.name } : {},
        ...b.head_sha ? { head_sha: b.head_sha } : {},
        ...b.status ? { status: b.status } : {},
        ...b.conclusion ? { conclusion: b.conclusion } : {},
        ...output?.title ? { title: output.title } : {},
        ...output?.annotations ? { annotations: output.annotations.length } : {}
      };
    case "pulls/create-review": {
      const comments = b.comments ?? [];
      return {
        event: b.event,
        commit_id: b.commit_id,
        body: firstLines(String(b.body ?? "")),
        comments: comments.map((c) => `${c.path}:${c.start_line ? `${c.start_line}-` : ""}${c.line} ${c.side ?? "RIGHT"}`)
      };
    }
    default:
      return { keys: Object.keys(b) };
  }
}
function formatRequest(r) {
  const lines = [`${r.method} ${r.path}${r.query} -> ${r.status}${r.operationId ? `  (${r.operationId})` : ""}
`];
  const body = summariseBody(r);
  if (body) {
    for (const [k, v] of Object.entries(body)) {
      if (Array.isArray(v)) {
        lines.push(`    ${k}: ${v.length}
`);
        for (const item of v)
          lines.push(`      - ${String(item)}
`);
      } else
        lines.push(`    ${k}: ${String(v).replace(/\n/g, "\n      ")}
`);
    }
  }
  if (r.problems && r.problems.length > 0)
    lines.push(`    refused: ${r.problems.join("; ")}
`);
  return lines.join("");
}
function firstLines(body) {
  const visible = body.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("<!--"));
  return visible.slice(0, 3).join("\n") + (visible.length > 3 ? `
(${visible.length - 3} more lines)` : "");
}
function parseArgs(argv) {
  let file;
  let repoDir;
  let json = false;
  let validate = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h")
      return { file: "", json, validate, help: true };
    if (a === "--json")
      json = true;
    else if (a === "--no-validate")
      validate = false;
    else if (a === "--repo-dir") {
      repoDir = argv[++i];
      if (!repoDir)
        return { error: "--repo-dir needs a directory" };
    } else if (a.startsWith("--repo-dir="))
      repoDir = a.slice("--repo-dir=".length);
    else if (a.startsWith("-"))
      return { error: `unknown option ${a}` };
    else if (file)
      return { error: `one webhook file at a time (got ${file} and ${a})` };
    else
      file = a;
  }
  if (!file)
    return { error: "missing the webhook file" };
  return { file, repoDir, json, validate, help: false };
}
export {
  readWebhook,
  runReplay,
  summarise
};
