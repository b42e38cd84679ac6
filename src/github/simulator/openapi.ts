// Validates requests (and webhook payloads) against GitHub's published OpenAPI description
// (@octokit/openapi, api.github.com.json), so the simulator rejects what api.github.com would.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

type Json = Record<string, unknown>;
type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };
interface AjvLike {
  compile(schema: object): Validate;
}

/** A documented REST operation that a request matched. */
export interface OperationMatch {
  operationId: string;
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}/reviews`. */
  template: string;
  params: Record<string, string>;
}

/** Request and payload validation backed by one loaded copy of the description. */
export interface OpenApiValidator {
  /** The operation a request addresses, or undefined when GitHub documents no such endpoint. */
  match(method: string, path: string): OperationMatch | undefined;
  /** Problems with a request's query parameters and JSON body (empty when valid). */
  validateRequest(op: OperationMatch, query: URLSearchParams, body: unknown): string[];
  /** Problems with a webhook payload for `event` (e.g. `pull_request`) and its `action`. */
  validateWebhook(event: string, action: string | undefined, payload: unknown): string[];
}

const SPEC_FILE = '@octokit/openapi/generated/api.github.com.json';
let cached: Promise<OpenApiValidator> | undefined;

/**
 * Loads the description and the validator once per process (the JSON is 13 MB; every simulator
 * shares it). Throws a clear error when the dev dependencies it needs are not installed.
 */
export function loadOpenApiValidator(): Promise<OpenApiValidator> {
  cached ??= build().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function build(): Promise<OpenApiValidator> {
  const require = createRequire(import.meta.url);
  let specPath: string;
  let ajv: AjvLike;
  try {
    specPath = require.resolve(SPEC_FILE);
    const { Ajv } = (await import('ajv')) as unknown as { Ajv: new (opts: object) => AjvLike };
    const formats = (await import('ajv-formats')) as unknown as { default: ((ajv: AjvLike) => void) | { default: (ajv: AjvLike) => void } };
    // OpenAPI 3.0 schemas use `nullable` and keywords (example, discriminator) JSON Schema does not
    // know; strict mode would refuse them. The description itself is trusted, so skip meta-validation.
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const addFormats = typeof formats.default === 'function' ? formats.default : formats.default.default;
    addFormats(ajv);
  } catch (e) {
    throw new Error(
      `OpenAPI request validation needs the packages ajv, ajv-formats and @octokit/openapi (dev dependencies; install with \`npm install --include=dev\`): ${(e as Error).message}`,
    );
  }
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as Json;
  return createValidator(spec, ajv);
}

function createValidator(spec: Json, ajv: AjvLike): OpenApiValidator {
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const components = spec.components as { schemas: Record<string, Json>; parameters: Record<string, Json> };
  const compiled = new Map<string, Validate>();

  interface Route {
    method: string;
    template: string;
    regex: RegExp;
    names: string[];
    literals: number;
  }
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of Object.keys(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = item[method];
      const multi = new Set(
        ((op.parameters as Json[] | undefined) ?? [])
          .map(resolveParam)
          .filter((p) => p['x-multi-segment'] === true)
          .map((p) => String(p.name)),
      );
      const names: string[] = [];
      const pattern = template
        .split('/')
        .map((seg) =>
          seg.replace(/\{([^}]+)\}|[^{}]+/g, (m, name: string | undefined) => {
            if (name === undefined) return m.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
            names.push(name);
            return multi.has(name) ? '(.+)' : '([^/]+)';
          }),
        )
        .join('/');
      routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, literals: template.split('/').filter((s) => s && !s.includes('{')).length });
    }
  }
  // Prefer the most specific template: `/pulls/{n}/reviews` over anything with a multi-segment tail.
  routes.sort((a, b) => b.literals - a.literals || a.names.length - b.names.length);

  function resolveParam(p: Json): Json {
    const ref = p.$ref;
    if (typeof ref === 'string') return components.parameters[ref.split('/').pop()!] ?? {};
    return p;
  }

  /** The schema plus every component schema it reaches, so `#/components/schemas/x` refs resolve. */
  function compile(key: string, schema: Json): Validate {
    let v = compiled.get(key);
    if (!v) {
      const reached: Record<string, Json> = {};
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(walk);
        for (const [k, value] of Object.entries(node)) {
          if (k === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
            const name = value.slice('#/components/schemas/'.length);
            if (!(name in reached)) {
              reached[name] = components.schemas[name];
              walk(reached[name]);
            }
          } else walk(value);
        }
      };
      walk(schema);
      const normalised = Object.fromEntries(Object.entries(reached).map(([k, s]) => [k, nullableToAnyOf(s)]));
      v = ajv.compile({ allOf: [nullableToAnyOf(schema)], components: { schemas: normalised } });
      compiled.set(key, v);
    }
    return v;
  }

  function errorsOf(v: Validate, where: string): string[] {
    return (v.errors ?? []).slice(0, 10).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
  }

  return {
    match(method, path) {
      const m = method.toUpperCase();
      for (const r of routes) {
        if (r.method !== m) continue;
        const hit = r.regex.exec(path);
        if (!hit) continue;
        const params: Record<string, string> = {};
        r.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1])));
        const op = paths[r.template][method.toLowerCase()];
        return { operationId: String(op.operationId), method: m, template: r.template, params };
      }
      return undefined;
    },

    validateRequest(match, query, body) {
      const op = paths[match.template][match.method.toLowerCase()];
      const problems: string[] = [];
      for (const p of ((op.parameters as Json[] | undefined) ?? []).map(resolveParam)) {
        if (p.in !== 'query') continue;
        const name = String(p.name);
        const raw = query.get(name);
        if (raw === null) {
          if (p.required === true) problems.push(`query parameter ${name} is required`);
          continue;
        }
        const schema = (p.schema as Json | undefined) ?? {};
        const value = coerce(raw, schema);
        const v = compile(`${match.operationId}?${name}`, schema);
        if (!v(value)) problems.push(...errorsOf(v, `query parameter ${name}`));
      }
      const requestBody = op.requestBody as Json | undefined;
      const schema = ((requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
      if (body === undefined) {
        if (requestBody?.required === true) problems.push('a JSON request body is required');
      } else if (schema) {
        const v = compile(`${match.operationId}#body`, schema);
        if (!v(body)) problems.push(...errorsOf(v, 'body'));
      }
      return problems;
    },

    validateWebhook(event, action, payload) {
      const hooks = spec['x-webhooks'] as Record<string, { post: Json }>;
      const key = `${event}${action ? `-${action}` : ''}`.replace(/_/g, '-');
      const hook = hooks[key];
      if (!hook) return [`GitHub documents no webhook ${key}`];
      const schema = (((hook.post.requestBody as Json).content as Json)['application/json'] as Json).schema as Json;
      const v = compile(`webhook:${key}`, schema);
      return v(payload) ? [] : errorsOf(v, 'payload');
    },
  };
}

/**
 * OpenAPI 3.0 `nullable: true` without a `type` (GitHub uses it next to allOf/anyOf) is not JSON
 * Schema and Ajv refuses it; rewrite it as "this schema, or null". Returns a rewritten copy.
 */
function nullableToAnyOf(node: unknown): Json {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== 'object') return n;
    const out: Json = {};
    for (const [k, v] of Object.entries(n)) out[k] = walk(v);
    if (out.nullable === true && out.type === undefined) {
      const { nullable: _nullable, ...rest } = out;
      return { anyOf: [rest, { type: 'null' }] };
    }
    return out;
  };
  return walk(node) as Json;
}

function coerce(raw: string, schema: Json): unknown {
  const type = schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
