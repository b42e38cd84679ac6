// A local GitHub REST API on a loopback HTTP port, for end-to-end tests and `replay`: App JWT and
// installation-token auth, the endpoints the App uses (plus GraphQL's `viewer { login }`), request
// bodies checked against GitHub's OpenAPI description, and GitHub's 422 for review comments outside
// the diff. Tests can make it answer a request with a canned reply (a rate limit, say) once.
import { createHash, createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commentProblem, gitDiffFromFiles, type DraftComment } from './diff.js';
import { loadOpenApiValidator, type OpenApiValidator, type OperationMatch } from './openapi.js';
import {
  createState,
  currentFiles,
  findRepo,
  type SimAnnotation,
  type SimCheckRun,
  type SimPull,
  type SimRepo,
  type SimReview,
  type SimReviewComment,
  type SimState,
  type SimUser,
} from './state.js';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** The App the simulator issues installation tokens to (JWTs are verified with `appPublicKey`), for one or several installations. */
  app?: { id: number; slug: string; publicKey: string | KeyObject; installationId: number | readonly number[] };
  /** Tokens accepted as-is (GitHub Actions' GITHUB_TOKEN), mapped to the app slug they act as. */
  tokens?: Record<string, string>;
  /** `true` (default): validate against @octokit/openapi; `false`: skip; or a loaded validator. */
  validate?: boolean | OpenApiValidator;
  state?: SimState;
  now?: () => Date;
}

/** One request the simulator answered. */
export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v3` prefix and query. */
  path: string;
  query: string;
  operationId?: string;
  status: number;
  body?: unknown;
  /** Why the request was refused (validation problems, 422 reasons), if it was. */
  problems?: string[];
  /**
   * The request is one api.github.com would not accept as written: undocumented endpoint, or query
   * or body not matching GitHub's OpenAPI description (or an endpoint the simulator lacks).
   */
  invalid?: boolean;
}

export interface GitHubSimulator {
  /** `http://127.0.0.1:<port>`: use as Octokit `baseUrl` (the simulator also serves `/api/v3/...`). */
  readonly url: string;
  /** `127.0.0.1:<port>`: set as `GHE_HOST` (with `GHE_PROTOCOL=http`) to point Probot here. */
  readonly host: string;
  readonly state: SimState;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests refused because GitHub's description says they are malformed (should stay empty). */
  invalidRequests(): RecordedRequest[];
  /** Runs `hook` once, before the next request matching `method` and `path` is handled. */
  once(method: string, path: RegExp, hook: (req: RecordedRequest) => void): void;
  /** Answers the next (authenticated) request matching `method` and `path` with `reply` instead of handling it. */
  replyOnce(method: string, path: RegExp, reply: CannedReply): void;
  close(): Promise<void>;
}

/** A reply given instead of the simulated one (see {@link GitHubSimulator.replyOnce}). */
export interface CannedReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

const DOCS = 'https://docs.github.com/rest';
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_LISTED_FILES = 3000;
const MAX_COMMENT_BODY = 65536;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

interface Call {
  req: IncomingMessage;
  op: OperationMatch;
  query: URLSearchParams;
  body: unknown;
  identity: SimUser & { appSlug: string; appId: number };
  base: string;
  path: string;
}

interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Starts the simulator on 127.0.0.1 (an ephemeral port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<GitHubSimulator> {
  const state = options.state ?? createState();
  const now = options.now ?? (() => new Date());
  const validator =
    options.validate === false ? undefined : typeof options.validate === 'object' ? options.validate : await loadOpenApiValidator();
  const publicKey = options.app ? (typeof options.app.publicKey === 'string' ? createPublicKey(options.app.publicKey) : options.app.publicKey) : undefined;
  const tokens = new Map<string, string>(Object.entries(options.tokens ?? {}));
  const requests: RecordedRequest[] = [];
  const hooks: Array<{ method: string; path: RegExp; hook: (r: RecordedRequest) => void }> = [];
  const canned: Array<{ method: string; path: RegExp; reply: CannedReply }> = [];
  const installations = new Set<number>(options.app ? [options.app.installationId].flat() : []);

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      send(res, { status: 500, json: { message: `simulator error: ${(e as Error).message}` } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    // GitHub Enterprise Server serves the API under /api/v3 (Probot's GHE_HOST baseUrl).
    const path = url.pathname.startsWith('/api/v3/') ? url.pathname.slice('/api/v3'.length) : url.pathname;
    const base = `http://${req.headers.host}${url.pathname.startsWith('/api/v3/') ? '/api/v3' : ''}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = { method, path, query: url.search, status: 0 };
    requests.push(record);
    takeOnce(hooks, method, path)?.hook(record);
    let reply: Reply;
    try {
      const raw = await readBody(req);
      const body = raw === undefined ? undefined : parseJson(raw);
      record.body = body;
      // GraphQL lives at /graphql (/api/graphql on GHES) and is not in the REST description.
      const graphql = method === 'POST' && (url.pathname === '/graphql' || url.pathname === '/api/graphql');
      const op = graphql ? GRAPHQL_OPERATION : validator ? validator.match(method, path) : looseMatch(method, path);
      if (!op) {
        record.invalid = true;
        record.problems = [`GitHub documents no ${method} ${path}`];
        throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      }
      record.operationId = op.operationId;
      if (validator && !graphql) {
        const problems = validator.validateRequest(op, url.searchParams, body);
        if (problems.length > 0) {
          record.problems = problems;
          record.invalid = true;
          throw new HttpError(422, { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: DOCS, status: '422' });
        }
      }
      const identity = authenticate(req, op);
      const answer = takeOnce(canned, method, path)?.reply;
      reply = answer
        ? { status: answer.status, json: answer.json ?? {}, headers: answer.headers }
        : await route({ req, op, query: url.searchParams, body, identity, base, path });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      reply = { status: e.status, json: e.body };
      if (e.status === 501) {
        record.invalid = true;
        record.problems = [String(e.body.message)];
      }
      if (e.status === 422 && !record.problems) record.problems = (e.body.errors as string[] | undefined) ?? [String(e.body.message)];
    }
    record.status = reply.status;
    send(res, reply);
  }

  function authenticate(req: IncomingMessage, op: OperationMatch): Call['identity'] {
    const header = req.headers.authorization ?? '';
    const [scheme, credential] = header.split(/\s+/, 2);
    if (op.operationId === 'apps/create-installation-access-token') {
      if (scheme?.toLowerCase() !== 'bearer' || !credential || !options.app || !verifyJwt(credential)) {
        throw new HttpError(401, { message: 'A JSON web token could not be decoded', documentation_url: DOCS, status: '401' });
      }
      return { login: `${options.app.slug}[bot]`, id: options.app.id, type: 'Bot', appSlug: options.app.slug, appId: options.app.id };
    }
    const slug = credential ? tokens.get(credential) : undefined;
    if (!slug || !['token', 'bearer'].includes(scheme?.toLowerCase() ?? '')) {
      throw new HttpError(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    }
    const appId = options.app && options.app.slug === slug ? options.app.id : 15368; // 15368: the github-actions app
    return { login: `${slug}[bot]`, id: 41898282, type: 'Bot', appSlug: slug, appId };
  }

  function verifyJwt(jwt: string): boolean {
    const parts = jwt.split('.');
    if (parts.length !== 3 || !publicKey || !options.app) return false;
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(publicKey, Buffer.from(parts[2], 'base64url'))) return false;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { iss?: unknown; exp?: number };
      return String(claims.iss) === String(options.app.id) && typeof claims.exp === 'number' && claims.exp * 1000 > now().getTime();
    } catch {
      return false;
    }
  }

  async function route(call: Call): Promise<Reply> {
    const { op } = call;
    switch (op.operationId) {
      case 'apps/create-installation-access-token':
        return createToken(call);
      case 'pulls/get':
        return getPull(call);
      case 'pulls/list-files':
        return paginate(call, currentFiles(pull(call)).slice(0, MAX_LISTED_FILES).map((f) => fileJson(call, f)));
      case 'pulls/list-review-comments':
        return paginate(call, repoOf(call).comments.filter((c) => c.pull === pull(call).number).map((c) => commentJson(call, c)));
      case 'pulls/list-reviews':
        return paginate(call, repoOf(call).reviews.filter((r) => r.pull === pull(call).number).map((r) => reviewJson(call, r)));
      case 'pulls/create-review':
        return createReview(call);
      case 'repos/get-content':
        return getContent(call);
      case 'checks/create':
        return createCheckRun(call);
      case 'checks/update':
        return updateCheckRun(call);
      case 'checks/list-for-ref':
        return listCheckRuns(call);
      case 'graphql':
        return graphqlViewer(call);
      default:
        throw new HttpError(501, { message: `simulator does not implement ${op.operationId} (${op.method} ${op.template})`, status: '501' });
    }
  }

  // Only the query the App makes: which login its token writes as.
  function graphqlViewer(call: Call): Reply {
    const query = String((call.body as { query?: unknown } | undefined)?.query ?? '');
    if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      throw new HttpError(501, { message: `simulator answers only the GraphQL query { viewer { login } }, not: ${query.slice(0, 200)}` });
    }
    return { status: 200, json: { data: { viewer: { login: call.identity.login } } } };
  }

  function createToken(call: Call): Reply {
    const installation = Number(call.op.params.installation_id);
    if (!options.app || !installations.has(installation)) {
      throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    }
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    tokens.set(token, options.app.slug);
    return {
      status: 201,
      json: {
        token,
        expires_at: new Date(now().getTime() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'write' },
        repository_selection: 'all',
      },
    };
  }

  function repoOf(call: Call): SimRepo {
    const repo = findRepo(state, call.op.params.owner, call.op.params.repo);
    if (!repo) throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    return repo;
  }

  function pull(call: Call): SimPull {
    const p = repoOf(call).pulls.get(Number(call.op.params.pull_number));
    if (!p) throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    return p;
  }

  function getPull(call: Call): Reply {
    const p = pull(call);
    const files = currentFiles(p);
    const accept = String(call.req.headers.accept ?? '');
    if (/\.(diff|patch)\b/.test(accept)) {
      if (p.diffStatus) {
        throw new HttpError(p.diffStatus, { message: 'Sorry, the diff exceeded the maximum number of files (300).', documentation_url: DOCS, status: String(p.diffStatus) });
      }
      return { status: 200, text: gitDiffFromFiles(files), contentType: 'application/vnd.github.diff; charset=utf-8' };
    }
    const repo = repoOf(call);
    const url = `${call.base}/repos/${repo.owner.login}/${repo.name}/pulls/${p.number}`;
    return {
      status: 200,
      json: {
        ...(p.template ?? {}),
        url,
        number: p.number,
        title: p.title,
        body: p.body,
        state: p.state,
        draft: p.draft,
        user: userJson(p.user),
        head: { ...((p.template?.head as object) ?? {}), ref: p.head.ref, sha: p.head.sha },
        base: { ...((p.template?.base as object) ?? {}), ref: p.base.ref, sha: p.base.sha },
        changed_files: p.changedFiles ?? files.length,
        additions: files.reduce((n, f) => n + f.additions, 0),
        deletions: files.reduce((n, f) => n + f.deletions, 0),
      },
    };
  }

  function fileJson(call: Call, f: ReturnType<typeof currentFiles>[number]) {
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
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
      ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    };
  }

  function createReview(call: Call): Reply {
    const p = pull(call);
    const repo = repoOf(call);
    const body = call.body as { commit_id?: string; body?: string; event?: string; comments?: DraftComment[] };
    const unprocessable = (errors: string[]) =>
      new HttpError(422, { message: 'Unprocessable Entity', errors, documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`, status: '422' });
    if (body.commit_id && !p.filesBySha.has(body.commit_id) && body.commit_id !== p.head.sha) {
      throw unprocessable([`No commit found for SHA: ${body.commit_id}`]);
    }
    if (body.event === 'REQUEST_CHANGES' && !body.body) throw unprocessable(['Review body is required for REQUEST_CHANGES']);
    if ((body.body ?? '').length > MAX_COMMENT_BODY) throw unprocessable([`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`]);
    const files = p.filesBySha.get(body.commit_id ?? p.head.sha) ?? currentFiles(p);
    const problems: string[] = [];
    for (const c of body.comments ?? []) {
      const problem = commentProblem(c, files) ?? (c.body.length > MAX_COMMENT_BODY ? 'Body is too long' : undefined);
      if (problem) problems.push(problem);
    }
    // GitHub creates a review with its comments atomically: one bad comment fails the whole request.
    if (problems.length > 0) throw unprocessable(problems);
    const at = stamp();
    const review: SimReview = {
      id: state.nextId(),
      pull: p.number,
      user: call.identity,
      body: body.body ?? '',
      state: body.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : body.event === 'APPROVE' ? 'APPROVED' : body.event === 'COMMENT' ? 'COMMENTED' : 'PENDING',
      commit_id: body.commit_id ?? p.head.sha,
      submitted_at: at,
    };
    repo.reviews.push(review);
    for (const c of body.comments ?? []) {
      const comment: SimReviewComment = {
        id: state.nextId(),
        pull: p.number,
        pull_request_review_id: review.id,
        user: call.identity,
        body: c.body,
        path: c.path,
        line: c.line ?? null,
        side: c.side ?? 'RIGHT',
        start_line: c.start_line ?? null,
        start_side: c.start_line !== undefined ? (c.start_side ?? c.side ?? 'RIGHT') : null,
        commit_id: review.commit_id,
        created_at: at,
      };
      repo.comments.push(comment);
    }
    return { status: 200, json: reviewJson(call, review) };
  }

  function getContent(call: Call): Reply {
    const repo = repoOf(call);
    const ref = call.query.get('ref') ?? repo.defaultBranch;
    const files = repo.refs.get(ref);
    if (!files) throw new HttpError(404, { message: `No commit found for the ref ${ref}`, documentation_url: `${DOCS}/repos/contents#get-repository-content`, status: '404' });
    const path = call.op.params.path.replace(/^\/+|\/+$/g, '');
    const content = files.get(path);
    const accept = String(call.req.headers.accept ?? '');
    if (content === undefined) {
      const children = [...files.keys()].filter((p) => p.startsWith(`${path}/`));
      if (children.length === 0) throw new HttpError(404, { message: 'Not Found', documentation_url: `${DOCS}/repos/contents#get-repository-content`, status: '404' });
      const names = [...new Set(children.map((c) => c.slice(path.length + 1).split('/')[0]))].sort();
      return { status: 200, json: names.map((name) => ({ name, path: `${path}/${name}`, type: files.has(`${path}/${name}`) ? 'file' : 'dir' })) };
    }
    if (/\.raw\b/.test(accept)) return { status: 200, text: content, contentType: 'text/plain; charset=utf-8' };
    const size = Buffer.byteLength(content, 'utf8');
    // Like GitHub: base64 content inline up to 1 MB; beyond that the raw media type is required.
    const inline = size <= 1024 * 1024;
    const b64 = Buffer.from(content, 'utf8').toString('base64').replace(/.{60}/g, '$&\n');
    const self = `${call.base}/repos/${repo.owner.login}/${repo.name}/contents/${path}?ref=${ref}`;
    return {
      status: 200,
      json: {
        type: 'file',
        encoding: inline ? 'base64' : 'none',
        size,
        name: path.split('/').pop(),
        path,
        content: inline ? b64 : '',
        sha: gitBlobSha(content),
        url: self,
        git_url: `${call.base}/repos/${repo.owner.login}/${repo.name}/git/blobs/${gitBlobSha(content)}`,
        html_url: `https://github.com/${repo.owner.login}/${repo.name}/blob/${ref}/${path}`,
        download_url: `https://raw.githubusercontent.com/${repo.owner.login}/${repo.name}/${ref}/${path}`,
        _links: { self, git: null, html: null },
      },
    };
  }

  function createCheckRun(call: Call): Reply {
    const repo = repoOf(call);
    const body = call.body as Record<string, unknown> & { output?: { title?: string; summary?: string; text?: string; annotations?: SimAnnotation[] } };
    const run: SimCheckRun = {
      id: state.nextId(),
      name: String(body.name),
      head_sha: String(body.head_sha),
      external_id: (body.external_id as string | undefined) ?? null,
      status: body.conclusion ? 'completed' : ((body.status as string | undefined) ?? 'queued'),
      conclusion: (body.conclusion as string | undefined) ?? null,
      started_at: (body.started_at as string | undefined) ?? stamp(),
      completed_at: (body.completed_at as string | undefined) ?? (body.conclusion ? stamp() : null),
      output: { title: body.output?.title ?? null, summary: body.output?.summary ?? null, text: body.output?.text ?? null },
      annotations: [...(body.output?.annotations ?? [])],
      app: { id: call.identity.appId, slug: call.identity.appSlug },
      history: [body],
    };
    repo.checkRuns.push(run);
    return { status: 201, json: checkRunJson(call, run) };
  }

  function updateCheckRun(call: Call): Reply {
    const repo = repoOf(call);
    const run = repo.checkRuns.find((r) => r.id === Number(call.op.params.check_run_id));
    if (!run) throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    if (run.app.slug !== call.identity.appSlug) throw new HttpError(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });
    const body = call.body as Record<string, unknown> & { output?: { title?: string; summary?: string; text?: string; annotations?: SimAnnotation[] } };
    run.history.push(body);
    if (body.status) run.status = String(body.status);
    if (body.conclusion) {
      run.conclusion = String(body.conclusion);
      run.status = 'completed';
      run.completed_at = (body.completed_at as string | undefined) ?? stamp();
    }
    if (body.output) {
      // Like GitHub: title/summary/text are replaced, annotations are appended.
      run.output = { title: body.output.title ?? run.output.title, summary: body.output.summary ?? run.output.summary, text: body.output.text ?? run.output.text };
      run.annotations.push(...(body.output.annotations ?? []));
    }
    return { status: 200, json: checkRunJson(call, run) };
  }

  function listCheckRuns(call: Call): Reply {
    const repo = repoOf(call);
    const ref = call.op.params.ref;
    const name = call.query.get('check_name');
    let runs = repo.checkRuns.filter((r) => r.head_sha === ref && (!name || r.name === name));
    if ((call.query.get('filter') ?? 'latest') === 'latest') {
      const latest = new Map<string, SimCheckRun>();
      for (const r of runs) latest.set(r.name, r);
      runs = [...latest.values()];
    }
    runs = [...runs].reverse();
    return { status: 200, json: { total_count: runs.length, check_runs: runs.map((r) => checkRunJson(call, r)) } };
  }

  function paginate(call: Call, items: unknown[]): Reply {
    const perPage = Math.min(100, Math.max(1, Number(call.query.get('per_page') ?? 30)));
    const page = Math.max(1, Number(call.query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const link = (n: number, rel: string) => {
      const q = new URLSearchParams(call.query);
      q.set('per_page', String(perPage));
      q.set('page', String(n));
      links.push(`<${call.base}${call.path}?${q.toString()}>; rel="${rel}"`);
    };
    if (page < last) {
      link(page + 1, 'next');
      link(last, 'last');
    }
    if (page > 1) {
      link(1, 'first');
      link(page - 1, 'prev');
    }
    return { status: 200, json: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  function reviewJson(call: Call, r: SimReview) {
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
      author_association: 'NONE',
      _links: { html: { href: '' }, pull_request: { href: '' } },
    };
  }

  function commentJson(call: Call, c: SimReviewComment) {
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
      author_association: 'NONE',
    };
  }

  function checkRunJson(call: Call, r: SimCheckRun) {
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
      pull_requests: [...repo.pulls.values()].filter((p) => p.head.sha === r.head_sha).map((p) => ({ number: p.number, head: { ref: p.head.ref, sha: p.head.sha }, base: { ref: p.base.ref, sha: p.base.sha } })),
    };
  }

  function stamp(): string {
    return now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

const GRAPHQL_OPERATION: OperationMatch = { operationId: 'graphql', method: 'POST', template: '/graphql', params: {} };

/** Removes and returns the first entry registered for `method` and `path` (see `once`, `replyOnce`). */
function takeOnce<T extends { method: string; path: RegExp }>(list: T[], method: string, path: string): T | undefined {
  const at = list.findIndex((e) => e.method === method && e.path.test(path));
  return at >= 0 ? list.splice(at, 1)[0] : undefined;
}

function userJson(u: SimUser) {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    type: u.type,
    site_admin: false,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    url: `https://api.github.com/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${encodeURIComponent(u.login)}`,
  };
}

function gitBlobSha(content: string): string {
  const buf = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

function looseMatch(method: string, path: string): OperationMatch | undefined {
  // Without the OpenAPI description (dev dependencies absent), recognise just the endpoints served.
  const table: Array<[string, RegExp, string, string[]]> = [
    ['POST', /^\/app\/installations\/([^/]+)\/access_tokens$/, 'apps/create-installation-access-token', ['installation_id']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/, 'pulls/get', ['owner', 'repo', 'pull_number']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/, 'pulls/list-files', ['owner', 'repo', 'pull_number']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/comments$/, 'pulls/list-review-comments', ['owner', 'repo', 'pull_number']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/, 'pulls/list-reviews', ['owner', 'repo', 'pull_number']],
    ['POST', /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/, 'pulls/create-review', ['owner', 'repo', 'pull_number']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/, 'repos/get-content', ['owner', 'repo', 'path']],
    ['POST', /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/, 'checks/create', ['owner', 'repo']],
    ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/, 'checks/update', ['owner', 'repo', 'check_run_id']],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/, 'checks/list-for-ref', ['owner', 'repo', 'ref']],
  ];
  for (const [m, re, operationId, names] of table) {
    const hit = m === method ? re.exec(path) : null;
    if (!hit) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1])]));
    return { operationId, method, template: path, params };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { message: 'Request body too large', status: '413' });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  res.writeHead(reply.status, {
    'content-type': reply.text !== undefined ? (reply.contentType ?? 'text/plain; charset=utf-8') : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-github-media-type': 'github.v3; format=json',
    ...(reply.headers ?? {}),
  });
  res.end(payload);
}
